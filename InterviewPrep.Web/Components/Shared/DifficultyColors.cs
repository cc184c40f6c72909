using InterviewPrep.Data.Entities;
using MudBlazor;

namespace InterviewPrep.Web.Components.Shared;

public static class DifficultyColors
{
    public static Color For(Difficulty difficulty) => difficulty switch
    {
        Difficulty.Beginner => Color.Success,
        Difficulty.Intermediate => Color.Info,
        Difficulty.Advanced => Color.Warning,
        _ => Color.Error,
    };
}
