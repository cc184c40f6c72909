using InterviewPrep.Web.Features.Certifications;

namespace InterviewPrep.Tests.Features.Certifications;

public sealed class AnswerCoverageTests
{
    private const string Question = "What does a Kubernetes readiness probe do?";

    private const string Answer =
        "A readiness probe tells the kubelet whether a container can serve traffic. While the probe fails, the pod is removed " +
        "from the service endpoints, so no traffic is routed to it; unlike a liveness probe, a failing readiness probe does not restart " +
        "the container.\n```yaml\nreadinessProbe:\n  httpGet:\n    path: /healthz\n```";

    [Fact]
    public void KeyTerms_AreTheAnswersMostUsedWords_NotTheQuestionsOrTheCodes()
    {
        var terms = AnswerCoverage.KeyTerms(Question, Answer).Select(t => t.Word).ToList();

        Assert.Contains("traffic", terms);
        Assert.Contains("container", terms);
        Assert.Contains("endpoints", terms);
        Assert.DoesNotContain("probe", terms);      // the question's own word
        Assert.DoesNotContain("readiness", terms);
        Assert.DoesNotContain("healthz", terms);    // inside a code block
        Assert.DoesNotContain("the", terms);
        Assert.True(terms.Count <= AnswerCoverage.MaxTerms);
        Assert.Equal(["container", "traffic"], terms.Take(2).Order()); // each used twice
        Assert.DoesNotContain("tells", terms);      // once, and shorter than the ten kept
    }

    [Fact]
    public void AWrittenAnswer_CoversTermsInAnyForm_AndSuggestsAMark()
    {
        var good = AnswerCoverage.Check(Question, Answer,
            "It stops routing traffic to containers that are not ready: the pod leaves the Service's endpoint list until it passes, " +
            "and it is not restarted, which is what liveness does. The kubelet runs it.");
        var thin = AnswerCoverage.Check(Question, Answer, "It checks whether the app can take traffic.");
        var off = AnswerCoverage.Check(Question, Answer, "Something about health.");

        Assert.Contains(good.Terms, t => t.Term == "container" && t.Covered);   // "containers"
        Assert.Contains(good.Terms, t => t.Term == "restart" && t.Covered);     // "restarted"
        Assert.Equal(ExamMark.Correct, good.Suggested);
        Assert.True(good.Share >= 0.6, $"{good.CoveredCount}/{good.Terms.Count}");
        Assert.Equal(ExamMark.Wrong, thin.Suggested);
        Assert.Equal(ExamMark.Wrong, off.Suggested);
        Assert.Equal(0, off.CoveredCount);
    }

    [Fact]
    public void NoWrittenAnswer_ShowsTheTerms_ButSuggestsNothing()
    {
        var coverage = AnswerCoverage.Check(Question, Answer, "   ");

        Assert.Null(coverage.Suggested);
        Assert.NotEmpty(coverage.Terms);
        Assert.All(coverage.Terms, t => Assert.False(t.Covered));
    }

    [Fact]
    public void WithTheCollectionsRarity_WordsEveryAnswerUses_RankBelowTheTellingOnes()
    {
        // Every answer of this collection speaks of traffic and containers; only this one of endpoints and liveness.
        var rarity = TermRarity.From(Enumerable.Range(0, 20).Select(i => $"Answer {i}: containers take traffic.").Append(Answer));

        var terms = AnswerCoverage.KeyTerms(Question, Answer, rarity).Select(t => t.Word).ToList();

        Assert.Contains("endpoints", terms);
        Assert.Contains("liveness", terms);
        Assert.True(terms.IndexOf("traffic") is -1 or > 2, string.Join(", ", terms));
        Assert.True(terms.IndexOf("container") is -1 or > 2, string.Join(", ", terms));
        Assert.Equal(21, rarity.Documents);
    }
}
