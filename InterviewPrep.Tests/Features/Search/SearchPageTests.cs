using System.Net;
using InterviewPrep.Data.Content.Search;
using InterviewPrep.Tests.Features.Channels;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Search;

/// <summary>The search page: what an empty search explains, numbered pages, and a whole question typed in.</summary>
public sealed class SearchPageTests(HomePageTests.App app) : IClassFixture<HomePageTests.App>
{
    private readonly AppFactory _app = app.Factory;

    [Fact]
    public async Task AnEmptySearch_SaysWhatCanBeSearched_AndOffersPopularChannels()
    {
        var html = await _app.CreateClient().GetStringAsync("/search");

        Assert.Contains("data-testid=\"search-help\"", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"search-popular\">\\s*<li><a href=\"channels/[a-z-]+\"", html);
        Assert.DoesNotContain("data-testid=\"search-count\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyResults_HaveNumberedPages_WithPreviousAndNext()
    {
        var search = _app.Services.GetRequiredService<QuestionSearch>();
        string? word = null;
        foreach (var candidate in new[] { "data", "system", "use", "time", "request" })
        {
            if ((await search.SearchAsync(candidate)).Total > 2 * SearchPage.PageSize)
            {
                word = candidate;
                break;
            }
        }

        Assert.NotNull(word);
        var first = WebUtility.HtmlDecode(await _app.CreateClient().GetStringAsync($"/search?q={word}"));
        Assert.Contains("aria-current=\"page\" class=\"pager-current\">1<", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"search?q={word}&from=20\" aria-label=\"Page 2\"", first, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);

        var second = WebUtility.HtmlDecode(await _app.CreateClient().GetStringAsync($"/search?q={word}&from=20"));
        Assert.Contains("aria-current=\"page\" class=\"pager-current\">2<", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"search?q={word}\" rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionTypedInFull_SaysItShowsQuestionsWithSomeOfItsWords()
    {
        var html = WebUtility.HtmlDecode(await _app.CreateClient().GetStringAsync("/search?q=how+does+a+load+balancer+zzqx+work"));

        Assert.Contains("No question has all of", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"search-hit\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, new[] { 0 })]
    [InlineData(0, 3, new[] { 0, 1, 2 })]
    [InlineData(0, 10, new[] { 0, 1, 2, -1, 9 })]
    [InlineData(5, 10, new[] { 0, -1, 3, 4, 5, 6, 7, -1, 9 })]
    [InlineData(9, 10, new[] { 0, -1, 7, 8, 9 })]
    public void PageNumbers_ShowTheEndsAndTwoEitherSide(int current, int pages, int[] expected) =>
        Assert.Equal(expected, SearchPage.PageNumbers(current, pages));
}
