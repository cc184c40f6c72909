using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Accounts;
using InterviewPrep.Web.Features.Settings;
using Microsoft.AspNetCore.Components.Authorization;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>
/// The signed-in admin, as admin pages need them: who their changes are recorded as (the user
/// name), and the time zone their times are shown in (their study settings').
/// </summary>
public sealed class AdminActor(AuthenticationStateProvider auth, LearnerSettingsService settings)
{
    public async Task<LearnerCalendar> CalendarAsync() =>
        await auth.GetLearnerIdAsync() is { } id ? (await settings.GetAsync(id)).Calendar : LearnerCalendar.Utc;

    public async Task<ChangeSource> SourceAsync(string? reason = null)
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Admin))
        {
            // The pages are only routed for admins; this guards a circuit whose admin was signed out.
            throw new UnauthorizedAccessException("Only an admin can change content.");
        }

        return new ChangeSource(HistoryEventSources.Admin, user.Identity.Name, reason);
    }
}
