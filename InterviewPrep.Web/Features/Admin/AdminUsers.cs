using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>One account as the users page lists it.</summary>
public sealed record UserRow(string Id, string Name, string? Email, DateTime CreatedAt, bool IsAdmin, DateTimeOffset? LockedUntil)
{
    public bool IsLocked => LockedUntil is { } until && until > DateTimeOffset.UtcNow;
}

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total);

/// <summary>What a change to an account did; <see cref="Refused"/> says why nothing changed.</summary>
public sealed record UserChange(bool Done, string? Refused = null);

/// <summary>
/// Accounts for admins: list and search, the Admin role given or taken, and locking. The last
/// admin who can sign in is never demoted or locked, and no admin locks their own account. Each
/// change runs in its own scope and transaction, serialized with every other change of admins, so
/// two admins demoting each other at once cannot leave the site without one.
/// </summary>
public sealed class AdminUsers(IDbContextFactory<AppDbContext> dbFactory, IServiceScopeFactory scopes, TimeProvider clock)
{
    private const string AdminsLock = "admin-accounts";

    public async Task<UserPage> PageAsync(string? search, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(text) || u.NormalizedEmail!.Contains(text));
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(u => u.NormalizedUserName)
            .Skip(Math.Max(0, page) * Math.Clamp(pageSize, 1, 200))
            .Take(Math.Clamp(pageSize, 1, 200))
            .Select(u => new UserRow(
                u.Id, u.UserName ?? u.Id, u.Email, u.CreatedAt,
                db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRole), u.LockoutEnd))
            .ToListAsync(ct);
        return new UserPage(rows, total);
    }

    public Task<UserChange> SetAdminAsync(string userId, bool admin, string actingUserId, CancellationToken ct = default) =>
        ChangeAsync(userId, async (users, user, activeAdmins) =>
        {
            var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
            if (isAdmin == admin)
            {
                return new UserChange(true);
            }

            if (!admin && activeAdmins <= 1 && !await users.IsLockedOutAsync(user))
            {
                return new UserChange(false, $"{user.UserName} is the only admin who can sign in; make another account admin first.");
            }

            var result = admin ? await users.AddToRoleAsync(user, Roles.Admin) : await users.RemoveFromRoleAsync(user, Roles.Admin);
            // The account's open sessions learn of it at once, not at their next revalidation.
            return Done(result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result);
        }, ct);

    public Task<UserChange> SetLockedAsync(string userId, bool locked, string actingUserId, CancellationToken ct = default) =>
        ChangeAsync(userId, async (users, user, activeAdmins) =>
        {
            if (locked && user.Id == actingUserId)
            {
                return new UserChange(false, "You cannot lock your own account.");
            }

            if (locked && activeAdmins <= 1 && await users.IsInRoleAsync(user, Roles.Admin) && !await users.IsLockedOutAsync(user))
            {
                return new UserChange(false, $"{user.UserName} is the only admin who can sign in, and cannot be locked.");
            }

            if (locked)
            {
                var enabled = await users.SetLockoutEnabledAsync(user, true);
                if (!enabled.Succeeded)
                {
                    return Done(enabled);
                }

                var result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                // Signs the account out everywhere: its cookies no longer validate.
                return Done(result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result);
            }

            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            return Done(unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(user) : unlocked);
        }, ct);

    private async Task<UserChange> ChangeAsync(
        string userId, Func<UserManager<AppUser>, AppUser, int, Task<UserChange>> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.LockKeyAsync(AdminsLock, ct);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new UserChange(false, "That account no longer exists.");
        }

        var now = clock.GetUtcNow();
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(ct);
        // Admins are few; their lockout ends are compared here (SQLite cannot compare DateTimeOffset in SQL).
        var lockouts = await db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRole))
            .Select(u => u.LockoutEnd).ToListAsync(ct);
        var activeAdmins = lockouts.Count(end => end is null || end <= now);
        var outcome = await change(users, user, activeAdmins);
        if (outcome.Done)
        {
            await tx.CommitAsync(ct);
        }

        return outcome;
    }

    private static UserChange Done(IdentityResult result) =>
        result.Succeeded ? new UserChange(true) : new UserChange(false, string.Join(" ", result.Errors.Select(e => e.Description)));
}
