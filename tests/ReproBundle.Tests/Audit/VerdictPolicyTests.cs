using ReproBundle.Audit;
using Xunit;
using ReproBundle.Data;

namespace ReproBundle.Tests.Audit;

/// <summary>The verdict policy of docs/verdict-policy.md, one rule at a time, on claims written in the test.</summary>
public class VerdictPolicyTests
{
    private static Claim MakeClaim(ClaimRule rule, string publishedText, string publishedValue, string rounding = "printed", string reading = "") =>
        new("test.claim", "§0", "quote", publishedText, Interval.Parse(publishedValue), "x", rule, Rounding.TryParse(rounding, out _)!.Value, "", "test:1", publishedValue)
        {
            DeclaredReading = reading,
            ReadingBasis = reading.Length > 0 ? "the paper's words" : "",
        };

    private static ClaimComputation Readings(params Reading[] readings) =>
        new(readings[0].Value, readings[0].Detail) { PrimaryName = readings[0].Name, PrimaryKind = readings[0].Kind, PrimaryAssumes = readings[0].Assumes, Alternatives = readings[1..] };

    [Theory]
    [InlineData("27", 0.5)]
    [InlineData("0.20", 0.005)]
    [InlineData("1.3", 0.05)]
    [InlineData("12000", 500)]
    [InlineData("62500", 50)]
    [InlineData("500", 50)]
    [InlineData("8333", 0.5)]
    public void Half_a_unit_in_the_last_printed_digit(string printed, double expected)
    {
        Assert.Equal(expected, VerdictPolicy.HalfUnitInLastDigit(printed), 12);
    }

    [Theory]
    [InlineData("~27", "27", 2.7)]        // 10% of 27 is larger than half a unit (0.5)
    [InlineData("27", "27", 0.5)]         // not marked approximate: the printed digits alone
    [InlineData("~2x", "2", 0.5)]         // half a unit (0.5) is larger than 10% of 2 (0.2)
    [InlineData("est. 6", "6", 0.6)]
    [InlineData("roughly 60", "60", 6)]
    [InlineData("about 0.02", "0.02", 0.005)]
    public void Approximate_values_get_the_larger_of_ten_percent_and_half_a_unit(string text, string value, double expected)
    {
        Assert.Equal(expected, VerdictPolicy.Tolerance(MakeClaim(ClaimRule.Equal, text, value)).Lo, 12);
    }

    [Fact]
    public void The_issue_example_27_dollars_against_27_78_is_within_rounding()
    {
        // §1: "~$27"; $3 / (30 tok/s x 3600 s) x 1e6 = 27.78, 0.78 away, inside 10% of 27 = 2.7.
        var row = ClaimsAudit.Judge(MakeClaim(ClaimRule.Equal, "~$27", "27"), new ClaimComputation(Interval.Point(27.78), "detail"));
        Assert.Equal(Verdict.WithinRounding, row.Verdict);
    }

    [Fact]
    public void A_value_exactly_half_a_unit_away_is_not_within_rounding()
    {
        // "500" has one significant figure: 549 is within 50, 550 could round either way and is not taken.
        Assert.Equal(Verdict.WithinRounding, ClaimsAudit.Judge(MakeClaim(ClaimRule.Equal, "500", "500"), new(Interval.Point(549), "d")).Verdict);
        Assert.Equal(Verdict.Differs, ClaimsAudit.Judge(MakeClaim(ClaimRule.Equal, "500", "500"), new(Interval.Point(550), "d")).Verdict);
    }

