using System.Text.Json;
using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Learners;
using Microsoft.AspNetCore.Identity;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>
/// An account's personal data as a whole: the download holds the account and everything the learner
/// owns (every table of <see cref="LearnerData"/>), and deleting the account deletes all of it in one
/// transaction. Uses the request's context, the one Identity's stores use, so both share the transaction.
/// </summary>
public sealed class PersonalData(UserManager<AppUser> users, AppDbContext db, ILogger<PersonalData> logger)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Deletes the account and every row the learner owns, all or nothing.</summary>
    public async Task<IdentityResult> DeleteAccountAsync(AppUser user, CancellationToken ct = default)
    {
        var userId = await users.GetUserIdAsync(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await LearnerData.DeleteAsync(db, [userId], ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            return result;
        }

        await tx.CommitAsync(ct);
        logger.LogInformation("Deleted account {UserId} and {Rows} rows of its learner data", userId, rows);
        return result;
    }

    /// <summary>The personal-data download: the account's personal fields and logins, and all learner data, as JSON.</summary>
    public async Task<byte[]> DownloadAsync(AppUser user, CancellationToken ct = default)
    {
        var account = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in typeof(AppUser).GetProperties().Where(p => Attribute.IsDefined(p, typeof(PersonalDataAttribute))))
        {
            account[property.Name] = property.GetValue(user)?.ToString() ?? "null";
        }

        foreach (var login in await users.GetLoginsAsync(user))
        {
            account[$"{login.LoginProvider} external login provider key"] = login.ProviderKey;
        }

        account["Authenticator Key"] = await users.GetAuthenticatorKeyAsync(user) ?? "null";
        var learnerData = await LearnerData.ExportAsync(db, await users.GetUserIdAsync(user), ct);
        return JsonSerializer.SerializeToUtf8Bytes(new { account, learnerData }, Json);
    }
}
