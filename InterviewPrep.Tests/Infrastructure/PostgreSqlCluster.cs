using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using InterviewPrep.Data.Operations;
using Npgsql;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of its own, started from the machine's binaries in a temporary folder on a free
/// loopback port: a primary (<see cref="StartPrimaryAsync"/>) or a hot standby streaming from one
/// (<see cref="StartStandbyAsync"/>, made with <c>pg_basebackup -R</c>). Stopped and deleted on dispose.
/// PostgreSQL refuses to run as root, so as root the tools run as the <c>postgres</c> user.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncDisposable
{
    private PostgreSqlCluster(string folder, int port)
    {
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public string DataFolder => Path.Combine(Folder, "data");

    /// <summary>The folder of initdb, pg_ctl and pg_basebackup, or null when PostgreSQL is not installed.</summary>
    public static string? BinFolder { get; } =
        Backups.PostgreSqlBinFolders.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")));

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false;Timeout=5";

    /// <summary>A new primary that accepts replication connections from the loopback address (initdb's default with trust).</summary>
    public static async Task<PostgreSqlCluster> StartPrimaryAsync()
    {
        var cluster = new PostgreSqlCluster(NewFolder(), FreePort());
        try
        {
            await cluster.RunAsync("initdb", "-D", cluster.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A hot standby of <paramref name="primary"/>: a base backup with the replication settings written (-R), streaming its WAL.</summary>
    public static async Task<PostgreSqlCluster> StartStandbyAsync(PostgreSqlCluster primary)
    {
        var cluster = new PostgreSqlCluster(NewFolder(), FreePort());
        try
        {
            await cluster.RunAsync(
                "pg_basebackup", "-h", "127.0.0.1", "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", "postgres", "-D", cluster.DataFolder, "-R", "-X", "stream", "-c", "fast");
            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Not running.
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private Task StartAsync() => RunAsync(
        "pg_ctl", "-D", DataFolder, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {Folder} -c fsync=off", "start");

    private static bool IsRoot => Environment.UserName == "root";

    private static string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("interviewprep-pg-").FullName;
        if (IsRoot)
        {
            Run("chown", "postgres:postgres", folder);
        }

        return folder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(BinFolder ?? throw new InvalidOperationException("PostgreSQL's binaries are not installed."), tool);
        return Task.Run(() =>
        {
            if (IsRoot)
            {
                Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
            }
            else
            {
                Run(path, arguments);
            }
        });
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
