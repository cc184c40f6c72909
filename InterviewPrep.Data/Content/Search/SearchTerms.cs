namespace InterviewPrep.Data.Content.Search;

/// <summary>
/// What a person typed, as the words to search for: letters and digits only, so no search syntax
/// of either engine ever reaches the database. As you type, the last word matches as a prefix.
/// </summary>
public sealed record SearchTerms(IReadOnlyList<string> Words, bool LastIsPrefix)
{
    public const int MaxTerms = 12;

    /// <summary>
    /// Words that say how a question is asked rather than what it is about ("how does a tcp handshake work"):
    /// left out when other words remain, so that a question typed in full finds its answer.
    /// </summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "into", "about",
        "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "has", "have", "had",
        "how", "what", "why", "when", "where", "which", "who", "whom", "whose",
        "can", "could", "should", "would", "will", "shall", "may", "might", "must",
        "i", "you", "we", "it", "its", "this", "that", "these", "those", "there", "their", "me", "my", "your", "our",
        "explain", "describe", "tell", "please", "some", "any",
    };

    /// <summary>Match questions with any of the words (ranked by how well they match) instead of all of them.</summary>
    public bool AnyWord { get; init; }

    /// <summary>The words of <paramref name="text"/>, or null when there is nothing to search for.</summary>
    public static SearchTerms? Parse(string? text, bool asYouType = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = new List<string>();
        var word = new System.Text.StringBuilder();
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
        var last = words.Count - 1;
        var meaningful = words.Where((w, i) => !StopWords.Contains(w) || (endsInWord && i == last)).ToList();
        if (meaningful.Count > 0 && meaningful.Count < words.Count)
        {
            words = meaningful;
        }

        if (endsInWord && words.Count > 1 && words[^1].Length == 1)
        {
            // One letter typed after a space would match a large part of the index: wait for the next.
            words.RemoveAt(words.Count - 1);
            endsInWord = false;
        }

        var prefix = endsInWord && words.Count <= MaxTerms && words[^1].Length >= 2;
        return new SearchTerms(words.Take(MaxTerms).ToList(), prefix);
    }

    /// <summary>The same words, matched any of them.</summary>
    public SearchTerms Relaxed() => this with { AnyWord = true };
}

/// <summary>A snippet of Markdown as plain text: no emphasis marks, code ticks, heading hashes, table pipes, link syntax or list bullets.</summary>
public static partial class SnippetText
{
    public static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "$1");
        text = Markup().Replace(text.Replace('|', ' '), " ");
        text = Rule().Replace(text, " ");
        text = Emphasis().Replace(text, "");
        return Spaces().Replace(text, " ").Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial System.Text.RegularExpressions.Regex Link();

    // Line starts (headings, quotes, bullets, numbers) and fences.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^\s*(?:#{1,6}|>+|[-*+]|\d+[.)])\s+|`{3,}[\w+#-]*")]
    private static partial System.Text.RegularExpressions.Regex Markup();

    // Rules and a table's header line (---, :---:), once its pipes are spaces.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^|\s):?-{3,}:?(?=\s|$)")]
    private static partial System.Text.RegularExpressions.Regex Rule();

    [System.Text.RegularExpressions.GeneratedRegex(@"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`|~~")]
    private static partial System.Text.RegularExpressions.Regex Emphasis();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Spaces();
}
