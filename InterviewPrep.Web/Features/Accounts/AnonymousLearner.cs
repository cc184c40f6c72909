using Microsoft.AspNetCore.DataProtection;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>
/// Studying needs no account: a visitor gets a long-lived, signed learner id in a cookie, and their
/// sessions, bookmarks and reviews are kept on the server under it until they sign in (then they
/// merge into the account) or stop coming back (then they are purged).
/// </summary>
public sealed class AnonymousLearner(IDataProtectionProvider protection)
{
    public const string CookieName = "ip-learner";

    /// <summary>The cookie's name on HTTPS: the <c>__Host-</c> prefix makes browsers keep it Secure, host-only and for the whole site.</summary>
    public const string SecureCookieName = "__Host-" + CookieName;
    public const string Prefix = "anon-";
    public const string CascadeName = "AnonymousLearnerId";

    private readonly IDataProtector _protector = protection.CreateProtector("InterviewPrep.AnonymousLearner.v1");

    /// <summary>The learner id a cookie value carries, or null when it is missing or was tampered with.</summary>
    public string? Read(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        try
        {
            var id = _protector.Unprotect(cookie);
            return id.StartsWith(Prefix, StringComparison.Ordinal) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Makes sure the visitor has an id: reads it (or the one issued earlier in this request), or issues a new one.</summary>
    public string Ensure(HttpContext context)
    {
        if (Current(context) is { } existing)
        {
            return existing;
        }

        return Renew(context);
    }

    /// <summary>
    /// Issues a new id, replacing the visitor's: done on every sign-in and sign-out, so that on a shared
    /// computer the next person's anonymous work is not merged into the account of whoever signs in next.
    /// </summary>
    public string Renew(HttpContext context)
    {
        var id = Prefix + Guid.NewGuid().ToString("N");
        // __Host- requires Secure, Path=/ and no Domain; plain HTTP (local use) keeps the plain name.
        context.Response.Cookies.Append(context.Request.IsHttps ? SecureCookieName : CookieName, _protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(400),
        });
        context.Items[CookieName] = id;
        return id;
    }

    /// <summary>The id for this request (issued earlier in the same request, or read from the cookie).</summary>
    public string? Current(HttpContext context) =>
        context.Items[CookieName] as string ?? ReadCookie(context);

    /// <summary>The id in the request's cookie, under either name.</summary>
    private string? ReadCookie(HttpContext context) => context.Request.IsHttps
        // On HTTPS only the __Host- cookie counts: a plain one could have been planted by a sibling
        // domain or a plain-HTTP response, to collect this visitor's work under someone else's id.
        ? Read(context.Request.Cookies[SecureCookieName])
        : Read(context.Request.Cookies[CookieName]);
}