    [Fact]
    public void The_issue_example_15_50_is_consistent_on_the_declared_interval_arithmetic_and_shows_its_centre_and_width()
    {
        // Table 2: 15-25 vs 300-800 tok/s. Matching ends 300/15 = 20, 800/25 = 32; interval arithmetic 300/25 = 12, 800/15 = 53.3.
        // Width: 53.3 / 12 = x4.44; printed 15-50 with its tolerance (15 ± 0.5, 50 ± 5) is 14.5-55, x3.79, so at most x3.79^2 = x14.4.
        var claim = MakeClaim(ClaimRule.Equal, "15-50x", "15-50", reading: "interval arithmetic");
        var row = ClaimsAudit.Judge(claim, Readings(
            new Reading("matching ends", new Interval(20, 32), "ends"),
            new Reading("interval arithmetic", new Interval(12, 800.0 / 15), "all", ReadingKind.Envelope)));
        Assert.Equal(Verdict.Consistent, row.Verdict);
        Assert.Equal("interval arithmetic", row.Reading);
        Assert.Contains("central value 25.3 x, width x4.44, at most x14.4 allowed", row.Reason);
        Assert.Equal(["matching ends: 20-32 x (differs)", "interval arithmetic: 12-53.3 x (consistent)"], row.ReadingsTried);
    }

    [Fact]
    public void The_declared_reading_decides_even_when_another_reading_passes()
    {
        var claim = MakeClaim(ClaimRule.Equal, "10-20", "10-20", reading: "a");
        var row = ClaimsAudit.Judge(claim, Readings(new Reading("a", new Interval(30, 40), "a"), new Reading("b", new Interval(10.2, 19.9), "b")));
        Assert.Equal(Verdict.Differs, row.Verdict);
        Assert.Equal("a", row.Reading);
        Assert.Contains("b: 10.2-19.9 x (within-rounding)", row.ReadingsTried);
        Assert.Contains("the reading the audit takes: the paper's words", row.Reason);
    }

    [Fact]
    public void Several_readings_and_none_declared_is_a_data_error_at_the_claims_row()
    {
        var claim = MakeClaim(ClaimRule.Equal, "10-20", "10-20");
        var e = Assert.Throws<ReproBundle.Data.BundleInputException>(() =>
            ClaimsAudit.Judge(claim, Readings(new Reading("a", new Interval(30, 40), "a"), new Reading("b", new Interval(10.2, 19.9), "b"))));
        Assert.Equal("test:1", e.Location);
        Assert.Contains("declare the one the audit takes", e.Problem);
    }

    [Theory]
    // §4.3: (C + NRE / N) / C over every volume up to 100 K nodes spans 1.02-10001x against the printed 3-10x.
    [InlineData("3-10x", "3-10", 1.02, 10001, "the stated inputs allow anything from 1.02 x to 10001 x")]
    // Table 2's ASIC energy: 1.5-2.5 kW over 300-40,000 tok/s gives 0.0375-8.33 J against the printed 0.3-1.5 J.
    [InlineData("0.3-1.5 J", "0.3-1.5", 0.0375, 8.333, "the stated inputs allow anything from 0.0375 x to 8.33 x")]
    // Table 2's batch-64 ratio: 12,000-40,000 over 400-900 spans 13.3-100x against the printed 30-50x (x7.5 against at most x4.84: 25-55 with its tolerance is x2.2).
    [InlineData("30-50x", "30-50", 13.333, 100, "the stated inputs allow anything from 13.3 x to 100 x")]
    public void An_envelope_wider_than_twice_the_printed_width_is_not_recomputable(string text, string value, double lo, double hi, string expected)
    {
        var row = ClaimsAudit.Judge(MakeClaim(ClaimRule.Equal, text, value), new ClaimComputation(new Interval(lo, hi), "e") { PrimaryKind = ReadingKind.Envelope });
        Assert.Equal(Verdict.NotRecomputable, row.Verdict);
        Assert.Contains(expected, row.Reason);
    }

    [Theory]
    // Table 2's ASIC cost: CapEx alone 0.132-0.881 $/M against the printed 0.20-1.50: at or above the floor at both ends.
    [InlineData("0.20-1.50", 0.132, 0.881, Verdict.NotRecomputable)]
    // Table 2's H100 cost: CapEx alone 15.9-26.4 $/M against the printed 15-40: the low end is 0.86 below the floor, beyond ±0.5.
    [InlineData("15-40", 15.86, 26.4, Verdict.Differs)]
    public void A_capex_floor_leaves_a_printed_cost_above_it_not_recomputable_and_one_below_it_differing(string printed, double lo, double hi, Verdict expected)
    {
        var row = ClaimsAudit.Judge(MakeClaim(ClaimRule.Equal, printed, printed), new ClaimComputation(new Interval(lo, hi), "capex") { PrimaryKind = ReadingKind.Floor });
        Assert.Equal(expected, row.Verdict);
    }

