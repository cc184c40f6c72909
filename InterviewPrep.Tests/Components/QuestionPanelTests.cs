using Bunit;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Tests.Components;

/// <summary>The question page's panels and the channel page's filters, rendered alone.</summary>
public sealed class QuestionPanelTests
{
    private static QuestionPage Page(IReadOnlyList<VideoLink>? videos = null) => new(
        "q-1", "What is a B-tree?", "A balanced tree.", "Balanced.", "<p>x</p>", null, "", "databases", "Databases", "indexing",
        Difficulty.Advanced, ["b-tree", "storage"], ["Google"], ["senior"], videos ?? [], null, DateTime.UtcNow, []);

    [Fact]
    public async Task Chips_ShowDifficultyTopicLevelsCompaniesAndTags()
    {
        await using var ctx = ComponentTestContext.Create();

        var chips = ctx.Render<QuestionChips>(p => p.Add(c => c.Question, Page()));

        var texts = chips.FindAll(".mud-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["advanced", "indexing", "senior", "Google", "#b-tree", "#storage"], texts);
    }

    [Fact]
    public async Task Videos_EmbedYouTubeOnly_AndLinkTheRest()
    {
        await using var ctx = ComponentTestContext.Create();
        var videos = VideoLink.From(new QuestionVideos("https://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/123"));

        var list = ctx.Render<VideoList>(p => p.Add(v => v.Videos, videos).Add(v => v.Title, "B-trees"));

        var frame = list.Find("iframe");
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", frame.GetAttribute("src"));
        Assert.Equal("lazy", frame.GetAttribute("loading"));
        Assert.Contains("B-trees", frame.GetAttribute("title"));
        Assert.Equal("https://vimeo.com/123", list.Find("[data-testid=video-link] a").GetAttribute("href"));
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=short", null)]
    [InlineData("https://evil.example/watch?v=dQw4w9WgXcQ", null)]
    [InlineData("javascript:alert(1)", null)]
    public void YouTubeEmbed_AcceptsOnlyRealYouTubeIds(string url, string? expected) =>
        Assert.Equal(expected, VideoLink.YouTubeEmbed(url));

    [Fact]
    public void Videos_DropUrlsThatAreNotHttp() =>
        Assert.Empty(VideoLink.From(new QuestionVideos("javascript:alert(1)", "data:text/html,x")));

    [Fact]
    public async Task FacetGroup_ShowsTheFirstValues_AndTheRestUnderAllN()
    {
        await using var ctx = ComponentTestContext.Create();
        var values = Enumerable.Range(1, 12).Select(i => new FacetValue($"tag-{i}", 20 - i, false)).ToList();

        var group = ctx.Render<FacetGroup>(p => p
            .Add(f => f.Title, "Tag").Add(f => f.Parameter, "tag").Add(f => f.Query, new ChannelQuery("databases")).Add(f => f.Values, values));

        Assert.Equal(FacetGroup.Shown, group.FindAll("section > ul > li").Count);
        Assert.Equal("All 12", group.Find("details summary").TextContent.Trim());
        Assert.Equal(12 - FacetGroup.Shown, group.FindAll("details li").Count);
    }

    [Fact]
    public async Task FacetGroup_LinksToggleTheirFilter_AndShowCounts()
    {
        await using var ctx = ComponentTestContext.Create();
        var query = new ChannelQuery("databases", Difficulty: "advanced", Page: 3);

        var group = ctx.Render<FacetGroup>(p => p
            .Add(f => f.Title, "Difficulty").Add(f => f.Parameter, "difficulty").Add(f => f.Query, query)
            .Add(f => f.Values, [new FacetValue("beginner", 4, false), new FacetValue("advanced", 2, true)]));

        var links = group.FindAll("a");
        Assert.Equal("channels/databases?difficulty=beginner", links[0].GetAttribute("href"));
        Assert.Equal("channels/databases", links[1].GetAttribute("href"));
        Assert.Equal("true", links[1].GetAttribute("aria-current"));
        Assert.Equal("4", links[0].QuerySelector(".facet-count")!.TextContent);
    }
}
