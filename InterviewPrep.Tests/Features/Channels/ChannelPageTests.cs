using System.Net;
using System.Text.RegularExpressions;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Channels;

/// <summary>Channel pages on the starter content: filters in the URL, counts, order, paging, certification channels.</summary>
public sealed partial class ChannelPageTests(HomePageTests.App app) : IClassFixture<HomePageTests.App>
{
    private readonly AppFactory _app = app.Factory;

    [Fact]
    public async Task ChannelPage_ListsActiveQuestions_WithFacetCounts()
    {
        var html = await _app.CreateClient().GetStringAsync("/channels/databases");

        Assert.Contains("8 of 8 questions", html);
        Assert.Equal(8, ItemCount(html));
        Assert.Matches(@"data-facet=""difficulty"" data-value=""beginner"">\s*<span class=""facet-value"">beginner</span>\s*<span class=""facet-count"">\d+</span>", html);
    }

    [Fact]
    public async Task Filters_LiveInTheUrl_AndNarrowTheList()
    {
        var service = _app.Services.GetRequiredService<ChannelQuestions>();
        var all = await service.GetAsync(new ChannelQuery("databases"));
        var beginner = all!.Facets.Difficulties.Single(f => f.Value == "beginner");

        var html = await _app.CreateClient().GetStringAsync("/channels/databases?difficulty=beginner");

        Assert.Contains($"{beginner.Count} of 8 questions", html);
        Assert.Equal(beginner.Count, ItemCount(html));
        Assert.Contains("aria-current=\"true\" data-facet=\"difficulty\" data-value=\"beginner\"", html);
        Assert.Contains("href=\"study/databases?difficulty=beginner\"", html);
    }

    [Fact]
    public async Task Orders_AreLinks_AndShuffleIsStableForItsSeed()
    {
        var service = _app.Services.GetRequiredService<ChannelQuestions>();
        var first = await service.GetIdsAsync(new ChannelQuery("system-design", Order: QuestionOrder.Shuffled, Seed: 42));
        var again = await service.GetIdsAsync(new ChannelQuery("system-design", Order: QuestionOrder.Shuffled, Seed: 42));
        var newest = await service.GetIdsAsync(new ChannelQuery("system-design"));

        Assert.Equal(first, again);
        Assert.Equal(newest.Order(), first.Order());
        Assert.NotEqual(newest, first);
        var other = await service.GetIdsAsync(new ChannelQuery("system-design", Order: QuestionOrder.Shuffled, Seed: 43));
        Assert.NotEqual(first, other);
        var html = await _app.CreateClient().GetStringAsync("/channels/system-design?order=relevance");
        Assert.Contains("aria-current=\"true\">Most relevant</a>", html);
    }

    [Fact]
    public async Task CertificationChannel_ListsTheQuestionsMappedToIt()
    {
        var html = await _app.CreateClient().GetStringAsync("/channels/cloud-architecture-foundations");
        Assert.True(ItemCount(html) > 0);
        Assert.Contains("Cloud Architecture Foundations", html);
    }

    [Theory]
    [InlineData("/search?q=index&from=abc")]
    [InlineData("/search?q=index&from=99999")]
    [InlineData("/search?q=%22)(*%20NEAR(")]
    [InlineData("/study/databases?at=abc")]
    [InlineData("/study/databases?at=999")]
    [InlineData("/study/databases?question=no-such-question")]
    [InlineData("/study?q=index&at=abc&channel=databases&difficulty=nonsense")]
    [InlineData("/channels/databases?page=abc&order=sideways&difficulty=")]
    public async Task OddQueryStrings_NeverBreakAPage(string url)
    {
        var response = await _app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StudyOfAnUnknownChannel_Is404()
    {
        var response = await _app.CreateClient().GetAsync("/study/no-such-channel");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EveryPage_SendsTheContentSecurityPolicy()
    {
        foreach (var url in new[] { "/", "/channels", "/channels/databases", "/questions/ip-sd-001", "/search?q=index", "/study/databases", "/Account/Login" })
        {
            var response = await _app.CreateClient().GetAsync(url);
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", policy);
            Assert.DoesNotContain("'unsafe-eval'", policy);
            Assert.DoesNotMatch(@"script-src[^;]*'unsafe-inline'", policy);
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task UnknownChannel_Is404()
    {
        var response = await _app.CreateClient().GetAsync("/channels/no-such-channel");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ChannelsPage_ListsEveryChannel()
    {
        var html = await _app.CreateClient().GetStringAsync("/channels");
        Assert.Equal(8, ChannelCards().Matches(html).Count);
    }

    [Fact]
    public void Query_RoundTripsThroughItsUrl()
    {
        var query = new ChannelQuery("databases", "sql", "advanced", "Google", "joins", "senior", QuestionOrder.Shuffled, 7, 3);
        var url = new Uri("http://x/" + query.ToUrl());
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        Assert.Equal(query, ChannelQuery.FromQueryString("databases", parsed));
    }

    private static int ItemCount(string html) => Regex.Matches(html, "data-testid=\"question-item\"").Count;

    [GeneratedRegex("data-testid=\"channel-card\"")]
    private static partial Regex ChannelCards();

    [Fact]
    public async Task TldrsAreHiddenByDefault_AndAToggleShowsThem()
    {
        var hidden = await _app.CreateClient().GetStringAsync("/channels/databases");
        Assert.DoesNotContain("class=\"question-summary\"", hidden, StringComparison.Ordinal);
        Assert.Contains("href=\"channels/databases?tldr=show\"", hidden, StringComparison.Ordinal);

        var shown = await _app.CreateClient().GetStringAsync("/channels/databases?tldr=show&difficulty=beginner");
        Assert.Contains("class=\"question-summary\"", shown, StringComparison.Ordinal);
        Assert.Contains("Hide TL;DRs", shown, StringComparison.Ordinal);
        Assert.Contains("href=\"study/databases?difficulty=beginner\"", System.Net.WebUtility.HtmlDecode(shown), StringComparison.Ordinal); // studying keeps the filters, not the toggle
    }

    [Fact]
    public async Task AFilterThatMatchesNothing_DisablesStudy_AndSaysWhy()
    {
        var html = await _app.CreateClient().GetStringAsync("/channels/databases?tag=no-such-tag-anywhere");

        Assert.Contains("data-testid=\"nothing-to-study\"", html, StringComparison.Ordinal);
        var study = System.Text.RegularExpressions.Regex.Match(html, "<(a|button)\\b[^>]*data-testid=\"study\"[^>]*>");
        Assert.Equal("button", study.Groups[1].Value);
        Assert.Matches("\\bdisabled\\b", study.Value);
        Assert.DoesNotContain("href=\"study/databases?tag=no-such-tag-anywhere\"", html, StringComparison.Ordinal);
    }
}
