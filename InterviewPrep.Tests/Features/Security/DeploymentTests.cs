using System.Net;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace InterviewPrep.Tests.Features.Security;

/// <summary>
/// Production behind a reverse proxy: forwarded headers only from configured proxies, Secure cookies
/// and HSTS on HTTPS, and absolute links that a request's Host header cannot choose.
/// </summary>
public sealed class DeploymentTests
{
    private const string Question = "/questions/ip-sd-001";

    private static AppFactory Production(params (string Key, string? Value)[] settings) =>
        new("Production", settings.ToDictionary(s => s.Key, s => s.Value), kestrel: false);

    private static HttpClient Browser(AppFactory app, string baseAddress = "http://prep.example.com")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    private static IReadOnlyList<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    [Fact]
    public async Task HttpsRequest_SecureCookiesWithTheHostPrefix_AndHsts()
    {
        await using var app = Production(("Site:PublicUrl", "https://prep.example.com/"));
        using var client = Browser(app, "https://prep.example.com");

        var page = await client.GetAsync("/Account/Login");

        var cookies = Cookies(page);
        var learner = Assert.Single(cookies, c => c.StartsWith(AnonymousLearner.SecureCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", learner, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/;", learner + ";", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", learner, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(cookies, c => c.StartsWith(AnonymousLearner.CookieName + "=", StringComparison.Ordinal));
        var antiforgery = Assert.Single(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "no HSTS header on HTTPS");

        var form = HtmlForms.HiddenFields(await page.Content.ReadAsStringAsync());
        form["Input.Email"] = "someone@example.test";
        form["Input.Password"] = "whatever";
        var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));
        Assert.NotEqual(HttpStatusCode.BadRequest, signedIn.StatusCode);
    }

    [Fact]
    public async Task HttpsRequest_SignInCookie_IsSecure()
    {
        await using var app = new AppFactory("Production", new Dictionary<string, string?>
        {
            ["Admin:Email"] = AppFactory.AdminEmail, ["Admin:Password"] = AppFactory.AdminPassword, ["Site:PublicUrl"] = "https://prep.example.com/",
        });
        using var client = Browser(app, "https://prep.example.com");

        var response = await HtmlForms.PostAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = AppFactory.AdminPassword });

        var identity = Assert.Single(Cookies(response), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("secure", identity, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HttpRequest_PlainCookieName_NotSecure_NoHsts()
    {
        await using var app = Production(("Site:PublicUrl", "https://prep.example.com/"));
        using var client = Browser(app);

        var page = await client.GetAsync("/dashboard"); // public pages give no cookie (see PublicPageCacheTests)

        var learner = Assert.Single(Cookies(page), c => c.StartsWith(AnonymousLearner.CookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", learner, StringComparison.OrdinalIgnoreCase);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedProto_WithoutConfiguredProxies_IsIgnored()
    {
        await using var app = Production(("Site:PublicUrl", "https://prep.example.com/"));
        using var client = Browser(app);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");

        var page = await client.GetAsync("/dashboard"); // public pages give no cookie (see PublicPageCacheTests)

        Assert.Contains(Cookies(page), c => c.StartsWith(AnonymousLearner.CookieName + "=", StringComparison.Ordinal) && !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedProto_FromAConfiguredProxy_IsHonoured()
    {
        await using var app = Production(("Site:PublicUrl", "https://prep.example.com/"), ("ForwardedHeaders:KnownProxies", "10.0.0.1; 10.0.0.2"));
        using var client = Browser(app);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");

        var page = await client.GetAsync("/dashboard"); // public pages give no cookie (see PublicPageCacheTests)

        Assert.Contains(Cookies(page), c => c.StartsWith(AnonymousLearner.SecureCookieName + "=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedProto_FromAnAddressThatIsNotAConfiguredProxy_IsIgnored()
    {
        // Real sockets: the request comes from 127.0.0.1, which is not the configured proxy.
        await using var app = new AppFactory("Production", new Dictionary<string, string?>
        {
            ["Site:PublicUrl"] = "https://prep.example.com/", ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
        }, kestrel: true);
        using var client = new HttpClient { BaseAddress = app.ServerAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var page = await client.GetAsync("/dashboard"); // public pages give no cookie (see PublicPageCacheTests)

        Assert.Contains(Cookies(page), c => c.StartsWith(AnonymousLearner.CookieName + "=", StringComparison.Ordinal) && !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Startup_WithAMalformedProxyAddress_Fails()
    {
        await using var app = Production(("ForwardedHeaders:KnownProxies:0", "not-an-address"));
        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }

    [Fact]
    public async Task Production_WithoutPublicUrlOrAllowedHosts_LeavesOutHostDerivedUrls_AndWarns()
    {
        await using var app = Production();
        using var client = Browser(app, "http://evil.example");

        var question = await client.GetStringAsync(Question);
        var channel = await client.GetStringAsync("/channels/system-design");

        Assert.DoesNotContain("evil.example", question);
        Assert.DoesNotContain("evil.example", channel);
        Assert.DoesNotContain("rel=\"canonical\"", question);
        Assert.DoesNotContain("og:url", question);
        Assert.Contains("og:title", question);
        Assert.Contains(app.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("Site:PublicUrl") && l.Message.Contains("AllowedHosts"));
    }

    [Fact]
    public async Task Production_WithRestrictedAllowedHosts_RefusesOtherHosts_AndLinksToItsOwn()
    {
        await using var app = Production(("AllowedHosts", "prep.example.com"));

        var evil = await Browser(app, "http://evil.example").GetAsync(Question);
        var own = await Browser(app).GetStringAsync(Question);

        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        Assert.DoesNotContain("evil.example", await evil.Content.ReadAsStringAsync());
        Assert.Contains("<link rel=\"canonical\" href=\"http://prep.example.com/questions/ip-sd-001\"", own);
        Assert.DoesNotContain(app.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("Site:PublicUrl"));
    }
}
