using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Dyad.Events.Lexicon;

public enum TriggerPos { Verb, Noun }

/// <summary>One trigger pattern: lemmas (head first for verbs, head last for nouns) plus what it codes.</summary>
public sealed class TriggerPattern
{
    public required string Type { get; init; }
    public string? Mode { get; init; }
    public string? Cameo { get; init; }
    public TriggerPos Pos { get; init; }
    /// <summary>Lemma words; <see cref="Head"/> is the word the parse anchors on.</summary>
    public required string[] Words { get; init; }
    public string Head => Pos == TriggerPos.Verb ? Words[0] : Words[^1];
    /// <summary>Prepositions whose object is the target (besides the direct object unless <see cref="ObjIsTarget"/> is false).</summary>
    public string[] TargetPreps { get; init; } = [];
    public bool ObjIsTarget { get; init; } = true;
    public string Source { get; init; } = "";
    public override string ToString() => $"{Pos}:{string.Join(' ', Words)}→{Type}";
}

/// <summary>
/// The trigger lexicon of one language: patterns indexed by head lemma, longest first.
/// Built-in YAML (Dyad.dictionaries.triggers.LANG.yaml) plus user files loaded with --dict.
/// </summary>
public sealed class TriggerLexicon
{
    public string Lang { get; }
    private readonly Dictionary<string, TriggerPattern[]> _verbs;
    private readonly Dictionary<string, TriggerPattern[]> _nouns;
    public IReadOnlyList<TriggerPattern> All { get; }

    private TriggerLexicon(string lang, List<TriggerPattern> patterns)
    {
        Lang = lang;
        All = patterns;
        _verbs = Index(patterns, TriggerPos.Verb);
        _nouns = Index(patterns, TriggerPos.Noun);
    }

    private static Dictionary<string, TriggerPattern[]> Index(List<TriggerPattern> patterns, TriggerPos pos)
    {
        var d = new Dictionary<string, List<TriggerPattern>>(StringComparer.Ordinal);
        // Later entries (user dictionaries) override earlier ones with the same words.
        for (int i = patterns.Count - 1; i >= 0; i--)
        {
            var p = patterns[i];
            if (p.Pos != pos) continue;
            if (!d.TryGetValue(p.Head, out var l)) d[p.Head] = l = new List<TriggerPattern>();
            if (l.Exists(x => x.Words.AsSpan().SequenceEqual(p.Words))) continue;
            l.Add(p);
        }
        var r = new Dictionary<string, TriggerPattern[]>(StringComparer.Ordinal);
        foreach (var (k, l) in d)
            r[k] = l.OrderByDescending(p => p.Words.Length).ToArray();
        return r;
    }

    public TriggerPattern[]? VerbsFor(string lemma) => _verbs.TryGetValue(lemma, out var a) ? a : null;
    public TriggerPattern[]? NounsFor(string lemma) => _nouns.TryGetValue(lemma, out var a) ? a : null;

    private Dictionary<string, string>? _verbForms, _nounForms;

    /// <summary>
    /// Head lemma of a verb trigger whose regular inflected form is <paramref name="form"/> (lower case) — a
    /// fallback for words the lemmatizer gets wrong ("shelled" → "shel"). English: -s, -es, -ed, -d, -ing,
    /// doubled consonants, y → ied; Dutch: stem, stem+t, -de/-te(n), ge-…-d/-t participles, particle verbs.
    /// </summary>
    public string? VerbLemmaForForm(string form)
    {
        _verbForms ??= BuildForms(_verbs.Keys, verb: true);
        return _verbForms.TryGetValue(form, out var l) ? l : null;
    }

    /// <summary>Head lemma of a noun trigger from its plural form ("strikes", "aanvallen").</summary>
    public string? NounLemmaForForm(string form)
    {
        _nounForms ??= BuildForms(_nouns.Keys, verb: false);
        return _nounForms.TryGetValue(form, out var l) ? l : null;
    }

