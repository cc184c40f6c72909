using System.Diagnostics;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// Replication lag of a hot standby (<c>pg_basebackup -R</c>) behind a primary that the app writes to:
/// for each of 300 question saves through the content-change path, the time from the commit until the
/// standby returns the row. PostgreSQL only (TEST_DATABASE_PROVIDER=PostgreSQL). Prints figures.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- replication
/// </summary>
public sealed class ReplicationBenchmarks
{
    public async Task StandbyLag_OfQuestionSaves()
    {
        if (!TestProvider.IsPostgreSql)
        {
            Console.WriteLine("replication: PostgreSQL only; run with TEST_DATABASE_PROVIDER=PostgreSQL and TEST_POSTGRES set");
            return;
        }

        await using var pair = await ReplicatedPair.StartAsync();
        await using var app = new AppFactory(database: pair.Primary.ConnectionString(ReplicatedPair.Database));
        var changes = app.Services.GetRequiredService<ContentChangeService>();
        const int Saves = 300;
        var lags = new List<double>(Saves);
        for (var i = 0; i < Saves; i++)
        {
            var text = $"Which replica serves read {i}?";
            await changes.UpsertAsync(new QuestionData
            {
                Id = $"replicated-{i % 30}",
                Text = text,
                Answer = "The standby, once it has replayed the primary's WAL.",
                Explanation = "Streaming replication.",
                Channel = "database",
                SubChannel = "replication",
                Difficulty = Difficulty.Intermediate,
            }, new ChangeSource("admin", "benchmark"));
            lags.Add((await pair.WaitForAsync("SELECT question FROM questions WHERE id = @id", $"replicated-{i % 30}", text)).TotalMilliseconds);
        }

        lags.Sort();
        double At(double p) => lags[Math.Min(lags.Count - 1, (int)Math.Ceiling(p * lags.Count) - 1)];
        Console.WriteLine($"{Saves} saves (new and edited questions, each with its history row): standby lag p50 {At(0.5):N1} ms, " +
            $"p95 {At(0.95):N1} ms, p99 {At(0.99):N1} ms, max {lags[^1]:N1} ms; state {await pair.ReplicationStateAsync()}");
    }
}
