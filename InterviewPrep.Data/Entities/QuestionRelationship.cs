namespace InterviewPrep.Data.Entities;

/// <summary>A directed link between two questions (table <c>questionRelationships</c>).</summary>
public class QuestionRelationship
{
    public int Id { get; set; }

    public required string SourceQuestionId { get; set; }

    public required string TargetQuestionId { get; set; }

    /// <summary>See <see cref="RelationshipTypes"/>; imports may bring others, such as similar.</summary>
    public required string RelationshipType { get; set; }

    /// <summary>0 to 100; related questions are listed strongest first.</summary>
    public int Strength { get; set; } = 50;

    public DateTime CreatedAt { get; set; }

    public Question? Source { get; set; }

    public Question? Target { get; set; }
}

/// <summary>The kinds of relationship admins draw between questions.</summary>
public static class RelationshipTypes
{
    public const string Prerequisite = "prerequisite";
    public const string FollowUp = "follow-up";
    public const string Related = "related";
    public const string DeeperDive = "deeper-dive";

    public static readonly IReadOnlyList<string> All = [Prerequisite, FollowUp, Related, DeeperDive];

    public static string ToText(string type) => type switch
    {
        Prerequisite => "prerequisite",
        FollowUp => "follow-up",
        DeeperDive => "deeper dive",
        _ => type.Replace('-', ' '),
    };
}
