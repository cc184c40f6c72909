using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>A bot's mode and whether its schedule is paused, as an admin left them (or its defaults).</summary>
public sealed record BotChoice(BotMode Mode, bool Paused, DateTime? UpdatedAt, string? UpdatedBy);

/// <summary>The admins' choices per bot (<c>botSettings</c>): publish or propose, paused or not.</summary>
public sealed class BotSettings(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<BotChoice> OfAsync(IBot bot, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.BotSettings.AsNoTracking().SingleOrDefaultAsync(s => s.BotName == bot.Name, ct);
        return row is null ? new BotChoice(bot.DefaultMode, false, null, null) : new BotChoice(row.Mode, row.Paused, row.UpdatedAt, row.UpdatedBy);
    }

    public async Task<IReadOnlyDictionary<string, BotChoice>> AllAsync(IEnumerable<IBot> bots, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.BotSettings.AsNoTracking().ToDictionaryAsync(s => s.BotName, StringComparer.Ordinal, ct);
        return bots.ToDictionary(
            b => b.Name,
            b => rows.TryGetValue(b.Name, out var r) ? new BotChoice(r.Mode, r.Paused, r.UpdatedAt, r.UpdatedBy) : new BotChoice(b.DefaultMode, false, null, null),
            StringComparer.Ordinal);
    }

    public async Task SetAsync(IBot bot, BotMode mode, bool paused, string admin, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.BotSettings.SingleOrDefaultAsync(s => s.BotName == bot.Name, ct);
        if (row is null)
        {
            row = new BotSetting { BotName = bot.Name };
            db.BotSettings.Add(row);
        }

        (row.Mode, row.Paused, row.UpdatedAt, row.UpdatedBy) = (mode, paused, clock.GetUtcNow().UtcDateTime, admin);
        await db.SaveChangesAsync(ct);
    }
}
