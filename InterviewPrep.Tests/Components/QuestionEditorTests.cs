using Bunit;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Components;

/// <summary>The admin question editor over a real database: field messages, a stale save refused and shown, an overwrite on purpose.</summary>
public sealed class QuestionEditorTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "q-1", Text = "What is a pod?", Answer = "The smallest unit.", Channel = "kubernetes", SubChannel = "pods",
            Explanation = "## Pods\nThey share a network namespace.",
        }, new ChangeSource(HistoryEventSources.Import, "kubernetes.json"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private BunitContext Context() => ComponentTestContext.Create(c =>
    {
        c.AddAuthorization().SetAuthorized("ada@example.test").SetRoles(Roles.Admin);
        c.Services.AddSingleton(_db.Factory);
        c.Services.AddSingleton(_db.Changes);
        c.Services.AddSingleton(_db.SettingsService());
        c.Services.AddSingleton(new AdminQuestionQuery(_db.Factory));
        c.Services.AddSingleton(new QuestionPageService(_db.Factory, new ContentHtml(), new ChannelCatalog(_db.Factory)));
        c.Services.AddScoped<AdminActor>();
    });

    private static IRenderedComponent<QuestionEditorPage> Open(BunitContext ctx)
    {
        ctx.Render<MudBlazor.MudPopoverProvider>();
        var page = ctx.Render<QuestionEditorPage>(p => p.Add(c => c.Id, "q-1"));
        page.WaitForElement("[data-testid=question-editor]");
        return page;
    }

    private static void Type(IRenderedComponent<QuestionEditorPage> page, string testId, string value) =>
        page.Find($"[data-testid={testId}] textarea, textarea[data-testid={testId}], input[data-testid={testId}]").Change(value);

    private async Task<Question> StoredAsync()
    {
        await using var db = _db.CreateContext();
        return await db.Questions.AsNoTracking().SingleAsync(q => q.Id == "q-1");
    }

    [Fact]
    public async Task BadFields_AreExplainedAtTheField_AndNothingIsSaved()
    {
        await using var ctx = Context();
        var page = Open(ctx);

        Type(page, "field-text", " ");
        Type(page, "field-source-url", "javascript:alert(1)");
        await page.Find("form").SubmitAsync();

        Assert.Contains("2 field(s) need a change", page.Find("[data-testid=editor-errors]").TextContent);
        Assert.Contains("The question is required.", page.Markup);
        Assert.Contains("Use a full http:// or https:// address.", page.Markup);
        Assert.Equal(1, (await StoredAsync()).Revision);
    }

    [Fact]
    public async Task AStaleSave_IsRefused_ShowsTheOtherChange_AndCanOverwriteOnPurpose()
    {
        await using var ctx = Context();
        var page = Open(ctx);
        // Another admin saves while this editor is open.
        var theirs = QuestionData.FromEntity(await StoredAsync()) with { Answer = "Bob's answer." };
        await _db.Changes.SaveAsync(theirs, 1, new ChangeSource(HistoryEventSources.Admin, "bob@example.test"));

        Type(page, "field-answer", "Ada's answer.");
        await page.Find("form").SubmitAsync();

        var conflict = page.Find("[data-testid=save-conflict]");
        Assert.Contains("bob@example.test", conflict.TextContent);
        Assert.Contains("answer", conflict.TextContent);
        Assert.Equal("Bob's answer.", (await StoredAsync()).Answer);

        await page.Find("[data-testid=conflict-overwrite]").ClickAsync();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=save-conflict]")));
        var stored = await StoredAsync();
        Assert.Equal(("Ada's answer.", 3), (stored.Answer, stored.Revision));
        await using var db = _db.CreateContext();
        var last = await db.QuestionHistory.OrderByDescending(h => h.Id).FirstAsync();
        Assert.Equal((HistoryEventSources.Admin, "ada@example.test"), (last.EventSource, last.SourceName));
    }

    [Fact]
    public async Task ThePreview_RendersTheDraftWithTheQuestionPagesRenderer()
    {
        await using var ctx = Context();
        var page = Open(ctx);

        Type(page, "field-explanation", "## Heading\n\n`kubectl get pods`");

        var preview = page.Find("[data-testid=preview]");
        Assert.Contains("<code", preview.InnerHtml);
        Assert.Contains("kubectl get pods", preview.TextContent);
    }
}
