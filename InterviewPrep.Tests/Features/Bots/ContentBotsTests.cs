using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Bots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Features.Bots;

/// <summary>The bots that change content, and their schedule, run on the starter content and on questions written for these tests.</summary>
public sealed class ContentBotsTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private BotRunner _runner = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        _runner = _db.BotRunner();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task AddAsync(string id, string? diagram, bool voice = false, string answer = "A B-tree keeps sorted keys in pages; a lookup reads one page per level.") =>
        _db.Changes.UpsertAsync(new QuestionData
        {
            Id = id, Text = "How does a B-tree index find a row?", Answer = answer, Channel = "database", SubChannel = "indexes",
            Difficulty = Difficulty.Intermediate, Diagram = diagram, VoiceSuitable = voice,
        }, new ChangeSource(HistoryEventSources.Admin, "ann"), Ct);

    [Fact]
    public async Task DiagramRepair_FixesWhatItSafelyCan_AndHandsTheRestToAPerson()
    {
        await AddAsync("fixable", "graph TD\n  A[Root (page)] --> B{Leaf [full]?}");
        await AddAsync("unfixable", "graph TD\n  A[Root (page] --> B");
        await _runner.RunAsync(QualityBot.BotName, Ct);

        var run = await _runner.RunAsync(DiagramRepairBot.BotName, Ct);

        Assert.Equal(BotRunStatus.Completed, run!.Status);
        Assert.Equal("publish", run.Summary!["mode"]!.GetValue<string>());
        await using var db = _db.CreateContext();
        Assert.Equal("graph TD\n  A[\"Root (page)\"] --> B{\"Leaf [full]?\"}", (await db.Questions.SingleAsync(q => q.Id == "fixable", Ct)).Diagram);
        Assert.Equal("graph TD\n  A[Root (page] --> B", (await db.Questions.SingleAsync(q => q.Id == "unfixable", Ct)).Diagram);
        var byHand = await db.WorkQueue.SingleAsync(w => w.ItemId == "unfixable" && w.Action == DiagramRepairBot.ByHand, Ct);
        Assert.Contains("does not close", byHand.Reason);
        Assert.Equal(DiagramRepairBot.BotName, byHand.CreatedBy);
        Assert.DoesNotContain(await db.WorkQueue.Where(w => w.Action == "repair-diagram").Select(w => w.Status).ToListAsync(Ct), s => s != WorkQueueStatus.Completed);
        var entry = await db.BotLedger.SingleAsync(e => e.ItemId == "fixable", Ct);
        Assert.Equal(run.Id, entry.RunId);
        Assert.True((await LedgerChain.VerifyAsync(db, Ct)).Intact);

        // While a person has it, the quality bot does not send the diagram back to the repair bot.
        await _runner.RunAsync(QualityBot.BotName, Ct);
        Assert.Equal(0, await db.WorkQueue.CountAsync(w => w.ItemId == "unfixable" && w.Action == "repair-diagram" && w.Status == WorkQueueStatus.Pending, Ct));
    }

    [Fact]
    public async Task VoiceKeywords_AreProposedForReview_FromTheAnswer_AndOnlyForVoiceQuestionsWithoutThem()
    {
        await AddAsync("voice-1", null, voice: true, answer:
            "Consistent hashing places servers and keys on a hash ring. Each key belongs to the next server clockwise. Virtual nodes spread "
            + "each server over the ring so load stays even, and adding a server moves only the keys between it and its predecessor, "
            + "which is why caches like memcached clusters and databases like Cassandra and DynamoDB partition data this way. Rebalancing "
            + "touches a small fraction of keys instead of rehashing everything with modulo placement.");
        await _runner.RunAsync(QualityBot.BotName, Ct);

        var run = await _runner.RunAsync(VoiceKeywordsBot.BotName, Ct);

        Assert.Equal("propose", run!.Summary!["mode"]!.GetValue<string>());
        await using var db = _db.CreateContext();
        Assert.Null((await db.Questions.SingleAsync(q => q.Id == "voice-1", Ct)).VoiceKeywords);
        var proposal = await db.BotProposals.SingleAsync(p => p.ItemId == "voice-1", Ct);
        var keywords = proposal.After["voiceKeywords"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        Assert.InRange(keywords.Count, VoiceKeywordsBot.Fewest, VoiceKeywordsBot.Most);
        Assert.Contains(keywords, k => k.Contains("ring", StringComparison.OrdinalIgnoreCase) || k.Contains("hash", StringComparison.OrdinalIgnoreCase));
        Assert.Null(proposal.Before["voiceKeywords"]);
    }

    [Fact]
    public async Task Duplicates_ProposesArchivingTheWeakerOfTwoAlikeQuestions_WithBothSideBySide()
    {
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "dup-a", Text = "How does a B-tree index find a row in a relational database?", Answer = "It walks from the root page to a leaf page.",
            Channel = "database", SubChannel = "indexes", Difficulty = Difficulty.Intermediate,
        }, new ChangeSource(HistoryEventSources.Admin, "ann"), Ct);
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "dup-b", Text = "How does a B-tree index find a row in a relational database?",
            Answer = "It walks from the root page down one page per level to the leaf that holds the key, then follows the row pointer.",
            Channel = "database", SubChannel = "indexes", Difficulty = Difficulty.Intermediate,
        }, new ChangeSource(HistoryEventSources.Admin, "ann"), Ct);

        var run = await _runner.RunAsync(DuplicatesBot.BotName, Ct);
        var again = await _runner.RunAsync(DuplicatesBot.BotName, Ct);

        Assert.Equal(1, run!.ItemsCreated);
        Assert.Equal(0, again!.ItemsCreated);
        await using var db = _db.CreateContext();
        var proposal = await db.BotProposals.SingleAsync(Ct);
        Assert.Equal("dup-a", proposal.ItemId);
        Assert.Equal("archived", proposal.After["status"]!.GetValue<string>());
        Assert.Equal("dup-b", proposal.Context!["duplicateOf"]!.GetValue<string>());
        Assert.Equal("dup-a", proposal.Context["archived"]!["id"]!.GetValue<string>());
        Assert.Equal(QuestionStatus.Active, (await db.Questions.SingleAsync(q => q.Id == "dup-a", Ct)).Status);
    }

    [Fact]
    public void Duplicates_AreOnlyWithinAChannel_AndEachPairOnce()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var pairs = DuplicatesBot.Pairs(
        [
            ("a", "python", "What is a closure and when would you use one?", 100, at),
            ("b", "python", "What is a closure, and when would you use one?", 300, at),
            ("c", "javascript", "What is a closure and when would you use one?", 500, at),
            ("d", "python", "How does the garbage collector find reference cycles?", 100, at),
        ]);

        Assert.Equal([("b", "a")], pairs.Select(p => (p.Keep, p.Archive)));
    }

    [Fact]
    public async Task Relationships_AreTypedAndLedgered_ThenOnlyChangedQuestionsAreLookedAtAgain_AndAnAdminsLinkIsNeverTouched()
    {
        var admin = new ChangeSource(HistoryEventSources.Admin, "ann");
        string[] levels = ["beginner", "intermediate", "advanced", "expert"];
        for (var i = 0; i < 8; i++)
        {
            await _db.Changes.UpsertAsync(new QuestionData
            {
                Id = $"btree-{i}", Text = $"How does a B-tree index find rows, split pages and stay balanced ({levels[i % 4]} level, case {i})?",
                Answer = "A B-tree index keeps sorted keys in pages; a lookup descends from the root page to a leaf page, a full page splits, and the tree stays balanced.",
                Channel = "database", SubChannel = "indexes", Difficulty = (Difficulty)(i % 4), Tags = ["b-tree", "index", "pages"],
            }, admin, Ct);
        }

        List<QuestionRelationship> adminLinks;
        await using (var db = _db.CreateContext())
        {
            adminLinks = await db.QuestionRelationships.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
        }

        var first = await _runner.RunAsync(RelationshipsBot.BotName, Ct);
        var second = await _runner.RunAsync(RelationshipsBot.BotName, Ct);

        Assert.True(first!.ItemsCreated >= 40, $"{first.ItemsCreated} links");
        Assert.Equal(0, second!.ItemsProcessed);
        await using (var db = _db.CreateContext())
        {
            Assert.Equal(adminLinks.Count + first.ItemsCreated, await db.QuestionRelationships.CountAsync(Ct));
            Assert.Equal(first.ItemsCreated, await db.BotLedger.CountAsync(e => e.BotName == RelationshipsBot.BotName && e.Action == "link-added", Ct));
            Assert.Equal(first.ItemsCreated, await db.QuestionHistory.CountAsync(
                h => h.EventType == HistoryEventTypes.RelationshipAdded && h.SourceName == RelationshipsBot.BotName, Ct));
            var types = await db.QuestionRelationships.Where(r => r.SourceQuestionId.StartsWith("btree-")).Select(r => r.RelationshipType).Distinct().ToListAsync(Ct);
            Assert.Equal(RelationshipTypes.All.Order(), types.Order());
            Assert.True((await LedgerChain.VerifyAsync(db, Ct)).Intact);
        }

        // One question is rewritten about something else, another archived: only they, and the questions linking to them, are looked at.
        await _db.Changes.BulkAsync(["btree-0"], q => q with { Text = "How do you tune the JVM garbage collector for low pause times?",
            Answer = "Pick G1 or ZGC, size the heap, set a pause-time goal and read the GC logs.", Tags = ["jvm", "gc"] }, admin, Ct);
        await _db.Changes.BulkAsync(["btree-1"], q => q with { Status = QuestionStatus.Archived }, admin, Ct);
        // The relevance bot changes every question's score, which links are not made of.
        await _runner.RunAsync(RelevanceBot.BotName, Ct);
        var third = await _runner.RunAsync(RelationshipsBot.BotName, Ct);

        Assert.Equal(2, third!.Summary!["changedQuestions"]!.GetValue<int>());
        Assert.True(third.ItemsProcessed < first.ItemsProcessed / 3, $"looked at {third.ItemsProcessed} of {first.ItemsProcessed}");
        Assert.True(third.ItemsDeleted > 0);
        await using (var db = _db.CreateContext())
        {
            Assert.Empty(await db.QuestionRelationships.Where(r => r.SourceQuestionId == "btree-1" || r.TargetQuestionId == "btree-1").ToListAsync(Ct));
            Assert.DoesNotContain(await db.QuestionRelationships.Where(r => r.SourceQuestionId == "btree-0").Select(r => r.TargetQuestionId).ToListAsync(Ct),
                t => t.StartsWith("btree-", StringComparison.Ordinal));
            var now = await db.QuestionRelationships.AsNoTracking().ToDictionaryAsync(r => r.Id, Ct);
            Assert.All(adminLinks, l => Assert.Equal((l.RelationshipType, l.Strength), (now[l.Id].RelationshipType, now[l.Id].Strength)));
            Assert.True((await LedgerChain.VerifyAsync(db, Ct)).Intact);
        }
    }

    [Theory]
    [InlineData("database", Difficulty.Advanced, "database", Difficulty.Beginner, "prerequisite")]
    [InlineData("database", Difficulty.Beginner, "database", Difficulty.Expert, "deeper-dive")]
    [InlineData("database", Difficulty.Beginner, "database", Difficulty.Intermediate, "follow-up")]
    [InlineData("database", Difficulty.Beginner, "database", Difficulty.Beginner, "related")]
    [InlineData("database", Difficulty.Beginner, "system-design", Difficulty.Expert, "related")]
    public void Relationships_AreTypedByTopicAndLevel(string sourceChannel, Difficulty source, string targetChannel, Difficulty target, string type) =>
        Assert.Equal((type, 73), RelationshipsBot.Classify((sourceChannel, source), (targetChannel, target), 0.731));

    [Fact]
    public async Task TheBuilders_RunAsBots_AndEveryChangeTheyMakeHasItsHistoryRowAndLedgerEntry()
    {
        // A channel's voice-suitable questions in no interview yet, and a generated path whose content changed.
        for (var i = 0; i < 5; i++)
        {
            await _db.Changes.UpsertAsync(new QuestionData
            {
                Id = $"spoken-{i}", Text = $"Explain the CAP theorem trade-off number {i} out loud?", Answer = "Under a partition a system chooses consistency or availability.",
                Channel = "system-design", SubChannel = "distributed", Difficulty = Difficulty.Intermediate, VoiceSuitable = true, VoiceKeywords = ["partition", "consistency"],
            }, new ChangeSource(HistoryEventSources.Admin, "ann"), Ct);
        }

        var voice = await _runner.RunAsync(VoiceSessionBuilderBot.BotName, Ct);
        var paths = await _runner.RunAsync(PathBuilderBot.BotName, Ct);
        var certifications = await _runner.RunAsync(CertificationBot.BotName, Ct);

        Assert.Equal(BotRunStatus.Completed, voice!.Status);
        Assert.True(voice.ItemsCreated >= 1, voice.Summary!.ToJsonString());
        Assert.Equal(BotRunStatus.Completed, paths!.Status);
        Assert.Equal(BotRunStatus.Completed, certifications!.Status);
        await using var db = _db.CreateContext();
        var created = await db.QuestionHistory.Where(h => h.SourceName == VoiceSessionBuilderBot.BotName).ToListAsync(Ct);
        Assert.Equal(voice.ItemsCreated, created.Count);
        Assert.All(created, h => Assert.Equal((HistoryItemTypes.VoiceSession, HistoryEventSources.Bot), (h.QuestionType, h.EventSource)));
        Assert.Equal(voice.ItemsCreated, await db.BotLedger.CountAsync(e => e.BotName == VoiceSessionBuilderBot.BotName && e.Action == "create", Ct));
        Assert.Equal(await db.QuestionHistory.CountAsync(h => h.SourceName == PathBuilderBot.BotName, Ct),
            await db.BotLedger.CountAsync(e => e.BotName == PathBuilderBot.BotName, Ct));
        Assert.True((await LedgerChain.VerifyAsync(db, Ct)).Intact);
    }

    [Fact]
    public async Task Relevance_ListsEveryComponent_AndASecondRunOverTheSameContentWritesNothing()
    {
        var first = await _runner.RunAsync(RelevanceBot.BotName, Ct);
        var second = await _runner.RunAsync(RelevanceBot.BotName, Ct);

        Assert.True(first!.ItemsUpdated > 60);
        Assert.Equal(first.ItemsProcessed, first.ItemsUpdated);
        Assert.Equal(0, second!.ItemsUpdated);
        await using var db = _db.CreateContext();
        var q = await db.Questions.AsNoTracking().FirstAsync(Ct);
        var components = q.RelevanceDetails!["components"]!.AsArray();
        Assert.Equal(["substance", "companies", "learnerInterest", "completeness", "freshness", "openReports"],
            components.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(Math.Clamp(components.Sum(c => c!["points"]!.GetValue<int>()), 0, 100), q.RelevanceScore);
    }

    [Fact]
    public void Relevance_Score_AddsItsComponents_AndOpenReportsTakePointsAway()
    {
        var now = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        var rich = new RelevanceBot.Inputs(400, 6, 10, 10, true, true, true, 4, now.AddDays(-10), 0);

        Assert.Equal(100, RelevanceBot.Score(rich, now).Score);
        Assert.Equal(70, RelevanceBot.Score(rich with { OpenReports = 3 }, now).Score);
        Assert.Equal(93, RelevanceBot.Score(rich with { LastEdited = now.AddDays(-500) }, now).Score);
        Assert.Equal(0, RelevanceBot.Score(new RelevanceBot.Inputs(0, 0, 0, 0, false, false, false, 0, now.AddYears(-3), 5), now).Score);
    }

    [Fact]
    public async Task TheScheduler_RunsABotWhenItsScheduleFallsDue_MakesUpOneMissedRun_AndSkipsPausedBots()
    {
        var settings = new BotSettings(_db.Factory, _clock);
        var scheduler = new BotScheduler(_runner, settings, new WorkQueue(_db.Factory, _clock), _db.Factory, _clock,
            Options.Create(new BotSchedulerOptions()), NullLogger<BotScheduler>.Instance);
        var since = _clock.GetUtcNow().UtcDateTime; // 09:00; the quality bot runs daily at 03:00, relevance at 04:15

        Assert.Empty(await scheduler.TickAsync(since, Ct));
        _clock.Advance(TimeSpan.FromHours(18)); // 03:00 the next day
        await settings.SetAsync(_runner.Find(RelevanceBot.BotName)!, BotMode.Publish, paused: true, "ann", Ct);
        Assert.Equal([QualityBot.BotName], await scheduler.TickAsync(since, Ct));
        Assert.Empty(await scheduler.TickAsync(since, Ct));

        // Down for two days: each bot makes up one run, not two.
        _clock.Advance(TimeSpan.FromDays(2));
        await settings.SetAsync(_runner.Find(RelevanceBot.BotName)!, BotMode.Publish, paused: false, "ann", Ct);
        var ran = await scheduler.TickAsync(since, Ct);
        Assert.Equal(
            [CertificationBot.BotName, DiagramRepairBot.BotName, PathBuilderBot.BotName, QualityBot.BotName, RelationshipsBot.BotName, RelevanceBot.BotName,
             VoiceKeywordsBot.BotName], ran);
        Assert.Empty(await scheduler.TickAsync(since, Ct));
    }

    [Fact]
    public void EveryBotsSchedule_IsAValidCronExpression() =>
        Assert.All(_runner.Bots, b => Assert.NotNull(BotScheduler.NextRun(b.Schedule, _clock.GetUtcNow().UtcDateTime)));

    [Fact]
    public async Task ARunLeftRunningByAProcessThatDied_IsMarkedFailed_AndGivesItsWorkBack_ButALiveOneIsLeftAlone()
    {
        await using (var db = _db.CreateContext())
        {
            // One whose process is gone, holding a work item; one of this live process.
            db.BotRuns.Add(new BotRun
            {
                BotName = DiagramRepairBot.BotName, StartedAt = _clock.GetUtcNow().UtcDateTime, Status = BotRunStatus.Running,
                Summary = new System.Text.Json.Nodes.JsonObject { ["host"] = Environment.MachineName, ["pid"] = int.MaxValue - 1 },
            });
            db.BotRuns.Add(new BotRun
            {
                BotName = RelevanceBot.BotName, StartedAt = DateTime.UtcNow, Status = BotRunStatus.Running,
                Summary = new System.Text.Json.Nodes.JsonObject { ["host"] = Environment.MachineName, ["pid"] = Environment.ProcessId },
            });
            await db.SaveChangesAsync(Ct);
        }

        var queue = new WorkQueue(_db.Factory, _clock);
        await queue.EnqueueAsync([new WorkRequest("question", "ip-db-001", "repair-diagram")], "test", Ct);
        await using (var db = _db.CreateContext())
        {
            var deadRun = await db.BotRuns.Where(r => r.BotName == DiagramRepairBot.BotName).Select(r => r.Id).SingleAsync(Ct);
            Assert.NotNull(await queue.ClaimAsync(BotRunner.WorkerOf(DiagramRepairBot.BotName, deadRun), ct: Ct));
        }

        Assert.Equal(1, await _runner.RecoverInterruptedAsync(Ct));

        await using var check = _db.CreateContext();
        var runs = await check.BotRuns.OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal([BotRunStatus.Failed, BotRunStatus.Running], runs.Select(r => r.Status));
        Assert.Contains("interrupted", runs[0].Summary!["error"]!.GetValue<string>());
        // Its work item is given back at once, not when the lease runs out.
        Assert.Equal(WorkQueueStatus.Pending, (await check.WorkQueue.SingleAsync(Ct)).Status);

        // A run under way in a live process (here, the one left alone) is not started twice, from any process.
        var busy = await _runner.RunAsync(RelevanceBot.BotName, Ct);
        Assert.Equal((runs[1].Id, BotRunStatus.Running), (busy!.Id, busy.Status));
    }
}
