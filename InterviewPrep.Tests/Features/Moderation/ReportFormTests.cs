using System.Net;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Features.Channels;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Moderation;

/// <summary>"Report a problem" on a question page, posted the way a browser without JavaScript posts it.</summary>
public sealed class ReportFormTests(HomePageTests.App app) : IClassFixture<HomePageTests.App>
{
    private const string Url = "/questions/ip-db-006";
    private readonly AppFactory _app = app.Factory;

    [Fact]
    public async Task AReportPostedWithoutJavaScript_IsSent_AndTheReporterSeesItResolved()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var detail = $"The second query misses an index ({Guid.NewGuid():N}).";

        using var response = await HtmlForms.PostAsync(client, Url, new Dictionary<string, string>
        {
            ["_handler"] = QuestionReportForm.ReportForm, ["Category"] = "wrong-answer", ["Text"] = detail,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Thank you: an admin will look at it.", html);
        Assert.Contains("data-status=\"open\"", html);

        var moderation = _app.Services.GetRequiredService<ModerationService>();
        var item = Assert.Single(await moderation.QueueAsync(), i => i.Reports.Any(r => r.Text == detail));
        await moderation.ResolveAsync(item.QuestionId, ReportStatus.Fixed, new ChangeSource(HistoryEventSources.Admin, "admin@example.test"));

        var after = await HtmlForms.GetPageAsync(client, Url);
        Assert.Contains("data-status=\"fixed\"", after);
        Assert.Contains("resolved: fixed", after);
    }

    [Fact]
    public async Task AReportWithoutACategory_IsRefused_AndTheTextStaysInTheBox()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await HtmlForms.PostAsync(client, "/questions/ip-db-007", new Dictionary<string, string>
        {
            ["_handler"] = QuestionReportForm.ReportForm, ["Category"] = "", ["Text"] = "Something is off here.",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Choose what is wrong.", html);
        Assert.Contains("Something is off here.</textarea>", html);
    }
}
