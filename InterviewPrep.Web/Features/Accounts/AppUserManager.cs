using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using Microsoft.AspNetCore.Identity;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>
/// Identity's user manager with the lockout counted in the database, one atomic statement per change.
/// Identity's own counting reads the count, adds one in memory and saves the whole user with a
/// concurrency check; parallel failures then lose their increments silently (24 wrong passwords sent at
/// once left the count at 4 and the account unlocked). Here every change is an UPDATE on the row that
/// adds to the stored value, so requests in parallel, or in several processes, count exactly.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    AppDbContext db,
    TimeProvider clock)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private static readonly Lock PlaceholderLock = new();
    private static string? s_placeholderHash;

    /// <summary>
    /// Counts a failed attempt (a wrong two-factor code, say) and locks the account when it reaches
    /// the maximum. An account that is already locked is left as it is.
    /// </summary>
    /// <summary>Creates the account, stamped with the app's clock.</summary>
    public override Task<IdentityResult> CreateAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.CreatedAt = clock.UtcNow();
        return base.CreateAsync(user);
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var columns = Columns.Of(db);
        var row = await RunAsync(user, $"""
            UPDATE {columns.Table} SET
                {columns.Count} = CASE WHEN {columns.Count} + 1 >= @max THEN 0 ELSE {columns.Count} + 1 END,
                {columns.End} = CASE WHEN {columns.Count} + 1 >= @max THEN @end ELSE {columns.End} END,
                {columns.Stamp} = @stamp
            WHERE {columns.Id} = @id AND ({columns.End} IS NULL OR {columns.End} <= @now)
            RETURNING {columns.Returning}
            """,
            Parameter("@max", Options.Lockout.MaxFailedAccessAttempts),
            Parameter("@end", now.Add(Options.Lockout.DefaultLockoutTimeSpan)),
            Parameter("@now", now));
        if (row?.LockoutEnd > now && row.AccessFailedCount == 0)
        {
            Logger.LogWarning("Account {UserId} is locked out after {Count} failed attempts", user.Id, Options.Lockout.MaxFailedAccessAttempts);
        }

        return IdentityResult.Success;
    }

    /// <summary>Clears the failed-attempt count (and the lock its last attempt took while being checked) after a successful sign-in.</summary>
    public override async Task<IdentityResult> ResetAccessFailedCountAsync(AppUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        var columns = Columns.Of(db);
        await RunAsync(user, $"""
            UPDATE {columns.Table} SET {columns.Count} = 0, {columns.End} = NULL, {columns.Stamp} = @stamp
            WHERE {columns.Id} = @id
            RETURNING {columns.Returning}
            """);
        return IdentityResult.Success;
    }

    /// <summary>
    /// Counts a password attempt before its hash is checked, so that parallel guesses cannot outnumber
    /// the allowed failures. Returns the attempt's number (1 to the maximum), or null when the account
    /// is locked or the maximum number of attempts is already counted.
    /// </summary>
    public async Task<int?> TryStartAttemptAsync(AppUser user)
    {
        var now = clock.GetUtcNow();
        var columns = Columns.Of(db);
        // An expired lockout, or a count left at the maximum by an attempt that never finished,
        // starts the count again. The attempt that reaches the maximum locks the account in the same
        // statement (a right password takes the lock back), so no interruption can leave an account
        // counted full but never unlocked.
        var next = $"CASE WHEN {columns.End} IS NOT NULL OR {columns.Count} >= @max THEN 1 ELSE {columns.Count} + 1 END";
        var row = await RunAsync(user, $"""
            UPDATE {columns.Table} SET {columns.Count} = {next},
                {columns.End} = CASE WHEN {next} >= @max THEN @end ELSE NULL END,
                {columns.Stamp} = @stamp
            WHERE {columns.Id} = @id AND ({columns.End} IS NULL OR {columns.End} <= @now)
            RETURNING {columns.Returning}
            """,
            Parameter("@max", Options.Lockout.MaxFailedAccessAttempts),
            Parameter("@now", now),
            Parameter("@end", now.Add(Options.Lockout.DefaultLockoutTimeSpan)));
        return row?.AccessFailedCount;
    }

    /// <summary>Takes back an attempt counted by <see cref="TryStartAttemptAsync"/> whose password was right, and the lock it may have taken.</summary>
    public Task EndAttemptAsync(AppUser user)
    {
        var columns = Columns.Of(db);
        return RunAsync(user, $"""
            UPDATE {columns.Table} SET {columns.Count} = CASE WHEN {columns.Count} > 0 THEN {columns.Count} - 1 ELSE 0 END,
                {columns.End} = NULL, {columns.Stamp} = @stamp
            WHERE {columns.Id} = @id
            RETURNING {columns.Returning}
            """);
    }

    /// <summary>Locks the account for the lockout period and starts the count again.</summary>
    public async Task LockOutAsync(AppUser user)
    {
        var columns = Columns.Of(db);
        await RunAsync(user, $"""
            UPDATE {columns.Table} SET {columns.Count} = 0, {columns.End} = @end, {columns.Stamp} = @stamp
            WHERE {columns.Id} = @id
            RETURNING {columns.Returning}
            """,
            Parameter("@end", clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan)));
        Logger.LogWarning("Account {UserId} is locked out after {Count} failed attempts", user.Id, Options.Lockout.MaxFailedAccessAttempts);
    }

    /// <summary>
    /// Spends the work of one password check on a placeholder hash, so that an unknown email or an
    /// account without a password takes as long to refuse as a wrong password.
    /// </summary>
    public void VerifyPlaceholderPassword(string? password)
    {
        string hash;
        lock (PlaceholderLock)
        {
            hash = s_placeholderHash ??= PasswordHasher.HashPassword(new AppUser(), Guid.NewGuid().ToString("N"));
        }

        PasswordHasher.VerifyHashedPassword(new AppUser(), hash, password ?? "");
    }

    protected override async Task<PasswordVerificationResult> VerifyPasswordAsync(IUserPasswordStore<AppUser> store, AppUser user, string password)
    {
        if (await store.GetPasswordHashAsync(user, CancellationToken) is null)
        {
            VerifyPlaceholderPassword(password);
            return PasswordVerificationResult.Failed;
        }

        return await base.VerifyPasswordAsync(store, user, password);
    }

    /// <summary>Runs one statement on the user's row and copies what it returns onto the tracked user.</summary>
    private async Task<LockoutRow?> RunAsync(AppUser user, string sql, params DbParameter[] parameters)
    {
        var stamp = Guid.NewGuid().ToString();
        var rows = await db.Database
            .SqlQueryRaw<LockoutRow>(sql, [Parameter("@id", user.Id), Parameter("@stamp", stamp), .. parameters])
            .ToListAsync(CancellationToken);
        var row = rows.SingleOrDefault() ?? await db.Users.AsNoTracking()
            .Where(u => u.Id == user.Id)
            .Select(u => new LockoutRow { AccessFailedCount = u.AccessFailedCount, LockoutEnd = u.LockoutEnd, ConcurrencyStamp = u.ConcurrencyStamp })
            .SingleOrDefaultAsync(CancellationToken);
        if (row is not null)
        {
            Copy(user, row);
        }

        return rows.SingleOrDefault();
    }

    /// <summary>A parameter of the database's own kind (named <c>@name</c> on both SQLite and PostgreSQL).</summary>
    private DbParameter Parameter(string name, object value)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    /// <summary>The row's values become the user's current and original values, so a later save of the user neither undoes them nor conflicts.</summary>
    private void Copy(AppUser user, LockoutRow row)
    {
        var entry = db.Entry(user);
        var tracked = entry.State != EntityState.Detached;
        Set(entry.Property(u => u.AccessFailedCount), row.AccessFailedCount);
        Set(entry.Property(u => u.LockoutEnd), row.LockoutEnd);
        Set(entry.Property(u => u.ConcurrencyStamp), row.ConcurrencyStamp);

        void Set<T>(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry<AppUser, T> property, T value)
        {
            property.CurrentValue = value;
            if (tracked)
            {
                property.OriginalValue = value;
                property.IsModified = false;
            }
        }
    }

    private sealed class LockoutRow
    {
        public int AccessFailedCount { get; init; }

        public DateTimeOffset? LockoutEnd { get; init; }

        public string? ConcurrencyStamp { get; init; }
    }

    /// <summary>The users table's names, read from the model rather than spelled twice.</summary>
    private sealed record Columns(string Table, string Id, string Count, string End, string Stamp)
    {
        public string Returning => $"{Count} AS \"AccessFailedCount\", {End} AS \"LockoutEnd\", {Stamp} AS \"ConcurrencyStamp\"";

        public static Columns Of(AppDbContext db) => Read(db.Model.FindEntityType(typeof(AppUser))!);

        private static Columns Read(IEntityType users)
        {
            var table = StoreObjectIdentifier.Table(users.GetTableName()!, users.GetSchema());
            string Column(string property) => Quote(users.FindProperty(property)!.GetColumnName(table)!);
            return new Columns(
                Quote(table.Name), Column(nameof(AppUser.Id)), Column(nameof(AppUser.AccessFailedCount)),
                Column(nameof(AppUser.LockoutEnd)), Column(nameof(AppUser.ConcurrencyStamp)));
        }

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
