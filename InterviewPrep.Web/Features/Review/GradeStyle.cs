using MudBlazor;

namespace InterviewPrep.Web.Features.Review;

/// <summary>How grades look wherever a learner grades: red for Again through green for Easy.</summary>
public static class GradeStyle
{
    public static Color ColorOf(Grade grade) => grade switch
    {
        Grade.Again => Color.Error,
        Grade.Hard => Color.Warning,
        Grade.Good => Color.Primary,
        _ => Color.Success,
    };
}
