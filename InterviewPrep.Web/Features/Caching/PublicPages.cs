using InterviewPrep.Data.Content;
using InterviewPrep.Web.Features.Appearance;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace InterviewPrep.Web.Features.Caching;

/// <summary>
/// Marks a page that is the same for every visitor who has no cookie: a first visit (or a crawler)
/// is answered from the output cache. Such a visit is not given a learner cookie either; the page's
/// per-learner parts appear once the visitor has one (see <see cref="LearnerParts"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicPageAttribute : Attribute
{
    /// <summary>Whether the request is for a public page, whoever asks for it.</summary>
    public static bool IsOn(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is not null;
}

/// <summary>
/// The output cache of public pages: only GET and HEAD requests without cookies or credentials,
/// keyed by host, path, query, theme hint, accepted encodings and content version (an edit shows at
/// once), and only 200 responses that set no cookie. They are kept compressed, as they are sent.
/// </summary>
/// <remarks>
/// Because the app has interactive pages, the framework issues an antiforgery cookie with every page
/// it renders. A public page rendered for a visitor without cookies has no form and no interactive
/// component (the learner's parts, which have forms, come separately with their own token), so that
/// cookie and its no-store header are dropped from it.
/// </remarks>
public sealed class PublicPageCachePolicy(ContentVersion version) : IOutputCachePolicy
{
    /// <summary>How long a page is kept when content does not change.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Sent by Blazor's enhanced navigation; its responses are kept apart from full page loads.</summary>
    private const string EnhancedNavigationHeader = "blazor-enhanced-nav";

    /// <summary>Whether this request may be answered from, and stored in, the cache.</summary>
    public static bool Applies(HttpContext context) =>
        PublicPageAttribute.IsOn(context)
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Request.Headers.ContainsKey("Cookie")
        && !context.Request.Headers.ContainsKey("Authorization");

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!Applies(context.HttpContext))
        {
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = new([ThemePreference.ClientHint, EnhancedNavigationHeader, HeaderNames.AcceptEncoding]);
        context.CacheVaryByRules.VaryByValues["content"] = (await version.CurrentAsync(cancellation)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        PublicPageCaching.KeepOnlyWhole(context);

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The npm libraries under <c>/lib</c> (the diagram library's modules) are compressed as they are sent;
/// the output cache keeps each file compressed per accepted encoding, so it is compressed once.
/// </summary>
public sealed class ClientLibraryCachePolicy : IOutputCachePolicy
{
    public const string Path = "/lib";

    /// <summary>Whether this request may be answered from, and stored in, the cache.</summary>
    public static bool Applies(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Path)
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (Applies(context.HttpContext))
        {
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = true;
            context.AllowCacheStorage = true;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = TimeSpan.FromDays(1);
            context.CacheVaryByRules.HeaderNames = new([HeaderNames.AcceptEncoding]);
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        PublicPageCaching.KeepOnlyWhole(context);
        return ValueTask.CompletedTask;
    }
}

public static class PublicPageCaching
{
    /// <summary>
    /// Called once the response is written: a response cut short because the visitor left (the static
    /// file middleware then stops without an error, and a compressed response has no length to check)
    /// is neither kept nor handed to the requests waiting for it; the next one is served afresh.
    /// </summary>
    internal static void KeepOnlyWhole(OutputCacheContext context)
    {
        if (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            context.AllowCacheStorage = false;
        }
    }

    /// <summary>Registers the output cache with <see cref="PublicPageCachePolicy"/> and <see cref="ClientLibraryCachePolicy"/> as its only policies.</summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddSingleton<PublicPageCachePolicy>();
        services.AddSingleton<ClientLibraryCachePolicy>();
        return services.AddOutputCache(o =>
        {
            o.AddBasePolicy(b => b.AddPolicy<PublicPageCachePolicy>(), excludeDefaultPolicy: true);
            o.AddBasePolicy(b => b.AddPolicy<ClientLibraryCachePolicy>(), excludeDefaultPolicy: true);
        });
    }

    /// <summary>
    /// The output cache, after dropping the antiforgery cookie from public pages rendered for visitors
    /// without cookies. What it keeps is compressed inside it, so it is compressed once: public pages
    /// for visitors without cookies and the libraries under /lib. Neither carries a secret (no token,
    /// nothing of the visitor's), so compressing them over HTTPS gives nothing away; no other
    /// response is compressed.
    /// </summary>
    public static IApplicationBuilder UsePublicPageCache(this IApplicationBuilder app)
    {
        var cookie = app.ApplicationServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        app.Use((context, next) =>
        {
            if (cookie is not null && PublicPageCachePolicy.Applies(context))
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    if (headers.SetCookie.Any(c => c?.StartsWith(cookie + "=", StringComparison.Ordinal) == true))
                    {
                        headers.SetCookie = new([.. headers.SetCookie.Where(c => c?.StartsWith(cookie + "=", StringComparison.Ordinal) != true)]);
                        headers.CacheControl = "no-cache";
                        headers.Pragma = default;
                    }

                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        app.UseOutputCache();
        return app.UseWhen(
            context => PublicPageCachePolicy.Applies(context) || ClientLibraryCachePolicy.Applies(context),
            compressed => compressed.UseResponseCompression());
    }
}
