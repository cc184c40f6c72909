namespace InterviewPrep.Data.Providers;

/// <summary>The database engines the app runs on; each has its own migration set.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file beside the app (the default): one machine, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for sites that outgrow one machine or run several app instances.</summary>
    PostgreSQL,
}

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSQL</c>; the connection string is <c>ConnectionStrings:DefaultConnection</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// How long an instance trusts the content version it last read from the database before it
    /// reads it again: the longest a content change made by another instance stays unseen here.
    /// </summary>
    public TimeSpan ContentVersionRefresh { get; set; } = TimeSpan.FromMilliseconds(250);
}
