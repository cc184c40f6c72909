using InterviewPrep.Data;
using InterviewPrep.Data.Providers;
using Microsoft.Data.Sqlite;

namespace InterviewPrep.Web.Features.Security;

/// <summary>
/// Where the Data Protection key ring (which signs the sign-in, antiforgery and anonymous-learner
/// cookies) is kept: <c>DataProtection:KeysPath</c> when set, else a <c>keys</c> folder beside the
/// SQLite database, so that a redeploy that replaces the app's folder keeps them with the data.
/// On PostgreSQL, unless a folder is configured, they are kept in the database (table
/// <c>dataprotectionkeys</c>), so every instance of the app signs and reads the same cookies.
/// </summary>
public static class DataProtectionKeys
{
    public const string KeysPathSetting = "DataProtection:KeysPath";

    public static bool InDatabase(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration[KeysPathSetting])
        && configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider == DatabaseProvider.PostgreSQL;

    public static string Folder(IConfiguration configuration, string contentRoot)
    {
        if (configuration[KeysPathSetting] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(Path.Combine(contentRoot, configured));
        }

        var connection = new SqliteConnectionStringBuilder(
            DependencyInjection.ResolveConnectionString(configuration.GetConnectionString("DefaultConnection"), contentRoot));
        // An in-memory database has no folder: the keys go to the content root's App_Data.
        return Path.IsPathRooted(connection.DataSource)
            ? Path.Combine(Path.GetDirectoryName(connection.DataSource)!, "keys")
            : Path.Combine(contentRoot, "App_Data", "keys");
    }
}
