using System.Data.Common;
using System.Text;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content.Search;

/// <summary>
/// PostgreSQL's full-text search: the generated <c>tsvector</c> column <c>questions.searchvector</c>
/// (English stemming, so "caching" finds "cache"), with a GIN index over the active questions, both
/// made by the migration <c>QuestionSearch</c>. Weights: question A, tags B, answer and companies C,
/// explanation D, ranked 1.0, 0.6, 0.4 and 0.1 like the SQLite index's bm25 weights. Each word is
/// quoted for <c>websearch_to_tsquery</c>, so operators typed by a person ("or", "-", quotes) are
/// plain words, as they are on SQLite.
/// </summary>
public sealed class PostgreSqlSearchIndex : ISearchIndex
{
    public static readonly PostgreSqlSearchIndex Instance = new();

    private const string Weights = "'{0.1, 0.4, 0.6, 1.0}'";

    private PostgreSqlSearchIndex()
    {
    }

    public async Task<IReadOnlyList<IndexHit>> SearchAsync(
        AppDbContext db, SearchTerms terms, string? channel, Difficulty? difficulty, int limit, int offset, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // Rank first, then highlight only the page of hits.
            command.CommandText = $"""
                WITH query AS (SELECT {Query(terms)} AS q),
                top AS (
                    SELECT q.id, ts_rank({Weights}, q.searchvector, query.q, 1) AS score
                    FROM questions q, query
                    WHERE {Where(channel, difficulty)}
                    ORDER BY score DESC, q.id
                    LIMIT @limit OFFSET @offset)
                SELECT q.id, q.question, q.channel, q.subchannel, q.difficulty,
                       ts_headline('english', q.question, query.q, @title),
                       ts_headline('english', q.answer || ' ' || coalesce(q.explanation, ''), query.q, @snippet)
                FROM top JOIN questions q ON q.id = top.id, query
                ORDER BY top.score DESC, q.id
                """;
            Bind(command, terms, channel, difficulty);
            Add(command, "@limit", limit);
            Add(command, "@offset", offset);
            Add(command, "@title", $"StartSel={QuestionSearch.Open}, StopSel={QuestionSearch.Close}, HighlightAll=true");
            Add(command, "@snippet", $"StartSel={QuestionSearch.Open}, StopSel={QuestionSearch.Close}, MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=\" … \"");

            return await IndexHit.ReadAllAsync(command, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<int> CountAsync(AppDbContext db, SearchTerms terms, string? channel, Difficulty? difficulty, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT count(*) FROM questions q, (SELECT {Query(terms)} AS q) query WHERE {Where(channel, difficulty)}";
            Bind(command, terms, channel, difficulty);
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The column is generated from the row, so it is never stale: rebuilding is reindexing.</summary>
    public Task RebuildAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("REINDEX INDEX idx_questions_search;", ct);

    /// <summary>Moves the GIN index's pending entries (fast inserts) into the index proper.</summary>
    public Task MergeAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SELECT gin_clean_pending_list('idx_questions_search');", ct);

    /// <summary>Also refreshes the planner's statistics of the questions table.</summary>
    public async Task OptimizeAsync(AppDbContext db, CancellationToken ct)
    {
        await MergeAsync(db, ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE questions;", ct);
    }

    /// <summary>The words, each quoted, all required; the last one as a prefix when the person is still typing it.</summary>
    private static string Query(SearchTerms terms)
    {
        var whole = terms.LastIsPrefix ? terms.Words.Count - 1 : terms.Words.Count;
        var parts = new List<string>();
        if (whole > 0)
        {
            parts.Add("websearch_to_tsquery('english', @words)");
        }

        if (terms.LastIsPrefix)
        {
            parts.Add("to_tsquery('english', @prefix)");
        }

        return string.Join(terms.AnyWord ? " || " : " && ", parts);
    }

    private static string Where(string? channel, Difficulty? difficulty)
    {
        var where = new StringBuilder("q.status = 'active' AND q.searchvector @@ query.q");
        if (channel is not null)
        {
            where.Append(" AND q.channel = @channel");
        }

        if (difficulty is not null)
        {
            where.Append(" AND q.difficulty = @difficulty");
        }

        return where.ToString();
    }

    private static void Bind(DbCommand command, SearchTerms terms, string? channel, Difficulty? difficulty)
    {
        var whole = terms.LastIsPrefix ? terms.Words.Take(terms.Words.Count - 1) : terms.Words;
        // websearch_to_tsquery reads "or" between quoted words as OR: any of them.
        Add(command, "@words", string.Join(terms.AnyWord ? " or " : " ", whole.Select(w => $"\"{w}\"")));
        if (terms.LastIsPrefix)
        {
            // Letters and digits only (SearchTerms), so the word cannot carry tsquery syntax.
            Add(command, "@prefix", terms.Words[^1] + ":*");
        }

        if (channel is not null)
        {
            Add(command, "@channel", channel);
        }

        if (difficulty is { } d)
        {
            Add(command, "@difficulty", Vocabulary.ToText(d));
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
