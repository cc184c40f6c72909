using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>Who is learning: the signed-in account's id, or a visitor's anonymous id, for the services that keep progress per learner.</summary>
public static class LearnerIdentity
{
    /// <summary>The signed-in learner's id, else the visitor's anonymous id (when they have one).</summary>
    public static async Task<string?> GetLearnerIdAsync(this AuthenticationStateProvider auth, string? anonymousId = null) =>
        (await auth.GetAuthenticationStateAsync()).User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? anonymousId;
}
