using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using InterviewPrep.Data.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InterviewPrep.Data.Operations;

/// <summary>What a backup holds: the provider, the last migration applied, the rows per table, and the file's checksum.</summary>
public sealed record BackupManifest(
    string Provider, string? Migration, DateTime CreatedAt, string File, long Bytes, string Sha256, IReadOnlyDictionary<string, long> Rows)
{
    public static string PathFor(string backupFile) => backupFile + ".manifest.json";
}

/// <summary>What a restore found: the rows per table it checked against the manifest, or why it stopped.</summary>
public sealed record RestoreOutcome(bool Restored, string Message, IReadOnlyDictionary<string, long>? Rows = null);

/// <summary>
/// Consistent online backups and verified restores. SQLite: <c>VACUUM INTO</c> (a snapshot in one read
/// transaction, so writers go on), gzip-compressed. PostgreSQL: <c>pg_dump</c> in its custom format
/// (compressed), from the machine's PostgreSQL binaries. Each backup file is named with its time and has a
/// manifest beside it (provider, migration, rows per table, SHA-256). A restore checks the checksum, restores
/// only into an empty database unless told to replace it, checks integrity (SQLite) and compares every
/// table's rows with the manifest.
/// </summary>
public sealed class Backups(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where <c>pg_dump</c> and <c>pg_restore</c> are looked for when they are not on the PATH.</summary>
    public static readonly string[] PostgreSqlBinFolders = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

    /// <summary>Writes a backup of the database into <paramref name="folder"/>; its manifest, written beside it.</summary>
    public async Task<BackupManifest> CreateAsync(string folder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var provider = db.Database.Provider();
        var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
        string file;
        IReadOnlyDictionary<string, long> rows;
        if (provider == DatabaseProvider.Sqlite)
        {
            file = Path.Combine(folder, $"interviewprep-{stamp}.sqlite.gz");
            var snapshot = file + ".partial.db";
            File.Delete(snapshot);
            // One read transaction: the snapshot is consistent while learners go on writing.
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {snapshot}", ct);
            rows = await CountSqliteAsync(snapshot, TableNames(db), ct);
            await using (var source = File.OpenRead(snapshot))
            await using (var target = File.Create(file + ".partial"))
            await using (var gzip = new GZipStream(target, CompressionLevel.Optimal))
            {
                await source.CopyToAsync(gzip, ct);
            }

            File.Delete(snapshot);
        }
        else
        {
            file = Path.Combine(folder, $"interviewprep-{stamp}.pgdump");
            // The dump is one transaction's snapshot; the rows counted are that snapshot's, read back from the dump's restore.
            await RunAsync(Tool("pg_dump"), PgArguments(db.Database.GetConnectionString()!, ["--format=custom", "--no-owner", "--no-privileges", "--file", file + ".partial"]), ct);
            rows = await CountDumpAsync(file + ".partial", db, ct);
        }

        File.Move(file + ".partial", file, overwrite: true);
        var manifest = new BackupManifest(Vocabulary(provider), migration, now, Path.GetFileName(file), new FileInfo(file).Length, await Sha256Async(file, ct), rows);
        await File.WriteAllTextAsync(BackupManifest.PathFor(file), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>
    /// Restores <paramref name="backupFile"/> into the database of <paramref name="connectionString"/> (this app's
    /// when null): refused when the checksum does not match, or the target has tables and <paramref name="replace"/> is false.
    /// </summary>
    public async Task<RestoreOutcome> RestoreAsync(string backupFile, string? connectionString = null, bool replace = false, CancellationToken ct = default)
    {
        var manifestPath = BackupManifest.PathFor(backupFile);
        if (!File.Exists(backupFile))
        {
            return new RestoreOutcome(false, $"There is no backup file {backupFile}.");
        }

        if (!File.Exists(manifestPath))
        {
            return new RestoreOutcome(false, $"The manifest {Path.GetFileName(manifestPath)} is missing beside the backup: without it the backup cannot be verified.");
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct), Json)!;
        if (await Sha256Async(backupFile, ct) != manifest.Sha256)
        {
            return new RestoreOutcome(false, "The backup's checksum does not match its manifest: the file is damaged or was changed. Nothing was restored.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var provider = db.Database.Provider();
        if (manifest.Provider != Vocabulary(provider))
        {
            return new RestoreOutcome(false, $"The backup is of a {manifest.Provider} database; this app runs on {Vocabulary(provider)}.");
        }

        var target = connectionString ?? db.Database.GetConnectionString()!;
        return provider == DatabaseProvider.Sqlite
            ? await RestoreSqliteAsync(backupFile, manifest, target, replace, TableNames(db), ct)
            : await RestorePostgreSqlAsync(backupFile, manifest, target, replace, ct);
    }

    private static async Task<RestoreOutcome> RestoreSqliteAsync(
        string backupFile, BackupManifest manifest, string target, bool replace, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var path = new SqliteConnectionStringBuilder(target).DataSource;
        if (File.Exists(path) && new FileInfo(path).Length > 0 && !replace)
        {
            return new RestoreOutcome(false, $"{path} is not empty. Restore into a new file, or say --replace to overwrite it.");
        }

        var partial = path + ".restoring";
        await using (var source = File.OpenRead(backupFile))
        await using (var gzip = new GZipStream(source, CompressionMode.Decompress))
        await using (var file = File.Create(partial))
        {
            await gzip.CopyToAsync(file, ct);
        }

        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await check.OpenAsync(ct);
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var result = (string?)await command.ExecuteScalarAsync(ct);
            if (result != "ok")
            {
                File.Delete(partial);
                return new RestoreOutcome(false, $"The restored database fails SQLite's integrity check: {result}. Nothing was replaced.");
            }
        }

        var rows = await CountSqliteAsync(partial, tables, ct);
        if (Mismatch(manifest.Rows, rows) is { } mismatch)
        {
            File.Delete(partial);
            return new RestoreOutcome(false, mismatch + " Nothing was replaced.");
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        File.Move(partial, path, overwrite: true);
        return new RestoreOutcome(true, $"Restored {manifest.File} ({manifest.Migration}) into {path}: integrity ok, {rows.Values.Sum():N0} rows in {rows.Count} tables as the manifest says.", rows);
    }

    private async Task<RestoreOutcome> RestorePostgreSqlAsync(string backupFile, BackupManifest manifest, string target, bool replace, CancellationToken ct)
    {
        await using (var connection = new NpgsqlConnection(target))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            if ((long)(await command.ExecuteScalarAsync(ct))! > 0 && !replace)
            {
                return new RestoreOutcome(false, $"The database {connection.Database} has tables. Restore into an empty database, or say --replace to overwrite it.");
            }
        }

        string[] options = replace ? ["--clean", "--if-exists"] : [];
        await RunAsync(Tool("pg_restore"), PgArguments(target, [.. options, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", "{database}", backupFile]), ct);
        var rows = await CountPostgreSqlAsync(target, manifest.Rows.Keys, ct);
        if (Mismatch(manifest.Rows, rows) is { } mismatch)
        {
            return new RestoreOutcome(false, mismatch);
        }

        return new RestoreOutcome(true, $"Restored {manifest.File} ({manifest.Migration}): {rows.Values.Sum():N0} rows in {rows.Count} tables as the manifest says.", rows);
    }

    /// <summary>The rows a PostgreSQL dump holds: restored into a throwaway database beside the source, counted, dropped.</summary>
    private async Task<IReadOnlyDictionary<string, long>> CountDumpAsync(string dump, AppDbContext db, CancellationToken ct)
    {
        var source = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var scratch = $"backup_check_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = "postgres", Pooling = false };
        await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE \"{scratch}\"", ct);
        try
        {
            var check = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = scratch, Pooling = false }.ConnectionString;
            await RunAsync(Tool("pg_restore"), PgArguments(check, ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", "{database}", dump]), ct);
            return await CountPostgreSqlAsync(check, TableNames(db), ct);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS \"{scratch}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string? Mismatch(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> found)
    {
        var wrong = expected.Where(e => found.GetValueOrDefault(e.Key, -1) != e.Value).Select(e => $"{e.Key} has {found.GetValueOrDefault(e.Key, -1)} rows, the manifest {e.Value}").ToList();
        return wrong.Count == 0 ? null : "The restored rows do not match the manifest: " + string.Join("; ", wrong.Take(5)) + ".";
    }

    /// <summary>The tables of the model (the design's, Identity's, the app's own), each once.</summary>
    private static List<string> TableNames(AppDbContext db) =>
        db.Model.GetEntityTypes().Where(e => !e.IsOwned()).Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    private static async Task<IReadOnlyDictionary<string, long>> CountSqliteAsync(string path, IReadOnlyList<string> tables, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            rows[table] = (long)(await command.ExecuteScalarAsync(ct))!;
        }

        return rows;
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountPostgreSqlAsync(string connectionString, IEnumerable<string> tables, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
            rows[table] = (long)(await command.ExecuteScalarAsync(ct))!;
        }

        return rows;
    }

    private static string Vocabulary(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }

    /// <summary>A PostgreSQL client tool: from the PATH, or the machine's PostgreSQL binaries.</summary>
    private static string Tool(string name) =>
        PostgreSqlBinFolders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists) ?? name;

    /// <summary>The tool's connection arguments from an Npgsql connection string; the password goes by environment, never on the command line.</summary>
    private static (List<string> Arguments, Dictionary<string, string> Environment) PgArguments(string connectionString, IEnumerable<string> rest)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        var arguments = new List<string> { "--host", csb.Host ?? "localhost", "--port", csb.Port.ToString(CultureInfo.InvariantCulture), "--username", csb.Username ?? "postgres" };
        arguments.AddRange(rest.Select(a => a == "{database}" ? csb.Database ?? "postgres" : a));
        if (!arguments.Contains("--dbname"))
        {
            arguments.Add(csb.Database ?? "postgres");
        }

        var environment = new Dictionary<string, string> { ["PGCONNECT_TIMEOUT"] = "10" };
        if (!string.IsNullOrEmpty(csb.Password))
        {
            environment["PGPASSWORD"] = csb.Password;
        }

        return (arguments, environment);
    }

    private static async Task RunAsync(string tool, (List<string> Arguments, Dictionary<string, string> Environment) call, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        call.Arguments.ForEach(start.ArgumentList.Add);
        foreach (var (key, value) in call.Environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var error = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(tool)} failed (exit {process.ExitCode}): {(await error).Trim()}");
        }
    }
}
