using System.Text.Json.Nodes;

namespace InterviewPrep.Data.Entities;

/// <summary>One audited bot action with the full state before and after it (table <c>botLedger</c>).</summary>
public class BotLedgerEntry
{
    public int Id { get; set; }

    public required string BotName { get; set; }

    public required string Action { get; set; }

    public required string ItemType { get; set; }

    public required string ItemId { get; set; }

    public JsonNode? BeforeState { get; set; }

    public JsonNode? AfterState { get; set; }

    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The run the action belongs to, when a run made it.</summary>
    public int? RunId { get; set; }

    /// <summary>The previous entry's <see cref="Hash"/> (empty for the first): the entries form a chain.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 of this entry's content and <see cref="PreviousHash"/>; changing or removing an entry breaks the chain after it.</summary>
    public string Hash { get; set; } = "";
}
