using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Data.Content.Search;
using InterviewPrep.Data.Interceptors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InterviewPrep.Data;

public static class DependencyInjection
{
    /// <summary>The default database file, relative to the application's content root.</summary>
    public const string DefaultDatabasePath = "App_Data/interviewprep.db";

    /// <summary>
    /// Registers the database (a context factory: one context per operation), the content-change
    /// path, the importer and the database initializer.
    /// </summary>
    public static IHostApplicationBuilder AddInterviewPrepData(this IHostApplicationBuilder builder)
    {
        var connectionString = ResolveConnectionString(
            builder.Configuration.GetConnectionString("DefaultConnection"),
            builder.Environment.ContentRootPath);

        builder.Services.AddDbContextFactory<AppDbContext>((services, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor(), new LearnerActivityInterceptor(services.GetRequiredService<TimeProvider>())));

        builder.Services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateOnStart();

        builder.Services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.Section)
            .Validate(o => o.IsValid, $"{ImportOptions.Section}:{nameof(ImportOptions.MaxFileBytes)} must be positive and " +
                $"{ImportOptions.Section}:{nameof(ImportOptions.ChunkRows)} between 1 and {ImportOptions.MaxChunkRows}")
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ContentVersion>();
        builder.Services.AddSingleton<ContentChangeService>();
        builder.Services.AddSingleton<ContentImporter>();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddSingleton<QuestionSearch>();
        return builder;
    }

    /// <summary>
    /// The configured SQLite connection string with its file made absolute against the content
    /// root (so it never depends on the current directory) and its folder created.
    /// </summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={DefaultDatabasePath}"
            : configured);
        var dataSource = csb.DataSource;
        var inMemory = string.IsNullOrEmpty(dataSource)
            || dataSource == ":memory:"
            || csb.Mode == SqliteOpenMode.Memory;
        if (!inMemory)
        {
            var path = Path.IsPathRooted(dataSource) ? dataSource : Path.GetFullPath(Path.Combine(contentRoot, dataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }

        return csb.ToString();
    }
}
