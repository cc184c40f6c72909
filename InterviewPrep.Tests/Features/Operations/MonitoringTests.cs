using System.Net;
using System.Text.Json;
using InterviewPrep.Tests.Features.Admin;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Operations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Operations;

/// <summary>
/// <c>/healthz</c>, <c>/healthz/ready</c> and <c>/metrics</c> as a load balancer, Prometheus, an admin and a
/// stranger see them: the stranger learns the status and nothing else.
/// Not in parallel with other tests: OpenTelemetry collects the app's meters by name, so another test's app
/// stopping at the same moment could take a meter out of this app's <c>/metrics</c>.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class MonitoringTests
{
    private static HttpClient Client(AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task HealthEndpoints_TellAStrangerTheStatusOnly()
    {
        await using var app = new AppFactory();
        using var anonymous = Client(app);

        var live = await anonymous.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());

        var ready = await anonymous.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal("no-store, no-cache", ready.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Ready_IsDegradedWhenABackupFailed_AndTellsAnAdminWhy()
    {
        await using var app = new AppFactory();
        app.Services.GetRequiredService<BackupStatus>().Failed(DateTime.UtcNow, "the backup volume is not mounted");
        using var anonymous = Client(app);
        using var admin = Client(app);
        await AdminAccessTests.SignInAsync(admin, AppFactory.AdminEmail, AppFactory.AdminPassword);

        var plain = await anonymous.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode); // degraded still serves
        var said = await plain.Content.ReadAsStringAsync();
        Assert.Equal("Degraded", said);

        using var details = JsonDocument.Parse(await admin.GetStringAsync("/healthz/ready"));
        Assert.Equal("Degraded", details.RootElement.GetProperty("status").GetString());
        var checks = details.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["backups", "database", "disk"], checks.Keys.Order());
        Assert.Equal("Healthy", checks["database"].GetProperty("status").GetString());
        Assert.Equal("Degraded", checks["backups"].GetProperty("status").GetString());
        Assert.Contains("the backup volume is not mounted", checks["backups"].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Ready_IsDegradedWhenTheNewestBackupIsTooOld()
    {
        using var folder = new TempFolder();
        var daily = Directory.CreateDirectory(Path.Combine(folder.Path, "daily")).FullName;
        var old = DateTime.UtcNow.AddHours(-30);
        await File.WriteAllTextAsync(Path.Combine(daily, $"interviewprep-{old:yyyyMMdd'T'HHmmss'Z'}.sqlite.gz"), "x");
        await using var app = new AppFactory(settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = AppFactory.AdminEmail, ["Admin:Password"] = AppFactory.AdminPassword, ["Backups:Folder"] = folder.Path,
        });
        using var admin = Client(app);
        await AdminAccessTests.SignInAsync(admin, AppFactory.AdminEmail, AppFactory.AdminPassword);

        using var details = JsonDocument.Parse(await admin.GetStringAsync("/healthz/ready"));
        var backups = details.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "backups");
        Assert.Equal("Degraded", backups.GetProperty("status").GetString());
        Assert.Contains("30 hours old, over 26", backups.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Metrics_AreRefusedToStrangers_AndServedToAdmins()
    {
        await using var app = new AppFactory();
        using var anonymous = Client(app);
        using var admin = Client(app);
        await AdminAccessTests.SignInAsync(admin, AppFactory.AdminEmail, AppFactory.AdminPassword);
        await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/metrics")).StatusCode);
        var metrics = await admin.GetStringAsync("/metrics");
        Assert.Contains("interviewprep_db_query_duration_seconds_bucket{", metrics);
        Assert.Contains("http_server_request_duration_seconds_count{", metrics);
        Assert.Contains("interviewprep_work_queue_depth", metrics);
    }

    [Fact]
    public async Task Metrics_AreServedToAConfiguredNetwork_WithoutSigningIn()
    {
        await using var app = new AppFactory(kestrel: true, settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = AppFactory.AdminEmail, ["Admin:Password"] = AppFactory.AdminPassword, ["Monitoring:AllowedNetworks"] = "127.0.0.0/8",
        });
        using var scraper = new HttpClient { BaseAddress = app.ServerAddress };

        var response = await scraper.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
        var ready = await scraper.GetStringAsync("/healthz/ready");
        Assert.StartsWith("{", ready, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AreRefusedToOtherNetworks()
    {
        await using var app = new AppFactory(kestrel: true, settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = AppFactory.AdminEmail, ["Admin:Password"] = AppFactory.AdminPassword, ["Monitoring:AllowedNetworks"] = "10.0.0.0/8",
        });
        using var stranger = new HttpClient { BaseAddress = app.ServerAddress };

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/metrics")).StatusCode);
        Assert.Equal("Healthy", await stranger.GetStringAsync("/healthz/ready"));
    }

    [Fact]
    public async Task AnAllowedNetworkThatIsNotANetwork_StopsTheStart_WithTheReason()
    {
        await using var app = new AppFactory(settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = AppFactory.AdminEmail, ["Admin:Password"] = AppFactory.AdminPassword, ["Monitoring:AllowedNetworks"] = "10.0.0.0/8;prometheus",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("Monitoring:AllowedNetworks must be CIDR networks", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_IsDegradedWhenTheDisksAreFullerThanAllowed()
    {
        await using var app = new AppFactory(settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = AppFactory.AdminEmail, ["Admin:Password"] = AppFactory.AdminPassword,
            ["Monitoring:MinimumFreeDiskMegabytes"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var admin = Client(app);
        await AdminAccessTests.SignInAsync(admin, AppFactory.AdminEmail, AppFactory.AdminPassword);

        using var details = JsonDocument.Parse(await admin.GetStringAsync("/healthz/ready"));
        var disk = details.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "disk");
        Assert.Equal("Degraded", disk.GetProperty("status").GetString());
        Assert.Contains("MB free for", disk.GetProperty("description").GetString());
        if (!TestProvider.IsPostgreSql)
        {
            Assert.Contains(Path.GetDirectoryName(app.DatabasePath)!, disk.GetProperty("description").GetString());
        }
    }

    [Fact]
    public async Task AForwardedRequest_FromAnAllowedNetwork_IsNotTrusted_WithoutAConfiguredProxy()
    {
        await using var app = new AppFactory(kestrel: true, settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = AppFactory.AdminEmail, ["Admin:Password"] = AppFactory.AdminPassword, ["Monitoring:AllowedNetworks"] = "127.0.0.0/8",
        });
        using var proxied = new HttpClient { BaseAddress = app.ServerAddress };
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        Assert.Equal(HttpStatusCode.Forbidden, (await proxied.GetAsync("/metrics")).StatusCode);
        Assert.Equal("Healthy", await proxied.GetStringAsync("/healthz/ready"));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MonitoringCollection
{
    public const string Name = "Monitoring";
}
