using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using InterviewPrep.Web.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Security;

/// <summary>How many posts of one kind are allowed in a window, per client address and per account.</summary>
public sealed class RateLimitRule
{
    /// <summary>Posts allowed from one client address per window.</summary>
    public int PerAddress { get; set; }

    /// <summary>Posts allowed for one account (the posted email, the passkey user name, the learner) per window; 0 for no account limit.</summary>
    public int PerAccount { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Configuration section <c>RateLimits</c>: limits on the posts an attacker would repeat.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in: the login, two-factor, recovery-code and external-login forms.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PerAddress = 10, PerAccount = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Registration.</summary>
    public RateLimitRule Registration { get; set; } = new() { PerAddress = 5, PerAccount = 3, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Forgot password, reset password and resending the confirmation email.</summary>
    public RateLimitRule AccountRecovery { get; set; } = new() { PerAddress = 10, PerAccount = 3, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Passkey options (the first step of a passkey sign-in or registration).</summary>
    public RateLimitRule Passkey { get; set; } = new() { PerAddress = 30, PerAccount = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>The bookmark, review and note forms of question pages.</summary>
    public RateLimitRule QuestionForms { get; set; } = new() { PerAddress = 120, PerAccount = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Posts that hash a password (sign-in, registration, password changes) at the same time, from
    /// everyone: hashing is CPU-heavy, so a flood from many addresses cannot take every core.
    /// </summary>
    public int ConcurrentPasswordChecks { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Such posts that wait for a turn; beyond this they are refused.</summary>
    public int PasswordCheckQueue { get; set; } = 32;

    public IEnumerable<(string Name, RateLimitRule Rule)> Rules =>
        [(nameof(SignIn), SignIn), (nameof(Registration), Registration), (nameof(AccountRecovery), AccountRecovery),
         (nameof(Passkey), Passkey), (nameof(QuestionForms), QuestionForms)];

    public bool IsValid() =>
        ConcurrentPasswordChecks >= 1 && PasswordCheckQueue >= 0
        && Rules.All(r => r.Rule.PerAddress >= 1 && r.Rule.PerAccount >= 0 && r.Rule.Window > TimeSpan.Zero);
}

/// <summary>
/// Rate limits on the posts that cost the server (password hashing) or that an attacker repeats
/// (guessing passwords, registering accounts, sending reset mails, writing notes). Each kind of post
/// is limited per client address and per account; a refused post gets 429 with Retry-After, and
/// the status page says how long to wait. Pages themselves (GET) are never limited.
/// </summary>
public static class RateLimits
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the wait a refused request was told.</summary>
    public const string RetryAfterItem = "RateLimits.RetryAfter";

    private const string AccountItem = "RateLimits.Account";

    private enum Kind { SignIn, Registration, AccountRecovery, Passkey, QuestionForms }

    private static readonly Dictionary<string, Kind> AccountPosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/Login"] = Kind.SignIn,
        ["/Account/LoginWith2fa"] = Kind.SignIn,
        ["/Account/LoginWithRecoveryCode"] = Kind.SignIn,
        ["/Account/ExternalLogin"] = Kind.SignIn,
        ["/Account/PerformExternalLogin"] = Kind.SignIn,
        ["/Account/Register"] = Kind.Registration,
        ["/Account/ForgotPassword"] = Kind.AccountRecovery,
        ["/Account/ResetPassword"] = Kind.AccountRecovery,
        ["/Account/ResendEmailConfirmation"] = Kind.AccountRecovery,
        ["/Account/PasskeyRequestOptions"] = Kind.Passkey,
        ["/Account/PasskeyCreationOptions"] = Kind.Passkey,
    };

    /// <summary>Posts that check or hash a password.</summary>
    private static readonly HashSet<string> PasswordPosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Login", "/Account/Register", "/Account/ResetPassword",
        "/Account/Manage/ChangePassword", "/Account/Manage/SetPassword", "/Account/Manage/DeletePersonalData",
    };

    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.IsValid(), "RateLimits: every PerAddress and ConcurrentPasswordChecks must be at least 1, PerAccount and PasswordCheckQueue at least 0, and every Window positive.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory>((options, limits, loggers) =>
        {
            var settings = limits.Value;
            var logger = loggers.CreateLogger(typeof(RateLimits).FullName!);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => ByAddress(context, settings)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => ByAccount(context, settings)));
            options.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(5);
                Refuse(rejected.HttpContext, wait, logger);
                return ValueTask.CompletedTask;
            };
        });
        services.AddSingleton<PasswordCheckGate>();
        return services;
    }

    /// <summary>
    /// 429 with Retry-After and no body: the status page explains (UseStatusCodePagesWithReExecute).
    /// It is re-executed as a page view, so that a post without a valid form (a script, a JSON call)
    /// gets the page too, not a form-validation error.
    /// </summary>
    private static void Refuse(HttpContext context, TimeSpan wait, ILogger logger)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Items[RetryAfterItem] = TimeSpan.FromSeconds(seconds);
        logger.LogWarning("Rate limit: refused {Method} {Path} from {Address}; retry after {Seconds} s",
            context.Request.Method, context.Request.Path, ClientAddress(context), seconds);
        context.Request.Method = HttpMethods.Get;
    }


    /// <summary>Limits the posts listed above; reads the posted email first, so that an account can be limited too.</summary>
    public static IApplicationBuilder UseRequestRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (Classify(context) is not null && context.Request.HasFormContentType)
            {
                // Buffered by the form feature: the page reads the same form later.
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                var email = form["Input.Email"].ToString();
                if (!string.IsNullOrWhiteSpace(email))
                {
                    context.Items[AccountItem] = email.Trim().ToUpperInvariant();
                }
            }

            await next(context);
        });
        app.UseRateLimiter();
        var gate = app.ApplicationServices.GetRequiredService<PasswordCheckGate>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits).FullName!);
        app.Use(async (context, next) =>
        {
            if (!IsPasswordPost(context))
            {
                await next(context);
                return;
            }

            using var lease = await gate.Limiter.AcquireAsync(1, context.RequestAborted);
            if (!lease.IsAcquired)
            {
                Refuse(context, PasswordCheckGate.RetryAfter, logger);
                return;
            }

            await next(context);
        });
        return app;
    }

    private static Kind? Classify(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return null;
        }

        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        if (AccountPosts.TryGetValue(path, out var kind))
        {
            return kind;
        }

        return path.StartsWith("/questions/", StringComparison.OrdinalIgnoreCase) ? Kind.QuestionForms : null;
    }

    private static RateLimitRule Rule(RateLimitOptions options, Kind kind) => kind switch
    {
        Kind.SignIn => options.SignIn,
        Kind.Registration => options.Registration,
        Kind.AccountRecovery => options.AccountRecovery,
        Kind.Passkey => options.Passkey,
        _ => options.QuestionForms,
    };

    private static RateLimitPartition<string> ByAddress(HttpContext context, RateLimitOptions options)
    {
        if (Classify(context) is not { } kind)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var rule = Rule(options, kind);
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}|address|{ClientAddress(context)}", _ => Window(rule.PerAddress, rule.Window));
    }

    private static RateLimitPartition<string> ByAccount(HttpContext context, RateLimitOptions options)
    {
        if (Classify(context) is not { } kind || Rule(options, kind) is not { PerAccount: > 0 } rule || Account(context, kind) is not { } account)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        return RateLimitPartition.GetFixedWindowLimiter($"{kind}|account|{account}", _ => Window(rule.PerAccount, rule.Window));
    }

    private static bool IsPasswordPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && PasswordPosts.Contains(context.Request.Path.Value?.TrimEnd('/') ?? "");

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>The client's address (as a configured proxy reports it, when there is one).</summary>
    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The account a post is about: the posted email, the passkey user name, else whoever is signed in (or the anonymous learner).</summary>
    private static string? Account(HttpContext context, Kind kind)
    {
        if (context.Items[AccountItem] is string email)
        {
            return email;
        }

        if (kind == Kind.Passkey && context.Request.Query["username"].ToString() is { Length: > 0 } userName)
        {
            return userName.Trim().ToUpperInvariant();
        }

        return context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? (kind == Kind.QuestionForms ? context.RequestServices.GetRequiredService<AnonymousLearner>().Current(context) : null);
    }
}

/// <summary>
/// The posts that hash a password, from everyone, at most so many at once; the rest wait in a
/// short queue or are refused. Kept apart from the rate limiter's windows, so that waiting for a
/// turn never spends a second permit of a window.
/// </summary>
public sealed class PasswordCheckGate(IOptions<RateLimitOptions> options) : IDisposable
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public ConcurrencyLimiter Limiter { get; } = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.ConcurrentPasswordChecks,
        QueueLimit = options.Value.PasswordCheckQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public void Dispose() => Limiter.Dispose();
}
