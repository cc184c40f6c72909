using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Bots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace InterviewPrep.Tests.Features.Bots;

/// <summary>The quality analysis bot run on the starter content and on questions written broken for these tests.</summary>
public sealed class QualityBotTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private BotRunner _runner = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        var queue = new WorkQueue(_db.Factory, _clock);
        _runner = new BotRunner([new QualityBot(_db.Factory, queue)], _db.Factory, new BotSettings(_db.Factory, _clock), queue, _clock, NullLogger<BotRunner>.Instance);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public void Check_NamesEachProblem()
    {
        var problems = QualityBot.Check(
            "Explain caching", "TODO", "Caches keep copies close to where they are read...", null, null, "flowchart TD\n  A[Read (hot)] --> B",
            ["cache"], null, voiceSuitable: true, null, diagramChannel: true).Select(p => p.Problem).ToList();

        Assert.Equal(
            [QualityBot.MissingAnswer, QualityBot.Truncated, QualityBot.Placeholder, QualityBot.BrokenDiagram, QualityBot.MissingTldr,
             QualityBot.MissingEli5, QualityBot.MissingVoiceKeywords, QualityBot.NoQuestionMark, QualityBot.FewTags, QualityBot.NoCompanies],
            problems);
    }

    [Fact]
    public async Task ARun_QueuesTheWorkByUrgency_IsRecorded_AndASecondRunQueuesNothingTwice()
    {
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "broken-1", Text = "Explain the diagram", Answer = "", Explanation = "It continues...", Channel = "system-design", SubChannel = "general",
            Difficulty = Difficulty.Beginner, Diagram = "graph TD\n  A[Start dp[i]] --> B",
        }, new ChangeSource(HistoryEventSources.Admin, "test"));

        var run = await _runner.RunAsync(QualityBot.BotName);
        var again = await _runner.RunAsync(QualityBot.BotName);

        Assert.Equal(BotRunStatus.Completed, run!.Status);
        Assert.True(run.ItemsProcessed > 60);
        Assert.True(run.ItemsCreated > 0);
        Assert.Equal(0, again!.ItemsCreated);
        Assert.Equal(run.ItemsCreated, again.Summary!["alreadyQueued"]!.GetValue<int>());
        await using var db = _db.CreateContext();
        var mine = await db.WorkQueue.AsNoTracking().Where(w => w.ItemId == "broken-1").OrderBy(w => w.Priority).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["complete-text", "write-answer"], mine.Where(w => w.Priority == 1).Select(w => w.Action).Order());
        Assert.Contains(mine, w => w.Action == "repair-diagram" && w.Reason!.Contains("dp[i]", StringComparison.Ordinal));
        // The first claim takes the most urgent work.
        Assert.Equal(1, (await new WorkQueue(_db.Factory, _clock).ClaimAsync("worker"))!.Priority);
        Assert.Equal([again.Id, run.Id], (await _runner.CompletedRunsAsync(QualityBot.BotName)).Select(r => r.Id));
        Assert.Null(await _runner.RunAsync("no-such-bot"));
    }
}
