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

    /// <summary>An export uploaded from the admin page larger than this is refused (default 100 MB).</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>A zip whose files add up to more than this, unpacked, is refused (default 1 GB).</summary>
    public long MaxUnpackedBytes { get; set; } = 1024L * 1024 * 1024;

    public bool IsValid => MaxFileBytes > 0 && ChunkRows is > 0 and <= MaxChunkRows && MaxUploadBytes > 0 && MaxUnpackedBytes > 0;
}
