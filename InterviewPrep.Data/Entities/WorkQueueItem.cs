using System.Text.Json.Nodes;

namespace InterviewPrep.Data.Entities;

/// <summary>A task for the bots (table <c>workQueue</c>).</summary>
public class WorkQueueItem
{
    public int Id { get; set; }

    public required string ItemType { get; set; }

    public required string ItemId { get; set; }

    public required string Action { get; set; }

    /// <summary>Lower runs first.</summary>
    public int Priority { get; set; } = 5;

    public WorkQueueStatus Status { get; set; } = WorkQueueStatus.Pending;

    public string? Reason { get; set; }

    public string? CreatedBy { get; set; }

    public string? AssignedTo { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    public JsonNode? Result { get; set; }
}
