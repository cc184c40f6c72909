namespace InterviewPrep.Data.Entities;

/// <summary>
/// The content version every app instance reads (table <c>contentVersion</c>, one row): it moves
/// with every committed change to content, so caches of content in any instance know when to reload.
/// </summary>
public class ContentVersionStamp
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}