    [Theory]
    [InlineData(new[] { Verdict.Reproduces, Verdict.WithinRounding }, Verdict.WithinRounding)]
    [InlineData(new[] { Verdict.Consistent, Verdict.Differs }, Verdict.Differs)]
    [InlineData(new[] { Verdict.Reproduces, Verdict.NotRecomputable }, Verdict.NotRecomputable)]
    [InlineData(new[] { Verdict.NotRecomputable, Verdict.Differs, Verdict.Reproduces }, Verdict.Differs)]
    public void A_sentence_differs_if_a_part_differs_and_else_takes_its_weakest_part(Verdict[] parts, Verdict expected)
    {
        Assert.Equal(expected, VerdictPolicy.Combine(parts));
    }

    [Theory]
    [InlineData(27.5, Verdict.Consistent)]
    [InlineData(60, Verdict.Differs)]
    public void A_central_reading_is_consistent_when_the_printed_range_holds_it(double central, Verdict expected)
    {
        var row = ClaimsAudit.Judge(MakeClaim(ClaimRule.Equal, "15-50x", "15-50"), Readings(new Reading("ratio of midpoints", Interval.Point(central), "mid", ReadingKind.Central)));
        Assert.Equal(expected, row.Verdict);
    }

    [Fact]
    public void An_envelope_that_does_not_hold_the_printed_range_differs_whatever_its_width()
    {
        // Printed 30-60 J; 700 W over 15-900 tok/s allows 0.78-46.7 J, which does not reach 60.
        var row = ClaimsAudit.Judge(MakeClaim(ClaimRule.Equal, "30-60 J", "30-60"), Readings(new Reading("any batch", new Interval(700.0 / 900, 700.0 / 15), "e", ReadingKind.Envelope)));
        Assert.Equal(Verdict.Differs, row.Verdict);
    }

    [Fact]
    public void A_result_resting_on_a_bundle_assumption_is_not_recomputable_with_the_result_as_a_note()
    {
        var row = ClaimsAudit.Judge(MakeClaim(ClaimRule.Contains, "3-6 points", "3-6", "exact"),
            new ClaimComputation(new Interval(5, 7), "rubric gap 5-7") { BundleAssumption = "the bundle's rubric" });
        Assert.Equal(Verdict.NotRecomputable, row.Verdict);
        Assert.Contains("Rests on the bundle's rubric", row.Reason);
        Assert.Contains("not a verdict on the paper", row.Reason);
        Assert.Contains("rubric gap 5-7", row.Reason);
        Assert.Equal(new Interval(5, 7), row.RecomputedValue);
    }

    [Fact]
    public void A_reading_that_takes_a_shared_quantity_another_way_is_shown_but_never_chosen()
    {
        var claim = MakeClaim(ClaimRule.AtLeast, "15-25 tok/s", "15-25", reading: "one H100");
        var row = ClaimsAudit.Judge(claim, Readings(
            new Reading("one H100", new Interval(4.19, 8.38), "one") { Assumes = ["table2.h100_baseline=one-gpu"] },
            new Reading("several H100s", Interval.Point(41.9), "many") { Assumes = ["table2.h100_baseline=multi-gpu"] }));
        Assert.Equal(Verdict.Differs, row.Verdict);
        Assert.Contains("several H100s: 41.9 x (reproduces, not taken)", row.ReadingsTried);
    }

    [Fact]
    public void The_consistency_check_finds_claims_that_read_one_quantity_two_ways()
    {
        AuditRow Row(string id, string assumes) => new(id, "§0", "q", "1", "1", Verdict.Reproduces, "r") { Assumes = [assumes] };
        var conflicts = VerdictPolicy.ConflictingReadings([Row("a.claim", "q.x=one"), Row("b.claim", "q.x=two"), Row("c.claim", "q.y=one")]);
        Assert.Equal(["q.x: one in a.claim; two in b.claim"], conflicts);
    }
}
