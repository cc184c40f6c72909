using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>The admin graph's neighbourhood read and its layout, on the real database.</summary>
public sealed class RelationshipGraphTests : IAsyncLifetime
{
    private static readonly ChangeSource Seed = new(HistoryEventSources.System, "tests");
    private TestDatabase _db = null!;
    private RelationshipGraph _graph = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _graph = new RelationshipGraph(_db.Factory);
        foreach (var id in new[] { "c", "n1", "n2", "far", "beyond", "alone" })
        {
            await _db.Changes.UpsertAsync(new QuestionData
            {
                Id = id, Text = $"Question {id}?", Answer = "An answer.", Channel = id == "far" ? "databases" : "algorithms", SubChannel = "general",
            }, Seed);
        }

        var links = new RelationshipChangeService(_db.Factory, TimeProvider.System);
        // c → n1, n2 → c (incoming counts too), n1 → far, far → beyond, n1 → n2.
        await links.AddAsync("c", "n1", RelationshipTypes.Prerequisite, 90, Seed);
        await links.AddAsync("n2", "c", RelationshipTypes.FollowUp, 60, Seed);
        await links.AddAsync("n1", "far", RelationshipTypes.DeeperDive, 30, Seed);
        await links.AddAsync("far", "beyond", RelationshipTypes.Related, 30, Seed);
        await links.AddAsync("n1", "n2", RelationshipTypes.Related, 50, Seed);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task DepthOne_IsTheDirectNeighboursEitherWay_WithEveryLinkAmongThem()
    {
        var hood = (await _graph.NeighbourhoodAsync("c", 1))!;

        Assert.Equal("c", hood.Centre.Id);
        Assert.Equal(["c", "n1", "n2"], hood.Nodes.Select(n => n.Id).Order());
        Assert.Equal([("c", "n1"), ("n1", "n2"), ("n2", "c")], hood.Edges.Select(e => (e.SourceId, e.TargetId)).Order());
        Assert.False(hood.Truncated);
    }

    [Fact]
    public async Task DepthTwo_ReachesOneLinkFurther_AndNoFarther()
    {
        var hood = (await _graph.NeighbourhoodAsync("c", 2))!;

        Assert.Equal(2, hood.Nodes.Single(n => n.Id == "far").Depth);
        Assert.DoesNotContain(hood.Nodes, n => n.Id is "beyond" or "alone");
        Assert.Contains(hood.Edges, e => e is { SourceId: "n1", TargetId: "far", Type: RelationshipTypes.DeeperDive });
    }

    [Fact]
    public async Task AQuestionWithoutLinks_IsItsOwnNeighbourhood_AndAnUnknownOneIsNull()
    {
        Assert.Equal(["alone"], (await _graph.NeighbourhoodAsync("alone", 2))!.Nodes.Select(n => n.Id));
        Assert.Null(await _graph.NeighbourhoodAsync("missing", 1));
    }

    [Fact]
    public async Task Layout_PutsTheCentreInTheMiddle_AndNoTwoQuestionsInOnePlace()
    {
        var hood = (await _graph.NeighbourhoodAsync("c", 2))!;

        var places = GraphLayout.Place(hood);

        Assert.Equal(hood.Nodes.Count, places.Count);
        Assert.Equal((-QuestionNode.Width / 2, -QuestionNode.Height / 2), (places["c"].X, places["c"].Y));
        var all = places.Values.ToList();
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                var overlap = Math.Abs(all[i].X - all[j].X) < QuestionNode.Width && Math.Abs(all[i].Y - all[j].Y) < QuestionNode.Height;
                Assert.False(overlap, $"two questions overlap at {all[i]} and {all[j]}");
            }
        }
    }
}
