using System.Text.Json.Nodes;
using InterviewPrep.Data.Content.Certifications;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// Certifications: the domain assigner run as a bot. Every certification's questions are placed in its exam
/// domains again (those an admin placed stay where they are); the moves go to the ledger in the assignment's
/// transaction, and the run counts each certification's questions per domain.
/// </summary>
public sealed class CertificationBot(CertificationDomains domains) : IBot
{
    public const string BotName = "certification-domains";

    public string Name => BotName;

    public string Description => "Places each certification's questions in its exam domains (not those an admin placed) and counts the questions per domain.";

    public string Schedule => "45 4 * * *";

    public bool EditsContent => true;

    public bool CanPropose => false;

    public BotMode DefaultMode => BotMode.Publish;

    public async Task<BotOutcome> RunAsync(BotRunContext run, CancellationToken ct)
    {
        var runs = await domains.AssignAllAsync(onlyUnassigned: false, ct, PathBuilderBot.Source(Name, run, "placed by the domain assigner"));
        var summary = new JsonObject
        {
            ["certifications"] = runs.Count,
            ["questions"] = runs.Sum(r => r.Questions),
            ["moved"] = runs.Sum(r => r.Changed),
            ["keptAsAdminsPlacedThem"] = runs.Sum(r => r.LeftByAdmins),
            ["perCertification"] = new JsonObject(runs.Select(r => KeyValuePair.Create(r.CertificationId, (JsonNode?)new JsonObject(
                r.PerDomain.OrderByDescending(d => d.Value).Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value)))))),
        };
        return new BotOutcome(runs.Sum(r => r.Questions), 0, runs.Sum(r => r.Changed), 0, summary);
    }
}
