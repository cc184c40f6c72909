using MudBlazor;

namespace InterviewPrep.Web.Components.Layout;

/// <summary>The app's colours, light and dark; every text colour meets WCAG AA contrast on its background.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5aa8",
            Secondary = "#00796b",
            AppbarBackground = "#1e5aa8",
            Background = "#f6f8fb",
            TextSecondary = "rgba(0,0,0,0.68)",
            Success = "#1b7a38",
            Info = "#0a64a0",
            Warning = "#8f5300",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb2ff",
            PrimaryContrastText = "#0d1117",
            Secondary = "#4db6ac",
            SecondaryContrastText = "#0d1117",
            AppbarBackground = "#1b2330",
            Background = "#11161e",
            Surface = "#1b2330",
            DrawerBackground = "#161d28",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.74)",
            Success = "#6fd68a",
            SuccessContrastText = "#0d1117",
            Info = "#74c7ff",
            InfoContrastText = "#0d1117",
            Warning = "#ffbd5a",
            WarningContrastText = "#0d1117",
            Error = "#ff8a80",
            ErrorContrastText = "#0d1117",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
