using System.Text.Json.Nodes;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Bots;

/// <summary>
/// Bot edits on the real database: published with their history row, ledger entry and work-item completion
/// together or not at all; proposed, approved, rejected; and never over a field an admin edited since.
/// </summary>
public sealed class BotEditsTests : IAsyncLifetime
{
    private const string Bot = "diagram-repair";
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private WorkQueue _queue = null!;
    private BotEdits _edits = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        _queue = new WorkQueue(_db.Factory, _clock);
        _edits = new BotEdits(_db.Factory, _db.Changes, _queue, _clock);
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "q-1", Text = "How does a B-tree index work?", Answer = "It keeps keys sorted in pages so a lookup reads few pages.",
            Channel = "database", SubChannel = "indexes", Difficulty = Difficulty.Intermediate, Diagram = "graph TD\n  A[Root (page)] --> B",
            Tags = ["index"],
        }, new ChangeSource(HistoryEventSources.Import, "test.json"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<QuestionEdit> DiagramEditAsync(string diagram)
    {
        await using var db = _db.CreateContext();
        var q = await db.Questions.AsNoTracking().SingleAsync(x => x.Id == "q-1", Ct);
        return QuestionEdit.Of(QuestionData.FromEntity(q).ToSnapshot(), new JsonObject { ["diagram"] = diagram }, "quoted a label")!;
    }

    private async Task<WorkClaim> ClaimAsync()
    {
        await _queue.EnqueueAsync([new WorkRequest("question", "q-1", "repair-diagram")], "quality-analysis", Ct);
        var item = await _queue.ClaimAsync("worker-1", ct: Ct);
        return new WorkClaim(item!.Id, "worker-1");
    }

    [Fact]
    public async Task APublishedEdit_WritesTheChange_ItsHistory_ItsLedgerEntry_AndCompletesItsItem_Together()
    {
        var work = await ClaimAsync();
        var edit = await DiagramEditAsync("graph TD\n  A[\"Root (page)\"] --> B");

        Assert.Equal(EditOutcome.Published, await _edits.SubmitAsync(new BotActor(Bot, 7, BotMode.Publish, work), edit, Ct));

        await using var db = _db.CreateContext();
        Assert.Equal("graph TD\n  A[\"Root (page)\"] --> B", (await db.Questions.SingleAsync(q => q.Id == "q-1", Ct)).Diagram);
        var history = await db.QuestionHistory.Where(h => h.QuestionId == "q-1").OrderBy(h => h.Id).ToListAsync(Ct);
        var change = history[^1];
        Assert.Equal((HistoryEventSources.Bot, Bot, "quoted a label"), (change.EventSource, change.SourceName, change.Reason));
        Assert.Equal(["diagram"], change.ChangedFields);
        Assert.Equal(7, change.Metadata!["run"]!.GetValue<int>());
        var entry = await db.BotLedger.SingleAsync(Ct);
        Assert.Equal((BotEdits.EditAction, "q-1", 7), (entry.Action, entry.ItemId, entry.RunId));
        Assert.Equal("graph TD\n  A[Root (page)] --> B", entry.BeforeState!["diagram"]!.GetValue<string>());
        Assert.Equal("graph TD\n  A[\"Root (page)\"] --> B", entry.AfterState!["diagram"]!.GetValue<string>());
        Assert.Equal("How does a B-tree index work?", entry.AfterState["question"]!.GetValue<string>());
        Assert.Equal(WorkQueueStatus.Completed, (await db.WorkQueue.SingleAsync(Ct)).Status);
        Assert.True((await LedgerChain.VerifyAsync(db, Ct)).Intact);
    }

    [Fact]
    public async Task AnEditOfAQuestionThatChangedSinceTheBotReadIt_WritesNothing()
    {
        var work = await ClaimAsync();
        var edit = await DiagramEditAsync("graph TD\n  A[\"Root (page)\"] --> B");
        await _db.Changes.BulkAsync(["q-1"], q => q with { Diagram = "graph TD\n  A[\"Root\"] --> B" }, new ChangeSource(HistoryEventSources.Admin, "ann"), Ct);

        Assert.Equal(EditOutcome.Changed, await _edits.SubmitAsync(new BotActor(Bot, null, BotMode.Publish, work), edit, Ct));

        await using var db = _db.CreateContext();
        Assert.Equal("graph TD\n  A[\"Root\"] --> B", (await db.Questions.SingleAsync(q => q.Id == "q-1", Ct)).Diagram);
        Assert.Empty(await db.BotLedger.ToListAsync(Ct));
        Assert.Equal(WorkQueueStatus.Processing, (await db.WorkQueue.SingleAsync(Ct)).Status);
    }

    [Fact]
    public async Task AWorkerThatLostItsLease_WritesNothing_SoTheNextWorkerAppliesTheEditOnce()
    {
        var work = await ClaimAsync();
        var edit = await DiagramEditAsync("graph TD\n  A[\"Root (page)\"] --> B");
        _clock.Advance(WorkQueue.DefaultLease + TimeSpan.FromSeconds(1));
        await _queue.SweepAsync(Ct);
        var next = await _queue.ClaimAsync("worker-2", ct: Ct);

        Assert.Equal(EditOutcome.LeaseLost, await _edits.SubmitAsync(new BotActor(Bot, null, BotMode.Publish, work), edit, Ct));
        Assert.Equal(EditOutcome.Published, await _edits.SubmitAsync(new BotActor(Bot, null, BotMode.Publish, new WorkClaim(next!.Id, "worker-2")), edit, Ct));

        await using var db = _db.CreateContext();
        Assert.Single(await db.BotLedger.ToListAsync(Ct));
        Assert.Single(await db.QuestionHistory.Where(h => h.EventSource == HistoryEventSources.Bot).ToListAsync(Ct));
    }

    [Fact]
    public async Task AProposal_WaitsForReview_IsNotProposedTwice_AndApprovalAppliesItAsTheBot()
    {
        var edit = await DiagramEditAsync("graph TD\n  A[\"Root (page)\"] --> B");

        Assert.Equal(EditOutcome.Proposed, await _edits.SubmitAsync(new BotActor(Bot, 3, BotMode.Propose), edit, Ct));
        Assert.Equal(EditOutcome.AlreadyProposed, await _edits.SubmitAsync(new BotActor(Bot, 4, BotMode.Propose), edit, Ct));

        await using (var db = _db.CreateContext())
        {
            Assert.Equal("graph TD\n  A[Root (page)] --> B", (await db.Questions.SingleAsync(q => q.Id == "q-1", Ct)).Diagram);
            Assert.Equal([BotEdits.ProposeAction], await db.BotLedger.Select(e => e.Action).ToListAsync(Ct));
        }

        var proposal = await SingleProposalAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ReviewOutcome.Done, await _edits.ApproveAsync(proposal.Id, "ann", Ct));
        Assert.False((await _edits.ApproveAsync(proposal.Id, "ann", Ct)).Applied);

        await using (var db = _db.CreateContext())
        {
            Assert.Equal("graph TD\n  A[\"Root (page)\"] --> B", (await db.Questions.SingleAsync(q => q.Id == "q-1", Ct)).Diagram);
            var change = await db.QuestionHistory.Where(h => h.QuestionId == "q-1").OrderByDescending(h => h.Id).FirstAsync(Ct);
            Assert.Equal((HistoryEventSources.Bot, Bot), (change.EventSource, change.SourceName));
            Assert.Equal("ann", change.Metadata!["approvedBy"]!.GetValue<string>());
            Assert.Equal([BotEdits.ProposeAction, BotEdits.ApplyProposalAction], await db.BotLedger.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
            Assert.Equal((ProposalStatus.Approved, "ann"), ((await SingleProposalAsync()).Status, (await SingleProposalAsync()).DecidedBy));
            Assert.True((await LedgerChain.VerifyAsync(db, Ct)).Intact);
        }
    }

    [Fact]
    public async Task AProposal_NeverOverwritesAFieldAnAdminEditedAfterIt_ButAnEditOfAnotherFieldDoesNotStopIt()
    {
        await _edits.SubmitAsync(new BotActor(Bot, null, BotMode.Propose), await DiagramEditAsync("graph TD\n  A[\"Root (page)\"] --> B"), Ct);
        await _edits.SubmitAsync(new BotActor("relevance", null, BotMode.Propose),
            QuestionEdit.Of((await SnapshotAsync()), new JsonObject { ["tags"] = new JsonArray("index", "b-tree", "storage") }, "more tags")!, Ct);
        var proposals = await ProposalsAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        // The admin rewrites the diagram, then puts back the exact text the bot read: still an admin's choice made after the proposal.
        var admin = new ChangeSource(HistoryEventSources.Admin, "ann");
        await _db.Changes.BulkAsync(["q-1"], q => q with { Diagram = "graph TD\n  A[Root] --> B" }, admin, Ct);
        await _db.Changes.BulkAsync(["q-1"], q => q with { Diagram = "graph TD\n  A[Root (page)] --> B", Answer = q.Answer + " Pages split when full." }, admin, Ct);

        var diagram = await _edits.ApproveAsync(proposals[0].Id, "bob", Ct);
        var tags = await _edits.ApproveAsync(proposals[1].Id, "bob", Ct);

        Assert.False(diagram.Applied);
        Assert.Contains("diagram was edited by ann", diagram.Error);
        Assert.True(tags.Applied, tags.Error);
        var question = await SnapshotAsync();
        Assert.Equal("graph TD\n  A[Root (page)] --> B", question["diagram"]!.GetValue<string>());
        Assert.Equal(3, question["tags"]!.AsArray().Count);
        var stale = (await ProposalsAsync())[0];
        Assert.Equal(ProposalStatus.Stale, stale.Status);
        Assert.Contains("ann", stale.DecisionNote);
    }

    [Fact]
    public async Task ARejection_NeedsAReason_AndKeepsIt()
    {
        await _edits.SubmitAsync(new BotActor(Bot, null, BotMode.Propose), await DiagramEditAsync("graph TD\n  A[\"Root (page)\"] --> B"), Ct);
        var proposal = await SingleProposalAsync();

        Assert.Contains("Say why", (await _edits.RejectAsync(proposal.Id, "ann", "  ", Ct)).Error);
        Assert.True((await _edits.RejectAsync(proposal.Id, "ann", "The parentheses are part of the node id", Ct)).Applied);
        Assert.False((await _edits.ApproveAsync(proposal.Id, "ann", Ct)).Applied);

        var rejected = await SingleProposalAsync();
        Assert.Equal((ProposalStatus.Rejected, "ann", "The parentheses are part of the node id"), (rejected.Status, rejected.DecidedBy, rejected.DecisionNote));
        Assert.Equal("graph TD\n  A[Root (page)] --> B", (await SnapshotAsync())["diagram"]!.GetValue<string>());
        // The bot does not propose it again while the question is as it was.
        Assert.Equal(EditOutcome.Rejected,
            await _edits.SubmitAsync(new BotActor(Bot, null, BotMode.Propose), await DiagramEditAsync("graph TD\n  A[\"Root (page)\"] --> B"), Ct));
    }

    private async Task<JsonObject> SnapshotAsync()
    {
        await using var db = _db.CreateContext();
        return QuestionData.FromEntity(await db.Questions.AsNoTracking().SingleAsync(q => q.Id == "q-1", Ct)).ToSnapshot();
    }

    private async Task<BotProposal> SingleProposalAsync() => Assert.Single(await ProposalsAsync());

    private async Task<List<BotProposal>> ProposalsAsync()
    {
        await using var db = _db.CreateContext();
        return await db.BotProposals.AsNoTracking().OrderBy(p => p.Id).ToListAsync(Ct);
    }
}
