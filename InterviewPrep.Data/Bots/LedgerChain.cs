using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Bots;

/// <summary>What <see cref="LedgerChain.VerifyAsync"/> found: how many entries, and the first broken one with why.</summary>
public sealed record LedgerVerification(int Entries, int? BrokenEntryId, string? Problem)
{
    public bool Intact => BrokenEntryId is null;
}

/// <summary>
/// Makes the bot ledger tamper-evident. Each entry carries the SHA-256 of its content together with the
/// previous entry's hash, so changing an entry breaks its own hash, and removing or inserting one breaks
/// the link of the entry after it. The content is hashed in a canonical form (object keys sorted,
/// numbers as numbers, times to the millisecond), so it reads the same from SQLite's text and from
/// PostgreSQL's jsonb, which reorders keys.
/// </summary>
public static class LedgerChain
{
    /// <summary>
    /// Adds <paramref name="entry"/> to <paramref name="db"/> as the chain's next entry. Call it inside the
    /// transaction that makes the change it records; appends are serialized until that transaction ends.
    /// </summary>
    public static async Task<BotLedgerEntry> AppendAsync(AppDbContext db, BotLedgerEntry entry, CancellationToken ct = default)
    {
        await db.Database.LockKeyAsync("botLedger-chain", ct);
        var unsaved = db.ChangeTracker.Entries<BotLedgerEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).LastOrDefault();
        var previous = unsaved?.Hash
            ?? await db.BotLedger.AsNoTracking().OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct)
            ?? "";
        entry.CreatedAt = UtcIso.Truncate(entry.CreatedAt);
        entry.PreviousHash = previous;
        entry.Hash = HashOf(entry);
        db.BotLedger.Add(entry);
        return entry;
    }

    /// <summary>Walks the whole ledger in order and names the first entry whose hash or link does not hold.</summary>
    public static async Task<LedgerVerification> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        var previousHash = "";
        var previousId = (int?)null;
        var count = 0;
        await foreach (var entry in db.BotLedger.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.PreviousHash != previousHash)
            {
                return new LedgerVerification(count, entry.Id, previousId is null
                    ? "the first entry does not start the chain: entries before it were removed"
                    : $"it does not follow entry #{previousId}: an entry between them was removed or inserted, or #{previousId} was changed");
            }

            if (HashOf(entry) != entry.Hash)
            {
                return new LedgerVerification(count, entry.Id, "its content does not match its hash: it was changed after it was written");
            }

            previousHash = entry.Hash;
            previousId = entry.Id;
        }

        return new LedgerVerification(count, null, null);
    }

    /// <summary>The entry's hash: SHA-256 (hex) of its canonical content and the previous hash.</summary>
    public static string HashOf(BotLedgerEntry e)
    {
        var text = new StringBuilder()
            .Append(e.PreviousHash).Append('\n')
            .Append(e.BotName).Append('\n')
            .Append(e.Action).Append('\n')
            .Append(e.ItemType).Append('\n')
            .Append(e.ItemId).Append('\n')
            .Append(Canonical(e.BeforeState)).Append('\n')
            .Append(Canonical(e.AfterState)).Append('\n')
            .Append(e.Reason ?? "").Append('\n')
            .Append(e.RunId?.ToString(CultureInfo.InvariantCulture) ?? "").Append('\n')
            .Append(UtcIso.Format(e.CreatedAt))
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>JSON with object keys in ordinal order and numbers in one spelling: the same whatever stored it.</summary>
    public static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(first ? "" : ",").Append(JsonSerializer.Serialize(key)).Append(':');
                    Write(child, text);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Write(array[i], text);
                }

                text.Append(']');
                break;
            default:
                var value = node.AsValue();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.Number:
                        // From the number's JSON spelling: a value written from a double and one read from text compare alike.
                        var raw = value.ToJsonString();
                        text.Append(decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                            ? exact.ToString("G29", CultureInfo.InvariantCulture)
                            : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                        break;
                    case JsonValueKind.String:
                        text.Append(JsonSerializer.Serialize(value.GetValue<string>()));
                        break;
                    default:
                        text.Append(value.ToJsonString());
                        break;
                }

                break;
        }
    }
}
