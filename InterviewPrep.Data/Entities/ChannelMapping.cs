namespace InterviewPrep.Data.Entities;

/// <summary>Places a question in a channel (table <c>channelMappings</c>).</summary>
public class ChannelMapping
{
    public int Id { get; set; }

    public required string ChannelId { get; set; }

    /// <summary>In a certification's mapping, the exam domain (or <c>general</c>); otherwise the sub-channel.</summary>
    public required string SubChannel { get; set; }

    /// <summary>How sure the automatic domain assignment was, 0 to 1; null when an admin chose the domain or none was assigned.</summary>
    public double? DomainConfidence { get; set; }

    /// <summary>The admin who chose this domain: the automatic assignment never changes it again.</summary>
    public string? DomainAssignedBy { get; set; }

    public required string QuestionId { get; set; }

    public Question? Question { get; set; }
}
