namespace InterviewPrep.Data.Content;

/// <summary>Configuration section <c>Content</c>.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Import the starter content on first start (idempotent).</summary>
    public bool SeedStarterContent { get; set; } = true;

    /// <summary>Folder of the starter content; defaults to the one shipped next to the application.</summary>
    public string? StarterContentPath { get; set; }
}
