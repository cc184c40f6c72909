using InterviewPrep.Data.Entities;

namespace InterviewPrep.Web.Features.LearningPaths;

/// <summary>A milestone as planned by the path: its title and the question ids it covers, in order.</summary>
public sealed record MilestonePlan(string Title, IReadOnlyList<string> QuestionIds);

/// <summary>
/// How a path's questions fall into its milestones: a milestone that lists its own question ids takes
/// those; the others take the next <see cref="Milestone.QuestionCount"/> of the path's ordered
/// <c>questionIds</c>, in milestone order. Questions the milestones leave over make a last milestone;
/// a path without milestones is one milestone of all its questions. No question appears twice.
/// </summary>
public static class PathMilestones
{
    public const string LeftOverTitle = "More questions";
    public const string AllTitle = "Questions";

    public static IReadOnlyList<MilestonePlan> Split(IReadOnlyList<string> questionIds, IReadOnlyList<Milestone>? milestones)
    {
        var ordered = questionIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (milestones is not { Count: > 0 })
        {
            return ordered.Count == 0 ? [] : [new MilestonePlan(AllTitle, ordered)];
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        // Ids a milestone names for itself are not counted again by the milestones that go by counts.
        foreach (var id in milestones.SelectMany(m => m.QuestionIds ?? []))
        {
            used.Add(id);
        }

        var cursor = 0;
        var plans = new List<MilestonePlan>();
        foreach (var milestone in milestones)
        {
            if (milestone.QuestionIds is { Count: > 0 } own)
            {
                plans.Add(new MilestonePlan(milestone.Title, own.Distinct(StringComparer.Ordinal).ToList()));
                continue;
            }

            var taken = new List<string>();
            while (taken.Count < Math.Max(0, milestone.QuestionCount) && cursor < ordered.Count)
            {
                var id = ordered[cursor++];
                if (used.Add(id))
                {
                    taken.Add(id);
                }
            }

            plans.Add(new MilestonePlan(milestone.Title, taken));
        }

        var left = ordered.Where(used.Add).ToList();
        if (left.Count > 0)
        {
            plans.Add(new MilestonePlan(LeftOverTitle, left));
        }

        return plans;
    }
}
