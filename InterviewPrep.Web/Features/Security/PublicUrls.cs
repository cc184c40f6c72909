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
/// a request's Host header cannot choose them; from the request otherwise (local use).
/// </summary>
public sealed class PublicUrls(IOptions<SiteOptions> options, NavigationManager navigation)
{
    public string Absolute(string relative)
    {
        var configured = options.Value.PublicUrl;
        return Uri.TryCreate(configured, UriKind.Absolute, out var root) && root.Scheme is "http" or "https"
            ? new Uri(new Uri(root.AbsoluteUri.TrimEnd('/') + "/"), relative).AbsoluteUri
            : navigation.ToAbsoluteUri(relative).AbsoluteUri;
    }
}
