using System.Data;
using System.Reflection;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Providers;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InterviewPrep.Data.Learners;

/// <summary>
/// A table whose rows belong to one learner, and the column that names the learner (database names),
/// with the design's names of the table and its columns, which people read.
/// </summary>
public sealed record LearnerTable(
    Type ClrType, string Table, string LearnerColumn, string DesignTable, IReadOnlyDictionary<string, string> DesignColumns);

/// <summary>
/// The one list of learner-owned tables: every entity marked <see cref="LearnerOwnedAttribute"/>.
/// Purging anonymous learners, deleting an account and the personal-data download all work through
/// it, table by table, so a learner-owned table added later is covered by all three at once; merging
/// has a rule per table and a test that fails when one is missing.
/// </summary>
public static class LearnerData
{
    /// <summary>How many learner ids go into one statement (well below any provider's parameter limit).</summary>
    public const int BatchSize = 500;

    /// <summary>The learner-owned tables of a model, dependents before the tables they refer to.</summary>
    public static IReadOnlyList<LearnerTable> Tables(IModel model)
    {
        var owned = model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.GetTableName() is not null && e.ClrType.GetCustomAttribute<LearnerOwnedAttribute>() is not null)
            .ToList();
        // A table that references another learner-owned table is cleared first.
        int Depth(IEntityType e) => e.GetForeignKeys().Any(fk => owned.Contains(fk.PrincipalEntityType) && fk.PrincipalEntityType != e) ? 0 : 1;
        return owned
            .OrderBy(Depth)
            .ThenBy(e => e.GetTableName(), StringComparer.Ordinal)
            .Select(e =>
            {
                var attribute = e.ClrType.GetCustomAttribute<LearnerOwnedAttribute>()!;
                var property = e.FindProperty(attribute.LearnerProperty)
                    ?? throw new InvalidOperationException($"{e.ClrType.Name} names the learner property '{attribute.LearnerProperty}', which it does not have.");
                var designColumns = e.GetProperties().ToDictionary(
                    p => p.GetColumnName(), p => DesignName(p, p.GetColumnName()), StringComparer.OrdinalIgnoreCase);
                return new LearnerTable(e.ClrType, e.GetTableName()!, property.GetColumnName(), DesignName(e, e.GetTableName()!), designColumns);
            })
            .ToList();
    }

    /// <summary>
    /// Deletes every row of these learners from every learner-owned table, in batches of
    /// <see cref="BatchSize"/> ids, in the caller's transaction when there is one, and computes the
    /// learning paths' numbers again. Returns the rows deleted.
    /// </summary>
    public static async Task<int> DeleteAsync(AppDbContext db, IReadOnlyCollection<string> learnerIds, CancellationToken ct = default)
    {
        var deleted = 0;
        foreach (var batch in learnerIds.Chunk(BatchSize))
        {
            var names = string.Join(", ", batch.Select((_, i) => "{" + i + "}"));
            foreach (var table in Tables(db.Model))
            {
                // Table and column names come from the model, never from input; the ids are parameters.
#pragma warning disable EF1002
                deleted += await db.Database.ExecuteSqlRawAsync(
                    $"""DELETE FROM "{table.Table}" WHERE "{table.LearnerColumn}" IN ({names})""", batch.Cast<object>(), ct);
#pragma warning restore EF1002
            }
        }

        if (deleted > 0)
        {
            // Paths count their learners: those gone no longer count.
            await PathNumbers.RecomputeAsync(db, null, ct);
        }

        return deleted;
    }

    private static string DesignName(IReadOnlyAnnotatable item, string name) =>
        item.FindAnnotation(AppDbContext.DesignNameAnnotation)?.Value as string ?? name;

    /// <summary>
    /// Everything a learner owns, table by table, each row as column name and value (JSON columns
    /// as their text), for the personal-data download. Tables and columns carry the design's names
    /// on every database.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>> ExportAsync(
        AppDbContext db, string learnerId, CancellationToken ct = default)
    {
        var result = new SortedDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            foreach (var table in Tables(db.Model))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = $"""SELECT * FROM "{table.Table}" WHERE "{table.LearnerColumn}" = @learner""";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@learner";
                parameter.Value = learnerId;
                command.Parameters.Add(parameter);
                var rows = new List<IReadOnlyDictionary<string, object?>>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        row[table.DesignColumns.GetValueOrDefault(reader.GetName(i), reader.GetName(i))] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    }

                    rows.Add(row);
                }

                result[table.DesignTable] = rows;
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return result;
    }

    /// <summary>
    /// Records that a learner wrote something now: creates their <c>learners</c> row or moves its
    /// <c>lastActiveAt</c> forward, in one statement, so concurrent first writes cannot collide.
    /// </summary>
    public static Task TouchAsync(AppDbContext db, string learnerId, DateTime now, CancellationToken ct = default) =>
        db.Database.ExecuteSqlAsync(TouchSql(db, learnerId, now), ct);

    /// <inheritdoc cref="TouchAsync"/>
    public static void Touch(AppDbContext db, string learnerId, DateTime now) => db.Database.ExecuteSql(TouchSql(db, learnerId, now));

    // Unquoted names: SQLite matches them case-insensitively and PostgreSQL folds them to its lower-case names.
    private static FormattableString TouchSql(AppDbContext db, string learnerId, DateTime now)
    {
        var at = db.Database.TimeValue(now);
        return $"""
            INSERT INTO learners (learnerId, createdAt, lastActiveAt) VALUES ({learnerId}, {at}, {at})
            ON CONFLICT (learnerId) DO UPDATE SET lastActiveAt = excluded.lastActiveAt
            WHERE excluded.lastActiveAt > learners.lastActiveAt
            """;
    }

    /// <summary>The learner a tracked row belongs to, or null when the entity is not learner-owned.</summary>
    public static string? LearnerOf(object entity)
    {
        var attribute = entity.GetType().GetCustomAttribute<LearnerOwnedAttribute>();
        return attribute is null ? null : entity.GetType().GetProperty(attribute.LearnerProperty)?.GetValue(entity) as string;
    }
}
