using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Voice;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// Voice keywords: for a voice-suitable question without keywords (the quality bot's <c>add-voice-keywords</c>
/// work), proposes the key concepts the voice grader derives from its answer, TL;DR and explanation against
/// the whole collection, 5 to 12 of them; with fewer than five it asks a person.
/// </summary>
public sealed class VoiceKeywordsBot(IDbContextFactory<AppDbContext> dbFactory, WorkQueue queue, BotEdits edits, VoiceGrading grading)
    : QuestionWorkBot(dbFactory, queue, edits)
{
    public const string BotName = "voice-keywords";
    public const int Fewest = 5;
    public const int Most = 12;

    public override string Name => BotName;

    public override string Description => "Proposes 5 to 12 key concepts for voice-suitable questions without voice keywords, from what sets each answer apart in the collection.";

    public override string Schedule => "45 3 * * *";

    public override BotMode DefaultMode => BotMode.Propose;

    public override string Action => QualityBot.MissingVoiceKeywords.Action;

    protected override async Task<WorkDecision> DecideAsync(QuestionData question, WorkQueueItem item, CancellationToken ct)
    {
        if (!question.VoiceSuitable)
        {
            return new WorkDecision.Done("the question is not voice-suitable any more");
        }

        if (question.VoiceKeywords is { Count: > 0 })
        {
            return new WorkDecision.Done("the question has voice keywords now");
        }

        var key = await grading.KeyAsync(question.Id, ct);
        var concepts = (key?.Concepts ?? []).Where(c => c.Derived).Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Take(Most).ToList();
        if (concepts.Count < Fewest)
        {
            return new WorkDecision.HandOff($"only {concepts.Count} concepts stand out in its answer",
                new WorkRequest("question", question.Id, "write-voice-keywords", QualityBot.MissingVoiceKeywords.Priority,
                    $"the voice keywords bot found only {concepts.Count} distinctive concepts"));
        }

        var edit = QuestionEdit.Of(question.ToSnapshot(), new JsonObject { ["voiceKeywords"] = new JsonArray([.. concepts.Select(c => (JsonNode)c)]) },
            $"{concepts.Count} key concepts that set its answer apart in the collection");
        return edit is null ? new WorkDecision.Done("nothing to change") : new WorkDecision.Edit(edit);
    }
}
