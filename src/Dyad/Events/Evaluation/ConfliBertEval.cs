using System.Text;
using Dyad.Events.Lexicon;
using Dyad.Model;

namespace Dyad.Events.Evaluation;

public sealed record ConfliBertRecord(int Index, string Sentence, int Quad, string SourceSpans, string TargetSpans);

/// <summary>
/// Scores the pipeline against the ConfliBERT CAMEO sentences (cameo_joined_*.csv: sentence, quad_class,
/// source_spans, target_spans). The predicted quad class comes from the primary event's CAMEO root
/// type (<see cref="PloverTypes.ConfliBertQuad"/>, derived from the training file); a sentence whose event is only a
/// noun under a statement ("expressed condolences for the attack") or that has no event but a statement verb is
/// class 0 (CAMEO 01, make a public statement); otherwise the fallback class (<see cref="FallbackClass"/>). Rows without a quad class are skipped.
/// </summary>
public static class ConfliBertEval
{
    public static List<ConfliBertRecord> Load(string path)
    {
        var rows = Csv.Read(File.ReadAllText(path));
        if (rows.Count == 0) throw new InvalidDataException($"{path}: empty file");
        var h = rows[0];
        int si = h.IndexOf("sentence"), qi = h.IndexOf("quad_class"), ssi = h.IndexOf("source_spans"), tsi = h.IndexOf("target_spans");
        if (si < 0 || qi < 0) throw new InvalidDataException($"{path}: expected columns sentence and quad_class, got {string.Join(",", h)}");
        var list = new List<ConfliBertRecord>();
        for (int i = 1; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Count <= Math.Max(si, qi)) continue;
            if (!int.TryParse(r[qi], out int q) || q < 0 || q > 4) continue;
            list.Add(new ConfliBertRecord(list.Count, r[si], q, ssi >= 0 && ssi < r.Count ? r[ssi] : "", tsi >= 0 && tsi < r.Count ? r[tsi] : ""));
        }
        return list;
    }

    public sealed class Scores
    {
        public int Records;
        public Acc Quad = new();
        public int[,] Confusion = new int[5, 5];
        public Prf Source = new(), Target = new();
        public int WithEvent, StatementOnly, Fallback;
    }

    /// <summary>The quad class the pipeline gives a parsed sentence (see the class summary).</summary>
    public static int PredictQuad(Document doc, int fallback, out Event? primary)
    {
        primary = EvalPipeline.Primary(doc);
        if (primary != null && !NominalUnderStatement(doc, primary)) return PloverTypes.ConfliBertQuad(primary.Type, primary.Mode);
        return primary != null || HasStatement(doc) ? 0 : fallback;
    }

    private static readonly string[] StatementVerbs =
        ["express", "voice", "convey", "offer", "send", "issue", "claim", "comment", "extend", "say", "state", "announce"];

    private static readonly string[] StatementObjects =
        ["concern", "condolence", "condolences", "sympathy", "regret", "hope", "optimism", "surprise", "shock", "sorrow", "grief",
         "responsibility", "statement", "solidarity", "gratitude", "satisfaction", "comment", "pessimism", "skepticism",
         "scepticism", "doubt", "doubts", "hopes", "disappointment", "outrage", "anger", "alarm", "dismay"];

    /// <summary>
    /// CAMEO 01 (make a public statement, quad class 0): the sentence's main verb is a statement ("expressed
    /// condolences for …", "claimed responsibility for the attack", "issued a statement") and the event found is
    /// only a noun inside what was said, not a clause of its own.
    /// </summary>
    public static bool NominalUnderStatement(Document doc, Event e)
    {
        var s = doc.Segments[e.SegmentIndex].Sentences[e.SentenceIndex];
        int root = s.Tokens.FindIndex(t => t.Head < 0);
        if (root < 0 || s.Tokens[root].Upos != "VERB") return false;
        if (Array.IndexOf(StatementVerbs, TriggerLexicon.Norm(s.Tokens[root].Lemma)) < 0) return false;
        bool statementObject = s.Tokens.Any(t => t.Head == root && t.Deprel is "obj" && Array.IndexOf(StatementObjects, t.Lemma.ToLowerInvariant()) >= 0);
        if (!statementObject) return false;
        int trig = s.Tokens.FindIndex(t => t.Start == e.Trigger.Start);
        if (trig < 0 || trig == root || s.Tokens[trig].Upos is "VERB") return false;
        for (int i = trig, guard = 0; i >= 0 && guard < 32; i = s.Tokens[i].Head, guard++)
        {
            if (s.Tokens[i].Deprel is "ccomp" or "advcl" or "parataxis" or "conj") return false;
            if (s.Tokens[i].Head == root) return true;
        }
        return false;
    }

    public static bool HasStatement(Document doc)
    {
        var cues = CueLexicon.For(doc.Segments.Count > 0 && doc.Segments[0].Language == "nl" ? "nl" : "en");
        foreach (var s in doc.Sentences)
            foreach (var t in s.Tokens)
            {
                if (t.Upos is not "VERB") continue;
                var l = TriggerLexicon.Norm(t.Lemma);
                if (cues.Attribution.ContainsKey(l)) return true;
                // "expressed concern", "issued a statement", "claimed responsibility"
                if (Array.IndexOf(StatementVerbs, l) >= 0 && s.Tokens.Any(o => o.Head == t.Index && o.Deprel == "obj" && Array.IndexOf(StatementObjects, o.Lemma.ToLowerInvariant()) >= 0))
                    return true;
            }
        return false;
    }

    /// <summary>
    /// The fallback class: the most frequent gold class among training sentences in which the pipeline finds
    /// neither an event nor a statement verb.
    /// </summary>
    public static int FallbackClass(List<ConfliBertRecord> train, EvalPipeline pipe)
    {
        var counts = new int[5];
        foreach (var r in train)
        {
            var doc = pipe.Run(r.Sentence, "en", null);
            if (doc.Events.Count == 0 && !HasStatement(doc)) counts[r.Quad]++;
        }
        return Array.IndexOf(counts, counts.Max());
    }

    public static (Scores S, List<(ConfliBertRecord R, Document D, int Pred, Event? P)> Results) Evaluate(List<ConfliBertRecord> records, EvalPipeline pipe, int fallback)
    {
        var s = new Scores();
        var results = new List<(ConfliBertRecord, Document, int, Event?)>();
        foreach (var r in records)
        {
            var doc = pipe.Run(r.Sentence, "en", null);
            int pred = PredictQuad(doc, fallback, out var p);
            s.Records++;
            s.Quad.Add(pred == r.Quad);
            s.Confusion[r.Quad, pred]++;
            if (p != null) s.WithEvent++; else if (pred == 0 && HasStatement(doc)) s.StatementOnly++; else s.Fallback++;
            if (!string.IsNullOrWhiteSpace(r.SourceSpans)) s.Source.Gold++;
            if (!string.IsNullOrWhiteSpace(r.TargetSpans)) s.Target.Gold++;
            if (p?.Source != null) { s.Source.Predicted++; if (ActorMatch.ByText(r.SourceSpans, p.Source.Text)) s.Source.Tp++; }
            if (p?.Target != null) { s.Target.Predicted++; if (ActorMatch.ByText(r.TargetSpans, p.Target.Text)) s.Target.Tp++; }
            results.Add((r, doc, pred, p));
        }
        return (s, results);
    }

    public static string Report(Scores s, string name, int fallback)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"ConfliBERT CAMEO — {name}: {s.Records} sentences (fallback class {fallback})");
        sb.AppendLine($"  quad-class accuracy   : {s.Quad}");
        sb.AppendLine($"  answered from an event: {s.WithEvent}, statement verb only: {s.StatementOnly}, fallback: {s.Fallback}");
        sb.AppendLine($"  source span           : {s.Source}");
        sb.AppendLine($"  target span           : {s.Target}");
        sb.AppendLine("  confusion (rows gold 0-4, columns predicted 0-4):");
        for (int g = 0; g < 5; g++)
        {
            sb.Append($"    {g}:");
            for (int p = 0; p < 5; p++) sb.Append($" {s.Confusion[g, p],4}");
            sb.AppendLine();
        }
        return sb.ToString();
    }
}

/// <summary>RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes.</summary>
public static class Csv
{
    public static List<List<string>> Read(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var f = new StringBuilder();
        bool q = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (q)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { f.Append('"'); i++; }
                else if (c == '"') q = false;
                else f.Append(c);
                continue;
            }
            if (c == '"') { q = true; any = true; }
            else if (c == ',') { row.Add(f.ToString()); f.Clear(); any = true; }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                if (any || f.Length > 0) { row.Add(f.ToString()); rows.Add(row); }
                row = new List<string>(); f.Clear(); any = false;
            }
            else { f.Append(c); any = true; }
        }
        if (any || f.Length > 0) { row.Add(f.ToString()); rows.Add(row); }
        return rows;
    }
}
