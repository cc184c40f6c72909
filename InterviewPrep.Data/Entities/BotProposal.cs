using System.Text.Json.Nodes;

namespace InterviewPrep.Data.Entities;

/// <summary>
/// An edit a bot proposes instead of making it (table <c>botProposals</c>): the fields of one question as
/// they were when the bot read them and as the bot would have them, waiting for an admin to approve or
/// reject it.
/// </summary>
public class BotProposal
{
    public int Id { get; set; }

    public required string BotName { get; set; }

    public int? RunId { get; set; }

    public string ItemType { get; set; } = "question";

    public required string ItemId { get; set; }

    /// <summary>The changed fields as the bot read them, in the history snapshots' field names.</summary>
    public required JsonObject Before { get; set; }

    /// <summary>The same fields as the bot would write them.</summary>
    public required JsonObject After { get; set; }

    /// <summary>What a reviewer needs beside the diff, for example the question this one duplicates.</summary>
    public JsonNode? Context { get; set; }

    public string? Reason { get; set; }

    public ProposalStatus Status { get; set; } = ProposalStatus.Pending;

    public DateTime CreatedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>Why it was rejected, or which edit made it stale.</summary>
    public string? DecisionNote { get; set; }
}
