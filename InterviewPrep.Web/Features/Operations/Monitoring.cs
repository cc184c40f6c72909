using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Diagnostics;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Operations;
using InterviewPrep.Data.Providers;
using InterviewPrep.Web.Features.Bots;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using IPNetwork = System.Net.IPNetwork;

namespace InterviewPrep.Web.Features.Operations;

/// <summary>
/// Configuration section <c>Monitoring</c>: who may read <c>/metrics</c> and the details of <c>/healthz/ready</c>
/// besides signed-in admins, and the readiness thresholds.
/// </summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>Networks in CIDR notation (a Prometheus server's, <c>10.0.0.0/8</c>, or <c>127.0.0.1/32</c>); one value may hold several, separated by <c>;</c> or <c>,</c>.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Below this much free space on the database's or the backups' disk, the app is degraded.</summary>
    public int MinimumFreeDiskMegabytes { get; set; } = 1024;

    /// <summary>A newest backup older than this makes the app degraded (a day and a bit, for the daily one).</summary>
    public int MaxBackupAgeHours { get; set; } = 26;

    public IReadOnlyList<IPNetwork> Networks => Split().Select(n => IPNetwork.Parse(n)).ToList();

    public bool IsValid() => MinimumFreeDiskMegabytes >= 0 && MaxBackupAgeHours > 0 && Split().All(n => IPNetwork.TryParse(n, out _));

    private IEnumerable<string> Split() =>
        AllowedNetworks.SelectMany(v => v.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>The last backup as the monitoring page, the health check and the metrics see it.</summary>
public sealed record BackupReport(DateTime? LastAt, string? LastFile, DateTime? LastFailedAt, string? LastError, bool Scheduled)
{
    /// <summary>Whether the latest attempt in this process failed (none has succeeded since).</summary>
    public bool Failing => LastFailedAt is { } failed && (LastAt is null || failed > LastAt);

    public TimeSpan? AgeAt(DateTime now) => now - LastAt;
}

/// <summary>Reads the newest backup kept by the target and the schedule's last failure.</summary>
public sealed class BackupState(IBackupTarget target, BackupStatus status, IOptions<BackupOptions> options)
{
    public async Task<BackupReport> ReadAsync(CancellationToken ct = default)
    {
        var kept = (await target.ListAsync(BackupSchedule.Daily, ct)).Concat(await target.ListAsync(BackupSchedule.Weekly, ct))
            .OrderBy(b => b.CreatedAt).LastOrDefault();
        var (lastAt, lastFile) = kept.Name is null ? (status.LastSucceededAt, status.LastFile) : (kept.CreatedAt, kept.Name);
        if (status.LastSucceededAt > lastAt)
        {
            (lastAt, lastFile) = (status.LastSucceededAt, status.LastFile);
        }

        return new BackupReport(lastAt, lastFile, status.LastFailedAt, status.LastError, options.Value.Scheduled);
    }
}

/// <summary>Degraded when a backup failed, or the newest is older than <see cref="MonitoringOptions.MaxBackupAgeHours"/>.</summary>
public sealed class BackupHealthCheck(BackupState backups, IOptions<MonitoringOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await backups.ReadAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (report.Failing)
        {
            return HealthCheckResult.Degraded($"The last backup failed at {report.LastFailedAt:u}: {report.LastError}");
        }

        if (report.LastAt is null)
        {
            return report.Scheduled
                ? HealthCheckResult.Degraded("No backup has been made yet.")
                : HealthCheckResult.Healthy("Backups are not scheduled in this process, and none is kept.");
        }

        var age = report.AgeAt(now)!.Value;
        return age > TimeSpan.FromHours(options.Value.MaxBackupAgeHours)
            ? HealthCheckResult.Degraded($"The newest backup ({report.LastFile}) is {age.TotalHours:N0} hours old, over {options.Value.MaxBackupAgeHours}.")
            : HealthCheckResult.Healthy($"The newest backup ({report.LastFile}) is {age.TotalHours:N1} hours old.");
    }
}

