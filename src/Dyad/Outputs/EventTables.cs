using Dyad.Corpus.Merging;
using Dyad.Model;

namespace Dyad.Outputs;

/// <summary>The `dyad events` table views (80 columns).</summary>
public static class EventTables
{
    public static int Write(IEnumerable<EventRecord> events, TextWriter w, int width = 80)
    {
        var t = new TextTable(width, ("date", 10, false), ("type", 9, false), ("source", 14, false), ("target", 14, false),
            ("status", 9, false), ("claimant", 14, false));
        t.WriteHeader(w);
        int n = 0;
        foreach (var e in events)
        {
            t.WriteRow(w, EventFilters.EffectiveDate(e) ?? "?", e.Event.Type, ActorCell(e.Source), ActorCell(e.Target), e.Claim.Status,
                e.Claim.Claimants.Count > 0 ? ActorKeys.Label(e.Claim.Claimants[^1]) : e.Segment.Kind == "comment" ? "(comment)" : "");
            n++;
        }
        w.WriteLine($"{n} event{(n == 1 ? "" : "s")}");
        return n;
    }

    public static int Write(IEnumerable<MergedEvent> merged, TextWriter w, int width = 80)
    {
        // d/c = distinct documents / distinct claimants
        var t = new TextTable(width, ("date", 10, false), ("type", 9, false), ("source", 11, false), ("target", 11, false),
            ("d/c", 5, true), ("claim statuses", 20, false));
        t.WriteHeader(w);
        int n = 0, mentions = 0;
        foreach (var m in merged)
        {
            var r = m.Representative;
            t.WriteRow(w, m.FirstDate ?? "?", m.Type, ActorCell(r.Source), ActorCell(r.Target), $"{m.Documents}/{m.Claimants}",
                string.Join("/", m.StatusCounts.Select(kv => kv.Value == 1 ? kv.Key : $"{kv.Value} {kv.Key}")));
            n++;
            mentions += m.Mentions.Count;
        }
        w.WriteLine($"{n} merged event{(n == 1 ? "" : "s")} from {mentions} mention{(mentions == 1 ? "" : "s")}");
        return n;
    }

    /// <summary>Code for resolved actors (short, exact), the text for unresolved ones.</summary>
    public static string ActorCell(ActorInfo? a) => a is null ? "-" : a.Code is { Length: > 0 } c ? c : "?" + ActorKeys.Clean(a.Text);
}
