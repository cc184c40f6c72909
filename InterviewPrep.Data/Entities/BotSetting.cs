namespace InterviewPrep.Data.Entities;

/// <summary>
/// An admin's choices for one bot (table <c>botSettings</c>): whether its edits are published or proposed
/// for review, and whether its schedule is paused. A bot with no row runs with its own defaults.
/// </summary>
public class BotSetting
{
    public required string BotName { get; set; }

    public BotMode Mode { get; set; }

    /// <summary>A paused bot does not run on its schedule; an admin can still run it by hand.</summary>
    public bool Paused { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