/// <summary>Degraded when the disk of the app's data or of the backups has less free space than <see cref="MonitoringOptions.MinimumFreeDiskMegabytes"/>.</summary>
public sealed class DiskSpaceHealthCheck(
    IOptions<MonitoringOptions> options, IOptions<BackupOptions> backups, IHostEnvironment environment, IDbContextFactory<AppDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var minimum = options.Value.MinimumFreeDiskMegabytes * 1024L * 1024;
        var folders = new List<string> { Path.Combine(environment.ContentRootPath, backups.Value.Folder) };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // The SQLite file's own folder; a PostgreSQL server's disk is the server's to watch.
            if (db.Database.Provider() == DatabaseProvider.Sqlite
                && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is { Length: > 0 } file && file != ":memory:")
            {
                folders.Insert(0, Path.GetDirectoryName(Path.GetFullPath(file))!);
            }
        }

        var free = folders.Select(f => (Folder: f, Bytes: FreeBytes(f))).ToList();
        var low = free.Where(f => f.Bytes < minimum).ToList();
        var description = string.Join("; ", free.Select(f => $"{f.Bytes / 1024 / 1024:N0} MB free for {f.Folder}"));
        return low.Count > 0
            ? HealthCheckResult.Degraded($"Less than {options.Value.MinimumFreeDiskMegabytes:N0} MB free: {description}")
            : HealthCheckResult.Healthy(description);
    }

    /// <summary>The free space of the file system that holds <paramref name="folder"/> (or its nearest existing parent).</summary>
    public static long FreeBytes(string folder)
    {
        var existing = new DirectoryInfo(Path.GetFullPath(folder));
        while (!existing.Exists && existing.Parent is not null)
        {
            existing = existing.Parent;
        }

        return new DriveInfo(existing.FullName).AvailableFreeSpace;
    }
}

/// <summary>Who may read the metrics and the health details: signed-in admins, and callers from <see cref="MonitoringOptions.AllowedNetworks"/>.</summary>
public static class MonitoringAccess
{
    public static bool IsAllowed(HttpContext context)
    {
        if (context.User.IsInRole(Roles.Admin))
        {
            return true;
        }

        // A forwarded header still on the request came through a proxy that is not configured (a configured one's
        // headers are applied and removed first): the peer's address is the proxy's, not the caller's.
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded"))
        {
            return false;
        }

        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return context.RequestServices.GetRequiredService<IOptions<MonitoringOptions>>().Value.Networks.Any(n => n.Contains(address));
    }
}

/// <summary>
/// Every 30 seconds, reads what the metrics endpoint reports as gauges (the work queue's depth, the backup's
/// age); once a day, keeps the database's size for the monitoring page's growth per month.
/// </summary>
public sealed class MonitoringSampler : BackgroundService
{
    public const string MeterName = "InterviewPrep.Operations";

    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly ILogger<MonitoringSampler> _logger;
    private long _queueDepth;
    private double _backupAgeSeconds = double.NaN; // NaN: no backup

    public MonitoringSampler(IServiceProvider services, IMeterFactory meters, TimeProvider clock, ILogger<MonitoringSampler> logger)
    {
        (_services, _clock, _logger) = (services, clock, logger);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("interviewprep.work_queue.depth", () => Interlocked.Read(ref _queueDepth), "{item}", "Work items waiting for a bot.");
        meter.CreateObservableGauge(
            "interviewprep.backup.age",
            () => Volatile.Read(ref _backupAgeSeconds) is var age && !double.IsNaN(age) ? [new Measurement<double>(age)] : Array.Empty<Measurement<double>>(),
            "s", "How old the newest backup is.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), _clock);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "Could not read the monitoring figures; trying again in 30 s");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken ct)
    {
        Interlocked.Exchange(ref _queueDepth, await _services.GetRequiredService<WorkQueue>().PendingCountAsync(ct));
        var backup = await _services.GetRequiredService<BackupState>().ReadAsync(ct);
        Volatile.Write(ref _backupAgeSeconds, backup.AgeAt(_clock.GetUtcNow().UtcDateTime)?.TotalSeconds ?? double.NaN);
        await _services.GetRequiredService<DatabaseFigures>().SampleAsync(ct);
    }
}

public static class MonitoringSetup
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddMonitoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MonitoringOptions>().BindConfiguration(MonitoringOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.AllowedNetworks.Add(configuration[$"{MonitoringOptions.Section}:{nameof(MonitoringOptions.AllowedNetworks)}"] ?? ""))
            .Validate(o => o.IsValid(), "Monitoring:AllowedNetworks must be CIDR networks (10.0.0.0/8), Monitoring:MinimumFreeDiskMegabytes at least 0 and Monitoring:MaxBackupAgeHours positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<BackupState>();
        builder.Services.AddSingleton<DatabaseFigures>();
        builder.Services.AddSingleton<MonitoringSampler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MonitoringSampler>());
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<DiskSpaceHealthCheck>("disk", tags: [ReadyTag])
            .AddCheck<BackupHealthCheck>("backups", tags: [ReadyTag]);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(
                DatabaseMetrics.MeterName, BotMetrics.MeterName, MonitoringSampler.MeterName,
                "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// <c>/healthz</c>: liveness, no checks. <c>/healthz/ready</c>: the database, disk and backups; the status alone
    /// to anyone, each check's result to admins and allowed networks. <c>/metrics</c>: Prometheus, for those alone.
    /// </summary>
    public static WebApplication MapMonitoring(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadyAsync,
        });
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/metrics"), metrics => metrics.Use((context, next) =>
        {
            if (MonitoringAccess.IsAllowed(context))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }));
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        if (!MonitoringAccess.IsAllowed(context))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status.ToString());
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, cancellationToken: context.RequestAborted);
    }
}
