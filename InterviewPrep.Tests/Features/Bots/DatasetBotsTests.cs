using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Bots;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Bots;

/// <summary>Every bot run over the original system's export (../shared/datasets), in the order of their schedules.</summary>
public sealed class DatasetBotsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task EveryBot_RunsOverTheExport_AndEachChangeHasOneLedgerEntryAndOneHistoryRow()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.Importer.ImportAsync([SharedFolder.OpenInterview], ct: ct);
        var runner = _db.BotRunner();
        var runs = new Dictionary<string, BotRun>();
        foreach (var name in new[]
                 {
                     QualityBot.BotName, DiagramRepairBot.BotName, VoiceKeywordsBot.BotName, DuplicatesBot.BotName, RelationshipsBot.BotName,
                     RelevanceBot.BotName, CertificationBot.BotName, PathBuilderBot.BotName, VoiceSessionBuilderBot.BotName,
                 })
        {
            var run = await runner.RunAsync(name, ct);
            Assert.True(run!.Status == BotRunStatus.Completed, $"{name}: {run.Summary?.ToJsonString()}");
            runs[name] = run;
            TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {run.ItemsProcessed} looked at, {run.ItemsCreated} created, {run.ItemsUpdated} updated, {run.ItemsDeleted} deleted");
        }

        var broken = runs[QualityBot.BotName].Summary!["problems"]!["diagram that cannot be drawn"]!.GetValue<int>();
        Assert.True(runs[DiagramRepairBot.BotName].ItemsUpdated >= broken * 0.9, $"{runs[DiagramRepairBot.BotName].ItemsUpdated} of {broken} diagrams repaired");
        Assert.InRange(runs[DuplicatesBot.BotName].ItemsCreated, 5, 100);
        Assert.True(runs[RelationshipsBot.BotName].ItemsCreated > 20_000, $"{runs[RelationshipsBot.BotName].ItemsCreated} links");
        Assert.Equal(runs[RelevanceBot.BotName].ItemsProcessed, runs[RelevanceBot.BotName].ItemsUpdated);
        Assert.True(runs[PathBuilderBot.BotName].ItemsProcessed >= 100);

        await using var db = _db.CreateContext();
        Assert.True((await LedgerChain.VerifyAsync(db, ct)).Intact);
        var ledger = await db.BotLedger.AsNoTracking().GroupBy(e => e.BotName).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var history = await db.QuestionHistory.AsNoTracking().Where(h => h.EventSource == HistoryEventSources.Bot)
            .GroupBy(h => h.SourceName!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        foreach (var bot in new[] { DiagramRepairBot.BotName, RelationshipsBot.BotName, RelevanceBot.BotName, PathBuilderBot.BotName, VoiceSessionBuilderBot.BotName })
        {
            Assert.True(history.GetValueOrDefault(bot) > 0, $"{bot} changed nothing");
            Assert.Equal(history.GetValueOrDefault(bot), ledger.GetValueOrDefault(bot));
        }

        Assert.Equal(runs[DuplicatesBot.BotName].ItemsCreated, await db.BotProposals.CountAsync(p => p.BotName == DuplicatesBot.BotName, ct));
    }
}
