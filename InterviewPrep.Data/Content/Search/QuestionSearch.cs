using System.Net;
using System.Text;
using InterviewPrep.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content.Search;

/// <summary>A search hit: the question, where it lives, and highlighted snippets (safe HTML).</summary>
public sealed record SearchHit(string Id, string Text, string Channel, string SubChannel, Difficulty Difficulty, string TitleHtml, string SnippetHtml);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int Total);

/// <summary>
/// Full-text search over question, answer, explanation, tags and companies (SQLite FTS5, bm25
/// ranking with the question text weighted highest). Any text a person types is turned into a safe
/// query: words are quoted, the last one matches as a prefix, so FTS syntax never reaches SQLite.
/// </summary>
public sealed class QuestionSearch(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxTerms = 12;

    // The index's rank is bm25 with per-column weights, set by the migration: question 10,
    // answer 4, explanation 1, tags 6, companies 3.
    private const char Open = '\u0001';
    private const char Close = '\u0002';

    /// <param name="countAll">Count every match (for "N questions match"); suggestions do not need it.</param>
    /// <param name="asYouType">The last word is still being typed: match it as a prefix.</param>
    public async Task<SearchResults> SearchAsync(
        string? text, string? channel = null, Difficulty? difficulty = null, int limit = 20, int offset = 0,
        bool countAll = true, bool asYouType = false, CancellationToken ct = default)
    {
        var match = ToMatchExpression(text, asYouType);
        if (match is null)
        {
            return new SearchResults(text ?? "", [], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        // The index holds active questions only. Without filters the ranking is a pure FTS5 query,
        // which FTS5 answers fastest; filters join the questions table.
        var filters = new StringBuilder();
        if (channel is not null)
        {
            filters.Append(" AND q.channel = $channel");
        }

        if (difficulty is not null)
        {
            filters.Append(" AND q.difficulty = $difficulty");
        }

        var from = filters.Length == 0
            ? "FROM questionSearch WHERE questionSearch MATCH $match"
            : $"FROM questionSearch JOIN questions q ON q.rowid = questionSearch.rowid WHERE questionSearch MATCH $match{filters}";

        // Rank first, then highlight only the page of hits: snippets are cut for 20 rows, not all matches.
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH top AS (
                SELECT questionSearch.rowid AS hit, questionSearch.rank AS score
                {from}
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
        Bind(command, match, channel, difficulty);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);

        var hits = new List<SearchHit>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                hits.Add(new SearchHit(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    Vocabulary.Parse<Difficulty>(reader.GetString(4)),
                    Highlight(reader.GetString(5)),
                    Highlight(reader.GetString(6))));
            }
        }

        var total = hits.Count + offset;
        if (countAll && (hits.Count == limit || hits.Count == 0 && offset > 0))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) " + from;
            Bind(count, match, channel, difficulty);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new SearchResults(text!, hits, total);
    }

    private static void Bind(SqliteCommand command, string match, string? channel, Difficulty? difficulty)
    {
        command.Parameters.AddWithValue("$match", match);
        if (channel is not null)
        {
            command.Parameters.AddWithValue("$channel", channel);
        }

        if (difficulty is { } d)
        {
            command.Parameters.AddWithValue("$difficulty", Vocabulary.ToText(d));
        }
    }

    /// <summary>Rebuilds the index from the questions table (after a restore or a bulk change made outside the app).</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO questionSearch(questionSearch) VALUES ('rebuild');", ct);
        await OptimizeAsync(ct);
    }

    /// <summary>
    /// Merges the index's segments like <see cref="OptimizeAsync"/>, but a few hundred pages per
    /// step, each step its own short transaction, so the app's writes wait for one step at most
    /// (an import runs it while the app is serving).
    /// </summary>
    public async Task MergeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
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

    /// <summary>Merges the index's segments into one, which keeps searches fast after many writes (an import).</summary>
    public async Task OptimizeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO questionSearch(questionSearch) VALUES ('optimize');", ct);
    }

    /// <summary>
    /// Words of the text as quoted FTS5 strings, all required (stemmed, so "caching" finds "cache");
    /// as you type, the last one is a prefix: <c>load bal</c> → <c>"load" "bal"*</c>. Null when there
    /// is nothing to search for.
    /// </summary>
    public static string? ToMatchExpression(string? text, bool asYouType = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        if (words.Count == 0)
        {
            return null;
        }

        var endsInWord = asYouType && char.IsLetterOrDigit(text[^1]);
        if (endsInWord && words.Count > 1 && words[^1].Length == 1)
        {
            // One letter typed after a space would match a large part of the index: wait for the next.
            words.RemoveAt(words.Count - 1);
            endsInWord = false;
        }

        var terms = words.Take(MaxTerms).Select(w => $"\"{w}\"").ToList();
        if (endsInWord && words.Count <= MaxTerms && words[^1].Length >= 2)
        {
            terms[^1] += "*";
        }

        return string.Join(' ', terms);
    }

    /// <summary>Encodes the text, then turns the match markers into &lt;mark&gt;.</summary>
    private static string Highlight(string marked) =>
        WebUtility.HtmlEncode(marked).Replace(Open.ToString(), "<mark>", StringComparison.Ordinal).Replace(Close.ToString(), "</mark>", StringComparison.Ordinal);
}
