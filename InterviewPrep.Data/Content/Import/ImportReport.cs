namespace InterviewPrep.Data.Content.Import;

/// <summary>What one file (or one table of a database) did to the content.</summary>
public sealed class FileReport(string source)
{
    public string Source { get; } = source;
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public List<string> Rejected { get; } = [];
    public List<string> Warnings { get; } = [];

    /// <summary>Set when the file could not be read or saved; nothing of it was imported.</summary>
    public string? Error { get; set; }

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

    /// <summary>Forgets the counts of a file whose transaction was rolled back.</summary>
    public void Fail(string error)
    {
        Error = error;
        Created = Updated = Unchanged = 0;
    }

    public override string ToString() => Error is not null
        ? $"{Source}: FAILED, nothing imported: {Error}"
        : $"{Source}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected.Count} rejected";
}

/// <summary>The result of an import run: one report per file and the totals.</summary>
public sealed class ImportReport
{
    public List<FileReport> Files { get; } = [];

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
