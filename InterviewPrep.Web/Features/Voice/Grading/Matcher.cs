namespace InterviewPrep.Web.Features.Voice.Grading;

/// <summary>How a concept was heard.</summary>
public enum MatchKind
{
    /// <summary>The words themselves, in any of their forms.</summary>
    Exact,

    /// <summary>An abbreviation, another name or a known mishearing of it (k8s, "sequel").</summary>
    Synonym,

    /// <summary>A spelling one or two letters away, as speech recognisers garble long words.</summary>
    Close,

    /// <summary>Two words heard for one ("post gress").</summary>
    SoundsAlike,

    /// <summary>An abbreviation heard letter by letter ("tea see pee" for TCP, "e c two" for EC2).</summary>
    Spelled,
}

/// <summary>Where a concept's words were found: the words it spans and how it was heard.</summary>
public sealed record Occurrence(int FirstWord, int LastWord, MatchKind Kind, bool Partial);

/// <summary>A text split for matching: its words, its units, and where each key is.</summary>
public sealed class MatchText
{
    public MatchText(string text, Synonyms synonyms)
    {
        Words = Word.Split(text);
        Units = synonyms.Units(Words);
        for (var i = 0; i < Units.Count; i++)
        {
            if (!Positions.TryGetValue(Units[i].Key, out var list))
            {
                Positions[Units[i].Key] = list = [];
            }

            list.Add(i);
        }
    }

    public List<Word> Words { get; }

    public List<Unit> Units { get; }

    public Dictionary<string, List<int>> Positions { get; } = new(StringComparer.Ordinal);
}

