using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Data.Content.Search;
using InterviewPrep.Data.Diagnostics;
using InterviewPrep.Data.Interceptors;
using InterviewPrep.Data.Providers;
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
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DatabaseSetup.ResolveConnectionString(
            database.Provider,
            builder.Configuration.GetConnectionString("DefaultConnection"),
            builder.Environment.ContentRootPath);

        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Validate(o => Enum.IsDefined(o.Provider), $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)} must be Sqlite or PostgreSQL")
            .ValidateOnStart();
        builder.Services.AddSingleton<ContentVersionInterceptor>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<DatabaseMetrics>();
        builder.Services.AddSingleton<DatabaseMetricsInterceptor>();
        builder.Services.AddDbContextFactory<AppDbContext>((services, options) => options.UseDatabase(
            database.Provider, connectionString, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ContentVersionInterceptor>(), services.GetRequiredService<DatabaseMetricsInterceptor>()));

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
        builder.Services.AddSingleton<ContentCache>();
        builder.Services.AddSingleton<ContentChangeService>();
        builder.Services.AddSingleton<RelationshipChangeService>();
        builder.Services.AddSingleton<ContentImporter>();
        builder.Services.AddSingleton<InterviewPrep.Data.Bots.WorkQueue>();
        builder.Services.AddSingleton<InterviewPrep.Data.Bots.BotEdits>();
        builder.Services.AddSingleton<InterviewPrep.Data.Operations.Backups>();
        builder.Services.AddSingleton<InterviewPrep.Data.Content.Certifications.CertificationDomains>();
        builder.Services.AddSingleton<InterviewPrep.Data.Content.Certifications.CertificationFeeds>();
        builder.Services.AddSingleton<InterviewPrep.Data.Content.Export.ContentExporter>();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddSingleton<QuestionSearch>();
        return builder;
    }

    /// <summary>The SQLite connection string resolved against the content root (see <see cref="DatabaseSetup.ResolveConnectionString"/>).</summary>
    public static string ResolveConnectionString(string? configured, string contentRoot) =>
        DatabaseSetup.ResolveConnectionString(DatabaseProvider.Sqlite, configured, contentRoot);
}
