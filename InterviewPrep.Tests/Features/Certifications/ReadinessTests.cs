using InterviewPrep.Web.Features.Certifications;

namespace InterviewPrep.Tests.Features.Certifications;

public sealed class ReadinessTests
{
    private static readonly IReadOnlyList<BlueprintDomain> Blueprint =
        [new("design", "Design", 70), new("ops", "Operations", 20), new("empty", "Nothing mapped", 10)];

    private static readonly Dictionary<string, string> DomainOf = new()
    {
        ["d1"] = "design", ["d2"] = "design", ["d3"] = "design", ["d4"] = "design",
        ["o1"] = "ops", ["o2"] = "ops",
        ["g1"] = "general",
    };

    [Fact]
    public void ADomainsReadiness_IsTheMeanRecall_WithUnstudiedQuestionsAtZero()
    {
        var report = Readiness.Compute(Blueprint, DomainOf, new Dictionary<string, double> { ["d1"] = 0.9, ["d2"] = 0.7, ["o1"] = 1, ["o2"] = 0.8, ["g1"] = 1 });

        var design = report.Domains.Single(d => d.Domain == "design");
        Assert.Equal(0.4, design.Recall, 6);           // (0.9 + 0.7 + 0 + 0) / 4
        Assert.Equal(2, design.Studied);
        Assert.Equal(0.9, report.Domains.Single(d => d.Domain == "ops").Recall, 6);
        // Overall: the weighted mean of the domains that have questions (70 and 20; "empty" has none): (70 × 0.4 + 20 × 0.9) / 90.
        Assert.Equal((70 * 0.4 + 20 * 0.9) / 90, report.Overall, 6);
        Assert.Equal(51, report.ExpectedPercent);
        Assert.DoesNotContain(report.Domains, d => d.Domain == "general");
    }

    [Fact]
    public void StudyNext_IsTheDomainWhereWeightTimesWhatIsNotKnownIsLargest()
    {
        // Design: 70 × (1 − 0.4) = 42; operations: 20 × (1 − 0) = 20. Design is heavier and still weak.
        var report = Readiness.Compute(Blueprint, DomainOf, new Dictionary<string, double> { ["d1"] = 0.9, ["d2"] = 0.7 });
        Assert.Equal("design", report.StudyNext?.Domain);

        // Design well known (70 × 0.05 = 3.5) and operations not at all (20): operations next.
        var known = Readiness.Compute(Blueprint, DomainOf, new Dictionary<string, double> { ["d1"] = 0.95, ["d2"] = 0.95, ["d3"] = 0.95, ["d4"] = 0.95 });
        Assert.Equal("ops", known.StudyNext?.Domain);
    }

    [Fact]
    public void ANewLearner_IsAtZero_AndHasNotStarted()
    {
        var report = Readiness.Compute(Blueprint, DomainOf, new Dictionary<string, double>());

        Assert.Equal(0, report.Overall);
        Assert.False(report.Started);
        Assert.Equal("design", report.StudyNext?.Domain);
    }
}
