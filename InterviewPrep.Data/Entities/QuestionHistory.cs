using System.Text.Json.Nodes;

namespace InterviewPrep.Data.Entities;

/// <summary>
/// One change of a question (table <c>questionHistory</c>). It has no foreign key on purpose:
/// the history of a question outlives the question.
/// </summary>
public class QuestionHistory
{
    public int Id { get; set; }

    public required string QuestionId { get; set; }

    public string QuestionType { get; set; } = "question";

    /// <summary>See <see cref="HistoryEventTypes"/>.</summary>
    public required string EventType { get; set; }

    /// <summary>See <see cref="HistoryEventSources"/>.</summary>
    public required string EventSource { get; set; }

    /// <summary>Who made the change: a user name, a bot name or an import file.</summary>
    public string? SourceName { get; set; }

    public string? ChangesSummary { get; set; }

    public List<string>? ChangedFields { get; set; }

    public JsonNode? BeforeSnapshot { get; set; }

    public JsonNode? AfterSnapshot { get; set; }

    public string? Reason { get; set; }

    public JsonNode? Metadata { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>What a history row is about (its <c>questionType</c>): a question, or a learning path.</summary>
public static class HistoryItemTypes
{
    public const string Question = "question";
    public const string LearningPath = "learning-path";
    public const string VoiceSession = "voice-session";

    /// <summary>The voice grader's synonym list, as a whole (history rows keyed <c>voice-synonyms</c>).</summary>
    public const string VoiceSynonyms = "voice-synonyms";
}

public static class HistoryEventTypes
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Restored = "restored";

    /// <summary>
    /// A relationship from this question was added, changed or removed: the snapshots are of the
    /// relationship, not of the question, so they are not versions of the question.
    /// </summary>
    public const string RelationshipAdded = "relationship-added";
    public const string RelationshipChanged = "relationship-changed";
    public const string RelationshipRemoved = "relationship-removed";

    public static bool IsRelationship(string eventType) => eventType.StartsWith("relationship-", StringComparison.Ordinal);

    /// <summary>Event types whose snapshots are versions of the question itself.</summary>
    public static readonly IReadOnlyList<string> QuestionVersions = [Created, Updated, Deleted, Restored];
}

public static class HistoryEventSources
{
    public const string Import = "import";
    public const string Admin = "admin";
    public const string Bot = "bot";
    public const string System = "system";
}
