using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>A question drawn on the relationship graph, with one port to drag new links from.</summary>
public sealed class QuestionNode : NodeModel
{
    public const double Width = 190, Height = 72;

    public QuestionNode(GraphNode question, Point position) : base(question.Id, position)
    {
        Question = question;
        Size = new Size(Width, Height);
        AddPort(new QuestionPort(this));
    }

    public GraphNode Question { get; }

    public string Colour => GraphColours.OfChannel(Question.Channel);
}

/// <summary>
/// The dot a new link is dragged from; it may be dropped on any question, not only on a dot. Dropped
/// on its own question, the link is refused by the content path, which says why.
/// </summary>
public sealed class QuestionPort(QuestionNode parent) : PortModel(parent, PortAlignment.Right, null, null)
{
    public override bool CanAttachTo(ILinkable other) => other switch
    {
        QuestionNode => true,
        PortModel port => port.Parent != Parent,
        _ => false,
    };
}

/// <summary>A relationship drawn on the graph: coloured and labelled by type, as wide as it is strong.</summary>
public sealed class RelationshipLink : LinkModel
{
    public RelationshipLink(GraphEdge edge, QuestionNode source, QuestionNode target) : base($"link-{edge.Id}", source, target)
    {
        Edge = edge;
        Color = GraphColours.OfType(edge.Type);
        SelectedColor = Color;
        // 1 px for the weakest link, 6 px for the strongest.
        Width = 1 + edge.Strength / 20.0;
        TargetMarker = LinkMarker.Arrow;
        Labels.Add(new LinkLabelModel(this, RelationshipTypes.ToText(edge.Type)));
    }

    public GraphEdge Edge { get; }
}

public static class GraphColours
{
    // Mid tones that read on both the light and the dark surface.
    private static readonly string[] Channels =
        ["#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#e53935", "#00897b", "#6d4c41", "#3949ab", "#7cb342", "#d81b60"];

    /// <summary>A colour per channel, the same in every process (no randomized string hash).</summary>
    public static string OfChannel(string channel)
    {
        var hash = 0u;
        foreach (var c in channel)
        {
            hash = hash * 31 + c;
        }

        return Channels[hash % (uint)Channels.Length];
    }

    public static string OfType(string type) => type switch
    {
        RelationshipTypes.Prerequisite => "#e53935",
        RelationshipTypes.FollowUp => "#1e88e5",
        RelationshipTypes.DeeperDive => "#8e24aa",
        _ => "#8d8d8d",
    };
}

/// <summary>
/// Places a neighbourhood on rings around its centre: the direct neighbours on the first ring,
/// the questions two links away on the second, each near the neighbour that leads to it.
/// </summary>
public static class GraphLayout
{
    public static Dictionary<string, Point> Place(Neighbourhood hood)
    {
        var places = new Dictionary<string, Point>(StringComparer.Ordinal) { [hood.Centre.Id] = OnRing(0, 0) };
        var first = hood.Nodes.Where(n => n.Depth == 1).ToList();
        var second = hood.Nodes.Where(n => n.Depth == 2).ToList();
        var r1 = Radius(first.Count, 280);
        var angles = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < first.Count; i++)
        {
            var angle = 2 * Math.PI * i / first.Count - Math.PI / 2;
            angles[first[i].Id] = angle;
            places[first[i].Id] = OnRing(r1, angle);
        }

        // Each outer question sits by its first neighbour on the inner ring.
        double ParentAngle(GraphNode n) => hood.Edges
            .Select(e => e.SourceId == n.Id ? e.TargetId : e.TargetId == n.Id ? e.SourceId : null)
            .Where(id => id is not null && angles.ContainsKey(id))
            .Select(id => angles[id!])
            .DefaultIfEmpty(0)
            .First();
        var ordered = second.OrderBy(ParentAngle).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var r2 = Math.Max(r1 + 260, Radius(ordered.Count, 0));
        for (var i = 0; i < ordered.Count; i++)
        {
            places[ordered[i].Id] = OnRing(r2, 2 * Math.PI * i / ordered.Count - Math.PI / 2);
        }

        return places;
    }

    /// <summary>A ring wide enough for <paramref name="count"/> nodes side by side.</summary>
    private static double Radius(int count, double least) => Math.Max(least, count * (QuestionNode.Width + 30) / (2 * Math.PI));

    // The node's top-left corner, so that its middle is on the ring.
    private static Point OnRing(double radius, double angle) =>
        new(radius * Math.Cos(angle) - QuestionNode.Width / 2, radius * Math.Sin(angle) - QuestionNode.Height / 2);
}
