namespace InterviewPrep.Data.Content.Search;

/// <summary>
/// What a person typed, as the words to search for: letters and digits only, so no search syntax
/// of either engine ever reaches the database. As you type, the last word matches as a prefix.
/// </summary>
public sealed record SearchTerms(IReadOnlyList<string> Words, bool LastIsPrefix)
{
    public const int MaxTerms = 12;

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
        if (endsInWord && words.Count > 1 && words[^1].Length == 1)
        {
            // One letter typed after a space would match a large part of the index: wait for the next.
            words.RemoveAt(words.Count - 1);
            endsInWord = false;
        }

        var prefix = endsInWord && words.Count <= MaxTerms && words[^1].Length >= 2;
        return new SearchTerms(words.Take(MaxTerms).ToList(), prefix);
    }
}
