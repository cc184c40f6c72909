namespace InterviewPrep.Web.Features.Voice.Grading;

/// <summary>A concept as graded: its credit (0 to 1), how it was heard, and where.</summary>
public sealed record ConceptResult(string Name, double Weight, double Credit, bool Derived, string How, IReadOnlyList<TextSpan> Where);

/// <summary>Characters of the transcript.</summary>
public sealed record TextSpan(int Start, int End);

/// <summary>Points added (positive) or taken away (negative), and why.</summary>
public sealed record GradeReason(int Points, string Why);

/// <summary>Which parts of a STAR answer (situation, task, action, result) were heard.</summary>
public sealed record StarParts(bool Situation, bool Task, bool Action, bool Result)
{
    public int Count => (Situation ? 1 : 0) + (Task ? 1 : 0) + (Action ? 1 : 0) + (Result ? 1 : 0);
}

/// <summary>How the answer was delivered: pace against a comfortable 120–170 words a minute, fillers, length.</summary>
public sealed record Delivery(int Words, double? WordsPerMinute, int Fillers, double? FillersPerMinute, IReadOnlyList<string> FillerWords)
{
    public const int ComfortableLow = 120;
    public const int ComfortableHigh = 170;

    public string? Pace => WordsPerMinute switch
    {
        null => null,
        < ComfortableLow => "slow",
        > ComfortableHigh => "fast",
        _ => "comfortable",
    };
}

/// <summary>What the score was computed from.</summary>
public sealed record GradeMeasures(double Coverage, double Recall, double Relevance, int ContentWords, int ReasoningMarkers, int Negations, bool ListOfTerms, bool Behavioural, int StoryParts);

/// <summary>The grade of one spoken answer.</summary>
public sealed record VoiceGrade(
    int Score, string Verdict, IReadOnlyList<ConceptResult> Matched, IReadOnlyList<ConceptResult> Missed,
    IReadOnlyList<GradeReason> Reasons, bool ConceptsDerived, StarParts? Star, Delivery Delivery, double Relevance, GradeMeasures? Measures = null)
{
    public const string Excellent = "excellent";
    public const string Good = "good";
    public const string NeedsWork = "needs-work";
    public const string Poor = "poor";

    public static string VerdictOf(int score) => score >= 80 ? Excellent : score >= 60 ? Good : score >= 40 ? NeedsWork : Poor;
}

/// <summary>
/// Grades a spoken answer against a question's concepts, transparently and the same way every time:
/// up to 40 points for the concepts covered, each used in a sentence (a bare list of terms earns
/// little, and a concept said the other way round from the model answer earns nothing and costs
/// 20 points), 10 for using the model answer's most telling words, 15 for staying on this question
/// (the answer's words against the model answer's), and 35 for substance (25 for saying enough,
/// 10 for reasons: "because", "so that", "for example"). Then the bands as an interviewer draws them:
/// a list of terms, an answer to another question or too little said is capped; an answer too brief
/// to develop its points is at most good; one on the question, in sentences, of some substance and
/// contradicting nothing is at least needs work. The weights and bounds were chosen against the
/// team's labelled answers (BENCHMARKS.md).
/// Behavioural questions are judged first by the parts of a STAR story heard (40 points), then by
/// the model story's concepts (15).
/// </summary>
public static class VoiceGrader
{
    private const double CoverageForFullMarks = 0.6;
    private const double ConceptPoints = 40;
    private const double RecallPoints = 10;
    private const double RecallForFullMarks = 0.3;
    private const double StoryPoints = 40;
    private const double BehaviouralConceptPoints = 15;
    private const double RelevancePoints = 15;
    private const double LengthPoints = 25;
    private const double ReasoningPoints = 10;
    private const int FullLength = 70;
    private const int DevelopedLength = 60;
    private const int SomeSubstance = 15;
    private const double OnTheQuestion = 0.15;

