namespace InterviewPrep.Data.Content.Import;

/// <summary>Configuration section <c>Import</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>JSON export files larger than this are refused, with the reason (default 256 MB).</summary>
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Rows saved per transaction. The write lock is held for one chunk at a time, so the app's own
    /// writes wait at most that long during an import. At most 5,000, well under SQLite's limit of
    /// 32,766 parameters in one statement.
    /// </summary>
    public int ChunkRows { get; set; } = 100;

    public const int MaxChunkRows = 5000;

    public bool IsValid => MaxFileBytes > 0 && ChunkRows is > 0 and <= MaxChunkRows;
}
