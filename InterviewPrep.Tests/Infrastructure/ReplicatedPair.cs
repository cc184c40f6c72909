using System.Diagnostics;
using Npgsql;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>A primary with an InterviewPrep database and a hot standby of it.</summary>
public sealed class ReplicatedPair : IAsyncDisposable
{
    public const string Database = "interviewprep";

    private ReplicatedPair(PostgreSqlCluster primary, PostgreSqlCluster standby)
    {
        Primary = primary;
        Standby = standby;
    }

    public PostgreSqlCluster Primary { get; }

    public PostgreSqlCluster Standby { get; }

    public static async Task<ReplicatedPair> StartAsync()
    {
        var primary = await PostgreSqlCluster.StartPrimaryAsync();
        try
        {
            await using (var connection = new NpgsqlConnection(primary.ConnectionString()))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE {Database}", connection).ExecuteNonQueryAsync();
            }

            return new ReplicatedPair(primary, await PostgreSqlCluster.StartStandbyAsync(primary));
        }
        catch
        {
            await primary.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Reads <paramref name="sql"/> (one parameter, <c>@id</c>) on the standby until it returns
    /// <paramref name="expected"/>; the time from the call, which follows the primary's commit, until then.
    /// </summary>
    public async Task<TimeSpan> WaitForAsync(string sql, string id, string expected, TimeSpan? patience = null)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(Standby.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        while (watch.Elapsed < (patience ?? TimeSpan.FromSeconds(30)))
        {
            if (await command.ExecuteScalarAsync() is string value && value == expected)
            {
                return watch.Elapsed;
            }

            await Task.Delay(1);
        }

        throw new TimeoutException($"the standby did not show {id} within {(patience ?? TimeSpan.FromSeconds(30)).TotalSeconds} s");
    }

    /// <summary>The standby's state as the primary sees it in <c>pg_stat_replication</c>.</summary>
    public async Task<string?> ReplicationStateAsync()
    {
        await using var connection = new NpgsqlConnection(Primary.ConnectionString());
        await connection.OpenAsync();
        return (string?)await new NpgsqlCommand("SELECT state FROM pg_stat_replication", connection).ExecuteScalarAsync();
    }

    public async Task ExecuteOnStandbyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Standby.ConnectionString(Database));
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Standby.DisposeAsync();
        await Primary.DisposeAsync();
    }
}
