using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>Who is learning: the signed-in account's id, for the services that keep progress per learner.</summary>
public static class LearnerIdentity
{
    /// <summary>The signed-in learner's id, or null for a visitor.</summary>
    public static async Task<string?> GetLearnerIdAsync(this AuthenticationStateProvider auth) =>
        (await auth.GetAuthenticationStateAsync()).User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
}
