using Xunit;

namespace ReproBundle.Tests.Model;

/// <summary>The one number formatter for sentences, labels and notes (<see cref="Quantity.Text(double)"/>).</summary>
public class QuantityTests
{
    [Theory]
    [InlineData(8333.333, "8333")]
    [InlineData(116.667, "117")]
    [InlineData(23.8806, "23.9")]
    [InlineData(0.132124, "0.132")]
    [InlineData(1.30208, "1.3")]
    [InlineData(0.999983, "0.99998")]
    [InlineData(20, "20")]
    [InlineData(30000, "30000")]
    [InlineData(-0.0018351, "-0.00184")]
    [InlineData(0, "0")]
    public void Sentences_show_three_significant_figures_and_every_whole_digit(double value, string expected)
    {
        Assert.Equal(expected, Quantity.Text(value));
    }

    [Theory]
    [InlineData(20, 32, "20-32")]
    [InlineData(0.4, 0.9, "0.4-0.9")]
    [InlineData(116.667, 116.667, "117")]
    [InlineData(116.6, 117.4, "117")]
    public void A_range_shows_both_ends_or_one_number_when_they_read_the_same(double lo, double hi, string expected)
    {
        Assert.Equal(expected, Quantity.Text(new Interval(lo, hi)));
    }

    [Fact]
    public void A_fraction_shows_as_a_percentage()
    {
        Assert.Equal("40-90%", Quantity.Percent(new Interval(0.4, 0.9)));
        Assert.Equal("70%", Quantity.Percent(Interval.Point(0.7)));
    }

    [Fact]
    public void Sentences_read_the_same_in_a_german_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("0.132", Quantity.Text(0.132124));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = before; }
    }
}
