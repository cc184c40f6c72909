using System.Text.RegularExpressions;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>What the design document declares, read from the document itself.</summary>
public sealed partial class DesignDocument
{
    public sealed record Column(string Name, string Type, bool IsPrimaryKey, bool IsForeignKey, bool IsUnique);

    public sealed record Index(string Name, string Table, string Column);

    public IReadOnlyDictionary<string, IReadOnlyList<Column>> Tables { get; }
    public IReadOnlyList<string> AccessPatterns { get; }
    public IReadOnlyList<Index> Indexes { get; }

    private DesignDocument(string text)
    {
        var er = text[text.IndexOf("erDiagram", StringComparison.Ordinal)..text.IndexOf("%% Relationships", StringComparison.Ordinal)];
        Tables = TableBlock().Matches(er).ToDictionary(
            m => m.Groups[1].Value,
            m => (IReadOnlyList<Column>)ColumnLine().Matches(m.Groups[2].Value).Select(c => new Column(
                c.Groups[2].Value, c.Groups[1].Value,
                c.Groups[3].Value == "PK", c.Groups[3].Value == "FK", c.Groups[3].Value == "UK")).ToList());

        var patterns = text[text.IndexOf("## Access Patterns", StringComparison.Ordinal)..text.IndexOf("## Indexing Strategy", StringComparison.Ordinal)];
        AccessPatterns = SqlBlock().Matches(patterns).Select(m => m.Groups[1].Value.Trim()).ToList();

        Indexes = CreateIndex().Matches(text).Select(m => new Index(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
    }

    public static DesignDocument Load() => new(File.ReadAllText(SharedFolder.DesignDocument));

    [GeneratedRegex(@"^\s{4}(\w+) \{\n(.*?)\n\s{4}\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TableBlock();

    [GeneratedRegex(@"^\s+(TEXT|INTEGER) (\w+)(?: (PK|FK|UK))?\s*$", RegexOptions.Multiline)]
    private static partial Regex ColumnLine();

    [GeneratedRegex(@"```sql\s*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();

    [GeneratedRegex(@"CREATE INDEX (\w+) ON (\w+)\((\w+)\);")]
    private static partial Regex CreateIndex();
}
