using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>
/// The real app on its own temporary database (a SQLite file, or a PostgreSQL database when the
/// tests run on PostgreSQL, see <see cref="TestProvider"/>), migrated and seeded at startup as in
/// production. With <c>kestrel: true</c> it listens on a loopback port, for browsers.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.test";
    public const string AdminPassword = "Correct-Horse-Battery-9";

    private readonly string _folder = Directory.CreateTempSubdirectory("interviewprep-app-").FullName;
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="database">Another app's <see cref="Database"/>, to start a second app on the same data.</param>
    public AppFactory(
        string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false,
        string? database = null)
    {
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string?> { ["Admin:Email"] = AdminEmail, ["Admin:Password"] = AdminPassword };
        _ownsDatabase = database is null;
        DatabasePath = Path.Combine(_folder, "app.db");
        Database = database
            ?? (TestProvider.IsPostgreSql ? TestProvider.CreatePostgreSqlDatabaseAsync().GetAwaiter().GetResult() : DatabasePath);
        if (!TestProvider.IsPostgreSql)
        {
            DatabasePath = Database;
        }

        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    private readonly bool _ownsDatabase;

    /// <summary>The SQLite file (SQLite runs only).</summary>
    public string DatabasePath { get; }

    /// <summary>The SQLite file, or the PostgreSQL connection string.</summary>
    public string Database { get; }

    /// <summary>
    /// Rate limits far above what any test posts, so that tests which post a lot (or in parallel)
    /// never meet a 429 by accident; a test of the limits sets its own through <c>settings</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> GenerousRateLimits { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:SignIn:PerAddress"] = "100000",
        ["RateLimits:SignIn:PerAccount"] = "100000",
        ["RateLimits:Registration:PerAddress"] = "100000",
        ["RateLimits:Registration:PerAccount"] = "100000",
        ["RateLimits:AccountRecovery:PerAddress"] = "100000",
        ["RateLimits:AccountRecovery:PerAccount"] = "100000",
        ["RateLimits:Passkey:PerAddress"] = "100000",
        ["RateLimits:Passkey:PerAccount"] = "100000",
        ["RateLimits:QuestionForms:PerAddress"] = "100000",
        ["RateLimits:QuestionForms:PerAccount"] = "100000",
        ["RateLimits:ConcurrentPasswordChecks"] = "64",
        ["RateLimits:PasswordCheckQueue"] = "100000",
    };

    /// <summary>Everything the app logged, for assertions on warnings.</summary>
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Logs { get; } = new();

    /// <summary>The address of the real server (kestrel mode).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        if (TestProvider.IsPostgreSql)
        {
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:DefaultConnection", Database);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={Database}");
        }

        // Bots run when a test runs them, not when their schedule happens to fall due during the test.
        builder.UseSetting("Bots:Scheduler:Enabled", "false");
        builder.UseSetting("Backups:Scheduled", "false");
        builder.UseSetting("Backups:Folder", Path.Combine(_folder, "backups"));
        // A test machine's free disk is not what the tests are about; the disk check's own test sets a threshold.
        builder.UseSetting("Monitoring:MinimumFreeDiskMegabytes", "0");
        foreach (var (key, value) in GenerousRateLimits.Concat(_settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(Logs)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (TestProvider.IsPostgreSql && _ownsDatabase)
        {
            await TestProvider.DropPostgreSqlDatabaseAsync(Database);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<(LogLevel, string, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, string)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    logs.Enqueue((logLevel, category, formatter(state, exception)));
                }
            }
        }
    }
}

/// <summary>Content for tests that need a particular question, written through the content-change path.</summary>
public static class AppFactoryContent
{
    public static Task SaveQuestionAsync(
        this AppFactory app, string id, string? diagram = null, InterviewPrep.Data.Entities.QuestionVideos? videos = null,
        string explanation = "## Notes\nPlain text.", string? eli5 = null, string channel = "testing")
    {
        var changes = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<InterviewPrep.Data.Content.ContentChangeService>(app.Services);
        return changes.UpsertAsync(new InterviewPrep.Data.Content.QuestionData
        {
            Id = id,
            Text = diagram is not null ? "A question with a broken diagram" : $"Question {id}",
            Answer = "An answer.",
            Explanation = explanation,
            Eli5 = eli5,
            Diagram = diagram,
            Videos = videos,
            Channel = channel,
            SubChannel = "general",
            Difficulty = InterviewPrep.Data.Entities.Difficulty.Beginner,
        }, new InterviewPrep.Data.Content.ChangeSource("system", "tests"));
    }
}
