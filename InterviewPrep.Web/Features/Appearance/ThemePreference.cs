namespace InterviewPrep.Web.Features.Appearance;

/// <summary>
/// Light or dark, remembered in a cookie so that the server renders the right theme from the
/// first byte, on every page, signed in or not.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "ip-theme";
    public const string CascadeName = "DarkMode";
    public const string JsModule = "./js/theme.js";

    public static bool IsDark(string? cookieValue) => cookieValue == "dark";
}
