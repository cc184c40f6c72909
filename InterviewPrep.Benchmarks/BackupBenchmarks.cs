using System.Diagnostics;
using InterviewPrep.Data.Operations;
using InterviewPrep.Data.Providers;
using InterviewPrep.Tests.Infrastructure;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// A backup and a restore of a database of 30,000 questions (the admin grid's generated set) on the running
/// provider. Prints figures; asserts nothing about time.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- backup
/// </summary>
public sealed class BackupBenchmarks
{
    public async Task BackupAndRestore_At30000Questions()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new AdminGridBenchmarks().LoadAsync(db);
        using var folder = new TempFolder();
        var backups = new Backups(db.Factory, TimeProvider.System);
        for (var run = 1; run <= 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var manifest = await backups.CreateAsync(Path.Combine(folder.Path, $"run-{run}"));
            var backupTime = watch.Elapsed;
            var target = db.Provider == DatabaseProvider.PostgreSQL
                ? await TestProvider.CreateEmptyPostgreSqlDatabaseAsync()
                : $"Data Source={Path.Combine(folder.Path, $"restored-{run}.db")}";
            watch.Restart();
            var restored = await backups.RestoreAsync(Path.Combine(folder.Path, $"run-{run}", manifest.File), target);
            var restoreTime = watch.Elapsed;
            if (db.Provider == DatabaseProvider.PostgreSQL)
            {
                await TestProvider.DropPostgreSqlDatabaseAsync(target);
            }

            Console.WriteLine($"{db.Provider}, run {run}: {manifest.Rows["questions"]:N0} questions, {manifest.Rows.Values.Sum():N0} rows; " +
                $"backup {backupTime.TotalSeconds:N2} s ({manifest.Bytes / 1e6:N1} MB), restore {restoreTime.TotalSeconds:N2} s: {(restored.Restored ? "verified" : restored.Message)}");
        }
    }
}
