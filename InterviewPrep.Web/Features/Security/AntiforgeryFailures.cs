using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace InterviewPrep.Web.Features.Security;

/// <summary>
/// A form posted without a valid antiforgery token (expired, forged, or from another site) is the
/// client's fault: 400, never a 500. Without this, an endpoint that reads such a form, or the error
/// and status pages re-running the same POST, throw.
/// </summary>
public static class AntiforgeryFailures
{
    public const string Message = "This form has expired or did not come from this site. Go back, reload the page and try again.";

    /// <summary>Goes right after <c>UseAntiforgery()</c>.</summary>
    public static IApplicationBuilder UseAntiforgeryFailuresAsBadRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            await RefuseAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (AntiforgeryValidationException) when (!context.Response.HasStarted)
        {
            // Endpoints that validate by hand (the passkey options).
            context.Response.Clear();
            await RefuseAsync(context);
        }
    });

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        // The status page would run this same POST again, and fail on the same token.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Message);
    }
}
