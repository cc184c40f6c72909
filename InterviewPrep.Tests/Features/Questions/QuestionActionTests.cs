using System.Net;
using InterviewPrep.Data;
using InterviewPrep.Tests.Features.Channels;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Questions;

/// <summary>The question page's own forms (bookmark, review, note), posted the way a browser without JavaScript posts them.</summary>
public sealed class QuestionActionTests(HomePageTests.App app) : IClassFixture<HomePageTests.App>
{
    private const string Url = "/questions/ip-db-004";
    private readonly AppFactory _app = app.Factory;

    /// <summary>A visitor's browser: it accepts HTML, so the first page gives it an anonymous learner cookie.</summary>
    private HttpClient Visitor()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    private async Task<string> LearnerIdAsync(Func<AppDbContext, Task<string?>> find)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await find(db) ?? throw new InvalidOperationException("nothing was saved");
    }

    [Fact]
    public async Task ANotePostedFromTheQuestionPage_IsSaved_AndShownAgain()
    {
        using var client = Visitor();
        var note = $"Covering index: the query never touches the table ({Guid.NewGuid():N})";

        using var response = await HtmlForms.PostAsync(client, Url, new Dictionary<string, string> { ["_handler"] = "question-note", ["Note"] = note });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Note saved.", html);
        Assert.Contains(WebUtility.HtmlEncode(note), html);
        Assert.Contains(WebUtility.HtmlEncode(note), await client.GetStringAsync(Url));
        var learner = await LearnerIdAsync(db => db.LearnerQuestionStates.Where(s => s.Note == note).Select(s => s.LearnerId).SingleOrDefaultAsync());
        Assert.StartsWith("anon-", learner);
    }

    [Fact]
    public async Task ATooLongNote_IsRefused_WithItsTextStillOnThePage()
    {
        using var client = Visitor();
        var note = "long " + new string('n', 5000) + Guid.NewGuid().ToString("N");

        using var response = await HtmlForms.PostAsync(client, Url, new Dictionary<string, string> { ["_handler"] = "question-note", ["Note"] = note });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("A note can be at most 5,000 characters", html);
        Assert.Contains(note, html);
        Assert.DoesNotContain(WebUtility.HtmlEncode(note), await client.GetStringAsync(Url));
    }

    [Fact]
    public async Task BookmarkAndReview_PostedTwice_LeaveOneOfEach()
    {
        using var client = Visitor();
        for (var i = 0; i < 2; i++)
        {
            (await HtmlForms.PostAsync(client, Url, new Dictionary<string, string> { ["_handler"] = "question-bookmark", ["Bookmark"] = "true" })).Dispose();
            (await HtmlForms.PostAsync(client, Url, new Dictionary<string, string> { ["_handler"] = "question-review" })).Dispose();
        }

        var html = await client.GetStringAsync(Url);
        Assert.Contains("Bookmarked", html);
        Assert.Contains("In your review", html);
        // A second bookmark post does not toggle it off; the card exists once (it is keyed by learner and question).
        var learner = await LearnerIdAsync(db => db.LearnerQuestionStates
            .Where(s => s.QuestionId == "ip-db-004" && s.Bookmarked && db.ReviewCards.Any(c => c.LearnerId == s.LearnerId && c.QuestionId == "ip-db-004"))
            .Select(s => s.LearnerId).FirstOrDefaultAsync());
        Assert.StartsWith("anon-", learner);
    }

    [Fact]
    public async Task EightTabsPostingAFirstNoteAtOnce_OneIsSaved_AndEveryOtherTabKeepsItsTextAndSeesTheConflict()
    {
        using var client = Visitor();
        const string url = "/questions/ip-db-005";
        var form = HtmlForms.HiddenFields(await HtmlForms.GetPageAsync(client, url));
        var notes = Enumerable.Range(0, 8).Select(i => $"tab {i} {Guid.NewGuid():N}").ToList();

        var responses = await Task.WhenAll(notes.Select(async note =>
        {
            var values = new Dictionary<string, string>(form) { ["_handler"] = "question-note", ["Note"] = note };
            using var response = await client.PostAsync(url, new FormUrlEncodedContent(values));
            return (note, response.StatusCode, Html: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.OK, r.Html));
        var saved = Assert.Single(responses, r => r.Html.Contains("Note saved.", StringComparison.Ordinal));
        Assert.All(responses.Where(r => r != saved), r =>
        {
            Assert.Contains("changed in another tab", r.Html);
            Assert.Contains(r.note, r.Html); // this tab's text is still in its box
            Assert.Contains(saved.note, r.Html); // and the saved version is shown beside it
        });
        Assert.Contains(saved.note, await client.GetStringAsync(url));
    }
}
