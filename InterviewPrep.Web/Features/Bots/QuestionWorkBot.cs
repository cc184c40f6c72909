using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>What a bot decided for one work item.</summary>
public abstract record WorkDecision
{
    /// <summary>Change the question (published or proposed, as the bot's mode says).</summary>
    public sealed record Edit(QuestionEdit Change) : WorkDecision;

    /// <summary>The bot cannot do it safely: the item is completed and <see cref="FollowUp"/> asks a person.</summary>
    public sealed record HandOff(string Why, WorkRequest FollowUp) : WorkDecision;

    /// <summary>Nothing to do (already done, or no longer needed).</summary>
    public sealed record Done(string Note) : WorkDecision;
}

/// <summary>
/// A bot that works through the queue items of one action: it claims them a batch at a time (the queue's
/// per-action index), decides each against the question as it is now, and submits the edit through
/// <see cref="BotEdits"/>, which completes the item in the same transaction. An item whose question changed
/// while it was being read, or whose decision threw, is failed and comes back after the queue's back-off.
/// </summary>
public abstract class QuestionWorkBot(IDbContextFactory<AppDbContext> dbFactory, WorkQueue queue, BotEdits edits) : IBot
{
    public const int Batch = 50;

    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract string Schedule { get; }

    public bool EditsContent => true;

    public bool CanPropose => true;

    public abstract BotMode DefaultMode { get; }

    /// <summary>The queue action this bot does.</summary>
    public abstract string Action { get; }

    /// <summary>Every queue action this bot does, claimed in this order.</summary>
    public virtual IReadOnlyList<string> Actions => [Action];

    /// <summary>At most this many items in one run, so that one run does not hold the bot for hours.</summary>
    public int MaxItemsPerRun { get; init; } = 20_000;

    protected abstract Task<WorkDecision> DecideAsync(QuestionData question, WorkQueueItem item, CancellationToken ct);

    public async Task<BotOutcome> RunAsync(BotRunContext run, CancellationToken ct)
    {
        var worker = BotRunner.WorkerOf(Name, run.RunId);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var processed = 0;
        await queue.SweepAsync(ct);
        foreach (var action in Actions)
        {
            processed += await WorkThroughAsync(action, run, worker, counts, MaxItemsPerRun - processed, ct);
        }

        var summary = new JsonObject
        {
            ["action"] = string.Join(", ", Actions),
            ["outcomes"] = new JsonObject(counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
        };
        return new BotOutcome(processed, counts.GetValueOrDefault("proposed"), counts.GetValueOrDefault("published"), 0, summary);
    }

    /// <summary>Claims and handles the items of one action, a batch at a time, up to <paramref name="most"/>; how many it handled.</summary>
    private async Task<int> WorkThroughAsync(
        string action, BotRunContext run, string worker, SortedDictionary<string, int> counts, int most, CancellationToken ct)
    {
        var processed = 0;
        while (processed < most)
        {
            var items = await queue.ClaimAsync(worker, Math.Min(Batch, most - processed), action, WorkQueue.DefaultLease, ct);
            if (items.Count == 0)
            {
                break;
            }

            var ids = items.Select(i => i.ItemId).ToList();
            Dictionary<string, QuestionData> questions;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                questions = (await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToListAsync(ct))
                    .ToDictionary(q => q.Id, QuestionData.FromEntity, StringComparer.Ordinal);
            }

            foreach (var item in items)
            {
                ct.ThrowIfCancellationRequested();
                processed++;
                var outcome = await HandleAsync(item, questions.GetValueOrDefault(item.ItemId), run, worker, ct);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            }
        }

        return processed;
    }

    private async Task<string> HandleAsync(WorkQueueItem item, QuestionData? question, BotRunContext run, string worker, CancellationToken ct)
    {
        try
        {
            if (question is null || question.Status != QuestionStatus.Active)
            {
                await queue.CompleteAsync(item.Id, worker, new JsonObject { ["outcome"] = "the question is no longer active" }, ct: ct);
                return "no longer active";
            }

            switch (await DecideAsync(question, item, ct))
            {
                case WorkDecision.Edit edit:
                    var outcome = await edits.SubmitAsync(new BotActor(Name, run.RunId, run.Mode, new WorkClaim(item.Id, worker)), edit.Change, ct);
                    if (outcome == EditOutcome.Changed)
                    {
                        await queue.FailAsync(item.Id, worker, "the question changed while the bot was reading it", ct);
                    }

                    return outcome switch
                    {
                        EditOutcome.Published => "published",
                        EditOutcome.Proposed => "proposed",
                        EditOutcome.AlreadyProposed => "already proposed",
                        EditOutcome.Rejected => "rejected before",
                        EditOutcome.Unchanged => "nothing to change",
                        EditOutcome.Changed => "changed while read (retried later)",
                        EditOutcome.Missing => "no longer active",
                        _ => "lease lost",
                    };
                case WorkDecision.HandOff handOff:
                    await queue.CompleteAsync(item.Id, worker, new JsonObject { ["outcome"] = "handed to a person", ["why"] = handOff.Why },
                        [handOff.FollowUp], Name, ct);
                    return "handed to a person";
                case WorkDecision.Done done:
                    await queue.CompleteAsync(item.Id, worker, new JsonObject { ["outcome"] = done.Note }, ct: ct);
                    return "nothing to do";
                default:
                    throw new InvalidOperationException("An unknown decision.");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await queue.FailAsync(item.Id, worker, e.Message, CancellationToken.None);
            return "failed";
        }
    }
}
