using System.Diagnostics;
using System.Text.RegularExpressions;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace InterviewPrep.Tests.Features.Operations;

/// <summary>The built app run as a command: migrate and import.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("interviewprep-cli-").FullName;

    private string DatabasePath => Path.Combine(_folder, "cli.db");

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    private async Task<(int ExitCode, string Output)> RunWithInputAsync(string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "InterviewPrep.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__DefaultConnection"] = $"Data Source={DatabasePath}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Migrate_CreatesTheDatabase_AndExits()
    {
        var (exit, output) = await RunAsync("migrate");

        Assert.Equal(0, exit);
        Assert.Contains("Database is up to date", output);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 4);
    }

    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // the commands run against this test's SQLite file
    public async Task Backup_ThenRestore_IntoANewFile_AndNotOverAFullOne()
    {
        var (migrated, _) = await RunAsync("migrate");
        Assert.Equal(0, migrated);
        var (exit, output) = await RunAsync("backup", "--to", Path.Combine(_folder, "backups"));
        Assert.True(exit == 0, output);
        var file = Directory.GetFiles(Path.Combine(_folder, "backups"), "*.sqlite.gz").Single();
        Assert.True(File.Exists(file + ".manifest.json"));

        var (restored, restoreOutput) = await RunAsync("restore", file, "--to", $"Data Source={Path.Combine(_folder, "copy.db")}");
        var (again, againOutput) = await RunAsync("restore", file, "--to", $"Data Source={Path.Combine(_folder, "copy.db")}");

        Assert.True(restored == 0, restoreOutput);
        Assert.Contains("integrity ok", restoreOutput);
        Assert.Equal(1, again);
        Assert.Contains("is not empty", againOutput);
    }

    [Fact]
    public async Task Import_WithAFileThatCannotBeParsed_PrintsTheReportEndingWithTheSummaryLine_AndExitsNonZero()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.json"), "{ not json");
        var starter = InterviewPrep.Data.Content.DatabaseInitializer.DefaultStarterContentPath;

        var (exit, output) = await RunAsync("import", starter, "bad.json");

        Assert.Equal(1, exit);
        Assert.Contains("bad.json: FAILED, nothing imported: not valid JSON", output);
        var last = output.TrimEnd().Split('\n').Last().Trim();
        Assert.Matches(new Regex(@"^imported: \d+ created, 0 updated, 0 unchanged, 0 rejected$"), last);

        var (againExit, again) = await RunAsync("import", starter);
        Assert.Equal(0, againExit);
        Assert.Matches(@"imported: 0 created, 0 updated, \d+ unchanged, 0 rejected\s*$", again);
    }

    [Fact]
    public async Task Grade_ReadsATranscript_AndPrintsOneJsonObject_OrExitsNonZeroForAnUnknownQuestion()
    {
        await RunAsync("import", InterviewPrep.Data.Content.DatabaseInitializer.DefaultStarterContentPath);

        var (exit, output) = await RunWithInputAsync(
            "um so a load balancer spreads the requests across several app servers so that no single server is overloaded and if one fails the others keep serving",
            "grade", "ip-sd-001");
        var (unknownExit, unknown) = await RunWithInputAsync("anything", "grade", "no-such-question");

        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.InRange(json.RootElement.GetProperty("score").GetInt32(), 0, 100);
        Assert.Contains(json.RootElement.GetProperty("verdict").GetString(), new[] { "excellent", "good", "needs-work", "poor" });
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.RootElement.GetProperty("matched").ValueKind);
        Assert.True(json.RootElement.GetProperty("missed").GetArrayLength() + json.RootElement.GetProperty("matched").GetArrayLength() > 0);
        Assert.Equal(1, unknownExit);
        Assert.Contains("There is no question 'no-such-question'.", unknown);
    }

    [Fact]
    public async Task LedgerVerify_PassesOnAnIntactLedger_AndNamesTheFirstBrokenEntry()
    {
        var (exit, output) = await RunAsync("ledger", "verify");
        Assert.Equal(0, exit);
        Assert.Contains("0 entries form an unbroken chain", output);

        // An entry written by hand, without the chain's hashes.
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO botLedger (botName, action, itemType, itemId, createdAt, previousHash, hash)
                VALUES ('intruder', 'update', 'question', 'q-1', '2026-11-02T09:00:00.000Z', '', 'not-a-hash')
                """;
            await command.ExecuteNonQueryAsync();
        }

        var (brokenExit, broken) = await RunAsync("ledger", "verify");
        Assert.Equal(1, brokenExit);
        Assert.Contains("broken at entry #1: its content does not match its hash", broken);
    }

    [Fact]
    public async Task Import_WithOnlyRejectedRows_ExitsZero()
    {
        File.WriteAllText(Path.Combine(_folder, "rows.json"), """[{"id":"q-1","question":"Q?","answer":"A","difficulty":"beginner","channel":"c"},{"question":"no id"}]""");

        var (exit, output) = await RunAsync("import", "rows.json");

        Assert.Equal(0, exit);
        Assert.Contains("rows.json: 1 created, 0 updated, 0 unchanged, 1 rejected", output);
    }

    [Fact]
    public async Task UnknownUsage_PrintsHelp_AndFails()
    {
        var (exit, output) = await RunAsync("import");
        Assert.Equal(2, exit);
        Assert.Contains("Usage:", output);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
