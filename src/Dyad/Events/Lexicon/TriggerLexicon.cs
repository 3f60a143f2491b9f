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
