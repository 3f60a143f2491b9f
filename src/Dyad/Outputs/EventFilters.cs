using Dyad.Corpus;
using Dyad.Model;

namespace Dyad.Outputs;

/// <summary>
/// EventFilter semantics applied in memory (the contract every store implements; the test
/// fake and merged views use this directly). All given filters must hold.
/// </summary>
public static class EventFilters
{
    public static bool Matches(EventFilter f, EventRecord e)
    {
        if (f.Actor is { Length: > 0 } actor && !ActorMatches(e.Source, actor) && !ActorMatches(e.Target, actor)) return false;
        if (f.Type is { Length: > 0 } type && !string.Equals(e.Event.Type, type, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.Status is { Length: > 0 } st && !string.Equals(e.Claim.Status, st, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.Claimant is { Length: > 0 } cl && !e.Claim.Claimants.Any(c => Contains(c.Code, cl) || Contains(c.Name, cl) || Contains(c.Text, cl) || Contains(c.Person, cl))) return false;
        if (f.Document is { Length: > 0 } d && !(e.Document.Id == d || e.Document.Uri == d
            || (e.Document.Uri != null && e.Document.Uri.EndsWith(d, StringComparison.Ordinal)))) return false;
        string? date = EffectiveDate(e);
        if (f.From is { Length: > 0 } from && (date == null || string.CompareOrdinal(date, from) < 0)) return false;
        if (f.To is { Length: > 0 } to && (date == null || string.CompareOrdinal(date, to) > 0)) return false;
        if (f.Language is { Length: > 0 } lang && !string.Equals(e.Segment.Language, lang, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.SegmentKind is { Length: > 0 } kind && !string.Equals(e.Segment.Kind, kind, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    public static IEnumerable<EventRecord> Apply(EventFilter f, IEnumerable<EventRecord> events)
    {
        int n = 0;
        foreach (var e in events)
        {
            if (f.Limit is int lim && n >= lim) yield break;
            if (!Matches(f, e)) continue;
            n++;
            yield return e;
        }
    }

    /// <summary>The event's date (yyyy-MM-dd), else the day the document was published.</summary>
    public static string? EffectiveDate(EventRecord e)
    {
        var d = e.Date ?? e.Document.Published;
        if (d == null) return null;
        return d.Length >= 10 ? d[..10] : d;
    }

    private static bool ActorMatches(ActorInfo? a, string q) =>
        a != null && (Contains(a.Code, q) || Contains(a.Name, q) || Contains(a.Text, q) || Contains(a.Person, q));

    private static bool Contains(string? s, string q) => s != null && s.Contains(q, StringComparison.OrdinalIgnoreCase);
}
