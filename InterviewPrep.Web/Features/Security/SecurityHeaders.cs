namespace InterviewPrep.Web.Features.Security;

/// <summary>
/// Headers on every response. The Content-Security-Policy allows scripts only from this site (no
/// inline script, no eval), frames only from YouTube's privacy-enhanced domain, and styles inline
/// because the component library sets them.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' https: data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "frame-src https://www.youtube-nocookie.com; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), geolocation=(), payment=()";
            return next(context);
        });
}
