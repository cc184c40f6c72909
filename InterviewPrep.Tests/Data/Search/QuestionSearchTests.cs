using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Search;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;

namespace InterviewPrep.Tests.Data.Search;

/// <summary>Full-text search on the starter content: ranking, prefixes, filters, hostile input, and an index in step with every change.</summary>
public sealed class QuestionSearchTests : IAsyncLifetime
{
    private static readonly ChangeSource Admin = new(HistoryEventSources.Admin, "admin");
    private TestDatabase _db = null!;
    private QuestionSearch _search = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
        _search = new QuestionSearch(_db.Factory);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task AQuestionWhoseTitleMatches_RanksFirst()
    {
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "ranking-probe", Text = "What is a zygomorphic cache?", Answer = "A made-up term.", Channel = "testing", SubChannel = "x",
            Difficulty = Difficulty.Beginner,
        }, Admin);
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "ranking-noise", Text = "Explain caches", Answer = "Mentions zygomorphic once in the answer.", Channel = "testing", SubChannel = "x",
            Difficulty = Difficulty.Beginner, Explanation = "zygomorphic zygomorphic zygomorphic",
        }, Admin);

        var results = await _search.SearchAsync("zygomorphic");

        Assert.Equal(["ranking-probe", "ranking-noise"], results.Hits.Select(h => h.Id));
        Assert.Contains("<mark>zygomorphic</mark>", results.Hits[0].TitleHtml);
    }

    [Fact]
    public async Task TheLastWord_MatchesAsAPrefix_AsYouType()
    {
        var full = await _search.SearchAsync("load balancer");
        var typing = await _search.SearchAsync("load bal", asYouType: true);
        Assert.True((await _search.SearchAsync("load bal")).AnyWord); // no question has the word "bal": those with "load", best first
        Assert.NotEmpty(full.Hits);
        Assert.Contains(full.Hits[0].Id, typing.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Filters_NarrowByChannelAndDifficulty()
    {
        var all = await _search.SearchAsync("index", limit: 100);
        var databases = await _search.SearchAsync("index", channel: "databases", limit: 100);
        var advanced = await _search.SearchAsync("index", channel: "databases", difficulty: Difficulty.Advanced, limit: 100);

        Assert.True(all.Total > databases.Total);
        Assert.All(databases.Hits, h => Assert.Equal("databases", h.Channel));
        Assert.All(advanced.Hits, h => Assert.Equal(Difficulty.Advanced, h.Difficulty));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced")]
    [InlineData("AND OR NOT")]
    [InlineData("NEAR(a b")]
    [InlineData("col:value")]
    [InlineData("a* OR *b")]
    [InlineData("^start")]
    [InlineData("(((")]
    [InlineData("'; DROP TABLE questions; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AnyText_IsASafeQuery(string text)
    {
        var results = await _search.SearchAsync(text);
        Assert.NotNull(results);
        Assert.All(results.Hits, h => Assert.DoesNotContain("<script", h.TitleHtml + h.SnippetHtml));
    }

    [Fact]
    public void MatchExpressions_QuoteEveryWord_AndPrefixTheLast()
    {
        Assert.Equal("\"load\" \"bal\"*", QuestionSearch.ToMatchExpression("load bal", asYouType: true));
        Assert.Equal("\"load\" \"bal\"", QuestionSearch.ToMatchExpression("load bal"));
        Assert.Equal("\"load\" \"balancer\"", QuestionSearch.ToMatchExpression("load balancer ", asYouType: true));
        Assert.Equal("\"NEAR\" \"b\"", QuestionSearch.ToMatchExpression("NEAR(a b)")); // "a" is a stop word
        Assert.Null(QuestionSearch.ToMatchExpression("\"*()"));
        Assert.Equal("\"load\"", QuestionSearch.ToMatchExpression("load b", asYouType: true));
    }

    [Fact]
    public async Task AQuestionTypedInFull_FindsItsAnswer()
    {
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "tcp-handshake-probe", Text = "Walk through the TCP three-way handshake", Answer = "SYN, then SYN-ACK, then ACK.",
            Channel = "networking", SubChannel = "tcp", Difficulty = Difficulty.Beginner,
        }, Admin);

        var results = await _search.SearchAsync("How does the TCP handshake work?");

        Assert.True(results.AnyWord); // no question has "work" too
        Assert.Equal("tcp-handshake-probe", results.Hits[0].Id);
        Assert.False((await _search.SearchAsync("tcp handshake")).AnyWord);
    }

    [Fact]
    public void StopWords_AreLeftOut_UnlessNothingElseIsLeft()
    {
        Assert.Equal(["tcp", "handshake", "work"], SearchTerms.Parse("how does the tcp handshake work")!.Words);
        Assert.Equal(["what", "is", "it"], SearchTerms.Parse("what is it")!.Words);
        Assert.Equal(["index", "wh"], SearchTerms.Parse("index wh", asYouType: true)!.Words); // the word being typed stays
    }

    [Fact]
    public async Task Snippets_ArePlainText_WithTheMatchesMarked()
    {
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "markdown-snippet-probe", Text = "Where is quuxification used?",
            Answer = "## Short answer\n**Quuxification** uses `quux()` and [links](https://example.com) with _care_.\n\n| a | quuxification |\n|---|---|\n| 1 | 2 |",
            Channel = "testing", SubChannel = "x", Difficulty = Difficulty.Beginner,
        }, Admin);

        var snippet = (await _search.SearchAsync("quuxification")).Hits.Single().SnippetHtml;

        Assert.Contains("<mark>", snippet);
        foreach (var markup in new[] { "**", "`", "##", "|", "](", "_care_", "---" })
        {
            Assert.DoesNotContain(markup, snippet);
        }
    }

    [Theory]
    [InlineData("**bold** and __strong__", "bold and strong")]
    [InlineData("## Heading\n- item one\n1. item two", "Heading item one item two")]
    [InlineData("| a | b |\n|---|:---:|\n| 1 | 2 |", "a b 1 2")]
    [InlineData("see [the docs](https://x.test) and ![img](y.png)", "see the docs and img")]
    [InlineData("```python\nprint(a_b)\n```", "print(a_b)")]
    [InlineData("snake_case_name stays", "snake_case_name stays")]
    public void SnippetText_DropsMarkdown(string markdown, string plain) => Assert.Equal(plain, SnippetText.Plain(markdown));

    [Fact]
    public async Task Index_FollowsEveryChangeThroughTheContentPath()
    {
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "in-step", Text = "What is a quokkaphant?", Answer = "An animal.", Channel = "testing", SubChannel = "x", Difficulty = Difficulty.Beginner,
        }, Admin);
        Assert.Single((await _search.SearchAsync("quokkaphant")).Hits);

        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "in-step", Text = "What is a platypunk?", Answer = "An animal.", Channel = "testing", SubChannel = "x", Difficulty = Difficulty.Beginner,
        }, Admin);
        Assert.Empty((await _search.SearchAsync("quokkaphant")).Hits);
        Assert.Single((await _search.SearchAsync("platypunk")).Hits);

        await _db.Changes.SoftDeleteAsync("in-step", Admin);
        Assert.Empty((await _search.SearchAsync("platypunk")).Hits);

        await _db.Changes.RestoreAsync("in-step", Admin);
        Assert.Single((await _search.SearchAsync("platypunk")).Hits);

        await _search.RebuildAsync();
        Assert.Single((await _search.SearchAsync("platypunk")).Hits);
        await _db.Changes.SoftDeleteAsync("in-step", Admin);
        await _search.RebuildAsync();
        Assert.Empty((await _search.SearchAsync("platypunk")).Hits);
    }
}
