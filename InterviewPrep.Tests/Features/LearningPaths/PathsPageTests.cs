using System.Net;
using System.Text.RegularExpressions;
using InterviewPrep.Tests.Features.Channels;
using InterviewPrep.Tests.Infrastructure;

namespace InterviewPrep.Tests.Features.LearningPaths;

/// <summary>The learning paths catalog and a path's page, served to a visitor without JavaScript, with the starter content.</summary>
public sealed partial class PathsPageTests(HomePageTests.App app) : IClassFixture<HomePageTests.App>
{
    private readonly AppFactory _app = app.Factory;

    [Fact]
    public async Task TheCatalog_ListsEveryActivePath_ByType_WithItsQuestions()
    {
        var html = await _app.CreateClient().GetStringAsync("/paths");

        Assert.Equal(3, Cards().Matches(html).Count);
        Assert.Contains("3 of 3 paths", html);
        Assert.Contains("Job title (1)", html);
        Assert.All(Questions().Matches(html), m => Assert.True(int.Parse(m.Groups[1].Value) >= 10, m.Value));
    }

    [Fact]
    public async Task TypeAndSearch_AreLinksAndAPlainGetForm()
    {
        var companies = await _app.CreateClient().GetStringAsync("/paths?type=company");
        var google = await _app.CreateClient().GetStringAsync("/paths?q=google");
        var none = await _app.CreateClient().GetStringAsync("/paths?q=no-such-path");

        Assert.Equal(["big-tech-coding-and-design-loop"], Cards().Matches(companies).Select(m => m.Groups[1].Value));
        Assert.Equal(["big-tech-coding-and-design-loop"], Cards().Matches(google).Select(m => m.Groups[1].Value));
        Assert.Empty(Cards().Matches(none));
        Assert.Contains("0 of 3 paths", none);
    }

    [Fact]
    public async Task APathsPage_HasItsMilestonesInOrder_WithTheirQuestions()
    {
        var response = await _app.CreateClient().GetAsync("/paths/backend-engineer-career-path");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var milestones = Regex.Matches(html, "data-testid=\"path-milestone\" data-questions=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([4, 4, 4], milestones);
        Assert.Contains("href=\"questions/ip-db-001\"", html);
        Assert.Contains("Data foundations", html);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/paths/no-such-path")).StatusCode);
    }

    [Fact]
    public async Task StudyingAPath_PlaysItsQuestionsInMilestoneOrder()
    {
        // The study button is the learner's: a visitor gets a learner id first, as js/learner-parts.js does.
        var learner = _app.CreateClient();
        await learner.GetAsync("/api/learner");
        var page = await learner.GetStringAsync("/paths/backend-engineer-career-path");
        Assert.Contains("href=\"study?path=backend-engineer-career-path\"", page);
        Assert.Contains("Start this path", page);
        Assert.Contains("data-learner-part=\"path-progress\"", await _app.CreateClient().GetStringAsync("/paths/backend-engineer-career-path"));

        var html = await _app.CreateClient().GetStringAsync("/study?path=backend-engineer-career-path");

        Assert.Contains("data-question-id=\"ip-db-001\"", html);
        Assert.Contains("1 / 12", html);
        Assert.Contains("href=\"paths/backend-engineer-career-path\"", html);
    }

    [GeneratedRegex("data-testid=\"path-card\" data-path-id=\"([a-z0-9-]+)\"")]
    private static partial Regex Cards();

    [GeneratedRegex("data-testid=\"path-questions\"><strong>(\\d+)</strong>")]
    private static partial Regex Questions();
}
