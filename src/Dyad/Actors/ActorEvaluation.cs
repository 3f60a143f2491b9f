using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Model;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Actors;

/// <summary>
/// Actor-recognition scores against the gold sets in ../shared/gold (see docs/notes/actors.md):
/// ConfliBERT CAMEO NER (BIO source/target spans) — how many gold spans overlap a Dyad mention, and how
/// many of those resolve to a code; PLOVER GSR — whether the mention on the marked actor text gets the
/// gold country and sector.
/// </summary>
public static class ActorEvaluation
{
    public sealed class Result
    {
        public int Sentences, Spans, Overlap, OverlapResolved, Records, Actors, ActorsCorrect;
        public int SourceRecords, SourceCorrect, TargetRecords, TargetCorrect, NotFound, ActorsCountryCorrect;
        public bool Parsed;
        public List<string> Errors { get; } = new();
        public static double Pct(int a, int b) => b == 0 ? 0 : 100.0 * a / b;
    }

    /// <summary>Sentences of a text through Text + Syntax (when a model exists) + Actors.</summary>
    public static List<Sentence> Run(ActorStage stage, string text, string lang, DateOnly? date, out bool parsed)
    {
        var sents = TextAnalyzer.Analyze(text, lang);
        var ann = SyntaxModels.For(lang);
        parsed = ann != null;
        foreach (var s in sents)
        {
            s.Language = lang;
            if (ann != null) { ann.Annotate(s); s.Parsed = true; }
        }
        stage.ProcessSentences(sents, lang, date);
        return sents;
    }

    // ------------------------------------------------------------------ ConfliBERT

    /// <summary>cameo_ner_*.txt: "token TAG" lines (B-S/I-S source, B-T/I-T target), blank line between sentences.</summary>
    public static Result ConfliBert(string path, ActorStage stage, int maxErrors = 0)
    {
        var res = new Result();
        var toks = new List<(string W, string T)>();
        foreach (var line in File.ReadLines(path).Append(""))
        {
            if (line.Trim().Length == 0)
            {
                if (toks.Count > 0) ConfliSentence(toks, stage, res, maxErrors);
                toks.Clear();
                continue;
            }
            int sp = line.LastIndexOf(' ');
            if (sp <= 0) continue;
            toks.Add((line[..sp], line[(sp + 1)..].Trim()));
        }
        return res;
    }

    private static void ConfliSentence(List<(string W, string T)> toks, ActorStage stage, Result res, int maxErrors)
    {
        // Text = gold tokens joined by spaces, so gold offsets are exact.
        var sb = new StringBuilder();
        var offs = new List<(int S, int E)>();
        foreach (var (w, _) in toks)
        {
            if (sb.Length > 0) sb.Append(' ');
            offs.Add((sb.Length, sb.Length + w.Length));
            sb.Append(w);
        }
        string text = sb.ToString();
        var spans = new List<(int S, int E, char Role)>();
        for (int i = 0; i < toks.Count; i++)
        {
            string t = toks[i].T;
            if (!t.StartsWith("B-", StringComparison.Ordinal)) continue;
            char role = t.Length > 2 ? t[2] : '?';
            int j = i;
            while (j + 1 < toks.Count && toks[j + 1].T == "I-" + role) j++;
            spans.Add((offs[i].S, offs[j].E, role));
        }
        var sents = Run(stage, text, "en", null, out bool parsed);
        res.Parsed = parsed;
        res.Sentences++;
        var mentions = sents.SelectMany(s => s.Mentions).ToList();
        foreach (var (s, e, role) in spans)
        {
            res.Spans++;
            var over = mentions.Where(m => m.Start < e && s < m.End).ToList();
            if (over.Count > 0)
            {
                res.Overlap++;
                if (over.Any(m => m.Resolved)) res.OverlapResolved++;
                else if (res.Errors.Count < maxErrors) res.Errors.Add($"UNRESOLVED {role} [{text[s..e]}] mentions: {string.Join(" ", over)}  | {text}");
            }
            else if (res.Errors.Count < maxErrors) res.Errors.Add($"MISSED {role} [{text[s..e]}]  mentions: {string.Join(" ", mentions)} | {text}");
        }
    }

    // ------------------------------------------------------------------ PLOVER GSR

    /// <summary>Gold country codes in the GSR that are not ISO 3166 alpha-3.</summary>
    private static readonly Dictionary<string, string> GoldCountryFix = new(StringComparer.Ordinal) { ["JAP"] = "JPN", ["ITL"] = "ITA", ["VTN"] = "VNM" };

