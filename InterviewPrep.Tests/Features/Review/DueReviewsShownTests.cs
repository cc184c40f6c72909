using System.Net;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Features.Admin;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Review;

/// <summary>A learner with reviews due sees how many on every page's navigation, and their home page leads with them.</summary>
public sealed class DueReviewsShownTests
{
    [Fact]
    public async Task DueReviews_ShowInTheNavigation_AndLeadTheHomePage()
    {
        await using var app = new AppFactory();
        using var learner = AdminAccessTests.Client(app);
        await AdminAccessTests.CreateUserAsync(app, "reviewer@example.test", "Quiet-Harbour-73-Lamp");
        await AdminAccessTests.SignInAsync(learner, "reviewer@example.test", "Quiet-Harbour-73-Lamp");

        var before = await learner.GetStringAsync("/channels");
        Assert.DoesNotContain("data-testid=\"nav-review-due\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"home-due\"", await learner.GetStringAsync("/"), StringComparison.Ordinal);

        string userId;
        using (var scope = app.Services.CreateScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("reviewer@example.test"))!.Id;
        }

        var reviews = app.Services.GetRequiredService<ReviewService>();
        await reviews.AddAsync(userId, "ip-db-001");
        await reviews.AddAsync(userId, "ip-sd-001");

        var page = WebUtility.HtmlDecode(await learner.GetStringAsync("/channels"));
        Assert.Matches("data-testid=\"nav-review-due\">2<span class=\"visually-hidden\"> due</span>", page);
        var home = WebUtility.HtmlDecode(await learner.GetStringAsync("/"));
        Assert.Contains("data-testid=\"home-due\"", home, StringComparison.Ordinal);
        Assert.Contains("2 reviews due", home, StringComparison.Ordinal);
        Assert.Contains("2 new for today", home, StringComparison.Ordinal);

        // A visitor without an account sees neither.
        var visitor = await app.CreateClient().GetStringAsync("/");
        Assert.DoesNotContain("data-testid=\"home-due\"", visitor, StringComparison.Ordinal);
    }
}

/// <summary>A channel list as a returning learner sees it: each question's mark, and the progress filters.</summary>
public sealed class ChannelMarksTests
{
    [Fact]
    public async Task AChannelList_MarksTheLearnersQuestions_AndFiltersByProgress()
    {
        await using var app = new AppFactory();
        using var learner = AdminAccessTests.Client(app);
        await AdminAccessTests.CreateUserAsync(app, "marks@example.test", "Quiet-Harbour-73-Lamp");
        await AdminAccessTests.SignInAsync(learner, "marks@example.test", "Quiet-Harbour-73-Lamp");
        string userId;
        using (var scope = app.Services.CreateScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("marks@example.test"))!.Id;
        }

        var study = app.Services.GetRequiredService<InterviewPrep.Web.Features.Study.StudyService>();
        await study.RecordStudiedAsync(userId, "ip-db-001");
        await app.Services.GetRequiredService<ReviewService>().AddAsync(userId, "ip-db-002");

        var all = WebUtility.HtmlDecode(await learner.GetStringAsync("/channels/databases"));
        Assert.Contains("data-testid=\"progress-filter\"", all, StringComparison.Ordinal);
        Assert.Contains(">Studied</span>", all, StringComparison.Ordinal);
        Assert.Contains(">In review · due today</span>", all, StringComparison.Ordinal);

        var onlyNew = WebUtility.HtmlDecode(await learner.GetStringAsync("/channels/databases?show=new"));
        Assert.DoesNotContain("href=\"questions/ip-db-001\"", onlyNew, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"questions/ip-db-002\"", onlyNew, StringComparison.Ordinal);
        Assert.Contains("href=\"study/databases?show=new\"", onlyNew, StringComparison.Ordinal);

        // Search results carry the marks too.
        string text;
        await using (var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync())
        {
            text = (await db.Questions.FindAsync("ip-db-001"))!.Text;
        }