    private Dictionary<string, string> BuildForms(IEnumerable<string> lemmas, bool verb)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in lemmas)
            foreach (var f in verb ? (Lang == "nl" ? DutchVerbForms(l) : EnglishVerbForms(l)) : NounForms(l))
                d.TryAdd(f, l);
        return d;
    }

    private static readonly string[] DutchParticles = ["aan", "af", "op", "uit", "in", "neer", "terug", "vrij", "toe", "mee", "door", "over", "weg", "bij", "voor", "na", "om", "tegen"];

    internal static IEnumerable<string> EnglishVerbForms(string l)
    {
        yield return l;
        bool vowelY = l.EndsWith('y') && l.Length > 1 && "aeiou".Contains(l[^2]);
        if (l.EndsWith('y') && !vowelY) { yield return l[..^1] + "ies"; yield return l[..^1] + "ied"; }
        else if (l.EndsWith('s') || l.EndsWith('x') || l.EndsWith('z') || l.EndsWith("sh") || l.EndsWith("ch") || l.EndsWith('o')) yield return l + "es";
        else yield return l + "s";
        if (l.EndsWith('e')) { yield return l + "d"; yield return l[..^1] + "ing"; }
        else { yield return l + "ed"; yield return l + "ing"; }
        // Doubled final consonant after a single vowel ("kidnap" → "kidnapped", "shell" is already double).
        if (l.Length >= 3 && "bdgklmnprt".Contains(l[^1]) && "aeiou".Contains(l[^2]) && !"aeiou".Contains(l[^3]))
        { yield return l + l[^1] + "ed"; yield return l + l[^1] + "ing"; }
    }

    internal static IEnumerable<string> DutchVerbForms(string l)
    {
        yield return l;
        if (!l.EndsWith("en") || l.Length < 4) yield break;
        string particle = "";
        foreach (var p in DutchParticles)
            if (l.StartsWith(p, StringComparison.Ordinal) && l.Length > p.Length + 3) { particle = p; break; }
        string core = l[particle.Length..];
        string stem = core[..^2];
        // Long vowel spelling: "bombarderen" → stem "bombardeer"; "beschieten" → "beschiet"; "stoppen" → "stop".
        if (stem.Length >= 2 && stem[^1] == stem[^2] && !"aeiou".Contains(stem[^1])) stem = stem[..^1];
        else if (stem.Length >= 2 && "aeou".Contains(stem[^2]) && !"aeiou".Contains(stem[^1]) && (stem.Length < 3 || !"aeiou".Contains(stem[^3])))
            stem = stem[..^1] + stem[^2] + stem[^1];
        if (stem.EndsWith('v')) stem = stem[..^1] + "f";
        if (stem.EndsWith('z')) stem = stem[..^1] + "s";
        bool tk = stem.Length > 0 && "tkfschp".Contains(stem[^1]); // 't kofschip: -te / -t, else -de / -d
        string past = tk ? "te" : "de";
        string part = tk ? "t" : "d";
        bool prefixed = core.StartsWith("be") || core.StartsWith("ge") || core.StartsWith("ver") || core.StartsWith("ont") || core.StartsWith("her") || core.StartsWith("er");
        var forms = new List<string> { stem, stem + "t", stem + past, stem + past + "n", core, core[..^2] + "d" };
        string pp = (prefixed ? "" : "ge") + stem + (stem.EndsWith(part) ? "" : part);
        forms.Add(pp);
        if (stem.EndsWith('t') || stem.EndsWith('d')) forms.Add((prefixed ? "" : "ge") + stem);
        forms.Add((prefixed ? "" : "ge") + core); // strong participles: "gevallen", "aangevallen"
        foreach (var f in forms)
        {
            yield return f;
            if (particle.Length > 0) yield return particle + f;
        }
    }

    private IEnumerable<string> NounForms(string l)
    {
        yield return l;
        if (Lang == "nl")
        {
            yield return l + "en"; yield return l + "s";
            if (l.Length >= 3 && !"aeiou".Contains(l[^1]) && "aeiou".Contains(l[^2]) && !"aeiou".Contains(l[^3])) yield return l + l[^1] + "en";
            if (l.Length >= 3 && l[^2] == l[^3] && "aeou".Contains(l[^2])) yield return l[..^2] + l[^1] + "en";
            yield break;
        }
        if (l.EndsWith('y') && l.Length > 1 && !"aeiou".Contains(l[^2])) yield return l[..^1] + "ies";
        else if (l.EndsWith('s') || l.EndsWith('x') || l.EndsWith("sh") || l.EndsWith("ch")) yield return l + "es";
        else yield return l + "s";
    }

    private static readonly Dictionary<string, TriggerLexicon> Cache = new(StringComparer.Ordinal);

    /// <summary>The built-in lexicon for a language plus user files (cached per language + file list).</summary>
    public static TriggerLexicon For(string lang, IReadOnlyList<string>? userFiles = null)
    {
        string key = lang + "|" + string.Join('|', userFiles ?? []);
        lock (Cache)
        {
            if (Cache.TryGetValue(key, out var lex)) return lex;
            var patterns = new List<TriggerPattern>();
            var text = LexiconResources.Read($"triggers-{lang}.yaml");
            if (text != null) patterns.AddRange(Parse(text, $"triggers-{lang}.yaml", out _));
            foreach (var f in userFiles ?? [])
            {
                var t = File.ReadAllText(f);
                if (!t.Contains("entries:", StringComparison.Ordinal)) continue; // not a trigger file
                var ps = Parse(t, f, out var fileLang);
                if (fileLang == null || fileLang == lang) patterns.AddRange(ps);
            }
            lex = new TriggerLexicon(lang, patterns);
            Cache[key] = lex;
            return lex;
        }
    }

    private sealed class FileDto
    {
        public string? Lang { get; set; }
        public List<EntryDto>? Entries { get; set; }
    }

    private sealed class EntryDto
    {
        public string? Type { get; set; }
        public string? Mode { get; set; }
        public string? Cameo { get; set; }
        public List<string>? Verbs { get; set; }
        public List<string>? Nouns { get; set; }
        public List<string>? Target { get; set; }
        public bool? Obj { get; set; }
    }

    /// <summary>Parses a trigger YAML file; throws <see cref="LexiconException"/> naming the file and the problem.</summary>
    public static List<TriggerPattern> Parse(string yaml, string name, out string? lang)
    {
        FileDto dto;
        try
        {
            dto = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<FileDto>(yaml) ?? new FileDto();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new LexiconException($"{name}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
        lang = dto.Lang;
        var list = new List<TriggerPattern>();
        int n = 0;
        foreach (var e in dto.Entries ?? [])
        {
            n++;
            if (e.Type == null || !PloverTypes.IsType(e.Type))
                throw new LexiconException($"{name}: entry {n}: unknown PLOVER type '{e.Type}' (expected one of {string.Join(' ', PloverTypes.All)})");
            var preps = (e.Target ?? []).Select(Norm).ToArray();
            foreach (var (words, pos) in (e.Verbs ?? []).Select(v => (v, TriggerPos.Verb)).Concat((e.Nouns ?? []).Select(v => (v, TriggerPos.Noun))))
            {
                var ws = words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Norm).ToArray();
                if (ws.Length == 0) continue;
                list.Add(new TriggerPattern
                {
                    Type = e.Type, Mode = string.IsNullOrEmpty(e.Mode) ? null : e.Mode, Cameo = e.Cameo, Pos = pos, Words = ws,
                    TargetPreps = preps, ObjIsTarget = e.Obj ?? true, Source = name,
                });
            }
        }
        return list;
    }

    /// <summary>Lemma normalisation shared by the lexicon and the matcher: lower case, "aan_vallen" → "aanvallen".</summary>
    public static string Norm(string s) => s.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}

public sealed class LexiconException(string message) : Exception(message);

internal static class LexiconResources
{
    public static string? Read(string file)
    {
        var asm = typeof(LexiconResources).Assembly;
        using var s = asm.GetManifestResourceStream("Dyad.dictionaries." + file);
        if (s == null) return null;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
