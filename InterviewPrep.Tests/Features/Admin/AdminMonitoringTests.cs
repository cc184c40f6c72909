using System.Net;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;
using InterviewPrep.Web.Features.Bots;
using InterviewPrep.Web.Features.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>The monitoring page: its sums, and the page an admin is served, with a failed backup shown.</summary>
public sealed class AdminMonitoringTests
{
    private static StorageSample Sample(int day, long megabytes) =>
        new() { Day = new DateOnly(2026, 10, 1).AddDays(day), DatabaseBytes = megabytes << 20 };

    [Fact]
    public void GrowthPerMonth_IsTheLast30Days_OrScaledFromAShorterHistory()
    {
        Assert.Null(AdminMonitoring.GrowthPerMonth([]));
        Assert.Null(AdminMonitoring.GrowthPerMonth([Sample(0, 10)]));
        // Ten days, 5 MB more: 15 MB a month.
        Assert.Equal(15.0 * (1 << 20), AdminMonitoring.GrowthPerMonth([Sample(0, 10), Sample(10, 15)]));
        // Sixty days: only the last 30 count (from day 30, 40 MB, to day 60, 100 MB).
        Assert.Equal(60.0 * (1 << 20), AdminMonitoring.GrowthPerMonth([Sample(0, 10), Sample(30, 40), Sample(45, 90), Sample(60, 100)]));
    }

    [Fact]
    public void BotActivity_AddsTheBotsUp_WeightingTimesByRuns()
    {
        var day = new DateOnly(2026, 11, 29);
        BotRow Row(string name, int completed, int failed, double seconds) => new(
            name, "", "0 * * * *", null, false, false, new BotChoice(BotMode.Publish, false, null, null), false, null, completed + failed, failed,
            TimeSpan.FromSeconds(seconds), [new BotDay(day, completed, failed, seconds)]);

        var activity = AdminMonitoring.BotActivityOf([Row("a", 3, 1, 10), Row("b", 0, 0, 0) with { AverageDuration = null }, Row("c", 1, 0, 50)]);

        Assert.Equal((5, 1), (activity.Runs, activity.Failed));
        Assert.Equal(0.8, activity.SuccessRate);
        Assert.Equal(TimeSpan.FromSeconds(18), activity.AverageDuration); // (4 × 10 + 1 × 50) / 5
        Assert.Equal(new BotDay(day, 4, 1, 18), Assert.Single(activity.Days));
    }

    [Fact]
    public async Task TheMonitoringPage_ShowsEachFigure_AndAFailedBackup_AsDoesTheAdminHome()
    {
        await using var app = new AppFactory();
        using var admin = AdminAccessTests.Client(app);
        await AdminAccessTests.SignInAsync(admin, AppFactory.AdminEmail, AppFactory.AdminPassword);

        var page = await admin.GetStringAsync("/admin/monitoring");
        foreach (var part in new[] { "monitoring-backup", "monitoring-queries", "monitoring-growth", "monitoring-storage", "monitoring-bots", "database-size" })
        {
            Assert.Contains($"data-testid=\"{part}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("design: about 500 a week", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"backup-failed\"", page, StringComparison.Ordinal);

        app.Services.GetRequiredService<BackupStatus>().Failed(DateTime.UtcNow, "disk full while writing the backup");
        Assert.Contains("disk full while writing the backup", await admin.GetStringAsync("/admin/monitoring"), StringComparison.Ordinal);
        var home = await admin.GetStringAsync("/admin");
        Assert.Contains("data-testid=\"backup-failed\"", home, StringComparison.Ordinal);
        Assert.Contains("disk full while writing the backup", home, StringComparison.Ordinal);

        using var learner = AdminAccessTests.Client(app);
        await AdminAccessTests.CreateUserAsync(app, "watcher@example.test", "Quiet-Harbour-73-Lamp");
        await AdminAccessTests.SignInAsync(learner, "watcher@example.test", "Quiet-Harbour-73-Lamp");
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/admin/monitoring")).StatusCode);
    }
}
