using InterviewPrep.Web.Features.Voice.Grading;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// How alike questions are: each is a TF-IDF vector over the stems of its content words (Lucene's English
/// stemming, function words left out), and two questions are as alike as the cosine of their vectors. The
/// nearest questions are found through an inverted index, only over terms that fewer than
/// <see cref="CommonShare"/> of the questions use: a cheap candidate filter that never compares every pair.
/// </summary>
public sealed class SimilarityIndex
{
    /// <summary>Terms used by more than this share of the questions do not find candidates (they still count in the cosine of candidates found otherwise).</summary>
    public const double CommonShare = 0.05;

    private readonly Dictionary<string, Dictionary<string, double>> _vectors;
    private readonly Dictionary<string, List<(string Id, double Weight)>> _postings;
    private readonly HashSet<string> _common;

    private SimilarityIndex(Dictionary<string, Dictionary<string, double>> vectors, HashSet<string> common)
    {
        _vectors = vectors;
        _common = common;
        _postings = new Dictionary<string, List<(string, double)>>(StringComparer.Ordinal);
        foreach (var (id, vector) in vectors)
        {
            foreach (var (term, weight) in vector)
            {
                if (!common.Contains(term))
                {
                    (_postings.TryGetValue(term, out var list) ? list : _postings[term] = []).Add((id, weight));
                }
            }
        }
    }

    public int Count => _vectors.Count;

    /// <summary>The content-word stems of a text, once each.</summary>
    public static HashSet<string> Terms(string text) =>
        Word.Split(ConceptFinder.Plain(text)).Where(w => !w.IsFunction && w.Stem.Length > 1).Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>Builds the index from each question's id and text; a question's text can weigh more by appearing twice.</summary>
    public static SimilarityIndex Build(IEnumerable<(string Id, string Text)> documents)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, text) in documents)
        {
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var word in Word.Split(ConceptFinder.Plain(text)))
            {
                if (!word.IsFunction && word.Stem.Length > 1)
                {
                    tf[word.Stem] = tf.GetValueOrDefault(word.Stem) + 1;
                }
            }

            counts[id] = tf;
            foreach (var term in tf.Keys)
            {
                frequency[term] = frequency.GetValueOrDefault(term) + 1;
            }
        }

        var n = counts.Count;
        var vectors = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (id, tf) in counts)
        {
            var vector = tf.ToDictionary(t => t.Key, t => (1 + Math.Log(t.Value)) * Math.Log((n + 1.0) / (frequency[t.Key] + 1.0)), StringComparer.Ordinal);
            var norm = Math.Sqrt(vector.Values.Sum(w => w * w));
            vectors[id] = norm == 0 ? [] : vector.ToDictionary(v => v.Key, v => v.Value / norm, StringComparer.Ordinal);
        }

        var common = frequency.Where(f => f.Value > Math.Max(20, CommonShare * n)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return new SimilarityIndex(vectors, common);
    }

    /// <summary>The cosine of two indexed questions; 0 when either is unknown.</summary>
    public double Similarity(string a, string b)
    {
        if (!_vectors.TryGetValue(a, out var va) || !_vectors.TryGetValue(b, out var vb))
        {
            return 0;
        }

        var (small, large) = va.Count <= vb.Count ? (va, vb) : (vb, va);
        return small.Sum(t => large.TryGetValue(t.Key, out var w) ? t.Value * w : 0);
    }

    /// <summary>The questions most like <paramref name="id"/>, most alike first, at least <paramref name="least"/> alike.</summary>
    public IReadOnlyList<(string Id, double Score)> Nearest(string id, int take, double least)
    {
        if (!_vectors.TryGetValue(id, out var vector))
        {
            return [];
        }

        // The dot product over the rarer terms, through their postings; the full cosine only for the best of those.
        var partial = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, weight) in vector)
        {
            if (_postings.TryGetValue(term, out var list))
            {
                foreach (var (other, w) in list)
                {
                    if (other != id)
                    {
                        partial[other] = partial.GetValueOrDefault(other) + weight * w;
                    }
                }
            }
        }

        var candidates = partial.OrderByDescending(p => p.Value).Take(Math.Max(50, take * 10)).Select(p => p.Key);
        return candidates.Select(c => (Id: c, Score: Similarity(id, c)))
            .Where(c => c.Score >= least)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }
}
