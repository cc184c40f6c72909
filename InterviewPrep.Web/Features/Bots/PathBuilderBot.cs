using System.Text.Json.Nodes;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.LearningPaths;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// Learning paths: the path generator run as a bot. Every generated path nobody edited by hand is generated
/// again from the content as it is now; a path whose questions changed is replaced (its history row and
/// ledger entry in the same transaction), an edited one is left to its editor.
/// </summary>
public sealed class PathBuilderBot(PathGenerator generator) : IBot
{
    public const string BotName = "path-builder";

    public string Name => BotName;

    public string Description => "Generates the learning paths again from the content, leaving paths edited by hand alone.";

    public string Schedule => "0 5 * * *";

    public bool EditsContent => true;

    public bool CanPropose => false;

    public BotMode DefaultMode => BotMode.Publish;

    public async Task<BotOutcome> RunAsync(BotRunContext run, CancellationToken ct)
    {
        var results = await generator.RegenerateAllAsync(Source(Name, run, "generated again from the content"), ct);
        var counts = results.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        var summary = new JsonObject
        {
            ["paths"] = results.Count,
            ["outcomes"] = new JsonObject(counts.Select(c => KeyValuePair.Create(Vocabulary.ToText(c.Key), (JsonNode?)c.Value))),
            ["replaced"] = new JsonArray([.. results.Where(r => r.Outcome == PathGeneration.Replaced).Take(20).Select(r => (JsonNode)r.PathId)]),
        };
        return new BotOutcome(results.Count, counts.GetValueOrDefault(PathGeneration.Created), counts.GetValueOrDefault(PathGeneration.Replaced), 0, summary);
    }

    /// <summary>Who a builder's changes are recorded as: the bot, its run, and why.</summary>
    public static ChangeSource Source(string bot, BotRunContext run, string reason) =>
        new(HistoryEventSources.Bot, bot, reason, new JsonObject { ["run"] = run.RunId });
}
