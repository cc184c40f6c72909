using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Data.Content.Import;

/// <summary>
/// Imports the original system's exports (JSON files and folders, or a database in its Turso
/// schema) and our own starter content. Questions go through the <see cref="ContentChangeService"/>.
/// A file is first checked whole (size, JSON syntax, shape), so a file that cannot be read imports
/// nothing; it is then streamed and saved in chunks of <see cref="ImportOptions.ChunkRows"/> rows,
/// one transaction each, so the app's own writes never wait for a whole file. A bad row is
/// reported and skipped. Importing the same content again changes nothing, which also makes a
/// re-run complete a file whose save failed partway.
/// </summary>
public sealed class ContentImporter(
    IDbContextFactory<AppDbContext> dbFactory, ContentChangeService changes, TimeProvider clock, IOptions<ImportOptions>? options = null)
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

    private readonly ImportOptions _options = options?.Value ?? new ImportOptions();

    /// <summary>
    /// Imports files, folders and databases; the report says what happened to every row. With
    /// <paramref name="upload"/>, the files are an admin's upload in a folder of their own: the
    /// report and history name them without that folder, and history says who uploaded them.
    /// </summary>
    public async Task<ImportReport> ImportAsync(
        IEnumerable<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken ct = default, ImportUpload? upload = null)
    {
        var report = new ImportReport();
        var units = new List<ImportUnit>();
        foreach (var path in paths)
        {
            Discover(path, units, report);
        }

        if (upload is not null)
        {
            units.ForEach(u => u.Source = upload.Name(u.Source));
            report.Files.ForEach(f => f.Source = upload.Name(f.Source));
        }

        // Questions before what refers to them; a stable sort keeps the files' own order.
        units = [.. units.OrderBy(u => u.Kind)];
        var run = new RunState { UploadedBy = upload?.UploadedBy };
        var mapCertifications = false;
        var learningPaths = false;
        for (var i = 0; i < units.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var unit = units[i];
            var file = report.Add(unit.Source);
            if (unit.Notice is not null)
            {
                file.Warnings.Add(unit.Notice);
            }

            var check = await unit.CheckAsync(ct);
            progress?.Report(new ImportProgress(unit.Source, i + 1, units.Count, check.Rows));
            if (check.Error is not null)
            {
                file.Fail(check.Error);
                continue;
            }

            file.Rows = check.Rows;
            mapCertifications |= unit.Kind is ImportKind.Questions or ImportKind.Certifications;
            learningPaths |= unit.Kind is ImportKind.LearningPaths;
            if (check.Rows > 0)
            {
                await ApplyAsync(unit, file, run, ct);
            }
        }

        if (mapCertifications)
        {
            await MapCertificationQuestionsAsync(report, ct);
            await FeedEmptyCertificationsAsync(report, ct);
            await AssignDomainsAsync(report, ct);
        }

        if (learningPaths)
        {
            await RecomputePathNumbersAsync(report, ct);
        }

        if (upload is not null)
        {
            report.Files.ForEach(f => f.Source = upload.Name(f.Source));
        }

        await OptimizeAsync(report, ct);
        return report;
    }

    private void Discover(string path, List<ImportUnit> units, ImportReport report)
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
                units.Add(ImportUnit.FromJsonFile(path, KnownFiles.GetValueOrDefault(name, ImportKind.Questions), _options.MaxFileBytes));
            }
        }
        else
        {
            report.Add(path).Fail("no such file or folder");
        }
    }

    /// <summary>Streams a checked unit into the database, one transaction per chunk of rows.</summary>
    private async Task ApplyAsync(ImportUnit unit, FileReport file, RunState run, CancellationToken ct)
    {
        var rows = await StartAsync(unit, run, ct);
        var chunk = new List<(int Index, JsonNode? Row)>(_options.ChunkRows);
        var index = 0;
        try
        {
            await foreach (var row in unit.ReadAsync(ct))
            {
                chunk.Add((index++, row));
                if (chunk.Count == _options.ChunkRows)
                {
                    if (!await SaveChunkAsync(rows, chunk, file, ct))
                    {
                        return;
                    }

                    chunk.Clear();
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Checked whole before, so the source changed while it was imported.
            file.FailAt(file.Save(), $"it could not be read past row {index} ({e.Message})");
            return;
        }

        if (chunk.Count > 0 && !await SaveChunkAsync(rows, chunk, file, ct))
        {
            return;
        }

        rows.Finish(file);
        file.ReportUnread();
    }

    /// <summary>
    /// One chunk, one transaction. The write lock is held only while the chunk is written: rows are
    /// parsed before, and questions are compared and staged before too, then checked again under
    /// the lock and staged anew in the rare case that someone changed them in between.
    /// </summary>
    private async Task<bool> SaveChunkAsync(UnitRows rows, List<(int Index, JsonNode? Row)> chunk, FileReport file, CancellationToken ct)
    {
        var mark = file.Save();
        try
        {
            rows.Prepare(chunk, file);
            var prepared = file.Save();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (rows.StagesBeforeLock)
            {
                await rows.ApplyAsync(db, file, ct);
                db.ChangeTracker.DetectChanges();
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!rows.StagesBeforeLock)
            {
                await rows.ApplyAsync(db, file, ct);
            }
            else if (!await rows.UnchangedSinceStagedAsync(db, ct))
            {
                file.Restore(prepared);
                db.ChangeTracker.Clear();
                await rows.ApplyAsync(db, file, ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            file.FailAt(mark, $"rows {chunk[0].Index + 1} to {chunk[^1].Index + 1} could not be saved ({(e.InnerException ?? e).Message})");
            return false;
        }

        changes.Committed();
        rows.Committed();
        file.RowsDone += chunk.Count;
        return true;
    }

    /// <summary>What a unit needs across its chunks, read before its first chunk.</summary>
    private async Task<UnitRows> StartAsync(ImportUnit unit, RunState run, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        switch (unit.Kind)
        {
            case ImportKind.Questions:
                var difficulties = await db.Certifications.AsNoTracking()
                    .ToDictionaryAsync(c => c.Id, c => c.Difficulty, StringComparer.Ordinal, ct);
                return new QuestionRows(this, run, new ChangeSource(HistoryEventSources.Import, unit.Source, run.UploadedBy is { } by ? $"uploaded by {by}" : null),
                    new DifficultyInference(unit.Source, difficulties));
            case ImportKind.ChannelMappings:
                var present = (await db.ChannelMappings.AsNoTracking().Select(m => new { m.QuestionId, m.ChannelId }).ToListAsync(ct))
                    .Select(m => (m.QuestionId, m.ChannelId)).ToHashSet();
                return new ChannelMappingRows(await KnownQuestionIdsAsync(db, ct), present);
            case ImportKind.Relationships:
                var relationships = await db.QuestionRelationships.AsNoTracking().ToDictionaryAsync(
                    r => (r.SourceQuestionId, r.TargetQuestionId, r.RelationshipType), ct);
                return new RelationshipRows(this, await KnownQuestionIdsAsync(db, ct), relationships);
            case ImportKind.Channels:
                return new CatalogRows<Channel>(this, unit.Kind, run, (r, i) => RowParsers.Channel(r, i), c => c.Id, null);
            case ImportKind.Certifications:
                return new CatalogRows<Certification>(this, unit.Kind, run, (r, _) => RowParsers.Certification(r), c => c.Id, null);
            case ImportKind.LearningPaths:
                var references = new ReferenceCheck("learning paths", await KnownQuestionIdsAsync(db, ct));
                return new CatalogRows<LearningPath>(this, unit.Kind, run, (r, _) => RowParsers.LearningPath(r), p => p.Id,
                    references, p => p.QuestionIds.Concat(p.Milestones?.SelectMany(m => m.QuestionIds ?? []) ?? []));
            case ImportKind.VoiceSessions:
                var sessionReferences = new ReferenceCheck("voice sessions", await KnownQuestionIdsAsync(db, ct));
                return new CatalogRows<VoiceSession>(this, unit.Kind, run, (r, _) => RowParsers.VoiceSession(r), s => s.Id,
                    sessionReferences, s => s.QuestionIds);
            default:
                throw new InvalidOperationException($"{unit.Kind} has no rows to import.");
        }
    }

    private void ApplyQuestion(
        AppDbContext db, FileReport file, RunState run, Dictionary<string, SeenQuestion> pending, Dictionary<string, Question> existing,
        ChangeSource source, CertificationRules rules, string label, RowReader reader, RowParsers.ParsedQuestion question, InferredValue? inferred)
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
        if (current is null && inferred is not null)
        {
            // An update keeps the current difficulty; only a new question gets an inferred one.
            file.Warnings.Add($"{label}: no difficulty; {inferred.Value} was inferred ({inferred.From})");
            source = source with { Metadata = new ImportHistoryMetadata([inferred]).ToJson() };
        }

        var change = changes.Upsert(db, current, data, source, rules);
        switch (change.Kind)
        {
            case ChangeKind.Created: file.Created++; break;
            case ChangeKind.Unchanged: file.Unchanged++; break;
            default: file.Updated++; break;
        }

        pending[data.Id] = new SeenQuestion(fingerprint, file.Source, data.Channel);
        if (question.ExtraMapping is { } extra)
        {
            // The row's own certification and domain win over a mapping the rules just made.
            var tracked = current ?? db.Questions.Local.First(q => q.Id == data.Id);
            var mapped = tracked.ChannelMappings.FirstOrDefault(m => m.ChannelId == extra.ChannelId);
            if (mapped is null)
            {
                tracked.ChannelMappings.Add(extra);
            }
            else if (db.Entry(mapped).State == EntityState.Added)
            {
                mapped.SubChannel = extra.SubChannel;
            }
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
    /// those channels, so "Get Certification Questions" finds them by the certification's id. Imported
    /// questions are mapped as they are written; this maps those that were here before a certification.
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
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            file.FailAt(file.Save(), $"the mappings could not be saved ({(e.InnerException ?? e).Message})");
        }
    }

    /// <summary>Certifications with no questions of their own draw from the channels that match them (<see cref="Certifications.CertificationFeeds"/>).</summary>
    private async Task FeedEmptyCertificationsAsync(ImportReport report, CancellationToken ct)
    {
        try
        {
            var feeds = new Certifications.CertificationFeeds(dbFactory, new Certifications.CertificationDomains(dbFactory));
            foreach (var run in await feeds.FeedEmptyAsync(ct))
            {
                report.Notes.Add(run.Channels.Count == 0
                    ? $"{run.CertificationId}: no questions of its own and no channel matches it; choose its channels in the certification editor"
                    : $"{run.CertificationId}: no questions of its own; {run.Mapped} questions from {string.Join(", ", run.Channels.Select(c => c.ChannelId))}");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            report.Add("certification channels").Fail(
                $"certifications without questions could not be given channels ({(e.InnerException ?? e).Message}); run `certifications feed` to try again");
        }
    }

    /// <summary>An updated path keeps the numbers of its learners: they are computed again from the enrolments and ratings.</summary>
    private async Task RecomputePathNumbersAsync(ImportReport report, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await Learners.PathNumbers.RecomputeAsync(db, null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            report.Add("learning path numbers").Fail($"the paths' popularity and ratings could not be computed ({(e.InnerException ?? e).Message})");
        }
    }

    /// <summary>Questions new to a certification are placed in its domains; those already placed stay.</summary>
    private async Task AssignDomainsAsync(ImportReport report, CancellationToken ct)
    {
        try
        {
            foreach (var run in await new Certifications.CertificationDomains(dbFactory).AssignAllAsync(onlyUnassigned: true, ct))
            {
                if (run.Changed > 0)
                {
                    report.Notes.Add($"{run.CertificationId}: {run.Changed} of {run.Questions} questions placed in its domains ({run.General} general)");
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            report.Add("certification domains").Fail(
                $"the domains could not be assigned ({(e.InnerException ?? e).Message}); run `certifications assign` to try again");
        }
    }

    /// <summary>Saves every <see cref="ImportOptions.ChunkRows"/> new mappings, each save its own short transaction.</summary>
    private async Task MapAsync(AppDbContext db, List<Certification> certifications, FileReport file, CancellationToken ct)
    {
        var added = 0;
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
                    // Most are there already: the questions brought their mappings with them (CertificationRules).
                    if (!present.Add(q.Id))
                    {
                        continue;
                    }

                    db.ChannelMappings.Add(new ChannelMapping { ChannelId = certification.Id, SubChannel = q.SubChannel, QuestionId = q.Id });
                    if (++added % _options.ChunkRows == 0)
                    {
                        await SaveMappingsAsync(db, file, ct);
                    }
                }
            }
        }

        await SaveMappingsAsync(db, file, ct);
    }

    private async Task SaveMappingsAsync(AppDbContext db, FileReport file, CancellationToken ct)
    {
        var saved = await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        file.Created += saved;
        file.RowsDone += saved;
        if (saved > 0)
        {
            changes.Committed();
        }
    }

    /// <summary>
    /// After bulk changes: refreshes SQLite's statistics, so queries keep their best plans, and
    /// merges the search index's segments, so searches stay fast; both in short steps.
    /// </summary>
    private async Task OptimizeAsync(ImportReport report, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            // A bounded ANALYZE: statistics without reading whole tables under the write lock.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 400; PRAGMA optimize;", ct);
        }

        if (report.ChangedAnything)
        {
            await new Search.QuestionSearch(dbFactory).MergeAsync(ct);
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

    /// <summary>Every question id, held in memory: checking references never sends a list to SQL.</summary>
    private static async Task<HashSet<string>> KnownQuestionIdsAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Questions.AsNoTracking().Select(q => q.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    private static string? UnknownReferences(IEnumerable<string> ids, HashSet<string> known)
    {
        var unknown = ids.Where(id => !known.Contains(id)).Distinct().ToList();
        return unknown.Count == 0
            ? null
            : $"references {unknown.Count} unknown question{(unknown.Count == 1 ? "" : "s")} " +
              $"({string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? ", ..." : "")}); import those questions first";
    }

    /// <summary>
    /// A hash of the content without its timestamps, to tell a real change from a re-import. A run
    /// keeps one per imported row, so it is short whatever the size of the row.
    /// </summary>
    private static string Fingerprint(JsonObject snapshot)
    {
        foreach (var field in new[] { "createdAt", "lastUpdated", "lastGenerated" })
        {
            snapshot.Remove(field);
        }

        return Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(snapshot)));
    }

    private DateTime Now() => clock.UtcNow();

    private sealed record SeenQuestion(string Fingerprint, string Source, string Channel);

    private sealed class RunState
    {
        public Dictionary<string, SeenQuestion> Questions { get; } = new(StringComparer.Ordinal);

        public string? UploadedBy { get; init; }

        public Dictionary<(ImportKind Kind, string Id), (string Fingerprint, string Source)> Catalog { get; } = [];
    }

    /// <summary>How the rows of one kind are applied, chunk by chunk.</summary>
    private abstract class UnitRows
    {
        /// <summary>Outside any transaction: reads and checks the chunk's rows.</summary>
        public abstract void Prepare(List<(int Index, JsonNode? Row)> chunk, FileReport file);

        /// <summary>Inside the chunk's transaction: looks up what exists and stages the changes.</summary>
        public abstract Task ApplyAsync(AppDbContext db, FileReport file, CancellationToken ct);

        /// <summary>
        /// True when <see cref="ApplyAsync"/> may run before the transaction begins, followed by
        /// <see cref="UnchangedSinceStagedAsync"/> under the lock.
        /// </summary>
        public virtual bool StagesBeforeLock => false;

        /// <summary>Under the lock: whether what <see cref="ApplyAsync"/> read is still what the database holds.</summary>
        public virtual Task<bool> UnchangedSinceStagedAsync(AppDbContext db, CancellationToken ct) => Task.FromResult(true);

        /// <summary>After the chunk's commit.</summary>
        public virtual void Committed()
        {
        }

        /// <summary>After the last chunk: what the report says about the whole file.</summary>
        public virtual void Finish(FileReport file)
        {
        }
    }

    private sealed class QuestionRows(ContentImporter importer, RunState run, ChangeSource source, DifficultyInference difficulties) : UnitRows
    {
        private readonly List<(string Label, RowReader Reader, RowParsers.ParsedQuestion Question, InferredValue? Inferred)> _rows = [];
        private readonly Dictionary<string, SeenQuestion> _pending = new(StringComparer.Ordinal);

        public override void Prepare(List<(int Index, JsonNode? Row)> chunk, FileReport file)
        {
            _rows.Clear();
            _pending.Clear();
            foreach (var (index, node) in chunk)
            {
                if (node is not JsonObject row)
                {
                    file.Reject($"row {index + 1}", "not a JSON object");
                    continue;
                }

                var reader = new RowReader(row);
                var label = reader.Label(index);
                RowParsers.ParsedQuestion? question;
                try
                {
                    question = RowParsers.Question(reader);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    file.Reject(label, $"could not be read ({e.Message})");
                    continue;
                }

                file.NoteUnread(reader.UnreadFields());
                if (question is null)
                {
                    file.Reject(label, string.Join("; ", reader.Errors));
                    continue;
                }

                InferredValue? inferred = null;
                if (!question.DifficultyGiven)
                {
                    (var difficulty, inferred) = difficulties.Infer(question.Data.Channel);
                    question = question with { Data = question.Data with { Difficulty = difficulty } };
                }

                _rows.Add((label, reader, question, inferred));
            }
        }

        private List<string> _ids = [];
        private Dictionary<string, DateTime> _staged = [];

        public override bool StagesBeforeLock => true;

        public override async Task ApplyAsync(AppDbContext db, FileReport file, CancellationToken ct)
        {
            _pending.Clear();
            // At most one chunk of ids, so the list stays far below SQLite's parameter limit.
            _ids = _rows.Select(r => r.Question.Data.Id).Distinct().ToList();
            var existing = await db.Questions.Include(q => q.ChannelMappings)
                .Where(q => _ids.Contains(q.Id))
                .ToDictionaryAsync(q => q.Id, StringComparer.Ordinal, ct);
            _staged = existing.ToDictionary(e => e.Key, e => e.Value.LastUpdated, StringComparer.Ordinal);
            var rules = await CertificationRules.LoadAsync(db, ct);
            foreach (var (label, reader, question, inferred) in _rows)
            {
                try
                {
                    importer.ApplyQuestion(db, file, run, _pending, existing, source, rules, label, reader, question, inferred);
                }
                catch (Exception e) when (e is ArgumentException or FormatException or JsonException or NotSupportedException or OverflowException)
                {
                    file.Reject(label, $"could not be stored ({e.Message})");
                }
            }
        }

        /// <summary>Every change through the content-change path moves a question's lastUpdated.</summary>
        public override async Task<bool> UnchangedSinceStagedAsync(AppDbContext db, CancellationToken ct)
        {
            var ids = _ids.ToArray();
            await db.Database.LockForUpdateAsync($"SELECT id FROM questions WHERE id = ANY({ids}) FOR UPDATE", ct);
            var now = await db.Questions.AsNoTracking()
                .Where(q => _ids.Contains(q.Id))
                .Select(q => new { q.Id, q.LastUpdated })
                .ToListAsync(ct);
            return now.Count == _staged.Count
                && now.All(q => _staged.TryGetValue(q.Id, out var staged) && staged == q.LastUpdated);
        }

        public override void Committed()
        {
            foreach (var (id, seen) in _pending)
            {
                run.Questions[id] = seen;
            }
        }
    }

    private sealed class ChannelMappingRows(HashSet<string> known, HashSet<(string QuestionId, string ChannelId)> present) : UnitRows
    {
        private List<(int Index, JsonNode? Row)> _chunk = [];

        public override void Prepare(List<(int Index, JsonNode? Row)> chunk, FileReport file) => _chunk = chunk;

        public override Task ApplyAsync(AppDbContext db, FileReport file, CancellationToken ct)
        {
            foreach (var (index, row) in _chunk)
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

            return Task.CompletedTask;
        }
    }

    private sealed class RelationshipRows(
        ContentImporter importer, HashSet<string> known,
        Dictionary<(string, string, string), QuestionRelationship> existing) : UnitRows
    {
        private List<(int Index, JsonNode? Row)> _chunk = [];

        public override void Prepare(List<(int Index, JsonNode? Row)> chunk, FileReport file) => _chunk = chunk;

        public override Task ApplyAsync(AppDbContext db, FileReport file, CancellationToken ct)
        {
            foreach (var (index, row) in _chunk)
            {
                if (!TryRead(row, index, file, RowParsers.Relationship, out var relationship, out var label))
                {
                    continue;
                }

                // Relationships are foreign keys: both questions must exist.
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
                        continue;
                    }

                    if (db.Entry(current).State == EntityState.Detached)
                    {
                        db.QuestionRelationships.Attach(current);
                    }

                    current.Strength = relationship.Strength;
                    file.Updated++;
                    continue;
                }

                relationship.CreatedAt = relationship.CreatedAt == default ? importer.Now() : relationship.CreatedAt;
                db.QuestionRelationships.Add(relationship);
                existing[key] = relationship;
                file.Created++;
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Rows of a table keyed by id, compared by content to skip unchanged rows.</summary>
    private sealed class CatalogRows<T>(
        ContentImporter importer, ImportKind kind, RunState run, Func<RowReader, int, T?> parse, Func<T, string> key,
        ReferenceCheck? references, Func<T, IEnumerable<string>>? referencesOf = null) : UnitRows where T : class
    {
        private readonly List<(string Label, T Row, string Fingerprint)> _rows = [];

        public override void Prepare(List<(int Index, JsonNode? Row)> chunk, FileReport file)
        {
            _rows.Clear();
            foreach (var (index, row) in chunk)
            {
                if (!TryRead(row, index, file, r => parse(r, index), out var incoming, out var label))
                {
                    continue;
                }

                if (references is not null)
                {
                    references.Check(label, referencesOf!(incoming), file);
                }

                try
                {
                    _rows.Add((label, incoming, Fingerprint(JsonSerializer.SerializeToNode(incoming, JsonColumns.Options)!.AsObject())));
                }
                catch (Exception e) when (e is ArgumentException or JsonException or NotSupportedException)
                {
                    file.Reject(label, $"could not be stored ({e.Message})");
                }
            }
        }

        public override async Task ApplyAsync(AppDbContext db, FileReport file, CancellationToken ct)
        {
            var ids = _rows.Select(r => key(r.Row)).Distinct().ToList();
            var existing = await db.Set<T>()
                .Where(e => ids.Contains(EF.Property<string>(e, "Id")))
                .ToDictionaryAsync(key, StringComparer.Ordinal, ct);
            foreach (var (label, incoming, fingerprint) in _rows)
            {
                var id = key(incoming);
                if (run.Catalog.TryGetValue((kind, id), out var earlier))
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

                run.Catalog[(kind, id)] = (fingerprint, $"{file.Source} {label}");
                var now = importer.Now();
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

        public override void Finish(FileReport file) => references?.Report(file);
    }

    /// <summary>
    /// Paths and sessions keep references to questions that are not (yet) imported, as given: they
    /// resolve by themselves when those questions arrive. Each such row is a warning, and the file
    /// gets one summary with the counts.
    /// </summary>
    private sealed class ReferenceCheck(string rowsName, HashSet<string> known)
    {
        private readonly HashSet<string> _missing = new(StringComparer.Ordinal);
        private int _rows;
        private int _rowsWithUnknown;
        private int _unknownReferences;

        public void Check(string label, IEnumerable<string> ids, FileReport file)
        {
            _rows++;
            var unknown = ids.Distinct(StringComparer.Ordinal).Where(id => !known.Contains(id)).ToList();
            if (unknown.Count == 0)
            {
                return;
            }

            _rowsWithUnknown++;
            _unknownReferences += unknown.Count;
            _missing.UnionWith(unknown);
            file.Warnings.Add($"{label}: references {unknown.Count} question{(unknown.Count == 1 ? "" : "s")} not present yet " +
                $"({string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? ", ..." : "")}); kept, they resolve when those questions are imported");
        }

        public void Report(FileReport file)
        {
            if (_rowsWithUnknown > 0)
            {
                file.Warnings.Insert(0, $"{_rowsWithUnknown} of {_rows} {rowsName} reference questions not present yet " +
                    $"({_unknownReferences} references to {_missing.Count} distinct questions); they are kept as given, " +
                    "and they resolve when those questions are imported");
            }
        }
    }
}
