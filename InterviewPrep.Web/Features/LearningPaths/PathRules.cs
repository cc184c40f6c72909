namespace InterviewPrep.Web.Features.LearningPaths;

/// <summary>The checks every path editor makes of milestones, by field (<c>Milestones</c>, <c>Milestones[i].Title</c>, <c>Milestones[i].Questions</c>).</summary>
public static class PathRules
{
    public const int MaxMilestoneTitleLength = 120;

    public static void ValidateMilestones(IReadOnlyList<MilestoneForm> milestones, Dictionary<string, string> errors, int maxQuestions)
    {
        var total = milestones.Sum(m => m.QuestionIds.Count);
        if (milestones.Count == 0 || total == 0)
        {
            errors["Milestones"] = "Add a milestone and put questions in it: a path is questions in order.";
            return;
        }

        if (total > maxQuestions)
        {
            errors["Milestones"] = $"The path has {total:N0} questions; at most {maxQuestions:N0} are allowed.";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            var title = m.Title?.Trim() ?? "";
            if (title.Length == 0)
            {
                errors[$"Milestones[{i}].Title"] = "A milestone's title is required.";
            }
            else if (title.Length > MaxMilestoneTitleLength)
            {
                errors[$"Milestones[{i}].Title"] = $"A milestone's title is {title.Length} characters long; at most {MaxMilestoneTitleLength} are allowed.";
            }

            if (m.QuestionIds.Count == 0)
            {
                errors[$"Milestones[{i}].Questions"] = "This milestone has no questions: add some, or remove it.";
            }

            foreach (var q in m.QuestionIds)
            {
                if (string.IsNullOrWhiteSpace(q))
                {
                    errors[$"Milestones[{i}].Questions"] = "A question id is empty.";
                }
                else if (!seen.Add(q.Trim()))
                {
                    errors[$"Milestones[{i}].Questions"] = $"{q} is in the path twice; a question belongs to one milestone.";
                }
            }
        }
    }
}
