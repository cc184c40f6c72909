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

    /// <summary>How many times a worker claimed it.</summary>
    public int Attempts { get; set; }

    /// <summary>After this many failed attempts it fails for good (a dead letter).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>While processing: until when the worker holds it; after that the sweep gives it back.</summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>While retrying: when it may be claimed again (exponential back-off).</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The last failure's message.</summary>
    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    public JsonNode? Result { get; set; }
}
