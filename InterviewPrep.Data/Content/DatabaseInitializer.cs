using InterviewPrep.Data.Content.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Data.Content;

/// <summary>Migrates the database, then seeds the starter content into an empty one.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    ContentImporter importer,
    IOptions<ContentOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Where the starter content ships, next to the application.</summary>
    public static string DefaultStarterContentPath => Path.Combine(AppContext.BaseDirectory, "StarterContent");

    /// <summary>Applies pending migrations and switches the file to WAL mode.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Persistent for the file; an in-memory database answers "memory" and stays as it is.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", ct);
        }
    }

    /// <summary>Imports the starter content when the database holds no questions yet (and seeding is on).</summary>
    public async Task<ImportReport?> SeedAsync(CancellationToken ct = default)
    {
        if (!options.Value.SeedStarterContent)
        {
            return null;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Questions.AnyAsync(ct))
            {
                return null;
            }
        }

        var path = options.Value.StarterContentPath ?? DefaultStarterContentPath;
        if (!Directory.Exists(path))
        {
            logger.LogWarning("Starter content folder {Path} not found; the database starts empty", path);
            return null;
        }

        var report = await importer.ImportAsync([path], ct: ct);
        logger.LogInformation("Starter content: {Summary}", report.Summary);
        foreach (var file in report.Files.Where(f => f.Error is not null || f.Rejected.Count > 0))
        {
            logger.LogWarning("Starter content {File}", file);
        }

        return report;
    }

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await MigrateAsync(ct);
        await SeedAsync(ct);
    }
}
