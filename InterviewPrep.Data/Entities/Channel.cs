namespace InterviewPrep.Data.Entities;

/// <summary>
/// Display metadata of a channel (table <c>channels</c>). Questions name their channel by id; a
/// channel without a row here is still shown, with a name derived from its id.
/// </summary>
public class Channel
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Category { get; set; }

    public string? Description { get; set; }

    /// <summary>Material icon name.</summary>
    public string? Icon { get; set; }

    public int SortOrder { get; set; }
}
