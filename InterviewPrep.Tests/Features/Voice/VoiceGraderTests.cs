using InterviewPrep.Web.Features.Voice;
using InterviewPrep.Web.Features.Voice.Grading;

namespace InterviewPrep.Tests.Features.Voice;

/// <summary>The grader on questions written for these tests: what it hears, what fools it not, and why it says so.</summary>
public sealed class VoiceGraderTests
{
    private static readonly GradedQuestion Index = new(
        "t-index", "database", "What is a database index, and when would you add one?",
        "An index is a separate data structure, usually a B-tree, that lets the database find rows without scanning the whole table. " +
        "It speeds up reads, lookups and sorting on the indexed columns, but it slows down writes, because every insert and update must maintain the index, and it takes extra storage.",
        "Add an index for columns you filter, join or sort on often; avoid indexing columns with few distinct values.",
        "A composite index serves queries on its leading columns. The query planner chooses an index when it is selective. " +
        "Too many indexes hurt write throughput. A covering index answers a query from the index alone, without reading the table.",
        null);

    private static readonly GradedQuestion Pods = new(
        "t-pods", "kubernetes", "How do you find out why a pod keeps restarting?",
        "Look at the pod's events and the previous container's logs, then check probes and memory limits.",
        null, "Use kubectl describe pod and kubectl logs --previous. Liveness probes that fail restart the container; an OOMKilled status means the memory limit is too low.",
        ["kubectl describe", "previous logs", "liveness probe", "oomkilled", "memory limits", "partitioning", "memcached"]);

    private static readonly GradedQuestion Conflict = new(
        "t-conflict", "behavioral", "Tell me about a time you disagreed with a teammate about a technical decision.",
        "Use STAR: the situation, your task, the actions you took to resolve the disagreement with data and respect, and the result.",
        null, "Good answers show listening, using evidence, committing to the decision, and what you learned.", null);

    private static readonly CollectionStats Stats = CollectionStats.From(
        [
            Index.Text + " " + Index.Answer, Pods.Text + " " + Pods.Answer, Conflict.Text + " " + Conflict.Answer,
            "What is TLS and how does the handshake work? The client and server agree on keys with certificates.",
            "Explain how a CDN caches static content at the edge, close to users, to cut latency.",
            "What is a message queue? Producers write messages, consumers read them, decoupling services.",
            "How does garbage collection work in .NET? Generations, the mark phase and compaction.",
            "What is the difference between a process and a thread? Threads share memory within a process.",
        ],
        Synonyms.Default);

    private static VoiceGrade Grade(GradedQuestion question, string transcript) =>
        VoiceGrader.Grade(ConceptFinder.Prepare(question, Stats, Synonyms.Default), transcript, Stats, Synonyms.Default);

    private const string GoodIndexAnswer =
        "so an index is basically a separate data structure usually a b tree that the database keeps next to the table " +
        "and it lets the database find the rows you want without scanning the whole table so reads and lookups get much faster " +
        "but the catch is that writes get slower because every insert and update also has to maintain the index and it takes extra storage " +
        "so you'd add one on columns you filter or join or sort on a lot";

    [Fact]
    public void AGoodExplanation_IsGradedGoodOrBetter_WithDerivedConceptsHighlightedWhereHeard()
    {
        var grade = Grade(Index, GoodIndexAnswer);

        Assert.True(grade.Score >= 60, $"score {grade.Score}: {string.Join("; ", grade.Reasons.Select(r => r.Why))}");
        Assert.Contains(grade.Verdict, new[] { VoiceGrade.Good, VoiceGrade.Excellent });
        Assert.True(grade.ConceptsDerived);
        Assert.All(grade.Matched, c => Assert.True(c.Derived));
        Assert.NotEmpty(grade.Matched);
        Assert.All(grade.Matched.SelectMany(c => c.Where), w => Assert.InRange(w.Start, 0, w.End));
        // Every point is explained.
        Assert.Equal(grade.Score, Math.Clamp(grade.Reasons.Sum(r => r.Points), 0, 100), tolerance: 2);
    }

