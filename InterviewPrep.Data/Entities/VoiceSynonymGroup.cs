namespace InterviewPrep.Data.Entities;

/// <summary>
/// One group of words and phrases the voice grader hears as the same thing (table <c>voiceSynonyms</c>),
/// added by admins to the groups built in: the first phrase names the group.
/// </summary>
public class VoiceSynonymGroup
{
    public int Id { get; set; }

    public List<string> Phrases { get; set; } = [];

    public DateTime LastUpdated { get; set; }
}
