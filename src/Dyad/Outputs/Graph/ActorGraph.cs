using Dyad.Corpus.Merging;
using Dyad.Model;

namespace Dyad.Outputs.Graph;

/// <summary>An actor: key = code when resolved, else "unresolved:" + normalised text.</summary>
public sealed class GraphNode
{
    public int Index { get; init; }
    public string Key { get; init; } = "";
    public string Label { get; set; } = "";
    public string? Code { get; init; }
    public string? Country { get; set; }
    public string? Sector { get; set; }
    public string? Wikidata { get; set; }
    public bool Unresolved => Code is null;
    /// <summary>Events on this node's edges, in and out (a self-loop counts twice).</summary>
    public int Degree { get; set; }
    public int OutCount { get; set; }
    public int InCount { get; set; }
}

/// <summary>A typed dyad: (source, target, PLOVER type) with counts by claim status and the events behind it.</summary>
public sealed class GraphEdge
{
    public int Index { get; init; }
    public GraphNode Source { get; init; } = null!;
    public GraphNode Target { get; init; } = null!;
    public string Type { get; init; } = "";
    public TypeFamily Family => EventTypes.Family(Type);
    public int Count { get; set; }
    /// <summary>Indexed like <see cref="EventTypes.Statuses"/>.</summary>
    public int[] StatusCounts { get; } = new int[EventTypes.Statuses.Length];
    public string? FirstDate { get; set; }
    public string? LastDate { get; set; }
    public List<string> EventIds { get; } = new();
    public string Id => "e" + Index;

    /// <summary>The most frequent status (ties: the earlier in SPEC order).</summary>
    public string DominantStatus
    {
        get
        {
            int best = 0;
            for (int i = 1; i < StatusCounts.Length; i++) if (StatusCounts[i] > StatusCounts[best]) best = i;
            return EventTypes.Statuses[best];
        }
    }
}

/// <summary>
/// The actor network: nodes are actors, edges are (source, target, PLOVER type). Built in one
/// pass over events (or merged events); events without a source or a target have no edge and are
/// counted in <see cref="SkippedEvents"/>.
/// </summary>
public sealed class ActorGraph
{
    private readonly Dictionary<string, GraphNode> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, int, string), GraphEdge> _edges = new();
    public List<GraphNode> Nodes { get; } = new();
    public List<GraphEdge> Edges { get; } = new();
    public int Events { get; private set; }
    public int SkippedEvents { get; private set; }

    public static ActorGraph From(IEnumerable<EventRecord> events)
    {
        var g = new ActorGraph();
        foreach (var e in events) g.Add(e);
        return g;
    }

    public static ActorGraph From(IEnumerable<MergedEvent> events)
    {
        var g = new ActorGraph();
        foreach (var m in events) g.Add(m);
        return g;
    }

    public GraphNode? FindNode(string key) => _byKey.GetValueOrDefault(key);

    public GraphEdge? Add(EventRecord e)
    {
        var d = EventFilters.EffectiveDate(e);
        return Add(e.Id, e.Source, e.Target, e.Event.Type, e.Claim.Status, d, d);
    }

    public GraphEdge? Add(MergedEvent m) =>
        Add(m.Id, m.Representative.Source, m.Representative.Target, m.Type, m.Status, m.FirstDate, m.LastDate);

    private GraphEdge? Add(string id, ActorInfo? source, ActorInfo? target, string type, string status, string? first, string? last)
    {
        Events++;
        if (source is null || target is null || type.Length == 0) { SkippedEvents++; return null; }
        var s = NodeFor(source);
        var t = NodeFor(target);
        type = type.ToUpperInvariant();
        var key = (s.Index, t.Index, type);
        if (!_edges.TryGetValue(key, out var edge))
        {
            edge = new GraphEdge { Index = Edges.Count, Source = s, Target = t, Type = type };
            _edges[key] = edge;
            Edges.Add(edge);
        }
        edge.Count++;
        edge.StatusCounts[EventTypes.StatusIndex(status)]++;
        if (first != null && (edge.FirstDate == null || string.CompareOrdinal(first, edge.FirstDate) < 0)) edge.FirstDate = first;
        if (last != null && (edge.LastDate == null || string.CompareOrdinal(last, edge.LastDate) > 0)) edge.LastDate = last;
        edge.EventIds.Add(id);
        s.Degree++; t.Degree++; s.OutCount++; t.InCount++;
        return edge;
    }

    private GraphNode NodeFor(ActorInfo a)
    {
        string key = ActorKeys.Key(a);
        if (_byKey.TryGetValue(key, out var n))
        {
            n.Country ??= a.Country; n.Sector ??= a.Sector; n.Wikidata ??= a.Wikidata;
            if (n.Code != null && a.Name != null && n.Label == n.Code) n.Label = ActorKeys.NodeLabel(a);
            return n;
        }
        n = new GraphNode
        {
            Index = Nodes.Count, Key = key, Label = ActorKeys.NodeLabel(a), Code = a.Code is { Length: > 0 } ? a.Code : null,
            Country = a.Country, Sector = a.Sector, Wikidata = a.Wikidata,
        };
        _byKey[key] = n;
        Nodes.Add(n);
        return n;
    }
}
