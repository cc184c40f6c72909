using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content.Import;

/// <summary>
/// Imports the original system's exports (JSON files and folders, or a database in its Turso
/// schema) and our own starter content. Questions go through the <see cref="ContentChangeService"/>;
/// each file is one transaction, so a file is imported whole or not at all, while a bad row is
/// reported and skipped. Importing the same content again changes nothing.
/// </summary>
public sealed class ContentImporter(IDbContextFactory<AppDbContext> dbFactory, ContentChangeService changes, TimeProvider clock)
{
    private static readonly Dictionary<string, ImportKind> KnownFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["channels.json"] = ImportKind.Channels,
        ["relationships.json"] = ImportKind.Relationships,
        ["certifications.json"] = ImportKind.Certifications,
        ["learning-paths.json"] = ImportKind.LearningPaths,
        ["voice-sessions.json"] = ImportKind.VoiceSessions,
    };

    private static readonly string[] DatabaseExtensions = [".db", ".sqlite", ".sqlite3"];

    /// <summary>Imports files, folders and databases; the report says what happened to every row.</summary>
    public async Task<ImportReport> ImportAsync(
        IEnumerable<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var report = new ImportReport();
        var units = new List<ImportUnit>();
        foreach (var path in paths)
        {
            Discover(path, units, report);
        }

        // Questions before what refers to them; a stable sort keeps the files' own order.
        units = [.. units.OrderBy(u => u.Kind)];
        var run = new RunState();
        for (var i = 0; i < units.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var unit = units[i];
            progress?.Report(new ImportProgress(unit.Source, i + 1, units.Count, unit.Rows.Count));
            var file = report.Add(unit.Source);
            if (unit.Error is not null)
            {
                file.Fail(unit.Error);
                continue;
            }

            if (unit.Notice is not null)
            {
                file.Warnings.Add(unit.Notice);
            }

            if (unit.Rows.Count > 0)
            {
                await ApplyAsync(unit, file, run, ct);
            }
        }

        if (units.Any(u => u.Kind is ImportKind.Questions or ImportKind.Certifications && u.Error is null))
        {
            await MapCertificationQuestionsAsync(report, ct);
        }

        await OptimizeAsync(report, ct);
        return report;
    }

    private static void Discover(string path, List<ImportUnit> units, ImportReport report)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToList();
            var questionsFolder = Path.Combine(path, "questions");
            if (Directory.Exists(questionsFolder))
            {
                files.AddRange(Directory.GetFiles(questionsFolder, "*.json").Order(StringComparer.Ordinal));
            }

            var databases = DatabaseExtensions.SelectMany(ext => Directory.GetFiles(path, "*" + ext)).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0 && databases.Count == 0)
            {
                report.Add(path).Fail("the folder holds no .json export files and no database");
            }

            files.ForEach(f => Discover(f, units, report));
            databases.ForEach(f => Discover(f, units, report));
        }
        else if (File.Exists(path))
        {
            var name = Path.GetFileName(path);
            if (DatabaseExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            {
                units.AddRange(TursoSource.Read(path));
            }
            else
            {
                units.Add(ImportUnit.FromJsonFile(path, KnownFiles.GetValueOrDefault(name, ImportKind.Questions)));
            }
        }
        else
        {
            report.Add(path).Fail("no such file or folder");
        }
    }

    /// <summary>One file, one transaction: on any failure to save, the whole file is rolled back.</summary>
    private async Task ApplyAsync(ImportUnit unit, FileReport file, RunState run, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = new Dictionary<string, SeenQuestion>(StringComparer.Ordinal);
        try
        {
            switch (unit.Kind)
            {
                case ImportKind.Questions:
                    await ApplyQuestionsAsync(db, unit, file, run, pending, ct);
                    break;
                case ImportKind.ChannelMappings:
                    await ApplyChannelMappingsAsync(db, unit, file, ct);
                    break;
                case ImportKind.Channels:
                    await UpsertCatalogAsync(db, unit, file, run, (r, i) => RowParsers.Channel(r, i), c => c.Id, null, ct);
                    break;
                case ImportKind.Certifications:
                    await UpsertCatalogAsync(db, unit, file, run, (r, _) => RowParsers.Certification(r), c => c.Id, null, ct);
                    break;
                case ImportKind.LearningPaths:
                    var known = await KnownQuestionIdsAsync(db, ct);
                    await UpsertCatalogAsync(db, unit, file, run, (r, _) => RowParsers.LearningPath(r), p => p.Id,
                        p => CheckReferences(p.QuestionIds.Concat(p.Milestones?.SelectMany(m => m.QuestionIds ?? []) ?? []), known), ct);
                    break;
                case ImportKind.VoiceSessions:
                    var knownIds = await KnownQuestionIdsAsync(db, ct);
                    await UpsertCatalogAsync(db, unit, file, run, (r, _) => RowParsers.VoiceSession(r), s => s.Id,
                        s => CheckReferences(s.QuestionIds, knownIds), ct);
                    break;
                case ImportKind.Relationships:
                    await ApplyRelationshipsAsync(db, unit, file, ct);
                    break;
            }

            file.ReportUnread();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            changes.Committed();
            foreach (var (id, seen) in pending)
            {
                run.Questions[id] = seen;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            file.Fail($"the file could not be saved ({(e.InnerException ?? e).Message})");
        }
    }

    private async Task ApplyQuestionsAsync(
        AppDbContext db, ImportUnit unit, FileReport file, RunState run, Dictionary<string, SeenQuestion> pending, CancellationToken ct)
    {
        var parsed = new List<(int Index, RowReader Reader, RowParsers.ParsedQuestion? Question)>();
        for (var i = 0; i < unit.Rows.Count; i++)
        {
            if (unit.Rows[i] is not JsonObject row)
            {
                file.Reject($"row {i + 1}", "not a JSON object");
                continue;
            }

            var reader = new RowReader(row);
            try
            {
                parsed.Add((i, reader, RowParsers.Question(reader)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                file.Reject(reader.Label(i), $"could not be read ({e.Message})");
            }
        }

        var ids = parsed.Where(p => p.Question is not null).Select(p => p.Question!.Data.Id).Distinct().ToList();
        var existing = await db.Questions.Include(q => q.ChannelMappings)
            .Where(q => ids.Contains(q.Id))
            .ToDictionaryAsync(q => q.Id, StringComparer.Ordinal, ct);
        var source = new ChangeSource(HistoryEventSources.Import, unit.Source);

        foreach (var (index, reader, question) in parsed)
        {
            var label = reader.Label(index);
            file.NoteUnread(reader.UnreadFields());
            if (question is null)
            {
                file.Reject(label, string.Join("; ", reader.Errors));
                continue;
            }

            try
            {
                ApplyQuestion(db, file, run, pending, existing, source, label, reader, question);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or JsonException or NotSupportedException or OverflowException)
            {
                file.Reject(label, $"could not be stored ({e.Message})");
            }
        }
    }

    private void ApplyQuestion(
        AppDbContext db, FileReport file, RunState run, Dictionary<string, SeenQuestion> pending,
        Dictionary<string, Question> existing, ChangeSource source, string label, RowReader reader, RowParsers.ParsedQuestion question)
    {
        var current = existing.GetValueOrDefault(question.Data.Id);
        // On an update, fields the row does not carry keep their current values.
        var data = current is null ? question.Data : QuestionData.Overlay(QuestionData.FromEntity(current), question.Data, question.Fields);
        var fingerprint = Fingerprint(question.Data.ToSnapshot());
        if ((pending.GetValueOrDefault(data.Id) ?? run.Questions.GetValueOrDefault(data.Id)) is { } seen)
        {
            if (seen.Fingerprint == fingerprint)
            {
                file.Unchanged++;
                file.Warnings.Add($"{label}: repeats the same question from {seen.Source}");
            }
            else
            {
                file.Reject(label, $"conflict: id {data.Id} was already imported from {seen.Source} " +
                    $"(channel {seen.Channel}) with different content; neither overwrites the other");
            }

            return;
        }

        if (current is not null && current.Channel != data.Channel && current.Text != data.Text)
        {
            file.Reject(label, $"conflict: id {data.Id} already belongs to a different question in channel " +
                $"{current.Channel}; it was not overwritten");
            return;
        }

        file.Warnings.AddRange(reader.Warnings.Select(w => $"{label}: {w}"));
        var change = changes.Upsert(db, current, data, source);
        switch (change.Kind)
        {
            case ChangeKind.Created: file.Created++; break;
            case ChangeKind.Unchanged: file.Unchanged++; break;
            default: file.Updated++; break;
        }

        pending[data.Id] = new SeenQuestion(fingerprint, file.Source, data.Channel);
        if (question.ExtraMapping is { } extra
            && !(current?.ChannelMappings.Any(m => m.ChannelId == extra.ChannelId) ?? false))
        {
            db.ChannelMappings.Add(extra);
        }
    }

    private static async Task ApplyChannelMappingsAsync(AppDbContext db, ImportUnit unit, FileReport file, CancellationToken ct)
    {
        var known = await KnownQuestionIdsAsync(db, ct);
        var present = (await db.ChannelMappings.Select(m => new { m.QuestionId, m.ChannelId }).ToListAsync(ct))
            .Select(m => (m.QuestionId, m.ChannelId)).ToHashSet();
        foreach (var (row, index) in unit.Rows.Select((r, i) => (r, i)))
        {
            if (!TryRead(row, index, file, RowParsers.ChannelMapping, out var mapping, out var label))
            {
                continue;
            }

            if (!known.Contains(mapping.QuestionId))
            {
                file.Reject(label, $"unknown question {mapping.QuestionId}");
            }
            else if (!present.Add((mapping.QuestionId, mapping.ChannelId)))
            {
                file.Unchanged++;
            }
            else
            {
                db.ChannelMappings.Add(mapping);
                file.Created++;
            }
        }
    }

    private async Task ApplyRelationshipsAsync(AppDbContext db, ImportUnit unit, FileReport file, CancellationToken ct)
    {
        var known = await KnownQuestionIdsAsync(db, ct);
        var existing = await db.QuestionRelationships.ToDictionaryAsync(
            r => (r.SourceQuestionId, r.TargetQuestionId, r.RelationshipType), ct);
        foreach (var (row, index) in unit.Rows.Select((r, i) => (r, i)))
        {
            if (!TryRead(row, index, file, RowParsers.Relationship, out var relationship, out var label))
            {
                continue;
            }

            var missing = UnknownReferences([relationship.SourceQuestionId, relationship.TargetQuestionId], known);
            if (missing is not null)
            {
                file.Reject(label, missing);
                continue;
            }

            var key = (relationship.SourceQuestionId, relationship.TargetQuestionId, relationship.RelationshipType);
            if (existing.TryGetValue(key, out var current))
            {
                if (current.Strength == relationship.Strength)
                {
                    file.Unchanged++;
                }
                else
                {
                    current.Strength = relationship.Strength;
                    file.Updated++;
                }

                continue;
            }

            relationship.CreatedAt = relationship.CreatedAt == default ? Now() : relationship.CreatedAt;
            db.QuestionRelationships.Add(relationship);
            existing[key] = relationship;
            file.Created++;
        }
    }

    /// <summary>Creates or updates rows of a table keyed by id, comparing content to skip unchanged rows.</summary>
    private async Task UpsertCatalogAsync<T>(
        AppDbContext db, ImportUnit unit, FileReport file, RunState run, Func<RowReader, int, T?> parse, Func<T, string> key,
        Func<T, (string? Reject, string? Warning)>? validate, CancellationToken ct) where T : class
    {
        var existing = await db.Set<T>().ToDictionaryAsync(key, StringComparer.Ordinal, ct);
        foreach (var (row, index) in unit.Rows.Select((r, i) => (r, i)))
        {
            if (!TryRead(row, index, file, r => parse(r, index), out var incoming, out var label))
            {
                continue;
            }

            var id = key(incoming);
            var (problem, warning) = validate?.Invoke(incoming) ?? (null, null);
            if (problem is not null)
            {
                file.Reject(label, problem);
                continue;
            }

            if (warning is not null)
            {
                file.Warnings.Add($"{label}: {warning}");
            }

            string fingerprint;
            try
            {
                fingerprint = Fingerprint(JsonSerializer.SerializeToNode(incoming, JsonColumns.Options)!.AsObject());
            }
            catch (Exception e) when (e is ArgumentException or JsonException or NotSupportedException)
            {
                file.Reject(label, $"could not be stored ({e.Message})");
                continue;
            }

            if (run.Catalog.TryGetValue((unit.Kind, id), out var earlier))
            {
                if (earlier.Fingerprint == fingerprint)
                {
                    file.Unchanged++;
                }
                else
                {
                    file.Reject(label, $"conflict: id {id} was already imported from {earlier.Source} with different content; not overwritten");
                }

                continue;
            }

            run.Catalog[(unit.Kind, id)] = (fingerprint, $"{file.Source} {label}");
            var now = Now();
            if (!existing.TryGetValue(id, out var current))
            {
                SetTimestamps(db.Entry(incoming), null, now);
                db.Set<T>().Add(incoming);
                file.Created++;
                continue;
            }

            var currentPrint = Fingerprint(JsonSerializer.SerializeToNode(current, JsonColumns.Options)!.AsObject());
            if (currentPrint == fingerprint)
            {
                file.Unchanged++;
                continue;
            }

            var entry = db.Entry(current);
            var createdAt = entry.Metadata.FindProperty("CreatedAt") is null ? null : entry.Property("CreatedAt").CurrentValue;
            entry.CurrentValues.SetValues(incoming);
            SetTimestamps(entry, createdAt as DateTime?, now);
            file.Updated++;
        }
    }

    /// <summary>Keeps the first creation time; fills what an export left empty.</summary>
    private static void SetTimestamps(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, DateTime? createdAt, DateTime now)
    {
        foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(DateTime)))
        {
            var name = property.Metadata.Name;
            if (name == "CreatedAt" && createdAt is { } kept && kept != default)
            {
                property.CurrentValue = kept;
            }
            else if ((DateTime)property.CurrentValue! == default)
            {
                property.CurrentValue = now;
            }
        }
    }

    /// <summary>
    /// Certifications that name their channels get channel-mapping rows for the active questions of
    /// those channels, so "Get Certification Questions" finds them by the certification's id.
    /// </summary>
    private async Task MapCertificationQuestionsAsync(ImportReport report, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certifications = await db.Certifications.AsNoTracking()
            .Where(c => c.ChannelMappings != null)
            .ToListAsync(ct);
        if (certifications.Count == 0)
        {
            return;
        }

        var file = report.Add("certification channel mappings");
        try
        {
            await MapAsync(db, certifications, file, ct);
            changes.Committed();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            file.Fail($"the mappings could not be saved ({(e.InnerException ?? e).Message})");
        }
    }

    private static async Task MapAsync(AppDbContext db, List<Certification> certifications, FileReport file, CancellationToken ct)
    {
        foreach (var certification in certifications)
        {
            var present = (await db.ChannelMappings.Where(m => m.ChannelId == certification.Id)
                .Select(m => m.QuestionId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var mapping in certification.ChannelMappings!)
            {
                var questions = await db.Questions.AsNoTracking()
                    .Where(q => q.Channel == mapping.ChannelId && q.Status == QuestionStatus.Active)
                    .Select(q => new { q.Id, q.SubChannel })
                    .ToListAsync(ct);
                foreach (var q in questions.Where(q => mapping.SubChannels is not { Count: > 0 } s || s.Contains(q.SubChannel)))
                {
                    if (present.Add(q.Id))
                    {
                        db.ChannelMappings.Add(new ChannelMapping { ChannelId = certification.Id, SubChannel = q.SubChannel, QuestionId = q.Id });
                        file.Created++;
                    }
                    else
                    {
                        file.Unchanged++;
                    }
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// After bulk changes: refreshes SQLite's statistics, so queries keep their best plans, and
    /// merges the search index's segments, so searches stay fast.
    /// </summary>
    private async Task OptimizeAsync(ImportReport report, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite())
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", ct);
        if (report.ChangedAnything)
        {
            await new Search.QuestionSearch(dbFactory).OptimizeAsync(ct);
        }
    }

    private static bool TryRead<T>(
        JsonNode? row, int index, FileReport file, Func<RowReader, T?> parse,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value, out string label) where T : class
    {
        value = null;
        if (row is not JsonObject obj)
        {
            label = $"row {index + 1}";
            file.Reject(label, "not a JSON object");
            return false;
        }

        var reader = new RowReader(obj);
        label = reader.Label(index);
        try
        {
            value = parse(reader);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            file.Reject(label, $"could not be read ({e.Message})");
            return false;
        }

        file.NoteUnread(reader.UnreadFields());
        if (value is null)
        {
            file.Reject(label, string.Join("; ", reader.Errors));
            return false;
        }

        var rowLabel = label;
        file.Warnings.AddRange(reader.Warnings.Select(w => $"{rowLabel}: {w}"));
        return true;
    }

    private static async Task<HashSet<string>> KnownQuestionIdsAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Questions.Select(q => q.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Paths and sessions keep references to questions not (yet) imported, with a warning, so that a
    /// later import resolves them; one that references no known question at all is rejected.
    /// </summary>
    private static (string? Reject, string? Warning) CheckReferences(IEnumerable<string> ids, HashSet<string> known)
    {
        var all = ids.Distinct().ToList();
        var unknown = UnknownReferences(all, known);
        if (unknown is null)
        {
            return (null, null);
        }

        return all.Any(known.Contains)
            ? (null, unknown.Replace("; import those questions first", "; kept, they resolve when those questions are imported"))
            : ("none of its questions exist: " + unknown, null);
    }

    private static string? UnknownReferences(IEnumerable<string> ids, HashSet<string> known)
    {
        var unknown = ids.Where(id => !known.Contains(id)).Distinct().ToList();
        return unknown.Count == 0
            ? null
            : $"references {unknown.Count} unknown question{(unknown.Count == 1 ? "" : "s")} " +
              $"({string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? ", ..." : "")}); import those questions first";
    }

    /// <summary>Content without its timestamps, to tell a real change from a re-import.</summary>
    private static string Fingerprint(JsonObject snapshot)
    {
        foreach (var field in new[] { "createdAt", "lastUpdated", "lastGenerated" })
        {
            snapshot.Remove(field);
        }

        return snapshot.ToJsonString();
    }

    private DateTime Now() => UtcIso.Truncate(clock.GetUtcNow().UtcDateTime);

    private sealed record SeenQuestion(string Fingerprint, string Source, string Channel);

    private sealed class RunState
    {
        public Dictionary<string, SeenQuestion> Questions { get; } = new(StringComparer.Ordinal);

        public Dictionary<(ImportKind Kind, string Id), (string Fingerprint, string Source)> Catalog { get; } = [];
    }
}
