using System.Text;
using InterviewPrep.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content.Search;

/// <summary>
/// SQLite's FTS5 table <c>questionSearch</c> over the active questions, kept in step by triggers.
/// Its rank is bm25 with per-column weights, set by the migration: question 10, answer 4,
/// explanation 1, tags 6, companies 3. Words are stemmed (porter), so "caching" finds "cache".
/// </summary>
public sealed class Fts5SearchIndex : ISearchIndex
{
    public static readonly Fts5SearchIndex Instance = new();

    private Fts5SearchIndex()
    {
    }

    /// <summary>
    /// The words as quoted FTS5 strings, all required; as you type, the last one is a prefix:
    /// <c>load bal</c> → <c>"load" "bal"*</c>.
    /// </summary>
    public static string MatchExpression(SearchTerms terms)
    {
        var quoted = terms.Words.Select(w => $"\"{w}\"").ToList();
        if (terms.LastIsPrefix)
        {
            quoted[^1] += "*";
        }

        return string.Join(terms.AnyWord ? " OR " : " ", quoted);
    }

    public async Task<IReadOnlyList<IndexHit>> SearchAsync(
        AppDbContext db, SearchTerms terms, string? channel, Difficulty? difficulty, int limit, int offset, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        // Rank first, then highlight only the page of hits: snippets are cut for 20 rows, not all matches.
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH top AS (
                SELECT questionSearch.rowid AS hit, questionSearch.rank AS score
                {From(channel, difficulty)}
                ORDER BY questionSearch.rank
                LIMIT $limit OFFSET $offset)
            SELECT q.id, q.question, q.channel, q.subChannel, q.difficulty,
                   highlight(questionSearch, 0, char(1), char(2)),
                   snippet(questionSearch, -1, char(1), char(2), '…', 24)
            FROM top
            JOIN questionSearch ON questionSearch.rowid = top.hit AND questionSearch MATCH $match
            JOIN questions q ON q.rowid = top.hit
            ORDER BY top.score
            """;
        Bind(command, terms, channel, difficulty);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);

        return await IndexHit.ReadAllAsync(command, ct);
    }

    public async Task<int> CountAsync(AppDbContext db, SearchTerms terms, string? channel, Difficulty? difficulty, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) " + From(channel, difficulty);
        Bind(count, terms, channel, difficulty);
        return Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task RebuildAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("INSERT INTO questionSearch(questionSearch) VALUES ('rebuild');", ct);
        await OptimizeAsync(db, ct);
    }

    /// <summary>Merges the index's segments a few hundred pages per step, each step its own short transaction.</summary>
    public async Task MergeAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var changes = db.Database.GetDbConnection().CreateCommand();
        changes.CommandText = "SELECT total_changes();";
        await using var merge = db.Database.GetDbConnection().CreateCommand();
        merge.CommandText = "INSERT INTO questionSearch(questionSearch, rank) VALUES ('merge', -200);";
        for (var step = 0; step < 100_000; step++)
        {
            var before = (long)(await changes.ExecuteScalarAsync(ct))!;
            await merge.ExecuteNonQueryAsync(ct);
            // A step with nothing left to merge changes nothing but the command's own row.
            if ((long)(await changes.ExecuteScalarAsync(ct))! - before <= 1)
            {
                return;
            }
        }
    }

    /// <summary>Merges the index's segments into one.</summary>
    public Task OptimizeAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("INSERT INTO questionSearch(questionSearch) VALUES ('optimize');", ct);

    /// <summary>
    /// The index holds active questions only. Without filters the ranking is a pure FTS5 query,
    /// which FTS5 answers fastest; filters join the questions table.
    /// </summary>
    private static string From(string? channel, Difficulty? difficulty)
    {
        var filters = new StringBuilder();
        if (channel is not null)
        {
            filters.Append(" AND q.channel = $channel");
        }

        if (difficulty is not null)
        {
            filters.Append(" AND q.difficulty = $difficulty");
        }

        return filters.Length == 0
            ? "FROM questionSearch WHERE questionSearch MATCH $match"
            : $"FROM questionSearch JOIN questions q ON q.rowid = questionSearch.rowid WHERE questionSearch MATCH $match{filters}";
    }

    private static void Bind(SqliteCommand command, SearchTerms terms, string? channel, Difficulty? difficulty)
    {
        command.Parameters.AddWithValue("$match", MatchExpression(terms));
        if (channel is not null)
        {
            command.Parameters.AddWithValue("$channel", channel);
        }

        if (difficulty is { } d)
        {
            command.Parameters.AddWithValue("$difficulty", Vocabulary.ToText(d));
        }
    }
}
