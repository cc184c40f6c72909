using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Admin;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>The editor's field checks and the version comparison's word-level differences.</summary>
public sealed class QuestionDraftTests
{
    private static readonly string[] Channels = ["kubernetes", "databases"];

    private static QuestionDraft Valid() => new()
    {
        Id = "q-9001", Text = "What is a pod?", Answer = "The smallest deployable unit.", Channel = "kubernetes", SubChannel = "pods",
    };

    [Fact]
    public void ValidDraft_BecomesCleanContent()
    {
        var draft = Valid();
        draft.Tags = [" k8s ", "k8s", "", "pods"];
        draft.JobTitleRelevance = ["Platform engineer: 80"];
        draft.ShortVideo = " https://videos.example/pod ";

        var data = draft.Validate(Channels, out var errors);

        Assert.Empty(errors);
        Assert.Equal(["k8s", "pods"], data!.Tags);
        Assert.Equal(80, data.JobTitleRelevance!["Platform engineer"]);
        Assert.Equal(new QuestionVideos("https://videos.example/pod", null), data.Videos);
        Assert.Null(data.Companies);
    }

    [Fact]
    public void EveryBadField_GetsItsOwnMessage_AndNothingIsProduced()
    {
        var draft = new QuestionDraft
        {
            Id = "no spaces please",
            Text = new string('x', QuestionDraft.MaxTextLength + 1),
            Answer = " ",
            Channel = "astrology",
            SubChannel = "",
            SourceUrl = "javascript:alert(1)",
            LongVideo = "ftp://example.test/v",
            RelevanceScore = 101,
            RelevanceDetails = "{not json",
            JobTitleRelevance = ["Backend engineer"],
            VoiceSuitable = true,
        };

        var data = draft.Validate(Channels, out var errors);

        Assert.Null(data);
        Assert.Equal(
            new[]
            {
                nameof(QuestionDraft.Id), nameof(QuestionDraft.Text), nameof(QuestionDraft.Answer), nameof(QuestionDraft.Channel),
                nameof(QuestionDraft.SubChannel), nameof(QuestionDraft.SourceUrl), nameof(QuestionDraft.LongVideo), nameof(QuestionDraft.RelevanceScore),
                nameof(QuestionDraft.RelevanceDetails), nameof(QuestionDraft.JobTitleRelevance),
            }.Order(),
            errors.Keys.Order());
        Assert.Contains("astrology", errors[nameof(QuestionDraft.Channel)], StringComparison.Ordinal);
        Assert.Contains("1,001", errors[nameof(QuestionDraft.Text)], StringComparison.Ordinal);
    }

    [Fact]
    public void DraftFromContent_RoundTrips()
    {
        var original = new QuestionData
        {
            Id = "q-1", Text = "T", Answer = "A", Explanation = "E", Channel = "databases", SubChannel = "s", Difficulty = Difficulty.Expert,
            Tags = ["x"], Companies = ["Acme"], VoiceKeywords = ["mvcc"], VoiceSuitable = true, Status = QuestionStatus.Flagged,
            JobTitleRelevance = new() { ["DBA"] = 92.5 }, RelevanceDetails = System.Text.Json.Nodes.JsonNode.Parse("""{"why":"often asked"}"""),
            Videos = new QuestionVideos(null, "https://v.example/long"),
        };

        var back = QuestionDraft.From(original).Validate(Channels, out var errors);

        Assert.Empty(errors);
        Assert.Empty(QuestionData.ChangedFields(original.ToSnapshot(), back!.ToSnapshot()));
    }

    [Fact]
    public void Compare_MarksRemovedAndAddedWords_AndKeepsTheSpaces()
    {
        var (left, right) = VersionDiff.Words("The pod restarts the container quickly.", "The kubelet restarts the container.");

        Assert.Equal("The pod restarts the container quickly.", string.Concat(left.Select(p => p.Text)));
        Assert.Equal("The kubelet restarts the container.", string.Concat(right.Select(p => p.Text)));
        Assert.Contains(left, p => p.Kind == PieceKind.Removed && p.Text.Contains("pod", StringComparison.Ordinal));
        Assert.Contains(right, p => p.Kind == PieceKind.Added && p.Text.Contains("kubelet", StringComparison.Ordinal));
        Assert.DoesNotContain(left, p => p.Kind == PieceKind.Removed && p.Text.Contains("restarts", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_ListsEveryContentField_AndWhichDiffer()
    {
        var older = new QuestionData { Id = "q-1", Text = "T", Answer = "A", Channel = "c", SubChannel = "s", Tags = ["a"] }.ToSnapshot();
        var newer = new QuestionData { Id = "q-1", Text = "T", Answer = "A2", Channel = "c", SubChannel = "s", Tags = ["a", "b"] }.ToSnapshot();

        var fields = VersionDiff.Compare(older, newer);

        Assert.Equal(["answer", "tags"], fields.Where(f => f.Changed).Select(f => f.Field).Order().ToArray());
        Assert.Equal("a, b", fields.Single(f => f.Field == "tags").Right);
        Assert.DoesNotContain(fields, f => f.Field is "createdAt" or "lastUpdated");
    }
}
