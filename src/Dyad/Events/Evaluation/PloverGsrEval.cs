using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dyad.Model;

namespace Dyad.Events.Evaluation;

/// <summary>One PLOVER GSR record: text, gold type (normalised to the 16 current types), actors, trigger words.</summary>
public sealed record GsrRecord(int Index, string Id, string Text, string? Date, string Type, string RawType,
    List<GoldActor> Sources, List<GoldActor> Targets, List<string> EventWords);

/// <summary>
/// Scores the pipeline against the PLOVER Gold Standard Records (PLOVER_GSR_CAMEO.json; one gold event per
/// record). Per record the system answers with its primary event (<see cref="EvalPipeline.Primary"/>):
/// precision = correct / records with an answer, recall = correct / records. A record without a gold target
/// is scored on source and type only. Records are split into a dev half (even index, the only records used for
/// tuning) and a held-out half (odd index).
/// </summary>
public static class PloverGsrEval
{
    public static List<GsrRecord> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{path}: expected a JSON array of records");
        var list = new List<GsrRecord>();
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            if (r.ValueKind != JsonValueKind.Object) continue;
            string raw = Str(r, "event") ?? "";
            var type = PloverTypes.Normalize(raw);
            string? text = Str(r, "text");
            if (type == null || string.IsNullOrWhiteSpace(text)) continue; // DOCUMENT records
            string markup = r.TryGetProperty("textInfo", out var ti) ? Str(ti, "markup") ?? "" : "";
            var evw = Regex.Matches(markup, @"\(EVT:\s*([^)]*)\)").Select(m => m.Groups[1].Value.Trim()).Where(s => s.Length > 0).ToList();
            list.Add(new GsrRecord(list.Count, Str(r, "id") ?? $"#{list.Count}", text!, Str(r, "date"), type, raw,
                Actors(r, "source"), Actors(r, "target"), evw));
        }
        return list;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<GoldActor> Actors(JsonElement r, string name)
    {
        var l = new List<GoldActor>();
        if (!r.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array) return l;
        foreach (var a in v.EnumerateArray())
            if (a.ValueKind == JsonValueKind.Object)
                l.Add(new GoldActor(Str(a, "actorText") ?? "", Str(a, "code"), Str(a, "sector")));
        return l;
    }

    public sealed class Scores
    {
        public string Name = "";
        public int Records;
        public Prf TripleCode = new(), TypeOnly = new(), SourceCode = new(), TargetCode = new();
        public Prf TripleSpan = new(), SourceSpan = new(), TargetSpan = new();
        public Acc AnyTripleCode = new(), AnyTripleSpan = new();
        /// <summary>Type accuracy over records whose gold trigger was found (a predicted trigger overlapping the EVT words).</summary>
        public Acc TypeWhenFound = new();
        public Acc TriggerFound = new();
        public Dictionary<string, Acc> TypeByGold = new(StringComparer.Ordinal);
    }

    public sealed record RecordResult(GsrRecord Gold, Document Doc, Event? Primary, bool Triple, bool TripleSpan, Event? Found);

    public static (Scores All, Scores Dev, Scores Held, List<RecordResult> Results) Evaluate(List<GsrRecord> records, EvalPipeline pipe)
    {
        var all = new Scores { Name = "all" };
        var dev = new Scores { Name = "dev (even index)" };
        var held = new Scores { Name = "held-out (odd index)" };
        var results = new List<RecordResult>();
        foreach (var g in records)
        {
            var doc = pipe.Run(g.Text, "en", g.Date);
            var res = Score(g, doc, all);
            Score(g, doc, g.Index % 2 == 0 ? dev : held);
            results.Add(res);
        }
        return (all, dev, held, results);
    }

    private static bool TargetOk(GsrRecord g, Event e, bool byCode) =>
        g.Targets.Count == 0 || ActorMatch.Any(g.Targets, e.Target, byCode);

    private static RecordResult Score(GsrRecord g, Document doc, Scores s)
    {
        s.Records++;
        var p = EvalPipeline.Primary(doc);
        foreach (var prf in new[] { s.TripleCode, s.TypeOnly, s.SourceCode, s.TripleSpan, s.SourceSpan }) prf.Gold++;
        if (g.Targets.Count > 0) { s.TargetCode.Gold++; s.TargetSpan.Gold++; }
        bool triple = false, tripleSpan = false;
        if (p != null)
        {
            foreach (var prf in new[] { s.TripleCode, s.TypeOnly, s.SourceCode, s.TripleSpan, s.SourceSpan }) prf.Predicted++;
            if (p.Target != null && g.Targets.Count > 0) { s.TargetCode.Predicted++; s.TargetSpan.Predicted++; }
            bool type = p.Type == g.Type;
            bool sc = ActorMatch.Any(g.Sources, p.Source, true), ss = ActorMatch.Any(g.Sources, p.Source, false);
            if (type) s.TypeOnly.Tp++;
            if (sc) s.SourceCode.Tp++;
            if (ss) s.SourceSpan.Tp++;
            if (g.Targets.Count > 0 && ActorMatch.Any(g.Targets, p.Target, true)) s.TargetCode.Tp++;
            if (g.Targets.Count > 0 && ActorMatch.Any(g.Targets, p.Target, false)) s.TargetSpan.Tp++;
            triple = type && sc && TargetOk(g, p, true);
            tripleSpan = type && ss && TargetOk(g, p, false);
            if (triple) s.TripleCode.Tp++;
            if (tripleSpan) s.TripleSpan.Tp++;
        }
        s.AnyTripleCode.Add(doc.Events.Any(e => e.Type == g.Type && ActorMatch.Any(g.Sources, e.Source, true) && TargetOk(g, e, true)));
        s.AnyTripleSpan.Add(doc.Events.Any(e => e.Type == g.Type && ActorMatch.Any(g.Sources, e.Source, false) && TargetOk(g, e, false)));
        var evWords = string.Join(' ', g.EventWords);
        var found = doc.Events.Where(e => ActorMatch.ByText(evWords, e.Trigger.Text)).ToList();
        var f = found.FirstOrDefault(e => e.Type == g.Type) ?? found.FirstOrDefault();
        s.TriggerFound.Add(f != null);
        if (f != null)
        {
            s.TypeWhenFound.Add(f.Type == g.Type);
            if (!s.TypeByGold.TryGetValue(g.Type, out var a)) s.TypeByGold[g.Type] = a = new Acc();
            a.Add(f.Type == g.Type);
        }
        return new RecordResult(g, doc, p, triple, tripleSpan, f);
    }

    public static string Report(Scores s)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"PLOVER GSR — {s.Name}: {s.Records} records");
        sb.AppendLine($"  (source, type, target), code match : {s.TripleCode}");
        sb.AppendLine($"  (source, type, target), span match : {s.TripleSpan}");
        sb.AppendLine($"  type alone                         : {s.TypeOnly}");
        sb.AppendLine($"  source alone, code / span          : {s.SourceCode} / F1 {s.SourceSpan.F1:F3}");
        sb.AppendLine($"  target alone, code / span          : {s.TargetCode} / F1 {s.TargetSpan.F1:F3}");
        sb.AppendLine($"  any event matches (code / span)    : {s.AnyTripleCode} / {s.AnyTripleSpan}");
        sb.AppendLine($"  gold trigger found                 : {s.TriggerFound}");
        sb.AppendLine($"  type accuracy where found          : {s.TypeWhenFound}");
        sb.AppendLine($"    by gold type: {string.Join(", ", s.TypeByGold.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");
        return sb.ToString();
    }

    public static string Describe(RecordResult r)
    {
        var sb = new StringBuilder();
        var g = r.Gold;
        sb.AppendLine($"{g.Id} [{(r.Triple ? "OK" : r.TripleSpan ? "span" : "--")}] gold {g.RawType}({string.Join("|", g.Sources.Select(a => $"{a.Text}={a.Code}{a.Sector}"))} → {string.Join("|", g.Targets.Select(a => $"{a.Text}={a.Code}{a.Sector}"))}) evt: {string.Join(" / ", g.EventWords)}");
        sb.AppendLine($"    {g.Text}");
        foreach (var e in r.Doc.Events)
            sb.AppendLine($"    {(ReferenceEquals(e, r.Primary) ? "*" : " ")} {Show(e)}");
        return sb.ToString();
    }

    public static string Show(Event e) =>
        $"{e.Type}/{e.Mode}/{e.Cameo} '{e.Trigger.Text}' src [{e.Source?.Text}={e.Source?.Actor?.Code}] tgt [{e.Target?.Text}={e.Target?.Actor?.Code}] {e.Claim.Status.Name()}" +
        (e.Claim.Claimants.Count > 0 ? $" by {string.Join(" > ", e.Claim.Claimants.Select(c => c.Actor.Text))}" : "");
}
