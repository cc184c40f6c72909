using System.Text.RegularExpressions;

namespace InterviewPrep.Web.Features.Voice.Grading;

/// <summary>
/// A concept a good spoken answer covers: its units' keys (one word, a phrase, or a synonym group),
/// how much it counts (0.4 to 1), whether it was derived from the model answer rather than listed in
/// the question's voice keywords, and whether the model answer states it negatively ("never store
/// passwords in plain text"), so that saying it the same way is not taken for a negation.
/// </summary>
public sealed record Concept(string Name, IReadOnlyList<string> Keys, string? JoinedKey, double Weight, bool Derived, bool NegatedInReference);

/// <summary>What the grader needs of a question.</summary>
public sealed record GradedQuestion(
    string Id, string Channel, string Text, string Answer, string? Tldr, string Explanation, IReadOnlyList<string>? VoiceKeywords)
{
    /// <summary>A behavioural question, answered as a story (situation, task, action, result).</summary>
    public bool IsBehavioural =>
        Channel.Contains("behavio", StringComparison.OrdinalIgnoreCase)
        || Regex.IsMatch(Text, @"\b(tell me about a time|describe a (time|situation)|give an example of a time|walk me through a time)\b", RegexOptions.IgnoreCase);
}

/// <summary>
/// How many questions of the whole collection use each key: a concept is what this answer says that
/// others do not (inverse document frequency, ln((N + 1) / (df + 1)) + 1).
/// </summary>
public sealed class CollectionStats(int documents, IReadOnlyDictionary<string, int> frequency)
{
    public static readonly CollectionStats Empty = new(0, new Dictionary<string, int>());

    public int Documents => documents;

    public double Rarity(string key) => Math.Log((documents + 1.0) / (frequency.GetValueOrDefault(key) + 1.0)) + 1;

    /// <summary>The share of questions that use the key.</summary>
    public double Share(string key) => documents == 0 ? 0 : (double)frequency.GetValueOrDefault(key) / documents;

    public static CollectionStats From(IEnumerable<string> documentTexts, Synonyms synonyms)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var text in documentTexts)
        {
            count++;
            var words = Word.Split(text);
            foreach (var key in synonyms.Units(words).Where(u => !u.IsFunction).Select(u => u.Key).Distinct())
            {
                frequency[key] = frequency.GetValueOrDefault(key) + 1;
            }
        }

        return new CollectionStats(count, frequency);
    }
}

/// <summary>A question prepared for grading: its concepts and the model answer's words.</summary>
public sealed record GradingKey(GradedQuestion Question, IReadOnlyList<Concept> Concepts, bool Derived, IReadOnlyDictionary<string, double> ReferenceVector, IReadOnlySet<string> QuestionKeys);

/// <summary>Finds a question's concepts: its voice keywords, or, where it has none, derived from its model answer.</summary>
public static partial class ConceptFinder
{
    public const int MaxDerived = 8;

