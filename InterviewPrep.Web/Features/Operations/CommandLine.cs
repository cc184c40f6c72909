using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Operations;

/// <summary>
/// <c>migrate</c> creates or upgrades the configured database; <c>import PATH...</c> imports
/// exports and prints the report. Both exit when done; <c>import</c> exits with 1 when a file
/// could not be read or saved (rejected rows alone are not a failure).
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "migrate" or "import" or "export" or "search-rebuild" or "certifications" or "paths" or "grade" or "ledger" or "bots" or "backup" or "restore" or "help" or "--help";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var output = Console.Out;
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    await output.WriteLineAsync($"Database is up to date: {DatabaseLocation(app)}");
                    return 0;
                case "import" when args.Length > 1:
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var importer = app.Services.GetRequiredService<ContentImporter>();
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var report = await importer.ImportAsync(args.Skip(1), new SynchronousProgress<ImportProgress>(p =>
                        output.WriteLine($"[{p.FileIndex}/{p.FileCount}] {p.Source} ({p.Rows} rows)")));
                    await output.WriteLineAsync($"Import took {clock.Elapsed.TotalSeconds:0.0} s.");
                    await output.WriteAsync(report.ToText());
                    return report.FailedFiles > 0 ? 1 : 0;
                case "export" when args.Length == 2:
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var exported = await app.Services.GetRequiredService<InterviewPrep.Data.Content.Export.ContentExporter>().ExportToFolderAsync(args[1]);
                    await output.WriteLineAsync(
                        $"Exported to {Path.GetFullPath(args[1])}: {exported.Questions} questions, {exported.Channels} channels, {exported.Certifications} certifications, " +
                        $"{exported.LearningPaths} learning paths, {exported.VoiceSessions} voice sessions, {exported.Relationships} relationships.");
                    foreach (var warning in exported.Warnings)
                    {
                        await output.WriteLineAsync($"warning: {warning}");
                    }

                    return 0;
                case "search-rebuild":
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    await app.Services.GetRequiredService<InterviewPrep.Data.Content.Search.QuestionSearch>().RebuildAsync();
                    await output.WriteLineAsync("The search index was rebuilt from the questions.");
                    return 0;
                case "certifications" when args.Length is 2 or 3 && args[1] == "assign":
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var domains = app.Services.GetRequiredService<InterviewPrep.Data.Content.Certifications.CertificationDomains>();
                    var runs = args.Length == 3
                        ? (await domains.AssignAsync(args[2]) is { } one ? [one] : [])
                        : await domains.AssignAllAsync();
                    if (args.Length == 3 && runs.Count == 0)
                    {
                        await output.WriteLineAsync($"There is no certification '{args[2]}'.");
                        return 1;
                    }

                    foreach (var run in runs)
                    {
                        await output.WriteLineAsync($"{run.CertificationId}: {run.Questions} questions, {run.Changed} moved, {run.LeftByAdmins} kept as admins placed them; " +
                            string.Join(", ", run.PerDomain.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
                    }

                    return 0;
                case "certifications" when args.Length == 2 && args[1] == "feed":
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var fed = await app.Services.GetRequiredService<InterviewPrep.Data.Content.Certifications.CertificationFeeds>().FeedEmptyAsync();
                    foreach (var run in fed)
                    {
                        await output.WriteLineAsync(run.Channels.Count == 0
                            ? $"{run.CertificationId}: no channel matches it"
                            : $"{run.CertificationId}: {run.Mapped} questions from " +
                              string.Join(", ", run.Channels.Select(c => $"{c.ChannelId} (score {c.Score}: {string.Join(" ", c.Matched)})")));
                    }

                    if (fed.Count == 0)
                    {
                        await output.WriteLineAsync("Every certification has questions or channels already.");
                    }

                    return 0;
                case "paths" when args.Length == 2 && args[1] == "rebuild":
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var rebuilt = await app.Services.GetRequiredService<InterviewPrep.Web.Features.LearningPaths.PathGenerator>().RebuildEmptyAsync(
                        new ChangeSource(InterviewPrep.Data.Entities.HistoryEventSources.System, "command line", "paths rebuild"));
                    foreach (var result in rebuilt)
                    {
                        await output.WriteLineAsync($"{result.PathId}: {result.Message}");
                    }

                    if (rebuilt.Count == 0)
                    {
                        await output.WriteLineAsync("Every generated path has questions in this collection already.");
                    }

                    return 0;
                case "grade" when args.Length == 2:
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var transcript = await Console.In.ReadToEndAsync();
                    var grade = await app.Services.GetRequiredService<InterviewPrep.Web.Features.Voice.VoiceGrading>().GradeAsync(args[1], transcript);
                    if (grade is null)
                    {
                        await Console.Error.WriteLineAsync($"There is no question '{args[1]}'.");
                        return 1;
                    }

                    await output.WriteLineAsync(InterviewPrep.Web.Features.Voice.GradeJson.Write(grade, transcript));
                    return 0;
                case "bots" when args.Length == 2 && args[1] == "list":
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var runner = app.Services.GetRequiredService<InterviewPrep.Web.Features.Bots.BotRunner>();
                    var choices = await app.Services.GetRequiredService<InterviewPrep.Web.Features.Bots.BotSettings>().AllAsync(runner.Bots);
                    foreach (var bot in runner.Bots)
                    {
                        var last = (await runner.CompletedRunsAsync(bot.Name, 1)).FirstOrDefault();
                        var mode = !bot.EditsContent ? "queues work" : bot.CanPropose && choices[bot.Name].Mode == InterviewPrep.Data.Entities.BotMode.Propose ? "proposes" : "publishes";
                        await output.WriteLineAsync($"{bot.Name} ({bot.Schedule}{(choices[bot.Name].Paused ? ", paused" : "")}, {mode}): {bot.Description}" +
                            (last is null ? " Never run." : $" Last run {last.StartedAt:yyyy-MM-dd HH:mm} UTC: {last.ItemsProcessed} looked at, {last.ItemsCreated} created."));
                    }

                    return 0;
                case "bots" when args.Length == 3 && args[1] == "run":
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var botRunner = app.Services.GetRequiredService<InterviewPrep.Web.Features.Bots.BotRunner>();
                    // Runs whose process died (this command killed, the app crashed) give their work back first.
                    await botRunner.RecoverInterruptedAsync();
                    var ran = await botRunner.RunAsync(args[2]);
                    if (ran is null)
                    {
                        await Console.Error.WriteLineAsync($"There is no bot '{args[2]}'. See: bots list");
                        return 1;
                    }

                    if (ran.Status == InterviewPrep.Data.Entities.BotRunStatus.Running)
                    {
                        await Console.Error.WriteLineAsync($"{ran.BotName} is running already (run #{ran.Id}, started {ran.StartedAt:yyyy-MM-dd HH:mm:ss} UTC); try again when it ends.");
                        return 1;
                    }

                    await output.WriteLineAsync($"{ran.BotName} run #{ran.Id} {InterviewPrep.Data.Entities.Vocabulary.ToText(ran.Status)}: " +
                        $"{ran.ItemsProcessed} looked at, {ran.ItemsCreated} created, {ran.ItemsUpdated} updated, {ran.ItemsDeleted} deleted.");
                    await output.WriteLineAsync(ran.Summary?.ToJsonString() ?? "{}");
                    return ran.Status == InterviewPrep.Data.Entities.BotRunStatus.Completed ? 0 : 1;
                case "backup" when args.Length == 1 || (args.Length == 3 && args[1] == "--to"):
                {
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var folder = args.Length == 3
                        ? Path.GetFullPath(args[2])
                        : Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, app.Configuration["Backups:Folder"] ?? Path.Combine("App_Data", "backups")));
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var manifest = await app.Services.GetRequiredService<InterviewPrep.Data.Operations.Backups>().CreateAsync(folder);
                    await output.WriteLineAsync($"Backed up to {Path.Combine(folder, manifest.File)} in {started.Elapsed.TotalSeconds:N1} s: {manifest.Bytes:N0} bytes, " +
                        $"{manifest.Rows.Values.Sum():N0} rows in {manifest.Rows.Count} tables, migration {manifest.Migration}, sha256 {manifest.Sha256[..16]}…");
                    return 0;
                }

                case "restore" when args.Length >= 2:
                {
                    var rest = args.Skip(2).ToList();
                    var replace = rest.Remove("--replace");
                    var to = rest.Count == 2 && rest[0] == "--to" ? rest[1] : null;
                    if (rest.Count != 0 && to is null)
                    {
                        await Console.Error.WriteLineAsync("Usage: restore FILE [--to CONNECTION] [--replace]");
                        return 2;
                    }

                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var restored = await app.Services.GetRequiredService<InterviewPrep.Data.Operations.Backups>().RestoreAsync(Path.GetFullPath(args[1]), to, replace);
                    await (restored.Restored ? output : Console.Error).WriteLineAsync($"{restored.Message} ({started.Elapsed.TotalSeconds:N1} s)");
                    return restored.Restored ? 0 : 1;
                }

                case "ledger" when args.Length == 2 && args[1] == "verify":
                    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
                    {
                        var verified = await InterviewPrep.Data.Bots.LedgerChain.VerifyAsync(db);
                        if (verified.Intact)
                        {
                            await output.WriteLineAsync($"The bot ledger's {verified.Entries} entries form an unbroken chain.");
                            return 0;
                        }

                        await output.WriteLineAsync($"The bot ledger is broken at entry #{verified.BrokenEntryId}: {verified.Problem}.");
                        return 1;
                    }

                default:
                    await output.WriteLineAsync("""
                        Usage:
                          InterviewPrep.Web                   start the web app
                          InterviewPrep.Web migrate           create or upgrade the configured database
                          InterviewPrep.Web import PATH...    import exports: folders, .json files, or a .db in the original schema
                          InterviewPrep.Web export DIR        write the whole content into DIR in the export layout (import reads it back)
                          InterviewPrep.Web search-rebuild    rebuild the full-text search index from the questions
                          InterviewPrep.Web certifications assign [ID]
                                                              place certification questions in their exam domains (all, or one certification)
                          InterviewPrep.Web certifications feed
                                                              give certifications without questions the channels that match them
                          InterviewPrep.Web paths rebuild     build again, from this collection, the generated paths none of whose questions is here
                          InterviewPrep.Web grade QUESTION_ID grade the spoken answer read from standard input; prints one JSON object
                          InterviewPrep.Web ledger verify     check that no bot ledger entry was changed, removed or inserted
                          InterviewPrep.Web backup [--to DIR] a consistent backup while the app runs, with its manifest and checksum
                          InterviewPrep.Web restore FILE [--to CONNECTION] [--replace]
                                                              restore into an empty database, checking checksum, integrity and rows
                          InterviewPrep.Web bots list         the bots, their schedules and last runs
                          InterviewPrep.Web bots run NAME     run a bot now; prints its counts and summary
                        """);
                    return args[0] is "help" or "--help" ? 0 : 2;
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {e.Message}");
            return 1;
        }
    }

    private static string DatabaseLocation(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        if (db.Database.IsNpgsql())
        {
            var server = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            return $"PostgreSQL database {server.Database} on {server.Host}:{server.Port}";
        }

        return new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
    }
}
