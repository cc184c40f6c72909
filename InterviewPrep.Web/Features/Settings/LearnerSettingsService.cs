using System.Globalization;
using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Settings;

/// <summary>A learner's study settings, as the review scheduler and the day counts use them.</summary>
public sealed record StudySettings(double DesiredRetention, int DailyNewLimit, int MaximumIntervalDays, string? TimeZoneId, bool TimeZoneChosen)
{
    public static readonly StudySettings Default = new(
        LearnerSettings.DefaultRetention, LearnerSettings.DefaultDailyNewLimit, LearnerSettings.DefaultMaximumIntervalDays, null, false);

    public LearnerCalendar Calendar => LearnerCalendar.FindZone(TimeZoneId) is { } zone ? new LearnerCalendar(zone) : LearnerCalendar.Utc;

    /// <summary>The FSRS parameters these settings give (the default weights, steps and fuzz).</summary>
    public FsrsParameters Fsrs => new() { DesiredRetention = DesiredRetention, MaximumIntervalDays = MaximumIntervalDays };
}

/// <summary>Settings that failed validation, each message under the field it is about.</summary>
public sealed class SettingsValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>
/// Reads and saves each learner's study settings (table <c>learnerSettings</c>). Values are checked
/// here, whatever form or API they come from, and again by the database's CHECK constraints.
/// </summary>
public sealed class LearnerSettingsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<StudySettings> GetAsync(string? learnerId, CancellationToken ct = default)
    {
        if (learnerId is null)
        {
            return StudySettings.Default;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.LearnerSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LearnerId == learnerId, ct);
        return row is null ? StudySettings.Default : new StudySettings(row.DesiredRetention, row.DailyNewLimit, row.MaximumIntervalDays, row.TimeZone, row.TimeZoneChosen);
    }

    /// <summary>The problems with a set of settings, by field; empty when they are valid.</summary>
    public static IReadOnlyDictionary<string, string> Validate(StudySettings settings)
    {
        var errors = new Dictionary<string, string>();
        if (double.IsNaN(settings.DesiredRetention) || settings.DesiredRetention is < LearnerSettings.MinRetention or > LearnerSettings.MaxRetention)
        {
            errors[nameof(StudySettings.DesiredRetention)] = string.Create(CultureInfo.InvariantCulture,
                $"Desired retention must be between {LearnerSettings.MinRetention:0.00} and {LearnerSettings.MaxRetention:0.00}.");
        }

        if (settings.DailyNewLimit is < 0 or > LearnerSettings.MaxDailyNewLimit)
        {
            errors[nameof(StudySettings.DailyNewLimit)] = $"New cards a day must be between 0 and {LearnerSettings.MaxDailyNewLimit:N0}.";
        }

        if (settings.MaximumIntervalDays is < 1 or > LearnerSettings.DefaultMaximumIntervalDays)
        {
            errors[nameof(StudySettings.MaximumIntervalDays)] = $"The maximum interval must be between 1 and {LearnerSettings.DefaultMaximumIntervalDays:N0} days.";
        }

        if (settings.TimeZoneId is not null && LearnerCalendar.FindZone(settings.TimeZoneId) is null)
        {
            errors[nameof(StudySettings.TimeZoneId)] = $"'{settings.TimeZoneId}' is not a time zone this server knows. Pick one from the list, such as Europe/Berlin.";
        }

        return errors;
    }

    /// <summary>Saves a learner's settings; throws <see cref="SettingsValidationException"/> when a value is out of range.</summary>
    public async Task<StudySettings> SaveAsync(string learnerId, StudySettings settings, CancellationToken ct = default)
    {
        settings = settings with { DesiredRetention = Math.Round(settings.DesiredRetention, 2), TimeZoneId = Clean(settings.TimeZoneId) };
        var errors = Validate(settings);
        if (errors.Count > 0)
        {
            throw new SettingsValidationException(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await GetOrAddAsync(db, learnerId, ct);
        row.DesiredRetention = settings.DesiredRetention;
        row.DailyNewLimit = settings.DailyNewLimit;
        row.MaximumIntervalDays = settings.MaximumIntervalDays;
        // Saving the zone the browser gave keeps it the browser's (it follows the learner when they travel);
        // another zone is the learner's choice.
        row.TimeZoneChosen = settings.TimeZoneId is not null && (row.TimeZoneChosen || settings.TimeZoneId != row.TimeZone);
        row.TimeZone = settings.TimeZoneId;
        row.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return settings with { TimeZoneChosen = row.TimeZoneChosen };
    }

    /// <summary>
    /// Takes the browser's time zone as the learner's, unless they chose one themselves. Unknown
    /// zones are ignored (the learner keeps what they had). Returns whether anything changed.
    /// </summary>
    public async Task<bool> NoteBrowserTimeZoneAsync(string learnerId, string? zoneId, CancellationToken ct = default)
    {
        zoneId = Clean(zoneId);
        if (zoneId is null || LearnerCalendar.FindZone(zoneId) is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.LearnerSettings.FindAsync([learnerId], ct);
        if (row is { TimeZoneChosen: true } || row?.TimeZone == zoneId)
        {
            return false;
        }

        row ??= await GetOrAddAsync(db, learnerId, ct);
        row.TimeZone = zoneId;
        row.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Every time zone the server knows, by IANA id.</summary>
    public static IReadOnlyList<string> KnownZones { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC")
        .Order(StringComparer.Ordinal)
        .ToList();

    private static string? Clean(string? zoneId) => string.IsNullOrWhiteSpace(zoneId) ? null : zoneId.Trim();

    private async Task<LearnerSettings> GetOrAddAsync(AppDbContext db, string learnerId, CancellationToken ct)
    {
        var row = await db.LearnerSettings.FindAsync([learnerId], ct);
        if (row is null)
        {
            row = new LearnerSettings { LearnerId = learnerId, UpdatedAt = clock.UtcNow() };
            db.LearnerSettings.Add(row);
        }

        return row;
    }
}
