using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// Diagram repair: takes the quality bot's <c>repair-diagram</c> work and fixes the common mermaid mistakes
/// with <see cref="MermaidRepair"/>, only when the result passes the check and reads back to the original;
/// otherwise it hands the question to a person (<c>fix-diagram-by-hand</c>) with the reason.
/// </summary>
public sealed class DiagramRepairBot(IDbContextFactory<AppDbContext> dbFactory, WorkQueue queue, BotEdits edits)
    : QuestionWorkBot(dbFactory, queue, edits)
{
    public const string BotName = "diagram-repair";
    public const string ByHand = "fix-diagram-by-hand";

    public override string Name => BotName;

    public override string Description => "Repairs diagrams that cannot be drawn (labels with brackets put in quotes, literal \\n made line breaks) when the repair is safe; hands the rest to a person.";

    public override string Schedule => "30 3 * * *";

    public override BotMode DefaultMode => BotMode.Publish;

    public override string Action => QualityBot.BrokenDiagram.Action;

    protected override Task<WorkDecision> DecideAsync(QuestionData question, WorkQueueItem item, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(question.Diagram))
        {
            return Task.FromResult<WorkDecision>(new WorkDecision.Done("the question has no diagram any more"));
        }

        var result = MermaidRepair.Repair(question.Diagram);
        if (result.Succeeded)
        {
            var edit = QuestionEdit.Of(question.ToSnapshot(), new JsonObject { ["diagram"] = result.Repaired },
                "Repaired the diagram: " + string.Join("; ", result.Changes));
            return Task.FromResult<WorkDecision>(edit is null ? new WorkDecision.Done("nothing to change") : new WorkDecision.Edit(edit));
        }

        if (result.Refusal == "nothing to repair")
        {
            return Task.FromResult<WorkDecision>(new WorkDecision.Done("the diagram passes the check now"));
        }

        return Task.FromResult<WorkDecision>(new WorkDecision.HandOff(result.Refusal!,
            new WorkRequest("question", question.Id, ByHand, QualityBot.BrokenDiagram.Priority, $"cannot be repaired safely: {result.Refusal}")));
    }
}
