namespace InterviewPrep.Web.Features.Accounts;

/// <summary>How soon a change to an account (locked, a role taken, a password changed) reaches its open sessions.</summary>
public static class AccountSessions
{
    /// <summary>How often a signed-in cookie, and a live page, check the account's security stamp.</summary>
    public static readonly TimeSpan StampCheckInterval = TimeSpan.FromMinutes(1);
}
