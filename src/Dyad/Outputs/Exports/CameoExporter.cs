using Dyad.Model;

namespace Dyad.Outputs.Exports;

/// <summary>
/// `--format cameo`: PETRARCH-style tab-separated lines —
/// date (yyyyMMdd), source code, target code, CAMEO code, ids (event id;document id), source
/// (document URI), actor text, target text, trigger text. Unknown actors are "---" as in PETRARCH.
/// Tabs and line breaks inside text become spaces.
/// </summary>
public static class CameoExporter
{
    public static int Write(IEnumerable<EventRecord> events, TextWriter w)
    {
        int n = 0;
        foreach (var e in events)
        {
            var d = EventFilters.EffectiveDate(e);
            w.Write(d is { Length: >= 10 } ? string.Concat(d.AsSpan(0, 4), d.AsSpan(5, 2), d.AsSpan(8, 2)) : Clean(d ?? "--------"));
            w.Write('\t'); w.Write(Code(e.Source));
            w.Write('\t'); w.Write(Code(e.Target));
            w.Write('\t'); w.Write(Clean(e.Event.Cameo ?? "---"));
            w.Write('\t'); w.Write(Clean(e.Id)); w.Write(';'); w.Write(Clean(e.Document.Id));
            w.Write('\t'); w.Write(Clean(e.Document.Uri ?? ""));
            w.Write('\t'); w.Write(Clean(e.Source?.Text ?? ""));
            w.Write('\t'); w.Write(Clean(e.Target?.Text ?? ""));
            w.Write('\t'); w.Write(Clean(e.Event.Trigger.Text));
            w.Write('\n');
            n++;
        }
        return n;
    }

    private static string Code(ActorInfo? a) => a?.Code is { Length: > 0 } c ? Clean(c) : "---";

    private static string Clean(string s) =>
        s.AsSpan().IndexOfAny("\t\r\n") < 0 ? s : s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
