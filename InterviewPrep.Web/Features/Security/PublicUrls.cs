using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Security;

/// <summary>Configuration section <c>Site</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The address the site is reached at (https://prep.example.com/); canonical and shared links use it.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>
/// Absolute links for canonical and Open Graph tags: from <c>Site:PublicUrl</c> when it is set, so
/// a request's Host header cannot choose them. From the request only where its host is trusted: in
/// Development (local use) or when <c>AllowedHosts</c> lists the site's hosts (the host filter then
/// refuses any other). Otherwise there is no absolute link, and pages leave those tags out.
/// </summary>
public sealed class PublicUrls(IOptions<SiteOptions> options, NavigationManager navigation, IHostEnvironment environment, IConfiguration configuration)
{
    /// <summary>The absolute address of <paramref name="relative"/>, or null when no trusted root is known.</summary>
    public string? Absolute(string relative)
    {
        if (ConfiguredRoot(options.Value) is { } root)
        {
            return new Uri(root, relative).AbsoluteUri;
        }

        return RequestHostIsTrusted(environment, configuration) ? navigation.ToAbsoluteUri(relative).AbsoluteUri : null;
    }

    public static bool RequestHostIsTrusted(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() || AllowedHostsAreRestricted(configuration["AllowedHosts"]);

    /// <summary>Whether <c>AllowedHosts</c> names hosts (not <c>*</c>, not empty).</summary>
    public static bool AllowedHostsAreRestricted(string? allowedHosts)
    {
        var hosts = AllowedHosts(allowedHosts).ToList();
        return hosts.Count > 0 && !hosts.Contains("*");
    }

    public static IEnumerable<string> AllowedHosts(string? allowedHosts) =>
        (allowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Says at startup where absolute links come from, and warns when a production site has no trusted source.</summary>
    public static void LogSource(WebApplication app)
    {
        if (ConfiguredRoot(app.Services.GetRequiredService<IOptions<SiteOptions>>().Value) is { } root)
        {
            app.Logger.LogInformation("Canonical and Open Graph links use Site:PublicUrl {PublicUrl}", root);
        }
        else if (!RequestHostIsTrusted(app.Environment, app.Configuration))
        {
            app.Logger.LogWarning(
                "Neither Site:PublicUrl nor a restricted AllowedHosts is set: pages leave out absolute canonical and Open Graph links, " +
                "because the request's Host header would choose them. Set Site:PublicUrl (https://your.site/) or AllowedHosts (your.site) in production.");
        }
    }

    private static Uri? ConfiguredRoot(SiteOptions site) =>
        Uri.TryCreate(site.PublicUrl, UriKind.Absolute, out var root) && root.Scheme is "http" or "https"
            ? new Uri(root.AbsoluteUri.TrimEnd('/') + "/")
            : null;
}
