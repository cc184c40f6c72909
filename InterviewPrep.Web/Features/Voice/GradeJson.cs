using System.Text.Json;
using System.Text.Json.Serialization;
using InterviewPrep.Web.Features.Voice.Grading;

namespace InterviewPrep.Web.Features.Voice;

/// <summary>A grade as one JSON object, for scripts: score, verdict, matched and missed concepts (with the text where each was heard), reasons.</summary>
public static class GradeJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(VoiceGrade grade, string transcript) => JsonSerializer.Serialize(new
    {
        score = grade.Score,
        verdict = grade.Verdict,
        matched = grade.Matched.Select(c => new
        {
            concept = c.Name,
            weight = c.Weight,
            credit = Math.Round(c.Credit, 2),
            how = c.How,
            derived = c.Derived,
            heard = c.Where.Select(w => new { start = w.Start, end = w.End, text = transcript[w.Start..w.End] }),
        }),
        missed = grade.Missed.Select(c => new { concept = c.Name, weight = c.Weight, why = c.How, derived = c.Derived }),
        reasons = grade.Reasons.Select(r => new { points = r.Points, why = r.Why }),
        conceptsDerived = grade.ConceptsDerived,
        relevance = grade.Relevance,
        star = grade.Star,
        delivery = new { words = grade.Delivery.Words, fillers = grade.Delivery.Fillers, fillerWords = grade.Delivery.FillerWords },
    }, Options);
}
