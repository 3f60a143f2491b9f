using Dyad.Corpus.Merging;
using Dyad.Model;
using Dyad.Outputs.Graph;

namespace Dyad.Outputs.Report;

/// <summary>One piece of evidence: one event mention, or a merged event with its mentions.</summary>
public sealed class EvidenceItem
{
    public EventRecord[] Mentions { get; init; } = [];
    public MergedEvent? Merged { get; init; }
    public int[] ClaimantIds { get; init; } = [];
    public string[] Statuses { get; init; } = [];
}

public sealed class ClaimantStats
{
    public int Id { get; init; }
    public string Key { get; init; } = "";
    public string Label { get; init; } = "";
    public int Count { get; set; }
    public int[] ByStatus { get; } = new int[EventTypes.Statuses.Length];
    public Dictionary<string, int> Claims { get; } = new(StringComparer.Ordinal);
}

public sealed class ReportOptions
{
    public string Title { get; init; } = "Dyad report";
    /// <summary>Graph drawn with at most this many nodes (the highest-degree ones).</summary>
    public int MaxNodes { get; init; } = 200;
    /// <summary>At most this many edges drawn (the heaviest among the drawn nodes).</summary>
    public int MaxEdges { get; init; } = 800;
    /// <summary>Evidence kept per edge while reading (the first ones in input order).</summary>
    public int EvidencePerEdge { get; init; } = 8;
    /// <summary>Upper bound on evidence items in the file (keeps 100,000-event reports small).</summary>
    public int EvidenceBudget { get; init; } = 4000;
    public int LayoutIterations { get; init; } = 300;
    public string? FilterDescription { get; init; }
    public string? Generated { get; init; }
}

/// <summary>
/// Everything the report shows, aggregated in one pass over the events (or merged events):
/// the graph, a bounded sample of evidence per edge, claimant statistics, the timeline.
/// </summary>
public sealed class ReportModel
{
    public ActorGraph Graph { get; } = new();
    public Dictionary<int, List<EvidenceItem>> EvidenceByEdge { get; } = new();
    /// <summary>Edge index → ids of every claimant behind it (for the claimant filter).</summary>
    public Dictionary<int, SortedSet<int>> ClaimantsByEdge { get; } = new();
    public List<ClaimantStats> Claimants { get; } = new();
    private readonly Dictionary<string, ClaimantStats> _claimants = new(StringComparer.Ordinal);
    /// <summary>yyyy-MM-dd → counts per type (index in <see cref="EventTypes.All"/>; the last slot is "other").</summary>
    public SortedDictionary<string, int[]> Days { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Documents { get; } = new(StringComparer.Ordinal);
    public int Events { get; private set; }
    public int Mentions { get; private set; }
    public int Undated { get; private set; }
    public int Unattributed { get; private set; }
    public bool MergedView { get; private set; }
    public int[] StatusTotals { get; } = new int[EventTypes.Statuses.Length];
    private readonly int _perEdge;

    public ReportModel(int evidencePerEdge = 8)
    {
        _perEdge = evidencePerEdge;
        var page = new ClaimantStats { Id = 0, Key = "", Label = "(stated by the page itself)" };
        _claimants[""] = page;
        Claimants.Add(page);
    }

    /// <summary>Claimant by id (ids are stable; <see cref="Claimants"/> is re-sorted after building).</summary>
    public ClaimantStats ClaimantById(int id)
    {
        _byIdMap ??= Claimants.ToDictionary(c => c.Id);
        return _byIdMap[id];
    }
    private Dictionary<int, ClaimantStats>? _byIdMap;

    public static ReportModel Build(IEnumerable<EventRecord> events, ReportOptions? o = null)
    {
        var m = new ReportModel((o ?? new()).EvidencePerEdge);
        foreach (var e in events) m.Add(e);
        m.Claimants.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Label, b.Label));
        return m;
    }

    public static ReportModel Build(IEnumerable<MergedEvent> merged, ReportOptions? o = null)
    {
        var m = new ReportModel((o ?? new()).EvidencePerEdge) { MergedView = true };
        foreach (var e in merged) m.Add(e);
        m.Claimants.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Label, b.Label));
        return m;
    }

    private void Add(EventRecord e)
    {
        Events++; Mentions++;
        Documents.Add(e.Document.Id);
        StatusTotals[EventTypes.StatusIndex(e.Claim.Status)]++;
        var edge = Graph.Add(e);
        int cid = ClaimantFor(e, e.Claim.Status, e.Event.Type, e.Target);
        Day(EventFilters.EffectiveDate(e), e.Event.Type);
        if (edge != null) Keep(edge, () => new EvidenceItem { Mentions = [e], ClaimantIds = [cid], Statuses = [e.Claim.Status] });
    }

    private void Add(MergedEvent me)
    {
        Events++; Mentions += me.Mentions.Count;
        foreach (var e in me.Mentions) Documents.Add(e.Document.Id);
        StatusTotals[EventTypes.StatusIndex(me.Status)]++;
        var edge = Graph.Add(me);
        var ids = new List<int>();
        foreach (var e in me.Mentions.DistinctBy(EventMerger.ClaimantKey))
        {
            int id = ClaimantFor(e, me.ClaimantStatuses.First(c => c.Key == EventMerger.ClaimantKey(e)).Status, me.Type, me.Representative.Target);
            if (!ids.Contains(id)) ids.Add(id);
        }
        Day(me.FirstDate, me.Type);
        if (edge != null)
            Keep(edge, () => new EvidenceItem
            {
                Mentions = me.Mentions.ToArray(), Merged = me, ClaimantIds = ids.ToArray(),
                Statuses = me.StatusCounts.Select(kv => kv.Key).ToArray(),
            });
    }

    private void Keep(GraphEdge edge, Func<EvidenceItem> make)
    {
        if (!EvidenceByEdge.TryGetValue(edge.Index, out var list)) EvidenceByEdge[edge.Index] = list = new();
        var item = make();
        if (list.Count < _perEdge) list.Add(item);
        if (!ClaimantsByEdge.TryGetValue(edge.Index, out var set)) ClaimantsByEdge[edge.Index] = set = new();
        foreach (int c in item.ClaimantIds) set.Add(c);
    }

    /// <summary>Claimant id 0 is "the page itself" (no explicit claimant); others are the innermost claimant.</summary>
    private int ClaimantFor(EventRecord e, string status, string type, ActorInfo? target)
    {
        string key, label;
        if (e.Claim.Claimants.Count == 0) { key = ""; label = "(stated by the page itself)"; Unattributed++; }
        else { var c = e.Claim.Claimants[^1]; key = ActorKeys.Key(c); label = ActorKeys.Label(c); }
        if (!_claimants.TryGetValue(key, out var st))
        {
            st = new ClaimantStats { Id = Claimants.Count, Key = key, Label = label };
            _claimants[key] = st;
            Claimants.Add(st);
        }
        st.Count++;
        st.ByStatus[EventTypes.StatusIndex(status)]++;
        string claim = type + " → " + (target is null ? "?" : ActorKeys.Label(target));
        st.Claims[claim] = st.Claims.GetValueOrDefault(claim) + 1;
        return st.Id;
    }

    private void Day(string? date, string type)
    {
        if (date is not { Length: >= 10 }) { Undated++; return; }
        string d = date[..10];
        if (!Days.TryGetValue(d, out var counts)) Days[d] = counts = new int[EventTypes.All.Length + 1];
        int t = Array.IndexOf(EventTypes.All, type.ToUpperInvariant());
        counts[t < 0 ? EventTypes.All.Length : t]++;
    }
}
