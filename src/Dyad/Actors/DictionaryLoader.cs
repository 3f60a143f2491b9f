using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dyad.Actors;

/// <summary>The entries and agents of one YAML file, with what was wrong in it.</summary>
public sealed class DictFile
{
    public string Name { get; init; } = "";
    public List<ActorEntry> Entries { get; } = new();
    public List<AgentEntry> Agents { get; } = new();
    public List<DictDiagnostic> Diagnostics { get; } = new();
    /// <summary>False when the file is some other Dyad dictionary (triggers, cues): nothing for the actor stage.</summary>
    public bool IsActorFile { get; set; } = true;
}

/// <summary>
/// Reads actor dictionary YAML (docs/DICTIONARIES.md) with line numbers. Never throws for bad
/// content: every problem becomes a <see cref="DictDiagnostic"/> and usable entries are kept.
/// </summary>
public static partial class DictionaryLoader
{
    private static readonly HashSet<string> EntryKeys = new(StringComparer.Ordinal)
        { "id", "kind", "code", "wikidata", "name", "country", "sector", "names", "adjectives", "metonyms", "roles", "gender", "note" };
    private static readonly HashSet<string> AgentKeys = new(StringComparer.Ordinal) { "id", "sector", "names", "note" };
    private static readonly HashSet<string> MetonymKeys = new(StringComparer.Ordinal) { "name", "sector", "lang" };
    private static readonly HashSet<string> RoleKeys = new(StringComparer.Ordinal) { "title", "code", "country", "sector", "from", "to", "note" };

    [GeneratedRegex("^Q[1-9][0-9]*$")] private static partial Regex QidRx();
    [GeneratedRegex("^[A-Z]{3}$")] private static partial Regex CountryRx();
    [GeneratedRegex("^[A-Z0-9]{2,15}$")] private static partial Regex CodeRx();
    [GeneratedRegex("^[a-z]{2}$")] private static partial Regex LangRx();