/// <summary>Finds concepts in a text as people say them, and whether a mention is negated.</summary>
public static class Matcher
{
    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "never", "don't", "doesn't", "isn't", "aren't", "can't", "cannot", "won't", "wouldn't", "shouldn't",
        "didn't", "wasn't", "weren't", "mustn't", "hardly", "dont", "doesnt", "isnt", "shouldnt", "cant", "wont",
    };

    /// <summary>Verbs through which a negation reaches their object: "don't need a majority", "doesn't guarantee ordering".</summary>
    private static readonly HashSet<string> LightVerbs = new(StringComparer.Ordinal)
    {
        "need", "needs", "require", "requires", "involve", "involves", "rely", "relies", "care", "worry", "bother",
        "contain", "contains", "include", "includes", "support", "supports", "guarantee", "guarantees", "provide", "provides",
        "offer", "offers", "give", "gives", "ever", "actually", "really", "even", "necessarily",
    };

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "but", "because", "however", "although", "though", "whereas", "instead", "rather", "which", "so", "while", "unless", "if",
    };

    /// <summary>Occurrences of a concept's keys (all within a short window, in any order) or of its joined form.</summary>
    public static IEnumerable<Occurrence> Find(IReadOnlyList<string> keys, string? joined, List<Unit> units, List<Word> words) =>
        Find(keys, joined, units, words, null);

    /// <summary>
    /// The same with tolerance for what speech recognisers do (<paramref name="surfaces"/>: each key as
    /// written, for near spellings and sound-alikes), and a partial occurrence where most of a phrase's
    /// words are there.
    /// </summary>
    public static IEnumerable<Occurrence> Find(IReadOnlyList<string> keys, string? joined, List<Unit> units, List<Word> words, IReadOnlyList<string>? surfaces)
    {
        var found = new List<Occurrence>();
        var perKey = keys.Select((key, k) => Positions(key, surfaces?[k], units, words)).ToList();
        for (var k = 0; k < keys.Count && keys.Count > 1; k++)
        {
            if (IsNumber(keys[k]))
            {
                // A number word counts only right after the word before it, or right before the word after it ("layer seven
                // … four" is not layer 4): "four" anywhere near is too common to stand for a digit.
                var (before, after) = (k > 0 ? perKey[k - 1] : [], k + 1 < keys.Count ? perKey[k + 1] : []);
                perKey[k] = perKey[k].Where(p => p.Kind != MatchKind.Synonym
                    || before.Any(b => b.LastUnit + 1 == p.Unit) || after.Any(a => p.LastUnit + 1 == a.Unit)).ToList();
            }
        }

        if (joined is not null)
        {
            for (var u = 0; u < units.Count; u++)
            {
                if (units[u].Key == joined)
                {
                    found.Add(new Occurrence(units[u].First, units[u].Last, MatchKind.Exact, false));
                }
            }
        }

        if (keys.Count == 1)
        {
            found.AddRange(perKey[0].Select(p => new Occurrence(units[p.Unit].First, units[p.LastUnit].Last, p.Kind, false)));
            return Distinct(found);
        }

        var window = keys.Count + 3;
        var anchor = Enumerable.Range(0, keys.Count).MinBy(k => perKey[k].Count == 0 ? int.MaxValue : perKey[k].Count);
        var bestPartial = (Occurrence?)null;
        foreach (var at in perKey[anchor])
        {
            var first = at.Unit;
            var last = at.LastUnit;
            var kind = at.Kind;
            var present = 1;
            for (var k = 0; k < keys.Count; k++)
            {
                if (k == anchor)
                {
                    continue;
                }

                var candidates = perKey[k].Where(p => Math.Abs(p.Unit - at.Unit) <= window).ToList();
                if (candidates.Count == 0)
                {
                    continue;
                }

                var near = candidates.MinBy(p => Math.Abs(p.Unit - at.Unit));

                present++;
                first = Math.Min(first, near.Unit);
                last = Math.Max(last, near.LastUnit);
                kind = (MatchKind)Math.Max((int)kind, (int)near.Kind);
            }

            var occurrence = new Occurrence(units[first].First, units[last].Last, kind, present < keys.Count);
            if (present == keys.Count)
            {
                found.Add(occurrence);
            }
            else if (present >= Math.Max(2, keys.Count - 1) || (keys.Count == 2 && present == 1 && anchor == keys.Count - 1 && !IsNumber(keys[anchor])))
            {
                bestPartial ??= occurrence;
            }
        }

        if (found.Count == 0 && bestPartial is not null)
        {
            found.Add(bestPartial);
        }

        return Distinct(found);
    }

    private static bool IsNumber(string key) => key.Length > 0 && key.All(char.IsAsciiDigit);

    /// <summary>
    /// The occurrences that do not overlap, the best heard kept first (whole before partial, said before
    /// garbled, short before long), in order: "stale responses" said is not "state … responses" misspelt.
    /// </summary>
    private static IEnumerable<Occurrence> Distinct(List<Occurrence> found)
    {
        var kept = new List<Occurrence>();
        foreach (var o in found.OrderBy(o => o.Partial).ThenBy(o => (int)o.Kind).ThenBy(o => o.LastWord - o.FirstWord).ThenBy(o => o.FirstWord))
        {
            if (!kept.Any(k => k.FirstWord <= o.LastWord && o.FirstWord <= k.LastWord))
            {
                kept.Add(o);
            }
        }

        return kept.OrderBy(o => o.FirstWord);
    }

    private static List<(int Unit, int LastUnit, MatchKind Kind)> Positions(string key, string? surface, List<Unit> units, List<Word> words)
    {
        var positions = new List<(int, int, MatchKind)>();
        for (var u = 0; u < units.Count; u++)
        {
            if (units[u].Key == key)
            {
                var spoken = string.Join(' ', Enumerable.Range(units[u].First, units[u].Last - units[u].First + 1).Select(i => words[i].Surface));
                var asWritten = surface ?? key[1..];
                positions.Add((u, u, key.StartsWith('≈') && !string.Equals(spoken.Replace(" ", ""), asWritten.Replace(" ", ""), StringComparison.Ordinal)
                    ? MatchKind.Synonym : MatchKind.Exact));
            }
        }

        if (surface is not null && surface.All(char.IsAsciiDigit))
        {
            for (var u = 0; u < units.Count; u++)
            {
                if (units[u].Key != key && units[u].First == units[u].Last && Spelling.Digits(words[units[u].First].Surface) == surface)
                {
                    positions.Add((u, u, MatchKind.Synonym)); // "two" for the 2 of HTTP/2; only next to the phrase's other words (Find)
                }
            }
        }

        if (surface is not null && Spelling.IsAbbreviation(surface))
        {
            for (var u = 0; u < units.Count; u++)
            {
                if (units[u].Key != key && Spelling.SpelledTo(surface, units, words, u) is { } last)
                {
                    positions.Add((u, last, MatchKind.Spelled));
                }
            }
        }

        if (surface is null || surface.Length < 5 || surface.Contains(' '))
        {
            return positions;
        }

        // Not heard as such: a long word may have been garbled by the recogniser.
        var allowed = surface.Length >= 9 ? 2 : 1;
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            if (unit.First != unit.Last || unit.Key == key)
            {
                continue;
            }

            var said = words[unit.First].Surface;
            if (!unit.IsFunction && (said.Length >= 4 && Math.Abs(said.Length - surface.Length) <= allowed && Distance(said, surface) <= allowed
                || (said.Length >= 6 && Math.Abs(said.Length - surface.Length) <= allowed && SoundAlike(said, surface))))
            {
                positions.Add((u, u, MatchKind.Close));
            }
            else if (u + 1 < units.Count && units[u + 1].First == units[u + 1].Last && units[u + 1].Key != key && !(unit.IsFunction && units[u + 1].IsFunction)
                && words[units[u + 1].First].Start - words[unit.First].End <= 1)
            {
                // Two words for one, with nothing between them: "post gress", "different shall". A little word heard for the
                // start of one ("a ray" for array) must spell it almost exactly, or every "the" and "of" would join the word after it.
                var two = said + words[units[u + 1].First].Surface;
                if (Math.Abs(two.Length - surface.Length) <= allowed + 1
                    && (unit.IsFunction ? Distance(two, surface) <= 1 : Distance(two, surface) <= allowed || SoundAlike(two, surface)))
                {
                    positions.Add((u, u + 1, MatchKind.SoundsAlike));
                }
            }
        }

        return positions;
    }

    private static readonly HashSet<string> Dismissals = new(StringComparer.Ordinal)
    {
        "useless", "pointless", "irrelevant", "unnecessary", "overrated", "harmful", "worthless", "optional", "overkill", "overengineering",
    };

    private static readonly HashSet<string> Efficacy = new(StringComparer.Ordinal)
    {
        "help", "helps", "work", "works", "matter", "matters", "protect", "protects", "prevent", "prevents", "stop", "stops",
        "need", "needed", "necessary", "required", "important", "useful", "effective", "scale", "scales", "solve", "solves",
    };

    /// <summary>
    /// Whether a mention is negated: a negation ("not", "never", "don't"…) shortly before it in the same
    /// clause, or a dismissal right after it ("tokens don't help", "are useless").
    /// </summary>
    public static bool IsNegated(List<Word> words, int at, int last) => IsNegated(words, at) || IsDismissed(words, last);

    private static bool IsDismissed(List<Word> words, int last)
    {
        for (var i = last + 1; i <= Math.Min(words.Count - 1, last + 4); i++)
        {
            if (words[i].Start - words[i - 1].End > 1 || ClauseWords.Contains(words[i].Surface))
            {
                return false;
            }

            if (Dismissals.Contains(words[i].Surface)
                || (words[i].Surface == "over" && i + 1 < words.Count && words[i + 1].Surface is "engineering" or "engineered" or "kill"))
            {
                return true;
            }

            if (Negators.Contains(words[i].Surface) && i + 1 < words.Count
                && (Efficacy.Contains(words[i + 1].Surface) || (i + 2 < words.Count && words[i + 1].Surface is "really" or "actually" or "even" && Efficacy.Contains(words[i + 2].Surface))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a negation ("not", "never", "don't"…) comes right before a word, with only function words
    /// between them ("not a separate structure", "never use an index"), in the same clause.
    /// </summary>
    public static bool IsNegated(List<Word> words, int at)
    {
        for (var i = at - 1; i >= Math.Max(0, at - 4); i--)
        {
            if (words[i + 1].Start - words[i].End > 1)
            {
                return false; // a comma, a full stop or a new line between them
            }

            var word = words[i].Surface;
            if (ClauseWords.Contains(word))
            {
                return false;
            }

            if (Negators.Contains(word))
            {
                var next = words[i + 1].Surface;
                return next is not ("only" or "just" or "necessarily" or "always");
            }

            if (!words[i].IsFunction && !LightVerbs.Contains(word))
            {
                return false; // "doesn't match the current count": the negation is the verb's, not the concept's
            }
        }

        return false;
    }

    /// <summary>
    /// Two spellings that sound alike: they begin alike, are spelt no more than a quarter apart, and have
    /// the same sound key of five sounds or more, or keys of six sounds or more one sound apart. Shorter
    /// keys say too little ("candidate" and "committed" are both k-n-t), and the keys alone fold too much
    /// ("payments team" and "prioritization").
    /// </summary>
    private static bool SoundAlike(string a, string b)
    {
        var (ka, kb) = (Phonetic.Key(a), Phonetic.Key(b));
        var sameStart = ka.Length > 0 && kb.Length > 0 && ka[0] == kb[0] && (ka[0] != 'a' || a[0] == b[0]);
        return sameStart && Distance(a, b) <= Math.Max(2, b.Length / 4)
            && ((ka == kb && ka.Length >= 5) || (Math.Min(ka.Length, kb.Length) >= 6 && Distance(ka, kb) <= 1));
    }

    /// <summary>Optimal string alignment distance (Levenshtein with transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

/// <summary>
/// A rough key of how an English word sounds: letters that sound alike folded together (c/k/q,
/// ph/f, s/z…), vowels after the first letter and doubled letters dropped. Two spellings with
/// the same key sound alike ("postgress", "postgres").
/// </summary>
public static class Phonetic
{
    public static string Key(string word)
    {
        var w = word.ToLowerInvariant().Replace("ph", "f").Replace("ck", "k").Replace("qu", "k").Replace("x", "ks").Replace("sch", "sk");
        var key = new System.Text.StringBuilder();
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i] switch
            {
                'c' or 'q' or 'k' or 'g' => 'k',
                's' or 'z' => 's',
                'b' or 'p' => 'p',
                'd' or 't' => 't',
                'v' or 'f' => 'f',
                'm' or 'n' => 'n',
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w' => i == 0 ? 'a' : '\0',
                var other when char.IsLetter(other) => other,
                _ => '\0',
            };
            if (c != '\0' && (key.Length == 0 || key[^1] != c))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }
}

/// <summary>
/// Abbreviations as speech recognisers write them when they are said letter by letter: single letters,
/// letters' names ("tea see pee"), numbers ("e c two") and short runs of consonants ("you dp").
/// </summary>
public static class Spelling
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["ay"] = "a", ["bee"] = "b", ["be"] = "b", ["see"] = "c", ["sea"] = "c", ["cee"] = "c", ["dee"] = "d", ["ee"] = "e",
        ["ef"] = "f", ["eff"] = "f", ["gee"] = "g", ["aitch"] = "h", ["eye"] = "i", ["jay"] = "j", ["kay"] = "k", ["el"] = "l",
        ["ell"] = "l", ["em"] = "m", ["en"] = "n", ["oh"] = "o", ["pee"] = "p", ["cue"] = "q", ["queue"] = "q", ["are"] = "r",
        ["ar"] = "r", ["es"] = "s", ["ess"] = "s", ["tea"] = "t", ["tee"] = "t", ["you"] = "u", ["vee"] = "v", ["ex"] = "x",
        ["why"] = "y", ["zee"] = "z", ["zed"] = "z", ["zero"] = "0", ["one"] = "1", ["two"] = "2", ["to"] = "2", ["three"] = "3",
        ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8", ["nine"] = "9",
    };

    /// <summary>The digit a number word stands for ("two" is 2), or null.</summary>
    public static string? Digits(string word) =>
        word is "to" or "too" ? null : Names.TryGetValue(word, out var letters) && letters.All(char.IsAsciiDigit) ? letters : null;

    /// <summary>A word that may be said letter by letter: two to six letters or digits, at least one a letter.</summary>
    public static bool IsAbbreviation(string surface) =>
        surface.Length is >= 2 and <= 6 && surface.All(char.IsAsciiLetterOrDigit) && surface.Any(char.IsAsciiLetter);

    /// <summary>The last unit of the words from unit <paramref name="at"/> on that spell <paramref name="surface"/>, in two words or more.</summary>
    public static int? SpelledTo(string surface, List<Unit> units, List<Word> words, int at)
    {
        var done = 0;
        var parts = 0;
        for (var u = at; u < units.Count && done < surface.Length; u++)
        {
            if (units[u].First != units[u].Last || (u > at && words[units[u].First].Start - words[units[u - 1].Last].End > 1))
            {
                return null; // a phrase of a synonym group, or a comma or full stop between the letters
            }

            var said = words[units[u].First].Surface;
            // A letter's name, a letter or digit, or a run of up to three with no vowel ("dp"): "red is" is not spelling REDIS.
            var letters = Names.GetValueOrDefault(said)
                ?? (said.Length <= 3 && said.All(char.IsAsciiLetterOrDigit) && (said.Length == 1 || !said.Any(c => "aeiouy".Contains(c))) ? said : null);
            if (surface.Length == 2 && said.Length > 1)
            {
                return null; // two letters are only taken said as letters: "you see i" is not CI
            }

            if (letters is null || !surface.AsSpan(done).StartsWith(letters, StringComparison.Ordinal))
            {
                return null;
            }

            done += letters.Length;
            parts++;
            if (done == surface.Length)
            {
                return parts >= 2 ? u : null;
            }
        }

        return null;
    }
}
