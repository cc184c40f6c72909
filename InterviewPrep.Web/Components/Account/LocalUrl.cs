namespace InterviewPrep.Web.Components.Account;

/// <summary>
/// Return URLs that stay on this site. Anything else (<c>//evil.com</c>, <c>https://evil.com</c>,
/// <c>/\evil.com</c>, <c>javascript:</c>, control characters that browsers drop) is replaced by the home page.
/// </summary>
public static class LocalUrl
{
    /// <summary>True for a path on this site: <c>/x</c>, <c>~/x</c> or a base-relative <c>x</c>, with no scheme or host.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsControl(c) || c == '\\'))
        {
            return false;
        }

        if (url.StartsWith("~/", StringComparison.Ordinal))
        {
            url = url[1..];
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || url[1] != '/';
        }

        // Base-relative ("channels?x=1"): a colon before the path ends would be a scheme ("javascript:").
        var end = url.IndexOfAny(['/', '?', '#']);
        return !(end < 0 ? url : url[..end]).Contains(':', StringComparison.Ordinal);
    }

    /// <summary>The URL as an app-relative path for <c>LocalRedirect</c> (<c>~/...</c>), or <c>~/</c> when it is not local.</summary>
    public static string AppRelative(string? url) =>
        !IsLocal(url) ? "~/"
        : url!.StartsWith("~/", StringComparison.Ordinal) ? url
        : url[0] == '/' ? "~" + url
        : "~/" + url;
}
