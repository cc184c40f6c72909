using InterviewPrep.Data.Operations;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Features.Operations;

/// <summary>The daily and weekly backups on their schedules, kept as long as configured.</summary>
public sealed class BackupScheduleTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)); // a Monday
    private readonly TempFolder _folder = new();
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_clock);

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _folder.Dispose();
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "InterviewPrep";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    [Fact]
    public async Task DailyAndWeeklyBackups_AreMadeWhenDue_AndThoseOlderThanTheirRetentionAreDeleted()
    {
        var options = Options.Create(new BackupOptions { Folder = "backups", KeepDailyDays = 3, KeepWeeklyDays = 10 });
        var target = new FolderBackupTarget(new Backups(_db.Factory, _clock), options, new Environment(_folder.Path));
        var status = new BackupStatus();
        var schedule = new BackupSchedule(target, status, options, _clock, NullLogger<BackupSchedule>.Instance);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal([BackupSchedule.Daily, BackupSchedule.Weekly], await schedule.TickAsync(ct)); // none yet: both at once
        Assert.Empty(await schedule.TickAsync(ct));
        for (var day = 1; day <= 7; day++)
        {
            _clock.Advance(TimeSpan.FromDays(1));
            await schedule.TickAsync(ct);
        }

        var daily = await target.ListAsync(BackupSchedule.Daily, ct);
        var weekly = await target.ListAsync(BackupSchedule.Weekly, ct);
        Assert.Equal(3, daily.Count); // one a day, the last three days kept
        Assert.Equal(2, weekly.Count); // the first, and Sunday's
        Assert.All(daily, b => Assert.True(File.Exists(BackupManifest.PathFor(Path.Combine(target.FolderOf(BackupSchedule.Daily), b.Name)))));
        Assert.Equal(daily[^1].Name, status.LastFile);
        Assert.Null(status.LastError);
    }
}
