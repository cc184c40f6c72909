using Microsoft.AspNetCore.Http;

namespace InterviewPrep.Web.Features.Appearance;

/// <summary>
/// Light or dark. A visitor's own choice is remembered in a cookie and always wins; until they
/// choose, the theme follows their system (prefers-color-scheme). The server renders the right
/// theme from the first byte, on every page, signed in or not: it learns the system's preference
/// from the <c>Sec-CH-Prefers-Color-Scheme</c> client hint (Chromium) or from a cookie that
/// <c>js/theme-boot.js</c> writes before the first paint (every browser; on a first visit that
/// script reloads the page once, before anything is painted, when the guess was wrong).
/// </summary>
public static class ThemePreference
{
    /// <summary>The visitor's explicit choice: "light" or "dark".</summary>
    public const string CookieName = "ip-theme";

    /// <summary>What the visitor's system prefers, as the browser last reported it: "light" or "dark".</summary>
    public const string SystemCookieName = "ip-theme-system";

    public const string ClientHint = "Sec-CH-Prefers-Color-Scheme";
    public const string CascadeName = "DarkMode";
    public const string JsModule = "./js/theme.js";

    /// <summary>Dark when the visitor chose dark; without a choice, when their system prefers dark.</summary>
    public static bool IsDark(string? choice, string? system = null, string? clientHint = null) => choice switch
    {
        "dark" => true,
        "light" => false,
        _ => (system is "dark" or "light" ? system : clientHint?.Trim().Trim('"')) == "dark",
    };

    /// <summary>The theme a request asks for (its cookies, then the client hint).</summary>
    public static bool IsDark(HttpRequest request) =>
        IsDark(request.Cookies[CookieName], request.Cookies[SystemCookieName], request.Headers[ClientHint].ToString());

    /// <summary>Asks Chromium browsers for the system's colour scheme on every request, the first one included.</summary>
    public static void RequestClientHint(HttpResponse response)
    {
        if (!response.HasStarted)
        {
            response.Headers["Accept-CH"] = ClientHint;
            response.Headers["Critical-CH"] = ClientHint;
            response.Headers.Append("Vary", ClientHint);
        }
    }
}
