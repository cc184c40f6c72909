using System.Net;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Features.Channels;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Questions;

/// <summary>The question page's first HTML response: complete without JavaScript, shareable, and honest about missing questions.</summary>
public sealed class QuestionPageTests(HomePageTests.App app) : IClassFixture<HomePageTests.App>
{
    private readonly AppFactory _app = app.Factory;

    [Fact]
    public async Task FirstResponse_CarriesTheWholeQuestion()
    {
        var html = await _app.CreateClient().GetStringAsync("/questions/ip-sd-001");

        Assert.Contains("What is the difference between vertical and horizontal scaling", html);
        Assert.Contains("TL;DR", html);
        Assert.Contains("id=\"answer-heading\"", html);
        Assert.Contains("data-testid=\"explanation\"", html);
        Assert.Contains("<table>", html);
        Assert.Contains("class=\"code-block\"", html);
        Assert.Contains("class=\"mermaid-source\"", html);
        Assert.Contains("data-testid=\"related\"", html);
        Assert.Contains("data-testid=\"eli5\"", html);
    }

    [Fact]
    public async Task FirstResponse_HasTitleDescriptionCanonicalAndOpenGraph()
    {
        var html = await _app.CreateClient().GetStringAsync("/questions/ip-sd-001");

        Assert.Matches("<title>What is the difference between vertical and horizontal scaling.* (·|&#xB7;) System Design interview question (·|&#xB7;) InterviewPrep</title>", html);
        Assert.Matches("<meta name=\"description\" content=\"[^\"]{20,160}\"", html);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/questions/ip-sd-001\"", html);
        Assert.Contains("<meta property=\"og:title\"", html);
        Assert.Contains("<meta property=\"og:url\" content=\"http://localhost/questions/ip-sd-001\"", html);
        Assert.Contains("<meta property=\"og:type\" content=\"article\"", html);
    }

    [Fact]
    public async Task CanonicalLinks_UseTheConfiguredPublicUrl_NotTheRequestsHost()
    {
        await using var site = new AppFactory("Production", new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://prep.example.com/" });
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Host = "attacker.example";

        var html = await client.GetStringAsync("/questions/ip-sd-001");

        Assert.Contains("<link rel=\"canonical\" href=\"https://prep.example.com/questions/ip-sd-001\"", html);
        Assert.DoesNotContain("attacker.example", html);
    }

    [Fact]
    public async Task CodeBlocks_AreHighlightedOnTheServer()
    {
        var html = await _app.CreateClient().GetStringAsync("/questions/ip-algo-001");
        Assert.Contains("<pre class=\"code-block\" tabindex=\"0\"><code class=\"language-", html);
        Assert.Contains("<span class=\"keyword\">", html);
    }

    [Fact]
    public async Task UnknownQuestion_Is404()
    {
        var response = await _app.CreateClient().GetAsync("/questions/no-such-question");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RemovedQuestion_Is410_WithAClearPage()
    {
        await _app.SaveQuestionAsync("to-remove");
        await _app.Services.GetRequiredService<ContentChangeService>().SoftDeleteAsync("to-remove", new ChangeSource(HistoryEventSources.Admin, "tests"));

        var response = await _app.CreateClient().GetAsync("/questions/to-remove");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This question was removed", html);
        Assert.Contains("href=\"channels/testing\"", html);
    }

    [Fact]
    public async Task QuestionWithoutTldr_ShowsTheAnswerAsItsTldr_AndNoEmptySections()
    {
        await _app.SaveQuestionAsync("plain-question", explanation: "");

        var html = await _app.CreateClient().GetStringAsync("/questions/plain-question");

        Assert.Matches("TL;DR</h2>\\s*<p>An answer.</p>", html);
        Assert.DoesNotContain("explanation-heading", html);
        Assert.DoesNotContain("diagram-heading", html);
        Assert.DoesNotContain("videos-heading", html);
    }
}