        var found = WebUtility.HtmlDecode(await learner.GetStringAsync("/search?q=" + Uri.EscapeDataString(text)));
        Assert.Matches("data-question-id=\"ip-db-001\"(?:(?!</li>).)*>Studied</span>", found.ReplaceLineEndings(" "));

        // Bookmarks carry them as well.
        await study.SetBookmarkAsync(userId, "ip-db-001", true);
        var bookmarks = WebUtility.HtmlDecode(await learner.GetStringAsync("/bookmarks"));
        Assert.Matches("href=\"questions/ip-db-001\"(?:(?!</li>).)*>Studied</span>", bookmarks.ReplaceLineEndings(" "));

        // A visitor sees neither marks nor the filters.
        var visitor = await app.CreateClient().GetStringAsync("/channels/databases");
        Assert.DoesNotContain("data-testid=\"progress-filter\"", visitor, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"question-mark\"", visitor, StringComparison.Ordinal);
    }
}

/// <summary>The dashboard of a learner who has done nothing yet says where to start; once they study, it shows their numbers.</summary>
public sealed class DashboardStartTests
{
    [Fact]
    public async Task ANewLearnersDashboard_SaysWhereToStart_ThenShowsTheirNumbers()
    {
        await using var app = new AppFactory();
        using var learner = AdminAccessTests.Client(app);
        await AdminAccessTests.CreateUserAsync(app, "newcomer@example.test", "Quiet-Harbour-73-Lamp");
        await AdminAccessTests.SignInAsync(learner, "newcomer@example.test", "Quiet-Harbour-73-Lamp");

        var first = await learner.GetStringAsync("/dashboard");
        Assert.Contains("data-testid=\"dashboard-start\"", first, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"start-channel\"", first);
        Assert.DoesNotContain("data-testid=\"dashboard-numbers\"", first, StringComparison.Ordinal);

        string userId;
        using (var scope = app.Services.CreateScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("newcomer@example.test"))!.Id;
        }

        await app.Services.GetRequiredService<InterviewPrep.Web.Features.Study.StudyService>().RecordStudiedAsync(userId, "ip-db-001");
        var later = await learner.GetStringAsync("/dashboard");
        Assert.Contains("data-testid=\"dashboard-numbers\"", later, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"dashboard-start\"", later, StringComparison.Ordinal);
    }
}

/// <summary>When a note was written is shown on the learner's clock, not the server's.</summary>
public sealed class LearnerTimesTests
{
    [Fact]
    public async Task TheNotesPage_ShowsWhenANoteWasWritten_InTheLearnersTimeZone()
    {
        await using var app = new AppFactory();
        using var learner = AdminAccessTests.Client(app);
        await AdminAccessTests.CreateUserAsync(app, "clock@example.test", "Quiet-Harbour-73-Lamp");
        await AdminAccessTests.SignInAsync(learner, "clock@example.test", "Quiet-Harbour-73-Lamp");
        string userId;
        using (var scope = app.Services.CreateScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("clock@example.test"))!.Id;
        }

        await app.Services.GetRequiredService<InterviewPrep.Web.Features.Settings.LearnerSettingsService>()
            .SaveAsync(userId, InterviewPrep.Web.Features.Settings.StudySettings.Default with { TimeZoneId = "Asia/Tokyo", TimeZoneChosen = true });
        await app.Services.GetRequiredService<InterviewPrep.Web.Features.Study.StudyService>().SaveNoteAsync(userId, "ip-db-001", "B-trees keep keys sorted.");
        DateTime written;
        await using (var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync())
        {
            written = (await db.LearnerQuestionStates.FindAsync(userId, "ip-db-001"))!.NoteUpdatedAt!.Value;
        }

        var page = WebUtility.HtmlDecode(await learner.GetStringAsync("/notes"));

        // Tokyo is nine hours ahead of UTC all year.
        var tokyo = DateTime.SpecifyKind(written, DateTimeKind.Utc).AddHours(9).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($">{tokyo}</time>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC</time>", page, StringComparison.Ordinal);
    }
}

