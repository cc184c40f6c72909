using System.Globalization;
using Cronos;
using InterviewPrep.Data.Operations;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Operations;

public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>Where backups go (relative to the content root); a mounted volume in production.</summary>
    public string Folder { get; set; } = Path.Combine("App_Data", "backups");

    /// <summary>Whether this process makes the scheduled backups.</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>When the daily backup is made (cron, UTC).</summary>
    public string Daily { get; set; } = "30 2 * * *";

    /// <summary>When the weekly backup is made (cron, UTC).</summary>
    public string Weekly { get; set; } = "0 3 * * 0";

    public int KeepDailyDays { get; set; } = 30;

    public int KeepWeeklyDays { get; set; } = 365;
}

/// <summary>Where scheduled backups are kept: a folder here; an object store can implement the same.</summary>
public interface IBackupTarget
{
    /// <summary>Makes a backup of kind <paramref name="kind"/> (daily, weekly) and keeps it.</summary>
    Task<BackupManifest> StoreAsync(string kind, CancellationToken ct);

    /// <summary>The backups kept of a kind, with when each was made.</summary>
    Task<IReadOnlyList<(string Name, DateTime CreatedAt)>> ListAsync(string kind, CancellationToken ct);

    Task DeleteAsync(string kind, string name, CancellationToken ct);
}

/// <summary>Backups in a folder: <c>daily/</c> and <c>weekly/</c>, each file with its manifest beside it.</summary>
public sealed class FolderBackupTarget(Backups backups, IOptions<BackupOptions> options, IHostEnvironment environment) : IBackupTarget
{
    public string FolderOf(string kind) => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder, kind));

    public Task<BackupManifest> StoreAsync(string kind, CancellationToken ct) => backups.CreateAsync(FolderOf(kind), ct);

    public Task<IReadOnlyList<(string Name, DateTime CreatedAt)>> ListAsync(string kind, CancellationToken ct)
    {
        var folder = FolderOf(kind);
        IReadOnlyList<(string, DateTime)> found = !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "interviewprep-*")
                .Where(f => !f.EndsWith(".manifest.json", StringComparison.Ordinal) && !f.Contains(".partial", StringComparison.Ordinal))
                .Select(f => (Name: Path.GetFileName(f), CreatedAt: BackupSchedule.TimeOf(Path.GetFileName(f))))
                .Where(f => f.CreatedAt is not null)
                .Select(f => (f.Name, f.CreatedAt!.Value))
                .OrderBy(f => f.Value)
                .ToList();
        return Task.FromResult(found);
    }

    public Task DeleteAsync(string kind, string name, CancellationToken ct)
    {
        var file = Path.Combine(FolderOf(kind), name);
        File.Delete(file);
        File.Delete(BackupManifest.PathFor(file));
        return Task.CompletedTask;
    }
}

/// <summary>The last scheduled backup, and the last failure: what the health check and the monitoring page read.</summary>
public sealed class BackupStatus
{
    public DateTime? LastSucceededAt { get; private set; }

    public string? LastFile { get; private set; }

    public DateTime? LastFailedAt { get; private set; }

    public string? LastError { get; private set; }

    public void Succeeded(DateTime at, string file) => (LastSucceededAt, LastFile, LastFailedAt, LastError) = (at, file, null, null);

    public void Failed(DateTime at, string error) => (LastFailedAt, LastError) = (at, error);
}

/// <summary>
/// Makes the daily and weekly backups on their schedules (a missed one is made up at start-up), and deletes
/// the daily ones older than <see cref="BackupOptions.KeepDailyDays"/> and the weekly ones older than
/// <see cref="BackupOptions.KeepWeeklyDays"/>. A failure is logged and kept in <see cref="BackupStatus"/>.
/// </summary>
public sealed class BackupSchedule(
    IBackupTarget target, BackupStatus status, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupSchedule> logger) : BackgroundService
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";

    /// <summary>When a backup file was made, from its name (<c>interviewprep-yyyyMMddTHHmmssZ.…</c>); null for another file.</summary>
    public static DateTime? TimeOf(string name) =>
        name.Length >= 30 && DateTime.TryParseExact(name.AsSpan(14, 16), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Scheduled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Makes each kind of backup that is due and prunes the old ones; the kinds it made.</summary>
    public async Task<IReadOnlyList<string>> TickAsync(CancellationToken ct = default)
    {
        var made = new List<string>();
        foreach (var (kind, schedule, keepDays) in new[] { (Daily, options.Value.Daily, options.Value.KeepDailyDays), (Weekly, options.Value.Weekly, options.Value.KeepWeeklyDays) })
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                var kept = await target.ListAsync(kind, ct);
                // Due when the schedule fell due since the last one; with none yet, the first is made at once.
                var last = kept.Count == 0 ? (DateTime?)null : kept[^1].CreatedAt;
                var due = last is null || CronExpression.Parse(schedule).GetNextOccurrence(DateTime.SpecifyKind(last.Value, DateTimeKind.Utc), TimeZoneInfo.Utc) <= now;
                if (due)
                {
                    var manifest = await target.StoreAsync(kind, ct);
                    status.Succeeded(now, manifest.File);
                    made.Add(kind);
                    logger.LogInformation("Made the {Kind} backup {File} ({Bytes} bytes)", kind, manifest.File, manifest.Bytes);
                }

                foreach (var (name, _) in (await target.ListAsync(kind, ct)).Where(b => b.CreatedAt <= now.AddDays(-keepDays)))
                {
                    await target.DeleteAsync(kind, name, ct);
                    logger.LogInformation("Deleted the {Kind} backup {File}, older than {Days} days", kind, name, keepDays);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                status.Failed(now, e.Message);
                logger.LogError(e, "The {Kind} backup failed; it is tried again in a minute", kind);
            }
        }

        return made;
    }
}
