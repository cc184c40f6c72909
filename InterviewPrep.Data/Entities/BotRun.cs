using System.Text.Json.Nodes;

namespace InterviewPrep.Data.Entities;

/// <summary>One execution of a bot with its counts (table <c>botRuns</c>).</summary>
public class BotRun
{
    public int Id { get; set; }

    public required string BotName { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public BotRunStatus Status { get; set; } = BotRunStatus.Running;

    public int ItemsProcessed { get; set; }

    public int ItemsCreated { get; set; }

    public int ItemsUpdated { get; set; }

    public int ItemsDeleted { get; set; }

    public JsonNode? Summary { get; set; }
}
