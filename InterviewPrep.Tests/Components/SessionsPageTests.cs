using InterviewPrep.Data.Entities;
using Bunit;
using Bunit.TestDoubles;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Components;

/// <summary>The sessions list over a real database: times are the learner's local times.</summary>
public sealed class SessionsPageTests : IAsyncLifetime
{
    private const string Learner = "sessions-learner";
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 6, 1, 8, 5, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_clock);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Render_LearnerInBerlin_ShowsLastUsedInBerlinTime()
    {
        var sessions = new SessionService(_db.Factory, _clock);
        await sessions.StartOrResumeAsync(new SessionStart(Learner, SessionType.Channel, "study/databases", "Databases", null, ["ip-db-001"]));
        await _db.SettingsService().NoteBrowserTimeZoneAsync(Learner, "Europe/Berlin");
        await using var ctx = ComponentTestContext.Create(c =>
        {
            c.AddAuthorization().SetAuthorized(Learner)
                .SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Learner));
            c.Services.AddSingleton(sessions);
            c.Services.AddSingleton(_db.SettingsService());
        });

        var page = ctx.Render<SessionsPage>();

        // 08:05 UTC is 10:05 in Berlin in summer.
        page.WaitForAssertion(() => Assert.Contains("last used 1 Jun 2026 10:05", page.Find("[data-testid=session]").TextContent));
        Assert.DoesNotContain("UTC", page.Find("[data-testid=session]").TextContent);
        Assert.Equal("2026-06-01T08:05:00Z", page.Find("[data-testid=session] time").GetAttribute("datetime"));
    }
}
