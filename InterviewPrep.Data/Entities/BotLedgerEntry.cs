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
}
