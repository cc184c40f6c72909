using System.Text.Json.Nodes;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Admin;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// Voice interviews: the interview builder run as a bot. For each channel and level with enough voice-suitable
/// questions in no interview yet, it creates an interview of four to six, from beginner to advanced where a
/// channel has too few at one level; each is written with its history row and ledger entry.
/// </summary>
public sealed class VoiceSessionBuilderBot(AdminVoice voice) : IBot
{
    public const string BotName = "voice-session-builder";

    public string Name => BotName;

    public string Description => "Builds voice interviews of 4 to 6 questions per channel and level from voice-suitable questions in no interview yet.";

    public string Schedule => "15 5 * * 0";

    public bool EditsContent => true;

    public bool CanPropose => false;

    public BotMode DefaultMode => BotMode.Publish;

    public async Task<BotOutcome> RunAsync(BotRunContext run, CancellationToken ct)
    {
        var proposals = await voice.ProposeAsync(ct);
        var created = await voice.CreateAsync(proposals, PathBuilderBot.Source(Name, run, "built from voice-suitable questions in no interview"), ct);
        var summary = new JsonObject
        {
            ["proposed"] = proposals.Count,
            ["created"] = created,
            ["interviews"] = new JsonArray([.. proposals.Take(20).Select(p => (JsonNode)$"{p.Id} ({p.Questions.Count} questions)")]),
        };
        return new BotOutcome(proposals.Count, created, 0, 0, summary);
    }
}
