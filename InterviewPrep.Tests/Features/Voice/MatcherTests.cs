using InterviewPrep.Web.Features.Voice.Grading;

namespace InterviewPrep.Tests.Features.Voice;

/// <summary>How the grader hears a concept in what speech recognisers write.</summary>
public sealed class MatcherTests
{
    private static List<(MatchKind Kind, string Text, bool Partial)> Heard(string concept, string transcript)
    {
        var said = new MatchText(transcript, Synonyms.Default);
        var written = Word.Split(concept);
        var keys = Synonyms.Default.Units(written).Where(u => !u.IsFunction).Select(u => u.Key).ToArray();
        var surfaces = written.Where(w => !w.IsFunction).Select(w => w.Surface).ToArray();
        return Matcher.Find(keys, null, said.Units, said.Words, surfaces)
            .Select(o => (o.Kind, transcript[said.Words[o.FirstWord].Start..said.Words[o.LastWord].End], o.Partial))
            .ToList();
    }

    [Theory]
    [InlineData("tcp", "so tea see pee is connection oriented", "tea see pee")]
    [InlineData("tcp", "it runs over t c p and", "t c p")]
    [InlineData("udp", "you d p just fires off datagrams", "you d p")]
    [InlineData("udp", "and you dp has no handshake", "you dp")]
    [InlineData("ec2", "attached to one e c two instance", "e c two")]
    [InlineData("http", "all of it goes over h t t p", "h t t p")]
    [InlineData("ci", "then c i runs the tests", "c i")]
    public void AnAbbreviation_SaidLetterByLetter_IsHeard(string concept, string transcript, string heard)
    {
        var (kind, text, partial) = Assert.Single(Heard(concept, transcript));

        Assert.Equal(MatchKind.Spelled, kind);
        Assert.Equal(heard, text);
        Assert.False(partial);
    }

    [Theory]
    [InlineData("tcp", "i had tea, see, and a pee break")] // a comma between the letters
    [InlineData("ci", "so you see i think it works")] // two letters are only taken from single letters
    [InlineData("tcp", "the tea see")] // not all of it
    [InlineData("udp", "you do the work")]
    public void OrdinaryWords_AreNotTakenForLetters(string concept, string transcript) => Assert.Empty(Heard(concept, transcript));

    [Theory]
    [InlineData("index", "in dex")]
    [InlineData("redis", "red is")]
    [InlineData("tcp", "tea cup")]
    public void ShortWordsWithAVowel_AreWords_NotLetters(string concept, string transcript)
    {
        var said = new MatchText(transcript, Synonyms.Parse("unrelated, group"));

        Assert.Null(Spelling.SpelledTo(concept, said.Units, said.Words, 0));
    }

    [Theory]
    [InlineData("array", "an a ray is one contiguous block", "a ray")]
    [InlineData("connectionless", "udp is connection less so it is lighter", "connection less")]
    [InlineData("differential", "a different shall copies everything since the last full", "different shall")]
    public void OneWord_HeardAsTwo_IsHeard_EvenWithALittleWordInIt(string concept, string transcript, string heard)
    {
        var (kind, text, _) = Assert.Single(Heard(concept, transcript));

        Assert.Equal(MatchKind.SoundsAlike, kind);
        Assert.Equal(heard, text);
    }

    [Theory]
    [InlineData("overfitting", "it fits the shape of everything you give it")] // "of" + "everything" folds to the same sounds
    [InlineData("committed", "the candidate asks for votes")] // k-n-t, both
    [InlineData("prioritization", "the payments team wanted it")]
    [InlineData("negotiation", "getting paged at night then")]
    [InlineData("window", "so you want the tokens")]
    public void WordsThatOnlyShareSomeSounds_AreNotHeardAsTheConcept(string concept, string transcript) => Assert.Empty(Heard(concept, transcript));

    [Theory]
    [InlineData("http/2", "with h t t p two every stream shares one connection", "h t t p two")]
    [InlineData("http/2", "over http two", "http two")]
    public void ANumberInAConcept_IsHeardAsItsWord(string concept, string transcript, string heard)
    {
        var (_, text, partial) = Assert.Single(Heard(concept, transcript));

        Assert.Equal(heard, text);
        Assert.False(partial);
    }

    [Theory]
    [InlineData("http/2", "http one one needs two connections")] // the two is not next to http
    [InlineData("layer 4", "a layer seven balancer can send four requests")]
    [InlineData("layer 4", "there are four of them")] // a number alone is no part of the concept
    public void ANumberWord_AwayFromTheRestOfTheConcept_IsNotIt(string concept, string transcript) => Assert.Empty(Heard(concept, transcript));

    [Theory]
    [InlineData("array", "the a, ray")]
    [InlineData("postgres", "post. gress")]
    public void TwoWordsWithPunctuationBetween_AreNotOneWord(string concept, string transcript) =>
        Assert.DoesNotContain(Heard(concept, transcript), h => h.Kind == MatchKind.SoundsAlike);

    [Fact]
    public void AConceptSaid_IsHeardAsSaid_NotAsAMisspellingNextToIt()
    {
        var (kind, text, partial) = Assert.Single(Heard("stale responses", "i keep the state so stale responses get dropped"));

        Assert.Equal(MatchKind.Exact, kind);
        Assert.Equal("stale responses", text);
        Assert.False(partial);
    }

    [Fact]
    public void AWordSaid_AfterALittleWord_IsHeardAsSaid()
    {
        var (kind, text, _) = Assert.Single(Heard("playbook", "you write a playbook and run it"));

        Assert.Equal(MatchKind.Exact, kind);
        Assert.Equal("playbook", text);
    }
}
