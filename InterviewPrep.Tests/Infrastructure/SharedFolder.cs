namespace InterviewPrep.Tests.Infrastructure;

/// <summary>
/// The team's shared folder beside the repository (<c>../shared</c>): the design document and the
/// original system's datasets. Tests that need it skip with the reason when it is absent, unless
/// <c>REQUIRE_SHARED=1</c> (CI), where its absence is a failure.
/// </summary>
public static class SharedFolder
{
    public static string? Root { get; } = Find();

    public static string DesignDocument => Require(Path.Combine("seed", "000_13266c2e40f75308.txt"));

    public static string OpenInterview => Require(Path.Combine("datasets", "open-interview"));

    public static string QuestionsFolder => Path.Combine(OpenInterview, "questions");

    public static string TursoDatabase => Require(Path.Combine("datasets", "turso-export.db"));

    private static string Require(string relative)
    {
        var path = Root is null ? null : Path.Combine(Root, relative);
        if (path is not null && (File.Exists(path) || Directory.Exists(path)))
        {
            return path;
        }

        var reason = $"the shared folder item '{relative}' is not available (looked for ../shared beside the repository)";
        if (Environment.GetEnvironmentVariable("REQUIRE_SHARED") == "1")
        {
            Assert.Fail(reason + ", and REQUIRE_SHARED=1 makes that a failure");
        }

        Assert.Skip(reason);
        return null!;
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InterviewPrep.sln")))
            {
                var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
