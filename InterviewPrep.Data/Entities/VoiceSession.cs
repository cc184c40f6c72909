namespace InterviewPrep.Data.Entities;

/// <summary>A pre-built voice mock interview (table <c>voiceSessions</c>).</summary>
public class VoiceSession
{
    public required string Id { get; set; }

    public required string Topic { get; set; }

    public string? Description { get; set; }

    public required string Channel { get; set; }

    public Difficulty Difficulty { get; set; }

    public List<string> QuestionIds { get; set; } = [];

    public int TotalQuestions { get; set; }

    public int EstimatedMinutes { get; set; } = 5;

    public DateTime CreatedAt { get; set; }

    public DateTime LastUpdated { get; set; }
}
