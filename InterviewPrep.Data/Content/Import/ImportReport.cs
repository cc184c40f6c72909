namespace InterviewPrep.Data.Content.Import;

/// <summary>What one file (or one table of a database) did to the content.</summary>
public sealed class FileReport(string source)
{
    public string Source { get; internal set; } = source;
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public List<string> Rejected { get; } = [];
    public List<string> Warnings { get; } = [];

    /// <summary>Set when the file could not be read, or a chunk of it could not be saved.</summary>
    public string? Error { get; set; }

    /// <summary>The rows the file holds, once it has been checked.</summary>
    public int Rows { get; set; }

    /// <summary>Rows whose chunk was committed (rejected rows included): how far the file got.</summary>
    public int RowsDone { get; set; }

    public void Reject(string row, string reason) => Rejected.Add($"{row}: {reason}");

    private readonly Dictionary<string, int> _unread = new(StringComparer.Ordinal);

    /// <summary>Notes fields of a row that the schema has no place for.</summary>
    public void NoteUnread(IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            _unread[field] = _unread.GetValueOrDefault(field) + 1;
        }
    }

    /// <summary>Turns the noted fields into one warning each.</summary>
    public void ReportUnread()
    {
        foreach (var (field, count) in _unread)
        {
            Warnings.Add($"field '{field}' is not part of the schema and was not imported ({count} row{(count == 1 ? "" : "s")})");
        }

        _unread.Clear();
    }

    /// <summary>The file could not be read: nothing of it was imported.</summary>
    public void Fail(string error)
    {
        Error = error;
        Created = Updated = Unchanged = 0;
    }

    /// <summary>Where the report stands before a chunk, to forget what a rolled-back chunk counted.</summary>
    public Mark Save() => new(Created, Updated, Unchanged, Rejected.Count, Warnings.Count);

    /// <summary>A chunk could not be saved: the rows before it stay imported, the rest of the file is not.</summary>
    public void FailAt(Mark mark, string error)
    {
        Restore(mark);
        Error = error;
    }

    /// <summary>Forgets what was counted since <paramref name="mark"/>.</summary>
    public void Restore(Mark mark)
    {
        (Created, Updated, Unchanged) = (mark.Created, mark.Updated, mark.Unchanged);
        Rejected.RemoveRange(mark.Rejected, Rejected.Count - mark.Rejected);
        Warnings.RemoveRange(mark.Warnings, Warnings.Count - mark.Warnings);
    }

    public override string ToString() => (Error, RowsDone) switch
    {
        (null, _) => $"{Source}: {Counts}",
        (_, 0) => $"{Source}: FAILED, nothing imported: {Error}",
        _ => $"{Source}: FAILED after row {RowsDone} of {Rows}: {Error}. Rows 1 to {RowsDone} are imported ({Counts}); " +
             "the rest is not. Importing the file again completes it",
    };

    private string Counts => $"{Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected.Count} rejected";

    public readonly record struct Mark(int Created, int Updated, int Unchanged, int Rejected, int Warnings);
}

/// <summary>The result of an import run: one report per file and the totals.</summary>
public sealed class ImportReport
{
    public List<FileReport> Files { get; } = [];

    /// <summary>What the import did besides the files' rows (domains assigned, for example).</summary>
    public List<string> Notes { get; } = [];

    public int Created => Files.Sum(f => f.Created);
    public int Updated => Files.Sum(f => f.Updated);
    public int Unchanged => Files.Sum(f => f.Unchanged);
    public int Rejected => Files.Sum(f => f.Rejected.Count);
    public int FailedFiles => Files.Count(f => f.Error is not null);
    public bool ChangedAnything => Created + Updated > 0;

    public FileReport Add(string source)
    {
        var file = new FileReport(source);
        Files.Add(file);
        return file;
    }

    /// <summary>The closing line of the command line's report.</summary>
    public string Summary => $"imported: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected";

    /// <summary>The full report, one file per paragraph.</summary>
    public string ToText(int maxDetailsPerFile = 20)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Files)
        {
            text.AppendLine(file.ToString());
            foreach (var line in file.Rejected.Take(maxDetailsPerFile))
            {
                text.Append("  rejected ").AppendLine(line);
            }

            if (file.Rejected.Count > maxDetailsPerFile)
            {
                text.AppendLine($"  ... and {file.Rejected.Count - maxDetailsPerFile} more rejected");
            }

            foreach (var line in file.Warnings.Take(maxDetailsPerFile))
            {
                text.Append("  warning ").AppendLine(line);
            }

            if (file.Warnings.Count > maxDetailsPerFile)
            {
                text.AppendLine($"  ... and {file.Warnings.Count - maxDetailsPerFile} more warnings");
            }
        }

        foreach (var note in Notes)
        {
            text.AppendLine(note);
        }

        if (!ChangedAnything)
        {
            text.AppendLine(FailedFiles == 0 && Rejected == 0
                ? "Nothing changed: the content is already up to date."
                : "Nothing changed in the database.");
        }

        text.AppendLine(Summary);
        return text.ToString();
    }
}

/// <summary>Progress of a long import, for a console or a page.</summary>
public sealed record ImportProgress(string Source, int FileIndex, int FileCount, int Rows);

/// <summary>Files an admin uploaded, unpacked into <paramref name="Folder"/>: named without it.</summary>
public sealed record ImportUpload(string Folder, string UploadedBy)
{
    public string Name(string source)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Folder) + Path.DirectorySeparatorChar;
        return source.Replace(prefix, "", StringComparison.Ordinal);
    }
}
