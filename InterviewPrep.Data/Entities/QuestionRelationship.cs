namespace InterviewPrep.Data.Entities;

/// <summary>A directed link between two questions (table <c>questionRelationships</c>).</summary>
public class QuestionRelationship
{
    public int Id { get; set; }

    public required string SourceQuestionId { get; set; }

    public required string TargetQuestionId { get; set; }

    /// <summary>For example prerequisite, related, follow-up, similar.</summary>
    public required string RelationshipType { get; set; }

    /// <summary>0 to 100; related questions are listed strongest first.</summary>
    public int Strength { get; set; } = 50;

    public DateTime CreatedAt { get; set; }

    public Question? Source { get; set; }

    public Question? Target { get; set; }
}
