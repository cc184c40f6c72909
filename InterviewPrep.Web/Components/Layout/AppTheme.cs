using MudBlazor;

namespace InterviewPrep.Web.Components.Layout;

/// <summary>The app's colours, light and dark.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5aa8",
            Secondary = "#00897b",
            AppbarBackground = "#1e5aa8",
            Background = "#f6f8fb",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb2ff",
            Secondary = "#4db6ac",
            AppbarBackground = "#1b2330",
            Background = "#11161e",
            Surface = "#1b2330",
            DrawerBackground = "#161d28",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
