namespace InterviewPrep.Data.Entities;

/// <summary>A certification track with its exam blueprint (table <c>certifications</c>).</summary>
public class Certification
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Provider { get; set; }

    public required string Description { get; set; }

    public string? Icon { get; set; }

    public string? Color { get; set; }

    public Difficulty Difficulty { get; set; }

    public required string Category { get; set; }

    public int EstimatedHours { get; set; } = 40;

    public string? ExamCode { get; set; }

    public string? OfficialUrl { get; set; }

    public List<CertificationDomain>? Domains { get; set; }

    public List<CertificationChannelMapping>? ChannelMappings { get; set; }

    public List<string>? Tags { get; set; }

    public List<string>? Prerequisites { get; set; }

    public string Status { get; set; } = "active";

    public int QuestionCount { get; set; }

    public int PassingScore { get; set; } = 70;

    /// <summary>Minutes.</summary>
    public int ExamDuration { get; set; } = 90;

    public DateTime CreatedAt { get; set; }

    public DateTime LastUpdated { get; set; }
}

/// <summary>An exam domain; the weights of a certification's domains sum to 100.</summary>
public sealed record CertificationDomain(string Id, string Name, int Weight);

/// <summary>A channel (optionally narrowed to sub-channels) that feeds a certification.</summary>
public sealed record CertificationChannelMapping(string ChannelId, List<string>? SubChannels, int Weight);
