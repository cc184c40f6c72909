namespace InterviewPrep.Data.Entities;

/// <summary>Places a question in a channel (table <c>channelMappings</c>).</summary>
public class ChannelMapping
{
    public int Id { get; set; }

    public required string ChannelId { get; set; }

    public required string SubChannel { get; set; }

    public required string QuestionId { get; set; }

    public Question? Question { get; set; }
}
