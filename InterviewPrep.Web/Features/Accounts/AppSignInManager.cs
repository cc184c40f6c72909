using System.Security.Claims;
using InterviewPrep.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in manager with three additions:
/// <list type="bullet">
/// <item>a password attempt counts towards lockout before its hash is checked, so at most
/// <c>MaxFailedAccessAttempts</c> guesses are ever checked between lockouts, however many arrive at once;</item>
/// <item>an unknown email costs the same password check as a known one;</item>
/// <item>every sign-in (password, passkey, two-factor, recovery code, external login, registration)
/// merges the visitor's anonymous progress into the account that actually signed in, and every
/// sign-in and sign-out gives the browser a fresh anonymous id.</item>
/// </list>
/// </summary>
public sealed class AppSignInManager(
    AppUserManager userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    AnonymousLearner anonymousLearners,
    LearnerMerge learnerMerge)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private bool _refreshing;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            userManager.VerifyPlaceholderPassword(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!lockoutOnFailure || !UserManager.SupportsUserLockout || !await UserManager.GetLockoutEnabledAsync(user))
        {
            return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        }

        if (await PreSignInCheck(user) is { } refused)
        {
            return refused;
        }

        if (await userManager.TryStartAttemptAsync(user) is not { } attempt)
        {
            // Locked, or as many attempts as are allowed are already being checked: this one is not.
            return await LockedOut(user);
        }

        if (await UserManager.CheckPasswordAsync(user, password))
        {
            if (await IsTwoFactorEnabledAsync(user))
            {
                // The second factor still has to be earned: only this attempt is taken back.
                await userManager.EndAttemptAsync(user);
            }
            else
            {
                await UserManager.ResetAccessFailedCountAsync(user);
            }

            return SignInResult.Success;
        }

        Logger.LogWarning("User {UserId} failed to provide the correct password.", user.Id);
        if (attempt >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await userManager.LockOutAsync(user);
            return await LockedOut(user);
        }

        return SignInResult.Failed;
    }

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (!_refreshing)
        {
            await OnSignedInAsync(user);
        }
    }

    public override async Task RefreshSignInAsync(AppUser user)
    {
        // A refresh (after a password or email change) is the same person: nothing to merge.
        _refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshing = false;
        }
    }

    public override async Task SignOutAsync()
    {
        await base.SignOutAsync();
        anonymousLearners.Renew(Context);
    }

    /// <summary>
    /// The visitor's anonymous progress goes into the account that signed in (never one named in a
    /// form), and the browser starts a new anonymous id: on a shared computer, what the next visitor
    /// does is not merged into this account.
    /// </summary>
    private async Task OnSignedInAsync(AppUser user)
    {
        var userId = await UserManager.GetUserIdAsync(user);
        var merged = true;
        if (anonymousLearners.Current(Context) is { } anonymousId)
        {
            try
            {
                merged = await learnerMerge.MergeAsync(anonymousId, userId, Context.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Signing in matters more than the merge.
                Logger.LogError(e, "Merging anonymous progress {AnonymousId} into account {UserId} failed", anonymousId, userId);
                merged = false;
            }
        }

        // A failed merge keeps the browser's anonymous id, so the next sign-in tries again and nothing is orphaned.
        if (merged)
        {
            anonymousLearners.Renew(Context);
        }
    }
}