    [Fact]
    public void OtherFormsOfTheWords_AreHeardAsTheSame()
    {
        var plural = Grade(Index, GoodIndexAnswer.Replace("an index is", "indexes are").Replace("a b tree", "b-trees").Replace("rows", "row"));
        var original = Grade(Index, GoodIndexAnswer);

        Assert.Equal(original.Matched.Select(c => c.Name), plural.Matched.Select(c => c.Name));
    }

    [Fact]
    public void AListOfTheRightTerms_WithoutExplanation_ScoresPoorly_AndSaysWhy()
    {
        var grade = Grade(Index, "index b tree scanning table reads lookups writes insert update storage columns composite covering planner");

        Assert.True(grade.Score <= 35, $"score {grade.Score}");
        Assert.Contains(grade.Reasons, r => r.Why.Contains("list of terms", StringComparison.Ordinal));
        Assert.All(grade.Matched, c => Assert.Contains("without explanation", c.How));
    }

    [Fact]
    public void AListOfTerms_WithFillersBetweenThem_IsStillAList()
    {
        var grade = Grade(Index, "so um index b tree yeah scanning table reads um lookups basically writes insert update yeah storage columns composite okay covering planner");

        Assert.True(grade.Score <= 35, $"score {grade.Score}");
        Assert.Contains(grade.Reasons, r => r.Why.Contains("list of terms", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAnswerThatSaysTheOpposite_DoesNotScoreWell()
    {
        var grade = Grade(Index,
            "well an index is not a separate data structure it is just the table sorted and honestly it doesn't speed up reads at all " +
            "and writes don't get slower because insert and update never touch the index so you should add an index on every column");

        Assert.True(grade.Score < Grade(Index, GoodIndexAnswer).Score - 25, $"score {grade.Score}");
        Assert.Contains(grade.Reasons, r => r.Points < 0 && r.Why.Contains("opposite", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAnswerToAnotherQuestion_IsPoor()
    {
        var grade = Grade(Index,
            "so tls is how the client and the server set up an encrypted connection the client says hello with the ciphers it supports " +
            "the server answers with its certificate and then they agree on session keys so that everything after the handshake is encrypted " +
            "and the certificate proves the server is who it says it is because it is signed by a certificate authority the browser trusts");

        Assert.Equal(VoiceGrade.Poor, grade.Verdict);
    }

    [Fact]
    public void AbbreviationsAndMishearings_AreHeard_AsSuch()
    {
        var grade = Grade(Pods,
            "first i'd run cube control describe on the pod to see its events and then look at the previous logs of the container " +
            "because a failing liveness probe restarts the container and if the status says oom killed then the memory limits are too low " +
            "and we'd also check the partishioning of the mem cached nodes");

        var kubectl = Assert.Single(grade.Matched, c => c.Name == "kubectl describe");
        Assert.Equal("by another name", kubectl.How);
        Assert.Contains(grade.Matched, c => c.Name == "partitioning" && c.How == "heard as a near spelling");
        Assert.Contains(grade.Matched, c => c.Name == "memcached" && c.How == "heard as two words");
        Assert.Contains(grade.Matched, c => c.Name == "oomkilled");
        Assert.False(grade.ConceptsDerived);
    }

    [Fact]
    public void MultiWordConcepts_MatchInAnyOrder_WithinAShortWindow()
    {
        var grade = Grade(Pods, "the memory limits matter and the probe for liveness too, and the logs of the previous container");

        Assert.Contains(grade.Matched, c => c.Name == "liveness probe" && !c.How.StartsWith("partly", StringComparison.Ordinal));
        Assert.Contains(grade.Matched, c => c.Name == "previous logs");
    }

    [Fact]
    public void ABehaviouralAnswer_IsHeardAsAStory()
    {
        var grade = Grade(Conflict,
            "at my previous job our team was choosing a database for a new service and a teammate wanted mongo while i thought postgres fit better " +
            "my task was to get us to a decision before the sprint planning so i suggested we write down the access patterns and i built a small benchmark for both " +
            "i listened to his concerns about schema changes and we agreed on criteria together and in the end we picked postgres with a json column " +
            "and as a result the service shipped on time and i learned that data settles arguments better than opinions");

        Assert.NotNull(grade.Star);
        Assert.Equal(4, grade.Star!.Count);
        Assert.Contains(grade.Reasons, r => r.Why.Contains("STAR", StringComparison.Ordinal));
    }

    [Fact]
    public void NothingSaid_IsPoor_WithEveryConceptMissed_AndTheSameEveryTime()
    {
        var empty = Grade(Index, "");
        var again = GradeJson.Write(Grade(Index, GoodIndexAnswer), GoodIndexAnswer);

        Assert.Equal(0, empty.Score);
        Assert.Equal(VoiceGrade.Poor, empty.Verdict);
        Assert.Empty(empty.Matched);
        Assert.NotEmpty(empty.Missed);
        Assert.Equal(again, GradeJson.Write(Grade(Index, GoodIndexAnswer), GoodIndexAnswer));
    }

    [Fact]
    public void AnAnswerThatNamesEverythingInAFewWords_IsGoodAtMost_AndADevelopedOneCanBeExcellent()
    {
        var brief = Grade(Index,
            "an index is a separate data structure usually a b tree so the database finds rows without scanning the whole table because lookups and sorting use the index. " +
            "the downside is every insert and update must maintain the index which means writes slow down and it takes extra storage. " +
            "for example add one on columns you filter join or sort on often, but avoid columns with few distinct values");
        var developed = Grade(Index, GoodIndexAnswer +
            " for example a composite index on customer and date serves queries that filter on the customer first, and a covering index can answer a query " +
            "from the index alone without reading the table at all. the query planner only chooses an index when it is selective, so an index on a column " +
            "with few distinct values like a status flag usually goes unused while still costing every write, which is why too many indexes hurt write throughput");

        Assert.True(brief.Verdict == VoiceGrade.Good && brief.Reasons.Any(r => r.Points < 0 && r.Why.Contains("develops its points", StringComparison.Ordinal)),
            $"{brief.Score}: {string.Join("; ", brief.Reasons.Select(r => $"{r.Points} {r.Why}"))}");
        Assert.Equal(brief.Score, brief.Reasons.Sum(r => r.Points)); // the cap's points make the sum exact
        Assert.Equal(VoiceGrade.Excellent, developed.Verdict);
        Assert.DoesNotContain(developed.Reasons, r => r.Why.Contains("develops its points", StringComparison.Ordinal));
    }

    [Fact]
    public void AVagueAnswerOnTheQuestion_NeedsWork_ButAWrongOrEmptyOneIsPoor()
    {
        var vague = Grade(Index,
            "um so an index makes the database faster at finding rows. you put one on a column you search on a lot and then " +
            "queries on that column are quicker. i think it costs something when you write too but mostly it just helps reads");
        var contradicting = Grade(Index,
            "um so an index makes the database faster at finding rows. you put one on every column you have and then " +
            "queries are quicker. writes never get slower and it's not a separate structure it's just the table kept sorted");
        var thin = Grade(Index, "an index makes the database faster i think");

        Assert.Equal(VoiceGrade.NeedsWork, vague.Verdict);
        Assert.Contains(vague.Reasons, r => r.Why.Contains("at least needs work", StringComparison.Ordinal));
        Assert.Equal(vague.Score, vague.Reasons.Sum(r => r.Points));
        Assert.Equal(VoiceGrade.Poor, contradicting.Verdict);
        Assert.Equal(VoiceGrade.Poor, thin.Verdict);
    }

    [Fact]
    public void AnAnswerThatOnlySaysTheQuestionAgain_IsPoor()
    {
        var echo = Grade(Index,
            "so a database index is what you add to a database when you would add one. you would add an index to the database " +
            "when you want a database index, and a database index is an index you add to the database when you would add one");

        Assert.Equal(VoiceGrade.Poor, echo.Verdict);
        Assert.DoesNotContain(echo.Reasons, r => r.Why.Contains("at least needs work", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(80, "excellent")]
    [InlineData(79, "good")]
    [InlineData(60, "good")]
    [InlineData(59, "needs-work")]
    [InlineData(40, "needs-work")]
    [InlineData(39, "poor")]
    public void Verdicts_FollowTheBands(int score, string verdict) => Assert.Equal(verdict, VoiceGrade.VerdictOf(score));
}
