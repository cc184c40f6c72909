using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>The admin grid's server-side filters, sorts and pages, on the real database.</summary>
public sealed class AdminQuestionQueryTests : IAsyncLifetime
{
    private static readonly ChangeSource Seed = new(HistoryEventSources.System, "tests");
    private TestDatabase _db = null!;
    private AdminQuestionQuery _query = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _query = new AdminQuestionQuery(_db.Factory);
        await Add("a-1", "How does a Kubernetes pod restart?", "kubernetes", "pods", Difficulty.Beginner, tags: ["k8s"], companies: ["Acme"], diagram: "graph TD; A-->B");
        await Add("a-2", "What is a ReplicaSet?", "kubernetes", "controllers", Difficulty.Advanced, tags: ["k8s", "scaling"], eli5: "Copies.");
        await Add("a-3", "Explain B-tree indexes", "databases", "indexes", Difficulty.Intermediate, status: QuestionStatus.Flagged, tldr: "Sorted pages.");
        await Add("a-4", "What is MVCC?", "databases", "transactions", Difficulty.Expert, status: QuestionStatus.Archived, keywords: ["snapshot"]);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task Add(
        string id, string text, string channel, string sub, Difficulty difficulty, QuestionStatus status = QuestionStatus.Active,
        List<string>? tags = null, List<string>? companies = null, string? diagram = null, string? eli5 = null, string? tldr = null,
        List<string>? keywords = null) =>
        _db.Changes.UpsertAsync(new QuestionData
        {
            Id = id, Text = text, Answer = "An answer.", Channel = channel, SubChannel = sub, Difficulty = difficulty, Status = status,
            Tags = tags, Companies = companies, Diagram = diagram, Eli5 = eli5, Tldr = tldr, VoiceKeywords = keywords,
        }, Seed);

    private async Task<string[]> Ids(QuestionFilter filter, QuestionSort sort = QuestionSort.Id, bool descending = false) =>
        (await _query.PageAsync(filter, sort, descending, 0, 50)).Rows.Select(r => r.Id).ToArray();

    [Fact]
    public async Task EachFilter_NarrowsTheRows()
    {
        Assert.Equal(["a-1", "a-2", "a-3", "a-4"], await Ids(new QuestionFilter()));
        Assert.Equal(["a-1"], await Ids(new QuestionFilter { Text = "POD restart" }));
        Assert.Equal(["a-3"], await Ids(new QuestionFilter { Text = "a-3" }));
        Assert.Equal(["a-3", "a-4"], await Ids(new QuestionFilter { Channel = "databases" }));
        Assert.Equal(["a-2"], await Ids(new QuestionFilter { Channel = "kubernetes", SubChannel = "controllers" }));
        Assert.Equal(["a-4"], await Ids(new QuestionFilter { Status = QuestionStatus.Archived }));
        Assert.Equal(["a-3"], await Ids(new QuestionFilter { Difficulty = Difficulty.Intermediate }));
        Assert.Equal(["a-1"], await Ids(new QuestionFilter { Company = "Acme" }));
        Assert.Equal(["a-2"], await Ids(new QuestionFilter { Tag = "scaling" }));
        Assert.Equal(["a-1"], await Ids(new QuestionFilter { HasDiagram = true }));
        Assert.Equal(["a-2", "a-3", "a-4"], await Ids(new QuestionFilter { HasDiagram = false }));
        Assert.Equal(["a-2"], await Ids(new QuestionFilter { HasEli5 = true }));
        Assert.Equal(["a-3"], await Ids(new QuestionFilter { HasTldr = true }));
        Assert.Equal(["a-4"], await Ids(new QuestionFilter { HasVoiceKeywords = true }));
        Assert.Equal(["a-1", "a-2", "a-3"], await Ids(new QuestionFilter { HasVoiceKeywords = false }));
        Assert.Empty(await Ids(new QuestionFilter { Channel = "kubernetes", Status = QuestionStatus.Flagged }));
    }

    [Fact]
    public async Task Difficulty_SortsByRank_NotAlphabetically()
    {
        Assert.Equal(["a-1", "a-3", "a-2", "a-4"], await Ids(new QuestionFilter(), QuestionSort.Difficulty));
        Assert.Equal(["a-4", "a-2", "a-3", "a-1"], await Ids(new QuestionFilter(), QuestionSort.Difficulty, descending: true));
    }

    [Fact]
    public async Task Pages_CoverEveryRowOnce_WithTheTotal()
    {
        var first = await _query.PageAsync(new QuestionFilter(), QuestionSort.Channel, false, 0, 3);
        var second = await _query.PageAsync(new QuestionFilter(), QuestionSort.Channel, false, 1, 3);

        Assert.Equal(4, first.Total);
        Assert.Equal(3, first.Rows.Count);
        Assert.Equal(["a-1", "a-2", "a-3", "a-4"], first.Rows.Concat(second.Rows).Select(r => r.Id).Order().ToArray());
    }

    [Fact]
    public async Task Channels_ListTheirSubChannels_WithCountsOverEveryStatus()
    {
        var channels = await _query.ChannelsAsync();

        var databases = Assert.Single(channels, c => c.Id == "databases");
        Assert.Equal(2, databases.Questions);
        Assert.Equal(["indexes", "transactions"], databases.SubChannels);
    }
}