    private static readonly string[] ReasoningMarkers =
    [
        "because", "so that", "which means", "that means", "this means", "for example", "for instance", "trade off", "tradeoff",
        "whereas", "instead", "however", "the reason", "this way", "in order to", "otherwise", "unless", "depends", "compared to",
        "the downside", "the benefit", "the advantage", "the problem", "so we", "so you", "which is why", "that's why", "the catch",
    ];

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) { "um", "uh", "er", "erm", "ah", "hmm", "uhm", "mm", "yeah", "okay", "ok", "basically" };

    private static readonly string[] FillerPhrases = ["um", "uh", "er", "erm", "ah", "hmm", "uhm", "you know", "i mean", "basically", "kind of", "sort of", "like you know"];

    public static VoiceGrade Grade(GradingKey key, string transcript, CollectionStats stats, Synonyms synonyms, TimeSpan? duration = null)
    {
        var said = new MatchText(transcript ?? "", synonyms);
        var words = said.Words;
        var reasons = new List<GradeReason>();
        var contentWords = said.Units.Count(u => !u.IsFunction);
        var delivery = DeliveryOf(words, duration);

        // Relevance: the answer's words against the question's and its model answer's.
        var relevance = Cosine(ConceptFinder.Vector(said.Units, stats), key.ReferenceVector);
        // A list of terms with "um" and "yeah" between them is still a list: fillers do not make a sentence.
        var spoken = words.Where(w => !Fillers.Contains(w.Surface)).ToList();
        var functionShare = spoken.Count == 0 ? 0 : (double)spoken.Count(w => w.IsFunction) / spoken.Count;
        var listOfTerms = spoken.Count >= 6 && functionShare < 0.25;

        // Concepts.
        var matched = new List<ConceptResult>();
        var missed = new List<ConceptResult>();
        var negations = 0;
        foreach (var concept in key.Concepts)
        {
            var surfaces = Surfaces(concept, synonyms);
            var occurrences = Matcher.Find(concept.Keys, concept.JoinedKey, said.Units, words, surfaces).ToList();
            if (occurrences.Count == 0)
            {
                missed.Add(new ConceptResult(concept.Name, concept.Weight, 0, concept.Derived, "not heard", []));
                continue;
            }

            var where = occurrences.Select(o => new TextSpan(words[o.FirstWord].Start, words[o.LastWord].End)).ToList();
            var agreeing = occurrences.Where(o => Matcher.IsNegated(words, o.FirstWord, o.LastWord) == concept.NegatedInReference).ToList();
            if (agreeing.Count == 0)
            {
                negations++;
                missed.Add(new ConceptResult(concept.Name, concept.Weight, 0, concept.Derived,
                    concept.NegatedInReference ? "said the other way round" : "negated", where));
                continue;
            }

            var best = agreeing.OrderBy(o => o.Partial).ThenBy(o => (int)o.Kind).First();
            var inContext = agreeing.Any(o => InContext(words, o));
            var credit = (best.Partial ? 0.5 : 1) * (inContext && !listOfTerms ? 1 : 0.35);
            var how = (best.Partial ? "partly, " : "") + best.Kind switch
            {
                MatchKind.Synonym => "by another name",
                MatchKind.Close => "heard as a near spelling",
                MatchKind.SoundsAlike => "heard as two words",
                MatchKind.Spelled => "heard letter by letter",
                _ => "said",
            } + (inContext && !listOfTerms ? "" : ", without explanation");
            matched.Add(new ConceptResult(concept.Name, concept.Weight, credit, concept.Derived, how, where));
        }

        // Recall of the model answer's vocabulary: its most telling words (beyond the question's own), weighted.
        var saidKeys = said.Units.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        var telling = key.ReferenceVector.Where(k => !key.QuestionKeys.Contains(k.Key)).OrderByDescending(k => k.Value).Take(25).ToList();
        var recall = telling.Count == 0 ? 0 : telling.Where(k => saidKeys.Contains(k.Key)).Sum(k => k.Value) / telling.Sum(k => k.Value);

        var totalWeight = key.Concepts.Sum(c => c.Weight);
        var coverage = totalWeight == 0 ? 0 : matched.Sum(c => c.Weight * c.Credit) / totalWeight;
        StarParts? star = null;
        double coveragePoints, relevancePoints;
        if (key.Question.IsBehavioural)
        {
            // A story is judged first by its shape; the concepts of a model story are only hints.
            star = Star(words);
            var storyPoints = StoryPoints * star.Count / 4.0;
            reasons.Add(new GradeReason((int)Math.Round(storyPoints), $"{star.Count} of the 4 parts of a STAR story heard ({StarList(star)})"));
            coveragePoints = storyPoints + BehaviouralConceptPoints * Math.Min(1, coverage / 0.5);
            reasons.Add(new GradeReason((int)Math.Round(BehaviouralConceptPoints * Math.Min(1, coverage / 0.5)),
                $"{matched.Count} of {key.Concepts.Count} concepts of the model story covered (full marks from 50% of their weight)"));
            relevancePoints = RelevancePoints * Math.Clamp((relevance - 0.05) / 0.15, 0, 1);
            reasons.Add(new GradeReason((int)Math.Round(relevancePoints), $"on the question: {relevance:0.00} similarity to the model answer's words (full marks from 0.20)"));
        }
        else
        {
            var conceptPoints = ConceptPoints * Math.Min(1, coverage / CoverageForFullMarks);
            reasons.Add(new GradeReason((int)Math.Round(conceptPoints),
                $"{matched.Count} of {key.Concepts.Count} concepts covered ({coverage:P0} of their weight; full marks from {CoverageForFullMarks:P0})"));
            var recallPoints = RecallPoints * Math.Min(1, recall / RecallForFullMarks);
            reasons.Add(new GradeReason((int)Math.Round(recallPoints),
                $"{recall:P0} of the model answer's most telling words used (full marks from {RecallForFullMarks:P0})"));
            coveragePoints = conceptPoints + recallPoints;
            relevancePoints = RelevancePoints * Math.Clamp((relevance - 0.05) / 0.3, 0, 1);
            reasons.Add(new GradeReason((int)Math.Round(relevancePoints), $"on the question: {relevance:0.00} similarity to the model answer's words (full marks from 0.35)"));
        }

        var markers = ReasoningMarkers.Count(m => ContainsPhrase(words, m));
        var substancePoints = LengthPoints * Math.Min(1, contentWords / (double)FullLength) + ReasoningPoints * Math.Min(1, markers / 3.0);
        reasons.Add(new GradeReason((int)Math.Round(substancePoints),
            $"substance: {contentWords} content words (full marks from {FullLength}), {markers} reasons or examples given (full marks from 3)"));

        var score = coveragePoints + relevancePoints + substancePoints;
        if (negations > 0)
        {
            var cost = Math.Min(36, 20 * negations);
            score -= cost;
            reasons.Add(new GradeReason(-cost, $"{negations} concept{(negations == 1 ? "" : "s")} stated the opposite way from the model answer"));
        }

        score = Cap(score, listOfTerms, 35, "reads as a list of terms, not an explanation: at most 35", reasons);
        score = Cap(score, relevance < 0.08 && words.Count > 0, 30, "does not answer this question: at most 30", reasons);
        score = Cap(score, contentWords < 8, 20, "too little said to judge: at most 20", reasons);
        score = Cap(score, contentWords is >= 8 and < 20, 50, "a very short answer: at most 50", reasons);
        score = Cap(score, contentWords < DevelopedLength && score > 79, 79,
            $"an excellent answer develops its points (from {DevelopedLength} content words, about a minute spoken): at most good", reasons);

        // What makes an answer poor is being wrong, off the question, too thin to judge or a list of terms. One that stays on
        // the question, in sentences, with some substance, something of the model answer beyond the question's own words
        // (a concept or a telling word) and nothing said the wrong way round, shows some understanding.
        if (!listOfTerms && negations == 0 && relevance >= OnTheQuestion && contentWords >= SomeSubstance && (matched.Count > 0 || recall > 0) && score < 40)
        {
            reasons.Add(new GradeReason(Math.Max(0, 40 - reasons.Sum(r => r.Points)),
                $"on the question ({relevance:0.00} similarity, from {OnTheQuestion:0.00}), in sentences, {contentWords} content words (from {SomeSubstance}), " +
                "something of the model answer said and nothing contradicted: at least needs work"));
            score = 40;
        }

        var final = (int)Math.Round(Math.Clamp(score, 0, 100));
        return new VoiceGrade(final, VoiceGrade.VerdictOf(final), matched, missed, reasons, key.Derived, star, delivery, Math.Round(relevance, 3),
            new GradeMeasures(coverage, recall, relevance, contentWords, markers, negations, listOfTerms, key.Question.IsBehavioural, star?.Count ?? 0));
    }

    private static double Cap(double score, bool applies, double cap, string why, List<GradeReason> reasons)
    {
        if (!applies)
        {
            return score;
        }

        // Said even when the score is below the cap already: the learner sees what held the answer back. When it applies,
        // its points bring the reasons' sum to the cap exactly.
        reasons.Add(new GradeReason(score > cap ? Math.Min(0, (int)cap - reasons.Sum(r => r.Points)) : 0, why));
        return Math.Min(score, cap);
    }

    /// <summary>Each key of a concept as written in its name, for near spellings.</summary>
    private static string[] Surfaces(Concept concept, Synonyms synonyms)
    {
        var words = Word.Split(concept.Name);
        var units = synonyms.Units(words).Where(u => !u.IsFunction).ToList();
        return concept.Keys.Select(k => units.FirstOrDefault(u => u.Key == k) is { } u
            ? string.Concat(Enumerable.Range(u.First, u.Last - u.First + 1).Select(i => words[i].Surface))
            : k).ToArray();
    }

    /// <summary>A mention with a sentence around it: function words nearby, as in speech, not a list.</summary>
    private static bool InContext(List<Word> words, Occurrence o)
    {
        var around = 0;
        for (var i = Math.Max(0, o.FirstWord - 5); i <= Math.Min(words.Count - 1, o.LastWord + 5); i++)
        {
            if ((i < o.FirstWord || i > o.LastWord) && words[i].IsFunction)
            {
                around++;
            }
        }

        return around >= 2;
    }

    private static bool ContainsPhrase(List<Word> words, string phrase)
    {
        var parts = phrase.Split(' ');
        for (var i = 0; i + parts.Length <= words.Count; i++)
        {
            var all = true;
            for (var k = 0; k < parts.Length && all; k++)
            {
                all = words[i + k].Surface == parts[k];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static double Cosine(Dictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var (k, v) in a)
        {
            na += v * v;
            if (b.TryGetValue(k, out var w))
            {
                dot += v * w;
            }
        }

        foreach (var v in b.Values)
        {
            nb += v * v;
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    private static Delivery DeliveryOf(List<Word> words, TimeSpan? duration)
    {
        var fillers = new List<string>();
        foreach (var phrase in FillerPhrases)
        {
            var parts = phrase.Split(' ');
            for (var i = 0; i + parts.Length <= words.Count; i++)
            {
                if (parts.Select((p, k) => words[i + k].Surface == p).All(x => x))
                {
                    fillers.Add(phrase);
                }
            }
        }

        var minutes = duration is { TotalSeconds: >= 1 } d ? d.TotalMinutes : (double?)null;
        return new Delivery(words.Count, minutes is { } m ? Math.Round(words.Count / m) : null, fillers.Count,
            minutes is { } mm ? Math.Round(fillers.Count / mm, 1) : null, fillers.Distinct().ToList());
    }

    private static readonly string[] SituationCues = ["situation", "context", "background", "at my previous", "at my last", "we were", "there was", "when i was", "our team", "the team was", "a few years ago", "last year", "at the time", "we had", "one time", "the project"];
    private static readonly string[] TaskCues = ["my task", "my role", "i was responsible", "i was asked", "my job was", "the goal", "my goal", "i needed to", "i had to", "we needed to", "we had to", "i owned", "i was the", "responsibility"];
    private static readonly string[] ResultCues = ["as a result", "the result", "in the end", "outcome", "ended up", "reduced", "improved", "increased", "decreased", "dropped", "saved", "we shipped", "we launched", "i learned", "learned that", "lesson", "percent", "since then", "afterwards", "going forward"];

    private static StarParts Star(List<Word> words)
    {
        var text = " " + string.Join(' ', words.Select(w => w.Surface)) + " ";
        bool Any(string[] cues) => cues.Any(c => text.Contains(" " + c + " ", StringComparison.Ordinal));
        // Action: the speaker saying what they did ("i set up", "i talked", "i decided").
        var actions = 0;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i].Surface is "i" or "we" && (words[i + 1].Surface.EndsWith("ed", StringComparison.Ordinal)
                || words[i + 1].Surface is "set" or "built" or "wrote" or "made" or "led" or "ran" or "took" or "got" or "sat" or "met" or "put" or "brought" or "went" or "spoke" or "told" or "chose" or "found" or "drove" or "began" or "started"))
            {
                actions++;
            }
        }

        return new StarParts(Any(SituationCues), Any(TaskCues), actions >= 2, Any(ResultCues) || words.Any(w => w.Surface.EndsWith('%')));
    }

    private static string StarList(StarParts star)
    {
        var parts = new[] { (star.Situation, "situation"), (star.Task, "task"), (star.Action, "action"), (star.Result, "result") }
            .Where(p => p.Item1).Select(p => p.Item2).ToList();
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
