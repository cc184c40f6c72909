using System.Diagnostics;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Bots;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Bots;

/// <summary>
/// The built app's <c>bots run</c> killed with SIGKILL in the middle of its work again and again, then let
/// finish: no work item is lost or applied twice, every change has exactly one ledger entry and one history
/// row, and the ledger's chain holds.
/// </summary>
public sealed class BotCrashTests : IAsyncLifetime
{
    public const int Questions = 600;
    private static readonly int Kills = int.TryParse(Environment.GetEnvironmentVariable("BOT_CRASH_KILLS"), out var k) ? k : 20;
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private ProcessStartInfo BotsRun()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "InterviewPrep.Web.dll"));
        foreach (var arg in new[] { "bots", "run", DiagramRepairBot.BotName })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (_db.Provider == DatabaseProvider.PostgreSQL)
        {
            start.Environment["Database__Provider"] = "PostgreSQL";
            start.Environment["ConnectionStrings__DefaultConnection"] = _db.ConnectionString;
        }
        else
        {
            start.Environment["ConnectionStrings__DefaultConnection"] = $"Data Source={_db.Path}";
        }

        return start;
    }

    private async Task<int> RepairedAsync()
    {
        await using var db = _db.CreateContext();
        return await db.WorkQueue.CountAsync(w => w.Action == "repair-diagram" && w.Status == WorkQueueStatus.Completed, Ct);
    }

    [Fact]
    public async Task KilledMidRunAgainAndAgain_NoItemIsLostOrAppliedTwice_AndTheLedgerHolds()
    {
        await using (var db = _db.CreateContext())
        {
            var source = new ChangeSource(HistoryEventSources.Import, "crash-test");
            for (var i = 0; i < Questions; i++)
            {
                _db.Changes.Upsert(db, null, new QuestionData
                {
                    Id = $"crash-{i:D4}", Text = $"How does step {i} work?", Answer = "It calls f(x) and returns.", Channel = "algorithms",
                    SubChannel = "general", Difficulty = Difficulty.Beginner, Diagram = $"graph TD\n  A[Call f({i})] --> B[Return (done)]",
                }, source, null);
            }

            await db.SaveChangesAsync(Ct);
        }

        await new WorkQueue(_db.Factory, TimeProvider.System).EnqueueAsync(
            Enumerable.Range(0, Questions).Select(i => new WorkRequest("question", $"crash-{i:D4}", "repair-diagram")), "crash-test", Ct);

        var random = new Random(20261129);
        var midRun = 0;
        for (var kill = 0; kill < Kills && await RepairedAsync() < Questions; kill++)
        {
            using var process = Process.Start(BotsRun())!;
            _ = process.StandardOutput.ReadToEndAsync(Ct);
            _ = process.StandardError.ReadToEndAsync(Ct);
            // Wait until it has done some work, then kill it part-way through its next stretch.
            var before = await RepairedAsync();
            var until = DateTime.UtcNow.AddSeconds(30);
            while (!process.HasExited && await RepairedAsync() == before && DateTime.UtcNow < until)
            {
                await Task.Delay(20, Ct);
            }

            await Task.Delay(random.Next(0, 150), Ct);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                midRun++;
            }

            await process.WaitForExitAsync(Ct);
        }

        using (var finish = Process.Start(BotsRun())!)
        {
            var output = finish.StandardOutput.ReadToEndAsync(Ct);
            var error = finish.StandardError.ReadToEndAsync(Ct);
            await finish.WaitForExitAsync(Ct);
            Assert.True(finish.ExitCode == 0, await output + await error);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{midRun} kills mid-run over {Questions} items");
        Assert.True(midRun >= Math.Min(Kills, 5), $"only {midRun} kills landed mid-run");
        await using var check = _db.CreateContext();
        var items = await check.WorkQueue.AsNoTracking().Where(w => w.Action == "repair-diagram").ToListAsync(Ct);
        Assert.All(items, w => Assert.Equal(WorkQueueStatus.Completed, w.Status));
        var edits = await check.BotLedger.AsNoTracking().Where(e => e.BotName == DiagramRepairBot.BotName && e.Action == BotEdits.EditAction)
            .Select(e => e.ItemId).ToListAsync(Ct);
        Assert.Equal(Questions, edits.Count);
        Assert.Equal(Questions, edits.Distinct().Count());
        var history = await check.QuestionHistory.AsNoTracking().Where(h => h.EventSource == HistoryEventSources.Bot).Select(h => h.QuestionId).ToListAsync(Ct);
        Assert.Equal(Questions, history.Count);
        Assert.Equal(Questions, history.Distinct().Count());
        var diagrams = await check.Questions.AsNoTracking().Where(q => q.Id.StartsWith("crash-")).Select(q => q.Diagram).ToListAsync(Ct);
        Assert.All(diagrams, d => Assert.Empty(MermaidCheck.Problems(d)));
        Assert.True((await LedgerChain.VerifyAsync(check, Ct)).Intact);
        Assert.DoesNotContain(await check.BotRuns.AsNoTracking().Select(r => r.Status).ToListAsync(Ct), s => s == BotRunStatus.Running);
    }
}
