using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;
using InterviewPrep.Web.Features.Channels;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>Channels edited by admins: checked fields, no duplicate ids, and the catalog shows the change.</summary>
public sealed class AdminChannelsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AdminChannels _channels = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _channels = new AdminChannels(_db.Factory);
        await _db.Changes.UpsertAsync(new QuestionData
        {
            Id = "q-1", Text = "What is a pod?", Answer = "A unit.", Channel = "kubernetes", SubChannel = "pods",
        }, new ChangeSource(HistoryEventSources.System, "tests"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task AChannelNamedOnlyByItsQuestions_IsListed_AndSavingGivesItARow_TheCatalogShows()
    {
        var listed = Assert.Single(await _channels.ListAsync());
        Assert.Equal(("kubernetes", false, 1), (listed.Id, listed.Saved, listed.Questions));

        var errors = await _channels.SaveAsync(new ChannelForm
        {
            Id = "kubernetes", Name = "Kubernetes", Category = "Cloud native", Icon = "cloud", SortOrder = 2,
        }, isNew: false);

        Assert.Empty(errors);
        var saved = Assert.Single(await _channels.ListAsync());
        Assert.Equal(("Kubernetes", "Cloud native", "cloud", true), (saved.Name, saved.Category, saved.Icon, saved.Saved));
        Assert.Equal("Kubernetes", await new ChannelCatalog(_db.Factory).GetNameAsync("kubernetes"));
    }

    [Fact]
    public async Task BadFields_AndATakenId_AreRefusedWithTheirReasons()
    {
        var errors = await _channels.SaveAsync(new ChannelForm
        {
            Id = "Not An Id", Name = "", Category = new string('c', AdminChannels.MaxCategoryLength + 1), Icon = "no_such_icon_anywhere", SortOrder = -1,
        }, isNew: true);

        Assert.Equal(
            new[] { nameof(ChannelForm.Category), nameof(ChannelForm.Icon), nameof(ChannelForm.Id), nameof(ChannelForm.Name), nameof(ChannelForm.SortOrder) },
            errors.Keys.Order().ToArray());

        var taken = await _channels.SaveAsync(new ChannelForm { Id = "kubernetes", Name = "K8s", Category = "Cloud" }, isNew: true);
        Assert.Contains("already a channel", taken[nameof(ChannelForm.Id)], StringComparison.Ordinal);
        Assert.False(Assert.Single(await _channels.ListAsync()).Saved);
    }
}