    public static DictFile LoadFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var f = new DictFile { Name = path };
            f.Diagnostics.Add(new DictDiagnostic(path, 0, DictSeverity.Error, "cannot read: " + e.Message));
            return f;
        }
        return Parse(text, path);
    }

    public static DictFile Parse(string yaml, string name)
    {
        var file = new DictFile { Name = name };
        var ys = new YamlStream();
        try
        {
            ys.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            file.Diagnostics.Add(new DictDiagnostic(name, (int)e.Start.Line, DictSeverity.Error, "YAML syntax: " + (e.InnerException?.Message ?? e.Message)));
            return file;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet throws this for some unterminated constructs; the line is where the input ended.
            int lines = yaml.Count(c => c == '\n') + 1;
            file.Diagnostics.Add(new DictDiagnostic(name, lines, DictSeverity.Error, "YAML syntax: unterminated list, mapping or quote (" + e.Message + ")"));
            return file;
        }
        if (ys.Documents.Count == 0) return file;
        if (ys.Documents[0].RootNode is not YamlMappingNode root)
        {
            file.Diagnostics.Add(Err(file, ys.Documents[0].RootNode, "top level must be a mapping with 'entries:' and/or 'agents:'"));
            return file;
        }
        // Trigger and cue dictionaries share --dict; they carry 'lang:' and entries without ids.
        if (Get(root, "lang") != null && Get(root, "agents") == null && !HasIds(Get(root, "entries")))
        {
            file.IsActorFile = false;
            return file;
        }
        foreach (var (k, v) in root.Children)
        {
            string key = Scalar(k) ?? "";
            switch (key)
            {
                case "entries": ReadEntries(file, v); break;
                case "agents": ReadAgents(file, v); break;
                default: file.Diagnostics.Add(Err(file, k, $"unknown top-level key '{key}' (expected entries or agents)")); break;
            }
        }
        return file;
    }

    private static bool HasIds(YamlNode? entries) =>
        entries is YamlSequenceNode s && s.Children.OfType<YamlMappingNode>().Any(m => Get(m, "id") != null);

    private static void ReadEntries(DictFile file, YamlNode node)
    {
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" }) return;
        if (node is not YamlSequenceNode seq) { file.Diagnostics.Add(Err(file, node, "'entries' must be a list")); return; }
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m) { file.Diagnostics.Add(Err(file, item, "an entry must be a mapping (id:, kind:, code:, name:, …)")); continue; }
            var e = ReadEntry(file, m);
            if (e != null) file.Entries.Add(e);
        }
    }

    private static ActorEntry? ReadEntry(DictFile file, YamlMappingNode m)
    {
        foreach (var (k, _) in m.Children)
        {
            string key = Scalar(k) ?? "";
            if (!EntryKeys.Contains(key)) file.Diagnostics.Add(Err(file, k, $"unknown key '{key}' in entry{IdHint(m)}"));
        }
        string? id = ScalarOf(file, m, "id");
        if (string.IsNullOrWhiteSpace(id)) { file.Diagnostics.Add(Err(file, m, "entry without 'id'")); return null; }
        var e = new ActorEntry { Id = id.Trim(), File = file.Name, Line = Line(m) };
        string? kind = ScalarOf(file, m, "kind");
        if (kind == null) file.Diagnostics.Add(Err(file, m, $"entry '{id}': missing 'kind' (country, igo, organisation, armed-group, person)"));
        else if (!ActorEntry.TryParseKind(kind, out var k)) file.Diagnostics.Add(Err(file, Get(m, "kind")!, $"entry '{id}': bad kind '{kind}' (expected country, igo, organisation, armed-group or person)"));
        else e.Kind = k;

        string? code = ScalarOf(file, m, "code");
        if (string.IsNullOrWhiteSpace(code)) file.Diagnostics.Add(Err(file, m, $"entry '{id}': missing 'code'"));
        else if (!CodeRx().IsMatch(code.Trim())) file.Diagnostics.Add(Err(file, Get(m, "code")!, $"entry '{id}': bad code '{code}' (upper-case letters and digits, e.g. SYR, IGOUNO, IMGMUSISI)"));
        e.Code = code?.Trim() ?? "";
        if (e.Code.Length == 0 && e.Kind == ActorKind.Country && CountryRx().IsMatch(e.Id)) e.Code = e.Id;

        string? nm = ScalarOf(file, m, "name");
        if (string.IsNullOrWhiteSpace(nm)) file.Diagnostics.Add(Err(file, m, $"entry '{id}': missing 'name'"));
        e.Name = nm?.Trim() ?? e.Id;

        if (ScalarOf(file, m, "wikidata") is { } q)
        {
            if (!QidRx().IsMatch(q.Trim())) file.Diagnostics.Add(Err(file, Get(m, "wikidata")!, $"entry '{id}': bad wikidata id '{q}' (expected Q followed by digits)"));
            else e.Wikidata = q.Trim();
        }
        if (ScalarOf(file, m, "country") is { } c)
        {
            if (!CountryRx().IsMatch(c.Trim())) file.Diagnostics.Add(Err(file, Get(m, "country")!, $"entry '{id}': bad country '{c}' (ISO 3166 alpha-3, upper case)"));
            else e.Country = c.Trim();
        }
        if (e.Kind == ActorKind.Country && e.Country == null && CountryRx().IsMatch(e.Code)) e.Country = e.Code;
        if (ScalarOf(file, m, "sector") is { } s)
        {
            if (!Sectors.IsKnown(s.Trim())) file.Diagnostics.Add(Err(file, Get(m, "sector")!, $"entry '{id}': bad sector '{s}'"));
            else e.Sector = s.Trim();
        }
        if (ScalarOf(file, m, "gender") is { } g)
        {
            string gg = g.Trim().ToLowerInvariant();
            if (gg is "m" or "f") e.Gender = gg;
            else file.Diagnostics.Add(Err(file, Get(m, "gender")!, $"entry '{id}': bad gender '{g}' (m or f)"));
        }
        e.Note = ScalarOf(file, m, "note");
        if (Get(m, "names") is { } names) ReadNames(file, names, e.Names, $"entry '{id}' names");
        if (Get(m, "adjectives") is { } adjs) ReadNames(file, adjs, e.Adjectives, $"entry '{id}' adjectives");
        if (Get(m, "metonyms") is { } mets) ReadMetonyms(file, mets, e, id);
        if (Get(m, "roles") is { } roles) ReadRoles(file, roles, e, id);
        return e;
    }

    private static void ReadAgents(DictFile file, YamlNode node)
    {
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" }) return;
        if (node is not YamlSequenceNode seq) { file.Diagnostics.Add(Err(file, node, "'agents' must be a list")); return; }
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m) { file.Diagnostics.Add(Err(file, item, "an agent must be a mapping (id:, sector:, names:)")); continue; }
            foreach (var (k, _) in m.Children)
            {
                string key = Scalar(k) ?? "";
                if (!AgentKeys.Contains(key)) file.Diagnostics.Add(Err(file, k, $"unknown key '{key}' in agent{IdHint(m)}"));
            }
            string? id = ScalarOf(file, m, "id");
            if (string.IsNullOrWhiteSpace(id)) { file.Diagnostics.Add(Err(file, m, "agent without 'id'")); continue; }
            var a = new AgentEntry { Id = id.Trim(), File = file.Name, Line = Line(m) };
            string? sec = ScalarOf(file, m, "sector");
            if (string.IsNullOrWhiteSpace(sec)) file.Diagnostics.Add(Err(file, m, $"agent '{id}': missing 'sector'"));
            else if (!Sectors.IsKnown(sec.Trim())) file.Diagnostics.Add(Err(file, Get(m, "sector")!, $"agent '{id}': bad sector '{sec}'"));
            else a.Sector = sec.Trim();
            a.Note = ScalarOf(file, m, "note");
            if (Get(m, "names") is { } names) ReadNames(file, names, a.Names, $"agent '{id}' names");
            if (a.Names.Count == 0) file.Diagnostics.Add(Err(file, m, $"agent '{id}': no names"));
            if (a.Sector.Length > 0 && a.Names.Count > 0) file.Agents.Add(a);
        }
    }

    /// <summary>names/adjectives: {en: [...], nl: [...]} or a plain list (valid in every language).</summary>
    private static void ReadNames(DictFile file, YamlNode node, List<NameForm> into, string what)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    string lang = Scalar(k) ?? "";
                    string? l = lang is "all" or "any" or "*" ? null : lang;
                    if (l != null && !LangRx().IsMatch(l)) { file.Diagnostics.Add(Err(file, k, $"{what}: bad language key '{lang}' (en, nl, …)")); continue; }
                    AddList(file, v, l, into, what);
                }
                break;
            case YamlSequenceNode:
                AddList(file, node, null, into, what);
                break;
            case YamlScalarNode { Value: null or "" or "~" or "null" }:
                break;
            default:
                file.Diagnostics.Add(Err(file, node, $"{what}: expected a mapping of language → list of names"));
                break;
        }
    }

    private static void AddList(DictFile file, YamlNode v, string? lang, List<NameForm> into, string what)
    {
        if (v is YamlScalarNode sc)
        {
            if (!string.IsNullOrWhiteSpace(sc.Value) && sc.Value is not ("~" or "null")) into.Add(new NameForm(sc.Value.Trim(), lang, Line(sc)));
            return;
        }
        if (v is not YamlSequenceNode seq) { file.Diagnostics.Add(Err(file, v, $"{what}: expected a list of names")); return; }
        foreach (var n in seq.Children)
        {
            if (n is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) into.Add(new NameForm(s.Value.Trim(), lang, Line(s)));
            else file.Diagnostics.Add(Err(file, n, $"{what}: a name must be a non-empty string"));
        }
    }

    private static void ReadMetonyms(DictFile file, YamlNode node, ActorEntry e, string id)
    {
        if (node is not YamlSequenceNode seq) { file.Diagnostics.Add(Err(file, node, $"entry '{id}': 'metonyms' must be a list")); return; }
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) { e.Metonyms.Add(new Metonym(s.Value.Trim(), "GOV", null, Line(s))); continue; }
            if (item is not YamlMappingNode m) { file.Diagnostics.Add(Err(file, item, $"entry '{id}': a metonym must be {{ name:, sector:, lang: }}")); continue; }
            foreach (var (k, _) in m.Children)
                if (!MetonymKeys.Contains(Scalar(k) ?? "")) file.Diagnostics.Add(Err(file, k, $"entry '{id}': unknown key '{Scalar(k)}' in metonym"));
            string? name = ScalarOf(file, m, "name");
            if (string.IsNullOrWhiteSpace(name)) { file.Diagnostics.Add(Err(file, m, $"entry '{id}': metonym without 'name'")); continue; }
            string sector = ScalarOf(file, m, "sector")?.Trim() ?? "GOV";
            if (!Sectors.IsKnown(sector)) { file.Diagnostics.Add(Err(file, Get(m, "sector")!, $"entry '{id}': metonym '{name}': bad sector '{sector}'")); continue; }
            string? lang = ScalarOf(file, m, "lang")?.Trim();
            if (lang != null && !LangRx().IsMatch(lang)) { file.Diagnostics.Add(Err(file, Get(m, "lang")!, $"entry '{id}': metonym '{name}': bad lang '{lang}'")); lang = null; }
            e.Metonyms.Add(new Metonym(name.Trim(), sector, lang, Line(m)));
        }
    }

    private static void ReadRoles(DictFile file, YamlNode node, ActorEntry e, string id)
    {
        if (node is not YamlSequenceNode seq) { file.Diagnostics.Add(Err(file, node, $"entry '{id}': 'roles' must be a list")); return; }
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m) { file.Diagnostics.Add(Err(file, item, $"entry '{id}': a role must be {{ title:, country:, sector:, from:, to: }}")); continue; }
            foreach (var (k, _) in m.Children)
                if (!RoleKeys.Contains(Scalar(k) ?? "")) file.Diagnostics.Add(Err(file, k, $"entry '{id}': unknown key '{Scalar(k)}' in role"));
            bool ok = true;
            DateOnly? from = null, to = null;
            if (ScalarOf(file, m, "from") is { } f && f is not ("null" or "~"))
            {
                if (DictDates.TryParse(f, false, out var d)) from = d;
                else { file.Diagnostics.Add(Err(file, Get(m, "from")!, $"entry '{id}': bad date '{f}' (yyyy, yyyy-MM or yyyy-MM-dd)")); ok = false; }
            }
            if (ScalarOf(file, m, "to") is { } t && t is not ("null" or "~"))
            {
                if (DictDates.TryParse(t, true, out var d)) to = d;
                else { file.Diagnostics.Add(Err(file, Get(m, "to")!, $"entry '{id}': bad date '{t}' (yyyy, yyyy-MM or yyyy-MM-dd)")); ok = false; }
            }
            if (from != null && to != null && from > to) { file.Diagnostics.Add(Err(file, m, $"entry '{id}': role ends before it starts")); ok = false; }
            string? sector = ScalarOf(file, m, "sector")?.Trim();
            if (sector != null && !Sectors.IsKnown(sector)) { file.Diagnostics.Add(Err(file, Get(m, "sector")!, $"entry '{id}': bad sector '{sector}' in role")); ok = false; }
            string? country = ScalarOf(file, m, "country")?.Trim();
            if (country != null && !CountryRx().IsMatch(country)) { file.Diagnostics.Add(Err(file, Get(m, "country")!, $"entry '{id}': bad country '{country}' in role")); ok = false; }
            string? code = ScalarOf(file, m, "code")?.Trim();
            if (code != null && !CodeRx().IsMatch(code)) { file.Diagnostics.Add(Err(file, Get(m, "code")!, $"entry '{id}': bad code '{code}' in role")); ok = false; }
            if (code == null && country == null && e.Country == null && sector == null)
            { file.Diagnostics.Add(Err(file, m, $"entry '{id}': role needs 'code' or 'country' + 'sector'")); ok = false; }
            if (ok) e.Roles.Add(new ActorRole { Title = ScalarOf(file, m, "title"), Code = code, Country = country, Sector = sector, From = from, To = to, Line = Line(m) });
        }
    }

    private static string IdHint(YamlMappingNode m) => Scalar(Get(m, "id")) is { } id ? $" '{id}'" : "";

    private static YamlNode? Get(YamlMappingNode m, string key)
    {
        foreach (var (k, v) in m.Children)
            if (k is YamlScalarNode s && s.Value == key) return v;
        return null;
    }

    private static string? Scalar(YamlNode? n) => n is YamlScalarNode s ? s.Value : null;

    /// <summary>The scalar value of a key; an error if the key holds a list or mapping.</summary>
    private static string? ScalarOf(DictFile file, YamlMappingNode m, string key)
    {
        var n = Get(m, key);
        if (n == null) return null;
        if (n is YamlScalarNode s)
        {
            if (s.Value is null || (s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is "~" or "null" or "")) return null;
            return s.Value;
        }
        file.Diagnostics.Add(Err(file, n, $"'{key}' must be a single value"));
        return null;
    }

    private static int Line(YamlNode n) => (int)n.Start.Line;

    private static DictDiagnostic Err(DictFile file, YamlNode n, string msg) => new(file.Name, Line(n), DictSeverity.Error, msg);
}
