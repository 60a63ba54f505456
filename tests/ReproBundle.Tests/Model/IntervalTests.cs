using System.Globalization;
using Xunit;

namespace ReproBundle.Tests.Model;

public class IntervalTests
{
    private static readonly Interval A = new(15, 25);
    private static readonly Interval B = new(300, 800);

    [Theory]
    [InlineData("15-25", 15, 25)]
    [InlineData("300-800", 300, 800)]
    [InlineData("0.20-1.50", 0.2, 1.5)]
    [InlineData("70e9", 70e9, 70e9)]
    [InlineData("1e-3-2e-3", 1e-3, 2e-3)]
    [InlineData(" 28 - 35 ", 28, 35)]
    public void Parse_reads_the_papers_range_forms(string text, double lo, double hi)
    {
        var v = Interval.Parse(text);
        Assert.Equal(lo, v.Lo);
        Assert.Equal(hi, v.Hi);
    }

    [Theory]
    [InlineData("25-15", "low end greater than its high end")]
    [InlineData("abc", "is not a number")]
    [InlineData("", "empty value")]
    [InlineData("1,5", "is not a number")]
    [InlineData("NaN", "is not a number")]
    public void Parse_rejects_malformed_text_with_the_reason(string text, string reason)
    {
        Assert.False(Interval.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Text_form_round_trips_and_ignores_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var v = new Interval(0.1 + 0.2, 1.5);
            Assert.Equal("0.30000000000000004-1.5", v.ToString());
            Assert.Equal(v, Interval.Parse(v.ToString()));
            Assert.Equal("116.66666666666667", Interval.Point(350.0 / 3).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Sum_product_and_quotient_of_positive_ranges_take_the_extreme_ends()
    {
        Assert.Equal(new Interval(315, 825), A + B);
        Assert.Equal(new Interval(4500, 20000), A * B);
        Assert.Equal(new Interval(12, 800.0 / 15), B / A);
        Assert.Equal(new Interval(-785, -275), A - B);
    }

    [Fact]
    public void Scalars_scale_both_ends_and_negative_scalars_swap_them()
    {
        Assert.Equal(new Interval(30, 50), A * 2);
        Assert.Equal(new Interval(-50, -30), -2 * A);
        Assert.Equal(new Interval(0.04, 1.0 / 15), 1 / A);
    }

    [Fact]
    public void Min_max_and_hull_combine_ranges()
    {
        Assert.Equal(new Interval(15, 25), Interval.Min(A, B));
        Assert.Equal(new Interval(300, 800), Interval.Max(A, B));
        Assert.Equal(new Interval(15, 800), Interval.Hull(A, B));
    }

    [Fact]
    public void Dividing_by_a_range_that_contains_zero_is_refused()
    {
        Assert.Throws<DivideByZeroException>(() => A / new Interval(-1, 1));
    }

    [Fact]
    public void Constructing_a_range_with_low_above_high_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Interval(2, 1));
        Assert.Throws<ArgumentException>(() => new Interval(double.NaN, 1));
    }

    [Fact]
    public void Every_pointwise_result_lies_inside_the_interval_result()
    {
        // Property: for x in a and y in b, x op y lies in (a op b). Sampled on a fixed grid of random ranges.
        var random = new Random(20261129);
        for (int trial = 0; trial < 200; trial++)
        {
            var a = RandomInterval(random);
            var b = RandomInterval(random);
            for (int i = 0; i < 20; i++)
            {
                double x = a.Lo + random.NextDouble() * a.Width, y = b.Lo + random.NextDouble() * b.Width;
                AssertInside(a + b, x + y);
                AssertInside(a - b, x - y);
                AssertInside(a * b, x * y);
                AssertInside(a / b, x / y);
                AssertInside(Interval.Min(a, b), Math.Min(x, y));
                AssertInside(Interval.Max(a, b), Math.Max(x, y));
            }
        }
    }

    private static Interval RandomInterval(Random random)
    {
        double lo = 0.01 + random.NextDouble() * 100, width = random.NextDouble() * 100;
        return new Interval(lo, lo + width);
    }

    private static void AssertInside(Interval range, double value)
    {
        var slack = 1e-12 * Math.Max(1, Math.Abs(value));
        Assert.True(range.Lo - slack <= value && value <= range.Hi + slack, $"{value} outside {range}");
    }

    [Fact]
    public void Paired_ends_combine_low_with_low_and_high_with_high()
    {
        Assert.Equal(new Interval(20, 32), Interval.PairEnds(B, A, (x, y) => x / y));
    }

    [Theory]
    [InlineData(200e9, 200e9)]
    [InlineData(0.3, 0.1)]
    [InlineData(30000, 0.7)]
    public void A_point_divides_exactly_as_a_double_does(double a, double b)
    {
        // 200e9 / 200e9 is exactly 1; multiplying by the reciprocal (200e9 * (1 / 200e9)) gives 0.9999999999999999.
        Assert.Equal(a / b, (Interval.Point(a) / Interval.Point(b)).PointValue);
    }
}
