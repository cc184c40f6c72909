using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Data.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>
/// A temporary database migrated with the real migrations, with the real content services on top:
/// a SQLite file, or a PostgreSQL database of its own (see <see cref="TestProvider"/>). Deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("interviewprep-test-").FullName;

    private TestDatabase(IInterceptor[] interceptors, TimeProvider clock, string? postgreSql)
    {
        Path = System.IO.Path.Combine(_folder, "test.db");
        Provider = postgreSql is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL;
        ConnectionString = postgreSql ?? new SqliteConnectionStringBuilder { DataSource = Path }.ToString();
        Factory = new ContextFactory((DbContextOptions<AppDbContext>)new DbContextOptionsBuilder<AppDbContext>()
            .UseDatabase(Provider, ConnectionString, clock, interceptors)
            .UseApplicationServiceProvider(DesignTimeDbContextFactory.IdentityServices)
            .Options);
        Clock = clock;
        Changes = new ContentChangeService(Factory, clock);
        Importer = new ContentImporter(Factory, Changes, clock);
    }

    /// <summary>The SQLite file (SQLite only).</summary>
    public string Path { get; }
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<AppDbContext> Factory { get; }
    public TimeProvider Clock { get; }
    public ContentChangeService Changes { get; }
    public ContentImporter Importer { get; }

    public static async Task<TestDatabase> CreateAsync(TimeProvider? clock = null, params IInterceptor[] interceptors)
    {
        var postgreSql = TestProvider.IsPostgreSql ? await TestProvider.CreatePostgreSqlDatabaseAsync() : null;
        var db = new TestDatabase(interceptors, clock ?? TimeProvider.System, postgreSql);
        await db.Initializer(seed: false).MigrateAsync();
        return db;
    }

    public DatabaseInitializer Initializer(bool seed, string? starterPath = null) => new(
        Factory,
        Importer,
        Options.Create(new ContentOptions { SeedStarterContent = seed, StarterContentPath = starterPath }),
        NullLogger<DatabaseInitializer>.Instance);

    public AppDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>The catalog, channel lists and study service over this database.</summary>
    public InterviewPrep.Web.Features.Study.StudyService StudyService()
    {
        var catalog = new InterviewPrep.Web.Features.Channels.ChannelCatalog(Factory);
        return new InterviewPrep.Web.Features.Study.StudyService(
            Factory, new InterviewPrep.Web.Features.Channels.ChannelQuestions(Factory, catalog),
            new InterviewPrep.Data.Content.Search.QuestionSearch(Factory), catalog, SettingsService(), Clock);
    }

    public InterviewPrep.Web.Features.Settings.LearnerSettingsService SettingsService() => new(Factory, Clock);

    public InterviewPrep.Web.Features.Review.ReviewService ReviewService() => new(Factory, SettingsService(), Clock);

    public InterviewPrep.Web.Features.Dashboard.DashboardService DashboardService() => new(Factory, SettingsService(), Clock);

    public InterviewPrep.Web.Features.Dashboard.StatisticsService StatisticsService() => new(Factory, SettingsService(), ReviewService(), Clock);

    private readonly List<ContentCache> _caches = [];

    /// <summary>The voice grader over this database, with a content cache of its own (disposed with the database).</summary>
    public InterviewPrep.Web.Features.Voice.VoiceGrading VoiceGrading()
    {
        var version = new ContentVersion(Factory, new InterviewPrep.Data.Interceptors.ContentVersionInterceptor(), Clock, Options.Create(new DatabaseOptions()));
        var cache = new ContentCache(version);
        _caches.Add(cache);
        return new InterviewPrep.Web.Features.Voice.VoiceGrading(Factory, cache, version, Clock);
    }

    /// <summary>Voice interviews over this database.</summary>
    public InterviewPrep.Web.Features.Voice.VoiceService VoiceService() =>
        new(Factory, new InterviewPrep.Web.Features.Sessions.SessionService(Factory, Clock), VoiceGrading(), ReviewService(), Clock);

    /// <summary>Every bot over this database, with their runner and settings (the scheduler takes these too).</summary>
    public InterviewPrep.Web.Features.Bots.BotRunner BotRunner()
    {
        var queue = new InterviewPrep.Data.Bots.WorkQueue(Factory, Clock);
        var edits = new InterviewPrep.Data.Bots.BotEdits(Factory, Changes, queue, Clock);
        InterviewPrep.Web.Features.Bots.IBot[] bots =
        [
            new InterviewPrep.Web.Features.Bots.QualityBot(Factory, queue),
            new InterviewPrep.Web.Features.Bots.DiagramRepairBot(Factory, queue, edits),
            new InterviewPrep.Web.Features.Bots.VoiceKeywordsBot(Factory, queue, edits, VoiceGrading()),
            new InterviewPrep.Web.Features.Bots.RelevanceBot(Factory, edits, Clock),
            new InterviewPrep.Web.Features.Bots.DuplicatesBot(Factory, edits),
            new InterviewPrep.Web.Features.Bots.RelationshipsBot(Factory, new RelationshipChangeService(Factory, Clock), Clock),
            new InterviewPrep.Web.Features.Bots.PathBuilderBot(new InterviewPrep.Web.Features.LearningPaths.PathGenerator(Factory, Clock)),
            new InterviewPrep.Web.Features.Bots.VoiceSessionBuilderBot(new InterviewPrep.Web.Features.Admin.AdminVoice(Factory, Clock)),
            new InterviewPrep.Web.Features.Bots.CertificationBot(new InterviewPrep.Data.Content.Certifications.CertificationDomains(Factory)),
        ];
        return new InterviewPrep.Web.Features.Bots.BotRunner(
            bots, Factory, new InterviewPrep.Web.Features.Bots.BotSettings(Factory, Clock), queue, Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<InterviewPrep.Web.Features.Bots.BotRunner>.Instance);
    }

    /// <summary>
    /// Makes the database itself refuse to insert a row of <paramref name="table"/> whose
    /// <paramref name="column"/> is <paramref name="value"/>: a failure forced on purpose, in the
    /// middle of the writer's transaction. Undone by <see cref="DropRefusalAsync"/>.
    /// </summary>
    public async Task RefuseInsertAsync(string name, string table, string column, string value)
    {
        await using var db = CreateContext();
#pragma warning disable EF1002 // Names and values are the test's own constants.
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            await db.Database.ExecuteSqlRawAsync($"""
                CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{name}: insert refused'; END $$;
                CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW WHEN (NEW.{column} = '{value}') EXECUTE FUNCTION {name}();
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE TRIGGER {name} BEFORE INSERT ON {table} WHEN NEW.{column} = '{value}' BEGIN SELECT RAISE(ABORT, '{name}: insert refused'); END;");
        }
    }

    /// <summary>Removes a refusal made by <see cref="RefuseInsertAsync"/>.</summary>
    public async Task DropRefusalAsync(string name, string table)
    {
        await using var db = CreateContext();
        await db.Database.ExecuteSqlRawAsync(Provider == DatabaseProvider.PostgreSQL
            ? $"DROP TRIGGER {name} ON {table}; DROP FUNCTION {name}();"
            : $"DROP TRIGGER {name};");
#pragma warning restore EF1002
    }

    /// <summary>A raw SQLite connection, for tests about SQLite itself.</summary>
    public SqliteConnection OpenConnection()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("OpenConnection is for SQLite tests; mark the test [Trait(\"Provider\", \"Sqlite\")].");
        }

        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        _caches.ForEach(c => c.Dispose());
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            await TestProvider.DropPostgreSqlDatabaseAsync(ConnectionString);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a failing test; the temp folder is cleaned by the OS.
        }
    }

    private sealed class ContextFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}
