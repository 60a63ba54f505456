using Xunit;
using ReproBundle.Audit;

namespace ReproBundle.Tests.Model;

public class UnitTextTests
{
    [Theory]
    [InlineData("1", "GPUs", "1 GPU")]
    [InlineData("2", "GPUs", "2 GPUs")]
    [InlineData("1.5", "GPUs", "1.5 GPUs")]
    [InlineData("1-2", "GPUs", "1-2 GPUs")]
    [InlineData("1", "entries", "1 entry")]
    [InlineData("1", "streams per $1M", "1 stream per $1M")]
    [InlineData("117", "streams per $1M", "117 streams per $1M")]
    [InlineData("1", "tok/s", "1 tok/s")]
    [InlineData("1", "x", "1 x")]
    [InlineData("1", "GB", "1 GB")]
    [InlineData("1", "USD per million tokens", "1 USD per million tokens")]
    [InlineData("1", "", "1")]
    public void A_count_noun_after_a_number_agrees_with_it_and_symbols_never_change(string number, string unit, string expected) =>
        Assert.Equal(expected, UnitText.After(number, unit));
}
