using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace InterviewPrep.Web.Features.Voice.Grading;

/// <summary>
/// One word of a text: as written (lower case), its stem, and where it is in the text. The stem is the
/// word's lemma (Krovetz: "indices" is "index", "queries" is "query") folded further by Porter's
/// stemmer ("replicas", "replicated" and "replication" all meet), so plural, tense and derived forms
/// of a word match.
/// </summary>
public sealed record Word(string Surface, string Stem, int Start, int End)
{
    /// <summary>A word that carries no topic (articles, pronouns, auxiliaries, prepositions, fillers).</summary>
    public bool IsFunction => FunctionWords.Contains(Surface);

    public static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "it's", "they", "them", "their", "there", "here",
        "i", "i'm", "i'd", "i've", "me", "my", "we", "we're", "our", "us", "you", "you're", "your", "he", "she", "his", "her",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has", "had",
        "will", "would", "can", "could", "should", "shall", "may", "might", "must", "gonna", "wanna",
        "and", "or", "but", "if", "then", "else", "so", "because", "since", "as", "than", "when", "while", "where",
        "which", "who", "whom", "what", "why", "how", "whether", "that's", "there's", "what's",
        "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "about", "over", "under", "between",
        "through", "up", "down", "out", "off", "per", "via", "like", "just", "also", "very", "really", "too",
        "all", "any", "some", "each", "every", "more", "most", "less", "much", "many", "few", "other", "another", "such",
        "not", "no", "never", "don't", "doesn't", "isn't", "aren't", "can't", "won't", "shouldn't", "wouldn't", "didn't",
        "um", "uh", "er", "erm", "ah", "hmm", "uhm", "mm", "okay", "ok", "yeah", "well", "basically", "actually", "right",
        "kind", "sort", "thing", "things", "stuff", "get", "got", "make", "makes", "one", "way", "use", "used", "using",
    };

    private static readonly Analyzer Stemming = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new KStemFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The words of a text, in order. Analyzers are thread-safe (each thread reuses its own stream).</summary>
    public static List<Word> Split(string? text)
    {
        var words = new List<Word>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        using var stream = Stemming.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var surface = text[offset.StartOffset..offset.EndOffset].ToLowerInvariant().Replace('’', '\'');
            words.Add(new Word(surface, term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return words;
    }

    /// <summary>The stem of one word or phrase written as one word ("autoscaling").</summary>
    public static string StemOf(string word) => Split(word) is [var only] ? only.Stem : word.ToLowerInvariant();
}
