using System.Text.Json.Nodes;

namespace InterviewPrep.Data.Entities;

/// <summary>A curated sequence of questions with milestones (table <c>learningPaths</c>).</summary>
[LearnerOwned(nameof(OwnerId))]
public class LearningPath
{
    public required string Id { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    /// <summary>For example career, company, skill, certification.</summary>
    public required string PathType { get; set; }

    public string? TargetCompany { get; set; }

    public string? TargetJobTitle { get; set; }

    public Difficulty Difficulty { get; set; }

    public int EstimatedHours { get; set; } = 40;

    public List<string> QuestionIds { get; set; } = [];

    public List<string> Channels { get; set; } = [];

    public List<string>? Tags { get; set; }

    public List<string>? Prerequisites { get; set; }

    public List<string>? LearningObjectives { get; set; }

    public List<Milestone>? Milestones { get; set; }

    public int Popularity { get; set; }

    public int CompletionRate { get; set; }

    public int AverageRating { get; set; }

    public JsonNode? Metadata { get; set; }

    public string Status { get; set; } = "active";

    /// <summary>
    /// The learner who built this path for themselves (status <see cref="PrivateStatus"/>); null for the
    /// curated paths, which are content. A learner's own paths are theirs: only they see them, and they
    /// go with the learner's other rows (merge, download, deletion).
    /// </summary>
    public string? OwnerId { get; set; }

    public const string PrivateStatus = "private";

    public DateTime CreatedAt { get; set; }

    public DateTime LastUpdated { get; set; }

    public DateTime? LastGenerated { get; set; }
}

/// <summary>A step of a learning path.</summary>
public sealed record Milestone(string Title, int QuestionCount, List<string>? QuestionIds);
