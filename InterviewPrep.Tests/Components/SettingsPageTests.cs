using Bunit;
using Bunit.TestDoubles;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Accounts;
using InterviewPrep.Web.Features.Appearance;
using InterviewPrep.Web.Features.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Components;

/// <summary>The study settings form over a real database: it explains bad values, saves good ones, and previews the schedule.</summary>
public sealed class SettingsPageTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private IRenderedComponent<CascadingValue<string>> Render(BunitContext ctx) =>
        ctx.Render<CascadingValue<string>>(p => p
            .Add(c => c.Name, AnonymousLearner.CascadeName)
            .Add(c => c.Value, "anon-settings")
            .AddChildContent<SettingsPage>());

    /// <summary>Types a value into a field and leaves it, as a learner would.</summary>
    private static void Set(IRenderedComponent<CascadingValue<string>> page, string testId, string value)
    {
        var input = page.Find($"input[data-testid={testId}]");
        if (input.HasAttribute("blazor:oninput"))
        {
            input.Input(value);
        }
        else
        {
            input.Change(value);
        }

        page.Find($"input[data-testid={testId}]").Blur();
    }

    private BunitContext Context()
    {
        var ctx = ComponentTestContext.Create(c =>
        {
            c.AddAuthorization();
            c.Services.AddSingleton(_db.SettingsService());
        });
        ctx.JSInterop.SetupModule(ThemePreference.JsModule).Setup<string?>("timeZone").SetResult("Europe/Berlin");
        return ctx;
    }

    [Fact]
    public async Task AnOutOfRangeRetention_IsExplained_AndNothingIsSaved()
    {
        await using var ctx = Context();
        var page = Render(ctx);

        Set(page, "desired-retention", "0.5");
        await page.Find("form").SubmitAsync();

        Assert.Contains("Desired retention must be between 0.70 and 0.97", page.Find("[data-testid=settings-errors]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=interval-preview]"));
        Assert.Equal(StudySettings.Default, await _db.SettingsService().GetAsync("anon-settings"));
    }

    [Fact]
    public async Task GoodValues_AreSaved_AndThePreviewFollowsTheRetention()
    {
        await using var ctx = Context();
        var page = Render(ctx);
        var relaxed = page.Find("[data-testid=interval-preview]").TextContent;

        Set(page, "desired-retention", "0.95");
        Assert.NotEqual(relaxed, page.Find("[data-testid=interval-preview]").TextContent);
        Set(page, "daily-new-limit", "7");
        Set(page, "maximum-interval", "180");
        page.Find("[data-testid=use-browser-zone]").Click();
        await page.Find("form").SubmitAsync();

        page.Find("[data-testid=settings-saved]");
        Assert.Equal(new StudySettings(0.95, 7, 180, "Europe/Berlin", true), await _db.SettingsService().GetAsync("anon-settings"));
    }
}
