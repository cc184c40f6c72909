namespace InterviewPrep.Data.Entities;

/// <summary>
/// The database's size on one day (table <c>storageSamples</c>, one row a day, written by the app), from which
/// the monitoring page reads growth per month.
/// </summary>
public class StorageSample
{
    public DateOnly Day { get; set; }

    public long DatabaseBytes { get; set; }

    /// <summary>The write-ahead log's size, where the database lets the app read it.</summary>
    public long? WalBytes { get; set; }

    public DateTime RecordedAt { get; set; }
}
