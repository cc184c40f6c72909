using InterviewPrep.Data.Content.Certifications;

namespace InterviewPrep.Web.Features.Certifications;

/// <summary>A key term of a model answer, as written there, and whether the learner's text covered it.</summary>
public sealed record KeyTerm(string Term, bool Covered);

/// <summary>Which of the model answer's key terms a written answer covered, and the mark that suggests.</summary>
public sealed record Coverage(IReadOnlyList<KeyTerm> Terms, ExamMark? Suggested)
{
    public int CoveredCount => Terms.Count(t => t.Covered);

    public double Share => Terms.Count == 0 ? 0 : (double)CoveredCount / Terms.Count;
}

/// <summary>
/// How rare each word is among a collection of answers (the certification's), so a key term is what this
/// answer says that others do not: inverse document frequency, ln((N + 1) / (df + 1)) + 1.
/// </summary>
public sealed record TermRarity(int Documents, IReadOnlyDictionary<string, int> Frequency)
{
    public static readonly TermRarity None = new(0, new Dictionary<string, int>());

    public double Weight(string stem) => Documents == 0 ? 1 : Math.Log((Documents + 1.0) / (Frequency.GetValueOrDefault(stem) + 1.0)) + 1;

    public static TermRarity From(IEnumerable<string> answers)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = 0;
        foreach (var answer in answers)
        {
            documents++;
            foreach (var stem in DomainAssigner.Terms(answer).Distinct())
            {
                frequency[stem] = frequency.GetValueOrDefault(stem) + 1;
            }
        }

        return new TermRarity(documents, frequency);
    }
}

/// <summary>
/// A transparent first grader for open answers: the model answer's key terms are its most frequent
/// content words weighed by how rare they are among the certification's answers (stop words out, word endings folded,
/// words the question itself uses left out), and a
/// written answer covers a term when it uses the same word in any of its forms. It only suggests a
/// mark (60% of the terms or more: correct; 30% or more: partly; less: wrong); the learner decides.
/// </summary>
public static class AnswerCoverage
{
    public const int MaxTerms = 10;

    public static Coverage Check(string question, string modelAnswer, string? written, TermRarity? rarity = null)
    {
        var terms = KeyTerms(question, modelAnswer, rarity);
        if (string.IsNullOrWhiteSpace(written))
        {
            return new Coverage(terms.Select(t => new KeyTerm(t.Word, false)).ToList(), null);
        }

        var said = Words(written).Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
        var checkedTerms = terms.Select(t => new KeyTerm(t.Word, said.Contains(t.Stem))).ToList();
        var share = checkedTerms.Count == 0 ? 0 : (double)checkedTerms.Count(t => t.Covered) / checkedTerms.Count;
        var suggested = checkedTerms.Count == 0 ? (ExamMark?)null
            : share >= 0.6 ? ExamMark.Correct
            : share >= 0.3 ? ExamMark.Partly
            : ExamMark.Wrong;
        return new Coverage(checkedTerms, suggested);
    }

    /// <summary>
    /// The answer's key terms, the most telling first (uses in the answer times rarity; then the longer word),
    /// each as first written in the answer.
    /// </summary>
    public static IReadOnlyList<(string Stem, string Word)> KeyTerms(string question, string modelAnswer, TermRarity? rarity = null)
    {
        rarity ??= TermRarity.None;
        var asked = Words(question).Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
        var ranked = Words(StripCode(modelAnswer))
            .Where(w => w.Stem.Length >= 3 && !w.Stem.All(char.IsDigit))
            .Select((w, i) => (w.Stem, w.Word, Index: i))
            .GroupBy(w => w.Stem, StringComparer.Ordinal)
            .Select(g => (Stem: g.Key, Word: g.First().Word, Count: g.Count(), First: g.First().Index, Asked: asked.Contains(g.Key)))
            .OrderByDescending(t => t.Count * rarity.Weight(t.Stem))
            .ThenByDescending(t => t.Stem.Length) // among equals, longer words are the more specific
            .ThenBy(t => t.First)
            .ToList();
        var fresh = ranked.Where(t => !t.Asked).ToList();
        // An answer that mostly repeats the question still has terms to look for.
        var chosen = fresh.Count >= 3 ? fresh : ranked;
        return chosen.Take(MaxTerms).Select(t => (t.Stem, t.Word)).ToList();
    }

    private static string StripCode(string markdown)
    {
        // Fenced code is an illustration, not the answer's vocabulary.
        var lines = markdown.Split('\n');
        var inFence = false;
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence)
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept);
    }

    private static IEnumerable<(string Word, string Stem)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = text[start..i];
                start = -1;
                if (DomainAssigner.Terms(word).FirstOrDefault() is { } stem)
                {
                    yield return (word, stem);
                }
            }
        }
    }
}
