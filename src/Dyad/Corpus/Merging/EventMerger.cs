using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dyad.Model;
using Dyad.Outputs;

namespace Dyad.Corpus.Merging;

/// <summary>
/// Merges mentions of the same event across documents. Two mentions are the same event when
/// <list type="bullet">
/// <item>their source keys and target keys are equal (code when resolved, else normalised text; a missing actor is its own key "-"),</item>
/// <item>their PLOVER types are equal,</item>
/// <item>their modes are compatible (equal, or one of them null),</item>
/// <item>their dates (event date, else the document's published day) lie within <see cref="WindowDays"/>
///   days of the merged event's earliest date — or both are unknown.</item>
/// </list>
/// Clusters are grown greedily in date order, anchored at the earliest date, so a merged event never
/// spans more than the window (no chaining of Monday → Thursday → Sunday). Pure: input in, merged events out.
/// </summary>
public static class EventMerger
{
    public const int DefaultWindowDays = 3;

    public static List<MergedEvent> Merge(IEnumerable<EventRecord> events, IReadOnlyDictionary<string, int>? copiesByDocument = null,
        int windowDays = DefaultWindowDays)
    {
        var groups = new Dictionary<(string, string, string), List<(EventRecord Ev, int Day, int Order)>>();
        int order = 0;
        foreach (var e in events)
        {
            var key = (e.Source is null ? "-" : ActorKeys.Key(e.Source), e.Target is null ? "-" : ActorKeys.Key(e.Target), e.Event.Type.ToUpperInvariant());
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = new();
            list.Add((e, DayNumber(EventFilters.EffectiveDate(e)), order++));
        }

        var result = new List<(MergedEvent M, int Order)>();
        foreach (var list in groups.Values)
        {
            // unknown dates (int.MaxValue) sort last and only merge with each other
            list.Sort((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Order.CompareTo(b.Order));
            var clusters = new List<(int AnchorDay, string? Mode, List<(EventRecord Ev, int Day, int Order)> Items)>();
            foreach (var item in list)
            {
                int found = -1;
                // clusters are created in anchor order: walk back until out of the window, keep the earliest fit
                for (int c = clusters.Count - 1; c >= 0; c--)
                {
                    var cl = clusters[c];
                    if (item.Day != int.MaxValue && cl.AnchorDay != int.MaxValue && item.Day - cl.AnchorDay > windowDays) break;
                    if (item.Day == int.MaxValue && cl.AnchorDay != int.MaxValue) break;
                    bool dateOk = item.Day == int.MaxValue ? cl.AnchorDay == int.MaxValue : cl.AnchorDay != int.MaxValue;
                    bool modeOk = item.Ev.Event.Mode is null || cl.Mode is null || string.Equals(item.Ev.Event.Mode, cl.Mode, StringComparison.OrdinalIgnoreCase);
                    if (dateOk && modeOk) found = c;
                }
                if (found < 0) clusters.Add((item.Day, item.Ev.Event.Mode, new() { item }));
                else
                {
                    var cl = clusters[found];
                    cl.Items.Add(item);
                    if (cl.Mode is null && item.Ev.Event.Mode is not null) clusters[found] = (cl.AnchorDay, item.Ev.Event.Mode, cl.Items);
                }
            }
            foreach (var cl in clusters)
                result.Add((Build(cl.Items.Select(i => i.Ev).ToList(), copiesByDocument), cl.Items.Min(i => i.Order)));
        }
        // stable output: by first date, then by where the first mention came in the input
        result.Sort((a, b) =>
        {
            int c = CompareDates(a.M.FirstDate, b.M.FirstDate);
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });
        return result.Select(r => r.M).ToList();
    }

    private static int CompareDates(string? a, string? b) =>
        a == b ? 0 : a is null ? 1 : b is null ? -1 : string.CompareOrdinal(a, b);

    private static MergedEvent Build(List<EventRecord> mentions, IReadOnlyDictionary<string, int>? copies)
    {
        var m = new MergedEvent { Id = MergedId(mentions) };
        m.Mentions.AddRange(mentions);
        m.Mode = mentions.Select(x => x.Event.Mode).FirstOrDefault(x => x != null);
        var dates = mentions.Select(EventFilters.EffectiveDate).Where(d => d != null).Select(d => d!).ToList();
        if (dates.Count > 0) { m.FirstDate = dates.Min(StringComparer.Ordinal); m.LastDate = dates.Max(StringComparer.Ordinal); }

        var docs = mentions.Select(x => x.Document.Id).Distinct().ToList();
        m.Documents = docs.Count;
        m.Pages = docs.Sum(d => copies != null && copies.TryGetValue(d, out int c) ? Math.Max(1, c) : 1);

        var statusCounts = new int[EventTypes.Statuses.Length];
        foreach (var x in mentions) statusCounts[EventTypes.StatusIndex(x.Claim.Status)]++;
        for (int i = 0; i < statusCounts.Length; i++)
            if (statusCounts[i] > 0) m.StatusCounts.Add(new(EventTypes.Statuses[i], statusCounts[i]));

        // Headline status: count each document once (its most frequent status), so a page repeating
        // itself doesn't outvote two other pages.
        var perDoc = new int[EventTypes.Statuses.Length];
        foreach (var g in mentions.GroupBy(x => x.Document.Id))
            perDoc[MostFrequent(g.Select(x => EventTypes.StatusIndex(x.Claim.Status)))]++;
        int best = 0;
        for (int i = 1; i < perDoc.Length; i++) if (perDoc[i] > perDoc[best]) best = i;
        m.Status = EventTypes.Statuses[best];

        foreach (var g in mentions.GroupBy(ClaimantKey)) // GroupBy keeps first-appearance order
        {
            int st = MostFrequent(g.Select(x => EventTypes.StatusIndex(x.Claim.Status)));
            m.ClaimantStatuses.Add(new ClaimantStatus(g.Key, ClaimantLabel(g.First()), EventTypes.Statuses[st], g.Count()));
        }
        m.Claimants = m.ClaimantStatuses.Count;
        return m;
    }

    private static int MostFrequent(IEnumerable<int> statuses)
    {
        var counts = new int[EventTypes.Statuses.Length];
        foreach (int s in statuses) counts[s]++;
        int best = 0;
        for (int i = 1; i < counts.Length; i++) if (counts[i] > counts[best]) best = i;
        return best;
    }

    /// <summary>Who says it: the innermost explicit claimant ("X said Y accused…" → Y), else the page's author.</summary>
    public static string ClaimantKey(EventRecord e) =>
        e.Claim.Claimants.Count > 0 ? ActorKeys.Key(e.Claim.Claimants[^1])
        : "author:" + (e.Segment.Author is { Length: > 0 } a ? ActorKeys.Normalise(a) + "@" : "") + e.Document.Id;

    public static string ClaimantLabel(EventRecord e) =>
        e.Claim.Claimants.Count > 0 ? ActorKeys.Label(e.Claim.Claimants[^1])
        : e.Segment.Author is { Length: > 0 } a ? ActorKeys.Clean(a) + " (comment author)"
        : "author of " + (e.Document.Title is { Length: > 0 } t ? ActorKeys.Clean(t) : e.Document.Uri ?? e.Document.Id);

    private static string MergedId(List<EventRecord> mentions)
    {
        var ids = mentions.Select(x => x.Id).Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", ids)));
        return "m" + Convert.ToHexStringLower(hash, 0, 8);
    }

    /// <summary>Days since 0001-01-01 for yyyy-MM-dd (or yyyy-MM / yyyy: first day); int.MaxValue when unknown.</summary>
    internal static int DayNumber(string? date)
    {
        if (date is null) return int.MaxValue;
        string d = date.Length >= 10 ? date[..10] : date.Length == 7 ? date + "-01" : date.Length == 4 ? date + "-01-01" : date;
        return DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.DayNumber : int.MaxValue;
    }
}