    public static GradingKey Prepare(GradedQuestion question, CollectionStats stats, Synonyms synonyms)
    {
        var reference = Plain(string.Join("\n", question.Answer, question.Tldr ?? "", question.Explanation));
        var referenceWords = Word.Split(reference);
        var referenceUnits = synonyms.Units(referenceWords);
        var questionKeys = synonyms.Units(Word.Split(question.Text)).Where(u => !u.IsFunction).Select(u => u.Key).ToHashSet(StringComparer.Ordinal);

        var listed = (question.VoiceKeywords ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        var concepts = listed.Count > 0
            ? Listed(listed, stats, synonyms, referenceWords, referenceUnits)
            : Derive(question, stats, synonyms, referenceWords, referenceUnits, questionKeys);

        var vector = Vector(synonyms.Units(Word.Split(question.Text + "\n" + reference)), stats);
        return new GradingKey(question, concepts, listed.Count == 0, vector, questionKeys);
    }

    /// <summary>TF-IDF weights of a text's content units.</summary>
    public static Dictionary<string, double> Vector(IEnumerable<Unit> units, CollectionStats stats)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => !u.IsFunction && u.Key.Length > 1))
        {
            vector[unit.Key] = vector.GetValueOrDefault(unit.Key) + 1;
        }

        foreach (var key in vector.Keys.ToList())
        {
            vector[key] = (1 + Math.Log(vector[key])) * stats.Rarity(key);
        }

        return vector;
    }

    private static List<Concept> Listed(List<string> keywords, CollectionStats stats, Synonyms synonyms, List<Word> referenceWords, List<Unit> referenceUnits)
    {
        var raw = new List<(string Name, string[] Keys, string? Joined, double Rarity, bool InReference, bool Negated)>();
        foreach (var keyword in keywords.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var units = synonyms.Units(Word.Split(keyword)).Where(u => !u.IsFunction).ToList();
            if (units.Count == 0)
            {
                continue;
            }

            var keys = units.Select(u => u.Key).Distinct().ToArray();
            var occurrences = Matcher.Find(keys, Joined(keyword, synonyms), referenceUnits, referenceWords).ToList();
            raw.Add((keyword.Trim(), keys, Joined(keyword, synonyms), keys.Average(stats.Rarity), occurrences.Count > 0,
                occurrences.Count > 0 && occurrences.Count(o => Matcher.IsNegated(referenceWords, o.FirstWord, o.LastWord)) * 2 > occurrences.Count));
        }

        var top = raw.Count == 0 ? 1 : raw.Max(r => r.Rarity);
        return raw.Select(r => new Concept(r.Name, r.Keys, r.Joined,
            Math.Round(Math.Clamp((0.5 + 0.5 * r.Rarity / top) * (r.InReference ? 1 : 0.8), 0.4, 1), 2), false, r.Negated)).ToList();
    }

    private static List<Concept> Derive(GradedQuestion question, CollectionStats stats, Synonyms synonyms, List<Word> referenceWords, List<Unit> referenceUnits, HashSet<string> questionKeys)
    {
        // Where each part of the reference ends: the short answer and the TL;DR say what matters most.
        var answerEnd = Word.Split(Plain(question.Answer)).Count;
        var tldrEnd = answerEnd + Word.Split(Plain(question.Tldr ?? "")).Count;
        double Emphasis(Unit u) => u.First < answerEnd ? 1.5 : u.First < tldrEnd ? 2 : 1;

        var candidates = new Dictionary<string, (string[] Keys, double Weight, int Count, int FirstWord, int LastWord)>(StringComparer.Ordinal);
        for (var i = 0; i < referenceUnits.Count; i++)
        {
            for (var n = 1; n <= 3 && i + n <= referenceUnits.Count; n++)
            {
                var span = referenceUnits.GetRange(i, n);
                if (span.Any(u => u.IsFunction || !Meaningful(u.Key)) || referenceWords[span[^1].Last].End - referenceWords[span[0].First].Start > 60
                    || HasBreak(referenceWords, span[0].First, span[^1].Last))
                {
                    break;
                }

                var keys = span.Select(u => u.Key).ToArray();
                var id = string.Join(' ', keys);
                var existing = candidates.GetValueOrDefault(id);
                candidates[id] = (keys, existing.Weight + Emphasis(span[0]), existing.Count + 1,
                    existing.Count == 0 ? span[0].First : existing.FirstWord, existing.Count == 0 ? span[^1].Last : existing.LastWord);
            }
        }

        var scored = candidates.Values
            .Where(c => c.Keys.Length == 1
                ? stats.Share(c.Keys[0]) < 0.2 && (c.Keys[0].StartsWith('≈') || (c.Keys[0].Length >= 4 && !IsOrdinary(c.Keys[0])))
                : (c.Count >= 2 || c.Weight > c.Count) // a phrase said twice, or once in the short answer or the TL;DR
                    && !IsOrdinary(c.Keys[0]) && !IsOrdinary(c.Keys[^1]))
            .Select(c => (c.Keys, c.FirstWord, c.LastWord,
                Score: (1 + Math.Log(c.Weight)) * c.Keys.Average(stats.Rarity) * (c.Keys.Length > 1 ? 1.5 : 1) * (c.Keys.All(questionKeys.Contains) ? 0.35 : 1)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.FirstWord)
            .ToList();

        var chosen = new List<(string[] Keys, int FirstWord, int LastWord, double Score)>();
        foreach (var candidate in scored)
        {
            if (chosen.Count == MaxDerived)
            {
                break;
            }

            // A phrase and its own words are one concept: the first (the better scored) stands for both.
            if (chosen.Any(c => c.Keys.Intersect(candidate.Keys).Any()))
            {
                continue;
            }

            chosen.Add(candidate);
        }

        var top = chosen.Count == 0 ? 1 : chosen.Max(c => c.Score);
        return chosen.Select(c =>
        {
            var name = Name(referenceWords, c.FirstWord, c.LastWord);
            var occurrences = Matcher.Find(c.Keys, null, referenceUnits, referenceWords).ToList();
            var negated = occurrences.Count > 0 && occurrences.Count(o => Matcher.IsNegated(referenceWords, o.FirstWord, o.LastWord)) * 2 > occurrences.Count;
            return new Concept(name, c.Keys, c.Keys.Length > 1 ? Joined(name, synonyms) : null, Math.Round(Math.Max(0.4, c.Score / top), 2), true, negated);
        }).ToList();
    }

    /// <summary>Words of every topic, never a concept on their own (as stems).</summary>
    private static readonly HashSet<string> Generic = new(
        ["often", "avoid", "usual", "usualli", "common", "commonli", "differ", "different", "import", "important", "variou", "typic", "typical",
         "gener", "general", "specif", "specifi", "exampl", "instanc", "case", "need", "want", "allow", "help", "provid", "ensur", "includ",
         "follow", "approach", "techniqu", "method", "system", "solut", "problem", "issu", "also", "well", "better", "good", "best", "first",
         "second", "third", "last", "next", "new", "time", "level", "base", "mean", "want", "work", "support", "handl", "manag", "valu",
         "number", "set", "part", "type", "kei", "point", "step", "simpl", "easi", "make", "take", "keep", "even", "onli", "within", "without",
         "across", "around", "whole", "entir", "extra", "much", "mani", "sever", "multipl", "singl", "same", "high", "low", "larg", "small"],
        StringComparer.Ordinal);

    /// <summary>
    /// Ordinary English words (common-words.txt, as stems): rare in a technical collection, so they would
    /// look telling, yet never a concept on their own nor at the edge of a phrase.
    /// </summary>
    private static readonly Lazy<HashSet<string>> Ordinary = new(() =>
    {
        using var stream = typeof(ConceptFinder).Assembly.GetManifestResourceStream("InterviewPrep.Web.Features.Voice.Grading.common-words.txt");
        if (stream is null)
        {
            return [];
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Word.StemOf).ToHashSet(StringComparer.Ordinal);
    });

    private static bool IsOrdinary(string key) => Generic.Contains(key) || Ordinary.Value.Contains(key);

    private static bool Meaningful(string key) =>
        key.StartsWith('≈') || (key.Length >= 3 && key.All(char.IsLetter) && !Word.FunctionWords.Contains(key));

    private static bool HasBreak(List<Word> words, int first, int last)
    {
        for (var i = first; i < last; i++)
        {
            if (words[i + 1].Start - words[i].End > 1)
            {
                return true; // punctuation or a line between two words
            }
        }

        return false;
    }

    private static string Name(List<Word> words, int first, int last) =>
        string.Join(' ', Enumerable.Range(first, last - first + 1).Select(i => words[i].Surface));

    private static string? Joined(string phrase, Synonyms synonyms)
    {
        var letters = string.Concat(phrase.Where(char.IsLetterOrDigit));
        if (letters.Length < 5 || !phrase.Any(c => c is ' ' or '-' or '/'))
        {
            return null;
        }

        var stem = Word.StemOf(letters);
        return synonyms.KeyOfJoined(stem) ?? stem;
    }

    /// <summary>Markdown as plain sentences: code, links' targets, images and markup left out.</summary>
    public static string Plain(string markdown)
    {
        var text = FencedCode().Replace(markdown, "\n");
        text = InlineCode().Replace(text, " ");
        text = Statement().Replace(text, "\n");
        text = Link().Replace(text, "$1");
        text = Url().Replace(text, " ");
        text = Emphasis().Replace(text, "");
        return Markup().Replace(text, "\n");
    }

    [GeneratedRegex(@"```.*?(```|$)", RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    /// <summary>A command or statement written out (SQL, a shell line): its identifiers are not the answer's vocabulary.</summary>
    [GeneratedRegex(@"\b(CREATE|SELECT|INSERT|UPDATE|DELETE|ALTER|DROP|GRANT|EXPLAIN)\b[^.\n]*?(;|$)", RegexOptions.Multiline)]
    private static partial Regex Statement();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"[*`~]+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"[#>|]+")]
    private static partial Regex Markup();
}
