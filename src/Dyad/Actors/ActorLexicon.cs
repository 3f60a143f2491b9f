using System.Collections.Concurrent;
using System.Reflection;

namespace Dyad.Actors;

/// <summary>
/// The merged actor dictionary: the built-in files (embedded resources Dyad.dictionaries.actors.*.yaml)
/// followed by user files (--dict). A later entry with the same id replaces the earlier one; new ids extend.
/// Immutable once built; the compiled <see cref="Matcher"/> is built lazily, once, thread-safely.
/// </summary>
public sealed class ActorLexicon
{
    public IReadOnlyDictionary<string, ActorEntry> Entries { get; }
    public IReadOnlyDictionary<string, AgentEntry> Agents { get; }
    /// <summary>Everything the loader and validator found, in file order, then alias conflicts (computed on first use).</summary>
    public IReadOnlyList<DictDiagnostic> Diagnostics => _all.Value;
    /// <summary>Problems found while loading (no alias-conflict check): what the pipeline reports.</summary>
    public IReadOnlyList<DictDiagnostic> LoadDiagnostics { get; }
    private readonly Lazy<IReadOnlyList<DictDiagnostic>> _all;
    /// <summary>Ids of built-in entries replaced by a user file.</summary>
    public IReadOnlyList<string> Overridden { get; }
    public IReadOnlyList<string> Files { get; }
    private readonly Lazy<ActorMatcher> _matcher;

    public ActorMatcher Matcher => _matcher.Value;
    public int ErrorCount => LoadDiagnostics.Count(d => d.Severity == DictSeverity.Error);

    private ActorLexicon(List<DictFile> builtin, List<DictFile> user)
    {
        var entries = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        var agents = new Dictionary<string, AgentEntry>(StringComparer.Ordinal);
        var diags = new List<DictDiagnostic>();
        var overridden = new List<string>();
        foreach (var layer in new[] { builtin, user })
        {
            // Duplicate ids within one layer are errors; a user id equal to a built-in id overrides it.
            var seen = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
            var seenAgents = new Dictionary<string, AgentEntry>(StringComparer.Ordinal);
            foreach (var f in layer)
            {
                diags.AddRange(f.Diagnostics);
                foreach (var e in f.Entries)
                {
                    if (seen.TryGetValue(e.Id, out var prev))
                    {
                        diags.Add(new DictDiagnostic(e.File, e.Line, DictSeverity.Error, $"duplicate id '{e.Id}' (first defined at {prev.File}:{prev.Line})"));
                        continue;
                    }
                    seen[e.Id] = e;
                    if (entries.ContainsKey(e.Id) && ReferenceEquals(layer, user)) overridden.Add(e.Id);
                    entries[e.Id] = e;
                }
                foreach (var a in f.Agents)
                {
                    if (seenAgents.TryGetValue(a.Id, out var prev))
                    {
                        diags.Add(new DictDiagnostic(a.File, a.Line, DictSeverity.Error, $"duplicate agent id '{a.Id}' (first defined at {prev.File}:{prev.Line})"));
                        continue;
                    }
                    seenAgents[a.Id] = a;
                    agents[a.Id] = a;
                }
            }
        }
        Entries = entries;
        Agents = agents;
        LoadDiagnostics = diags;
        _all = new Lazy<IReadOnlyList<DictDiagnostic>>(() => diags.Concat(AliasConflicts(entries.Values)).ToList(), LazyThreadSafetyMode.ExecutionAndPublication);
        Overridden = overridden;
        Files = builtin.Concat(user).Select(f => f.Name).ToList();
        _matcher = new Lazy<ActorMatcher>(() => new ActorMatcher(Entries.Values, Agents.Values), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The same name (after normalisation) listed by two different entries in an overlapping language.</summary>
    private static IEnumerable<DictDiagnostic> AliasConflicts(IEnumerable<ActorEntry> entries)
    {
        var first = new Dictionary<string, (ActorEntry E, NameForm N)>(StringComparer.Ordinal);
        var list = new List<DictDiagnostic>();
        foreach (var e in entries.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line))
        {
            foreach (var n in e.Names.Concat(e.Adjectives))
            {
                string key = string.Join(' ', ActorMatcher.KeyPieces(n.Text));
                if (key.Length == 0) continue;
                foreach (var lang in n.Lang == null ? new[] { "en", "nl" } : new[] { n.Lang })
                {
                    string k = lang + "|" + key;
                    if (first.TryGetValue(k, out var p))
                    {
                        if (p.E.Id != e.Id && (p.N.Lang == null || n.Lang == null || p.N.Lang == n.Lang))
                        {
                            list.Add(new DictDiagnostic(e.File, n.Line, DictSeverity.Warning, $"name '{n.Text}' of '{e.Id}' is also a name of '{p.E.Id}' ({p.E.File}:{p.N.Line}); the later file wins"));
                            break;
                        }
                    }
                    else first[k] = (e, n);
                }
            }
        }
        return list;
    }

    public static ActorLexicon Build(IEnumerable<DictFile> builtin, IEnumerable<DictFile> user) =>
        new(builtin.Where(f => f.IsActorFile).ToList(), user.Where(f => f.IsActorFile).ToList());

    /// <summary>Built-in files only (embedded resources), parsed once.</summary>
    public static IReadOnlyList<DictFile> BuiltinFiles => BuiltinLazy.Value;

    private static readonly Lazy<IReadOnlyList<DictFile>> BuiltinLazy = new(LoadBuiltins, LazyThreadSafetyMode.ExecutionAndPublication);

    private static IReadOnlyList<DictFile> LoadBuiltins()
    {
        var asm = typeof(ActorLexicon).Assembly;
        var list = new List<DictFile>();
        foreach (var res in asm.GetManifestResourceNames().Where(IsActorResource).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var s = asm.GetManifestResourceStream(res)!;
            using var r = new StreamReader(s);
            list.Add(DictionaryLoader.Parse(r.ReadToEnd(), "builtin:" + DisplayName(res)));
        }
        return list;
    }

    private const string Prefix = "Dyad.dictionaries.actors";

    private static bool IsActorResource(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && name.Length > Prefix.Length && name[Prefix.Length] is '.' or '/' or '\\'
        && name.EndsWith(".yaml", StringComparison.Ordinal);

    private static string DisplayName(string res) => "actors/" + res[(Prefix.Length + 1)..];

    private static readonly ConcurrentDictionary<string, Lazy<ActorLexicon>> Cache = new(StringComparer.Ordinal);

    /// <summary>Built-ins plus user files, cached per file list (paths as given).</summary>
    public static ActorLexicon For(IReadOnlyList<string>? userFiles = null)
    {
        var files = userFiles ?? [];
        string key = string.Join('\n', files);
        return Cache.GetOrAdd(key, _ => new Lazy<ActorLexicon>(
            () => Build(BuiltinFiles, files.Select(DictionaryLoader.LoadFile).ToList()),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Only the given files, without built-ins (e.g. converted PETRARCH dictionaries on their own).</summary>
    public static ActorLexicon FromFiles(IEnumerable<string> files) =>
        Build([], files.Select(DictionaryLoader.LoadFile).ToList());

    /// <summary>From YAML strings (tests): (name, yaml) pairs as user files, with or without the built-ins.</summary>
    public static ActorLexicon FromYaml(bool withBuiltins, params (string Name, string Yaml)[] files) =>
        Build(withBuiltins ? BuiltinFiles : [], files.Select(f => DictionaryLoader.Parse(f.Yaml, f.Name)).ToList());
}
