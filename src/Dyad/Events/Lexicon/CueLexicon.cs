using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Dyad.Events.Lexicon;

public enum AttributionKind { Report, Allege, Deny }

/// <summary>Claim cues of one language: attribution verbs, modality adverbs and modals, negation, conditions.</summary>
public sealed class CueLexicon
{
    public string Lang { get; private set; } = "en";
    public Dictionary<string, AttributionKind> Attribution { get; } = new(StringComparer.Ordinal);
    /// <summary>Multiword attribution verbs ("brush off", "laten weten"): head lemma → remaining words.</summary>
    public Dictionary<string, string[]> AttributionParticles { get; } = new(StringComparer.Ordinal);
    public HashSet<string> AccordingTo { get; } = new(StringComparer.Ordinal);
    /// <summary>Two-word "according to" style phrases: first word → second word.</summary>
    public Dictionary<string, string> AccordingToPairs { get; } = new(StringComparer.Ordinal);
    public List<string[]> AccordingToPhrases { get; } = new();
    public HashSet<string> AllegationAdverbs { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ReportAdverbs { get; } = new(StringComparer.Ordinal);
    public HashSet<string> HedgeAdverbs { get; } = new(StringComparer.Ordinal);
    public List<string[]> ReportAdverbPhrases { get; } = new();
    public HashSet<string> HedgeModals { get; } = new(StringComparer.Ordinal);
    public HashSet<string> FutureModals { get; } = new(StringComparer.Ordinal);
    public HashSet<string> HypotheticalModals { get; } = new(StringComparer.Ordinal);
    public HashSet<string> HedgeVerbs { get; } = new(StringComparer.Ordinal);
    public List<string[]> HedgePhrases { get; } = new();
    public HashSet<string> FutureVerbs { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ObjectControl { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Negation { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Condition { get; } = new(StringComparer.Ordinal);
    public HashSet<string> QuestionMarks { get; } = new(StringComparer.Ordinal);

    private Dictionary<string, string>? _attrForms;

    /// <summary>
    /// Overwrites the lemma of verbs whose surface form is a regular inflection of an attribution verb but whose
    /// lemma the lemmatizer got wrong ("ontkende" → "ontkenden"), so that claims do not depend on it.
    /// </summary>
    public void RepairLemmas(Events.SentenceView v)
    {
        if (_attrForms == null)
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var l in Attribution.Keys)
                foreach (var f in Lang == "nl" ? TriggerLexicon.DutchVerbForms(l) : TriggerLexicon.EnglishVerbForms(l))
                    d.TryAdd(f, l);
            lock (Cache) _attrForms ??= d;
        }
        for (int i = 0; i < v.Count; i++)
        {
            if (!v.IsVerbal(i) || Attribution.ContainsKey(v.Lemma[i])) continue;
            if (_attrForms.TryGetValue(v.Lower[i], out var lemma)) v.Lemma[i] = lemma;
        }
    }

    private static readonly Dictionary<string, CueLexicon> Cache = new(StringComparer.Ordinal);

    public static CueLexicon For(string lang, IReadOnlyList<string>? userFiles = null)
    {
        string key = lang + "|" + string.Join('|', userFiles ?? []);
        lock (Cache)
        {
            if (Cache.TryGetValue(key, out var lex)) return lex;
            lex = new CueLexicon { Lang = lang };
            var text = LexiconResources.Read($"cues-{lang}.yaml") ?? LexiconResources.Read("cues-en.yaml")!;
            lex.Load(text, $"cues-{lang}.yaml");
            foreach (var f in userFiles ?? [])
            {
                var t = File.ReadAllText(f);
                if (!t.Contains("attribution:", StringComparison.Ordinal) && !t.Contains("adverbs:", StringComparison.Ordinal)) continue;
                lex.Load(t, f);
            }
            Cache[key] = lex;
            return lex;
        }
    }

    private sealed class Dto
    {
        public string? Lang { get; set; }
        public Dictionary<string, List<string>>? Attribution { get; set; }
        public List<string>? AccordingTo { get; set; }
        public Dictionary<string, List<string>>? Adverbs { get; set; }
        public Dictionary<string, List<string>>? Modals { get; set; }
        public List<string>? HedgeVerbs { get; set; }
        public List<string>? HedgePhrases { get; set; }
        public List<string>? FutureVerbs { get; set; }
        public List<string>? ObjectControl { get; set; }
        public List<string>? Negation { get; set; }
        public List<string>? Condition { get; set; }
        public List<string>? Question { get; set; }
    }

    public void Load(string yaml, string name)
    {
        Dto d;
        try
        {
            d = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<Dto>(yaml) ?? new Dto();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new LexiconException($"{name}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
        foreach (var (kind, words) in d.Attribution ?? [])
        {
            var k = kind switch
            {
                "report" => AttributionKind.Report, "allege" => AttributionKind.Allege, "deny" => AttributionKind.Deny,
                _ => throw new LexiconException($"{name}: attribution kind '{kind}' (expected report, allege or deny)"),
            };
            foreach (var w in words)
            {
                var parts = Split(w);
                Attribution[parts[0]] = k;
                if (parts.Length > 1) AttributionParticles[parts[0]] = parts[1..];
            }
        }
        foreach (var w in d.AccordingTo ?? []) { var p = Split(w); if (p.Length == 1) AccordingTo.Add(p[0]); else AccordingToPhrases.Add(p); }
        foreach (var (kind, words) in d.Adverbs ?? [])
        {
            var set = kind switch
            {
                "allegation" => AllegationAdverbs, "report" => ReportAdverbs, "hedge" => HedgeAdverbs,
                _ => throw new LexiconException($"{name}: adverb kind '{kind}' (expected allegation, report or hedge)"),
            };
            foreach (var w in words)
            {
                var p = Split(w);
                if (p.Length == 1) set.Add(p[0]); else if (kind == "report") ReportAdverbPhrases.Add(p); else HedgePhrases.Add(p);
            }
        }
        foreach (var (kind, words) in d.Modals ?? [])
        {
            var set = kind switch
            {
                "hedge" => HedgeModals, "future" => FutureModals, "hypothetical" => HypotheticalModals,
                _ => throw new LexiconException($"{name}: modal kind '{kind}' (expected hedge, future or hypothetical)"),
            };
            foreach (var w in words) set.Add(TriggerLexicon.Norm(w));
        }
        foreach (var w in d.HedgeVerbs ?? []) HedgeVerbs.Add(TriggerLexicon.Norm(w));
        foreach (var w in d.HedgePhrases ?? []) HedgePhrases.Add(Split(w));
        foreach (var w in d.FutureVerbs ?? []) FutureVerbs.Add(Split(w)[0]);
        foreach (var w in d.ObjectControl ?? []) ObjectControl.Add(Split(w)[0]);
        foreach (var w in d.Negation ?? []) Negation.Add(TriggerLexicon.Norm(w));
        foreach (var w in d.Condition ?? []) Condition.Add(TriggerLexicon.Norm(w));
        foreach (var w in d.Question ?? []) QuestionMarks.Add(TriggerLexicon.Norm(w));
    }

    private static string[] Split(string w) =>
        w.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TriggerLexicon.Norm).ToArray();
}
