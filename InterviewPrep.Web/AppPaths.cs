using System.Reflection;

namespace InterviewPrep.Web;

/// <summary>Where the app finds its settings and keeps its data, whatever the current directory is.</summary>
public static class AppPaths
{
    /// <summary>
    /// The content root: the project folder when run from a build inside it (so <c>App_Data</c> sits
    /// beside the code), else the folder of the application itself (a published app). A content
    /// root given on the command line or in ASPNETCORE_CONTENTROOT wins.
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")))
        {
            return null;
        }

        var project = typeof(AppPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        // Only a build inside the project folder (bin/...) belongs to it; a published copy elsewhere
        // keeps its own settings and data even when the source tree is on the same machine.
        var builtFromProject = project is not null
            && File.Exists(Path.Combine(project, "appsettings.json"))
            && Path.GetFullPath(AppContext.BaseDirectory).StartsWith(Path.GetFullPath(project) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return builtFromProject ? project : AppContext.BaseDirectory;
    }
}
