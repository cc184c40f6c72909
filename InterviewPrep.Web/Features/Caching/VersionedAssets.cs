using System.Reflection;

namespace InterviewPrep.Web.Features.Caching;

/// <summary>
/// MudBlazor's stylesheet and script are linked by their plain URLs, the ones the framework serves
/// precompressed, with the package's version in the query: a new version is a new URL, so browsers
/// keep them for a year instead of revalidating them on every page.
/// </summary>
public static class VersionedAssets
{
    private const string MudBlazorFolder = "/_content/MudBlazor";

    public static readonly string MudBlazorVersion =
        typeof(MudBlazor.MudButton).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(MudBlazor.MudButton).Assembly.GetName().Version?.ToString()
        ?? "0";

    /// <summary>The URL of one of MudBlazor's files, relative to the base address.</summary>
    public static string MudBlazor(string file) => $"{MudBlazorFolder[1..]}/{file}?v={Uri.EscapeDataString(MudBlazorVersion)}";

    /// <summary>Gives a year's cache lifetime to MudBlazor's files asked for with the current version.</summary>
    public static IApplicationBuilder UseVersionedAssets(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(MudBlazorFolder) && context.Request.Query["v"] == MudBlazorVersion)
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                {
                    context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    });
}