    /// <param name="split">"all", or "dev" / "test": the records with odd / even position among those with text
    /// (a fixed split so that tuning can look at dev only).</param>
    public static Result Plover(string path, ActorStage stage, int maxErrors = 0, string split = "all")
    {
        var res = new Result();
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        int pos = 0;
        foreach (var rec in doc.RootElement.EnumerateArray())
        {
            if (!rec.TryGetProperty("text", out var textEl) || textEl.ValueKind != JsonValueKind.String) continue;
            pos++;
            if ((split == "dev" && pos % 2 == 0) || (split == "test" && pos % 2 == 1)) continue;
            string text = textEl.GetString()!;
            DateOnly? date = rec.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? DictDates.FromIso(d.GetString()) : null;
            var sources = Actors(rec, "source");
            var targets = Actors(rec, "target");
            if (sources.Count == 0 && targets.Count == 0) continue;
            res.Records++;
            var sents = Run(stage, text, "en", date, out bool parsed);
            res.Parsed = parsed;
            var mentions = sents.SelectMany(s => s.Mentions).ToList();
            string id = rec.TryGetProperty("id", out var idEl) ? idEl.GetString() ?? "" : "";
            if (sources.Count > 0)
            {
                res.SourceRecords++;
                if (sources.All(a => Check(a, text, mentions, res, id, "SRC", maxErrors))) res.SourceCorrect++;
            }
            if (targets.Count > 0)
            {
                res.TargetRecords++;
                if (targets.All(a => Check(a, text, mentions, res, id, "TAR", maxErrors))) res.TargetCorrect++;
            }
        }
        return res;
    }

    private sealed record GoldActor(string Text, string Code, string? Sector);

    private static List<GoldActor> Actors(JsonElement rec, string prop)
    {
        var list = new List<GoldActor>();
        if (!rec.TryGetProperty(prop, out var arr) || arr.ValueKind != JsonValueKind.Array) return list;
        foreach (var a in arr.EnumerateArray())
        {
            if (a.ValueKind != JsonValueKind.Object) continue;
            string? t = a.TryGetProperty("actorText", out var te) ? te.GetString() : null;
            string? c = a.TryGetProperty("code", out var ce) ? ce.GetString() : null;
            string? s = a.TryGetProperty("sector", out var se) ? se.GetString() : null;
            if (string.IsNullOrEmpty(t) || string.IsNullOrEmpty(c)) continue;
            list.Add(new GoldActor(t, c, string.IsNullOrEmpty(s) ? null : s));
        }
        return list;
    }

    private static bool Check(GoldActor g, string text, List<Mention> mentions, Result res, string id, string role, int maxErrors)
    {
        res.Actors++;
        // Prefer a whole-word occurrence: gold "Iraq" is the country, not the start of "Iraqi Kurds".
        int at = WordIndex(text, g.Text, StringComparison.Ordinal);
        if (at < 0) at = WordIndex(text, g.Text, StringComparison.OrdinalIgnoreCase);
        if (at < 0) at = text.IndexOf(g.Text, StringComparison.Ordinal);
        if (at < 0) at = text.IndexOf(g.Text, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            res.NotFound++;
            if (res.Errors.Count < maxErrors) res.Errors.Add($"{id} {role} gold text [{g.Text}] not in sentence");
            return false;
        }
        int s = at, e = at + g.Text.Length;
        var best = mentions.Where(m => m.Start < e && s < m.End)
            .OrderByDescending(m => m.Resolved)
            .ThenByDescending(m => Math.Min(e, m.End) - Math.Max(s, m.Start))
            .FirstOrDefault();
        bool ok = best?.Actor is { } a && Matches(g, a);
        if (ok) res.ActorsCorrect++;
        if (best?.Actor is { } a2 && Matches(g with { Sector = "***" }, a2)) res.ActorsCountryCorrect++;
        // Every wrong actor is listed (also those with the right country and the wrong sector).
        if (!ok && res.Errors.Count < maxErrors)
            res.Errors.Add($"{id} {role} [{g.Text}] gold {g.Code}/{g.Sector ?? "-"} got {best?.Actor?.Code ?? "none"}/{best?.Actor?.Sector ?? "-"} ({best?.Text}) | {text}");
        return ok;
    }

    private static int WordIndex(string text, string word, StringComparison cmp)
    {
        for (int at = text.IndexOf(word, cmp); at >= 0; at = text.IndexOf(word, at + 1, cmp))
        {
            int end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end]))) return at;
        }
        return -1;
    }

    /// <summary>Country part (IGO/NGO/IMG prefixes as such) and sector (first three letters; gold "***" = any).</summary>
    public static bool Matches(string goldCode, string? goldSector, ActorRef a) => Matches(new GoldActor("", goldCode, goldSector), a);

    private static bool Matches(GoldActor g, ActorRef a)
    {
        if (a.Code == null) return false;
        string gc = GoldCountryFix.GetValueOrDefault(g.Code, g.Code);
        string gPrimary = gc.Length >= 3 ? gc[..3] : gc;
        string ours = a.Code.StartsWith("IGO", StringComparison.Ordinal) || a.Code.StartsWith("NGO", StringComparison.Ordinal) || a.Code.StartsWith("IMG", StringComparison.Ordinal)
            ? a.Code[..3]
            : a.Country ?? (a.Code.Length >= 3 ? a.Code[..3] : a.Code);
        if (ours != gPrimary) return false;
        string? gs = g.Sector;
        if (gs == "***") return true;
        if (gs != null && gs.Length >= 3) gs = gs[..3];
        string? os = a.Sector;
        if (ours is "IGO" or "NGO" or "IMG") os = a.Sector is "IGO" or "NGO" ? null : a.Sector;
        return string.Equals(gs, os, StringComparison.Ordinal);
    }

    public static string Format(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
