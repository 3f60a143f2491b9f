using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dyad.Actors;

/// <summary>
/// Converts PETRARCH/TABARI actor and agent dictionaries (Phoenix.*.actors.txt, Phoenix.agents.txt) into
/// Dyad YAML. Actor files: "NAME_ [CODE]" blocks with "+SYNONYM" lines and code lines, codes optionally
/// date-restricted ("[USAGOV >20090120]", "[AFGGOV 040601-041231]", "[X &lt;991231]"). Entries with dated
/// codes become people with roles. Agent files: "NOUN {PLURALS} [~SEC]" with !SET! substitution sets;
/// regular plurals are generated (PETRARCH 0.5 does so implicitly). What cannot be converted is counted
/// with examples.
/// </summary>
public static partial class PetrarchImporter
{
    public sealed class Report
    {
        public string File { get; init; } = "";
        public string OutFile { get; set; } = "";
        public int Entries, Names, Roles, Agents, AgentNames, SimplifiedSectors;
        public Dictionary<string, int> Problems { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<string>> Examples { get; } = new(StringComparer.Ordinal);
        public int Unconverted => Problems.Values.Sum();

        public void Problem(string kind, int line, string text)
        {
            Problems[kind] = Problems.GetValueOrDefault(kind) + 1;
            if (!Examples.TryGetValue(kind, out var l)) Examples[kind] = l = new List<string>();
            if (l.Count < 3) l.Add($"line {line}: {text.Trim()}");
        }
    }

    private sealed class RawEntry
    {
        public int Line;
        public bool AfterBlank;
        public List<string> Names = new();
        public List<(string Code, DateOnly? From, DateOnly? To)> Codes = new();
    }

    [GeneratedRegex(@"\[([^\]]*)\]")] private static partial Regex CodeRx();
    [GeneratedRegex(@"^[A-Z0-9]{3,15}$")] private static partial Regex CodeOk();
    [GeneratedRegex(@"\{([^}]*)\}")] private static partial Regex PluralRx();

    /// <summary>Converts one file; writes OUTDIR/phoenix-NAME.yaml. Agent files are recognised by their name or content.</summary>
    public static Report Convert(string path, string outDir)
    {
        var lines = File.ReadAllLines(path);
        var rep = new Report { File = path };
        if (Path.GetFileName(path).Contains("discard", StringComparison.OrdinalIgnoreCase))
        {
            // Discard lists tell PETRARCH to skip sentences; Dyad has no equivalent.
            rep.Problem("discard list (Dyad has no discard lists)", 1, Path.GetFileName(path));
            return rep;
        }
        bool agents = Path.GetFileName(path).Contains("agent", StringComparison.OrdinalIgnoreCase)
                      || lines.Any(l => l.Contains("[~", StringComparison.Ordinal));
        string yaml = agents ? ConvertAgents(lines, rep) : ConvertActors(lines, rep, Path.GetFileNameWithoutExtension(path));
        Directory.CreateDirectory(outDir);
        string name = Slug(Path.GetFileNameWithoutExtension(path).Replace('.', '-'));
        rep.OutFile = Path.Combine(outDir, name + ".yaml");
        File.WriteAllText(rep.OutFile, yaml, new UTF8Encoding(false));
        return rep;
    }

    private static string StripComment(string line)
    {
        int h = line.IndexOf('#');
        return h >= 0 ? line[..h] : line;
    }

    // ---------------------------------------------------------------- actors

    private static string ConvertActors(string[] lines, Report rep, string source)
    {
        var raw = new List<RawEntry>();
        RawEntry? cur = null;
        bool blank = true;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) { blank = true; continue; }
            string line = StripComment(lines[i]).TrimEnd();
            if (line.Trim().Length == 0) continue;
            bool afterBlank = blank;
            blank = false;
            int ln = i + 1;
            char c0 = line[0];
            string body = line;
            if (c0 == '+')
            {
                if (cur == null) { rep.Problem("synonym without an entry", ln, lines[i]); continue; }
                body = line[1..];
                AddName(cur, body, ln, rep);
            }
            else if (c0 is ' ' or '\t' || line.TrimStart().StartsWith('['))
            {
                if (cur == null) { rep.Problem("code without an entry", ln, lines[i]); continue; }
                AddCodes(cur, line, ln, rep);
                continue;
            }
            else
            {
                // Consecutive name lines share the codes that follow them ("IVO_JOSIPOVIC_" / "JOSIPOVIC_" / [codes]).
                if (cur == null || cur.Codes.Count > 0 || afterBlank)
                {
                    cur = new RawEntry { Line = ln, AfterBlank = afterBlank };
                    raw.Add(cur);
                }
                int b = line.IndexOf('[');
                AddName(cur, b >= 0 ? line[..b] : line, ln, rep);
                if (b >= 0) AddCodes(cur, line[b..], ln, rep);
                continue;
            }
            int bb = body.IndexOf('[');
            if (bb >= 0) AddCodes(cur, body[bb..], ln, rep);
        }

        // A code-less name right after a coded entry (no blank line between) is one more synonym of it ("UN_ [IGOUNO]" / "U.N._").
        for (int k = raw.Count - 1; k > 0; k--)
            if (raw[k].Codes.Count == 0 && !raw[k].AfterBlank && raw[k - 1].Codes.Count > 0)
            {
                raw[k - 1].Names.AddRange(raw[k].Names);
                raw.RemoveAt(k);
            }
        string tag = Slug(source.Replace("Phoenix.", "", StringComparison.OrdinalIgnoreCase).Replace(".actors", "", StringComparison.OrdinalIgnoreCase));
        var sb = new StringBuilder();
        sb.AppendLine($"# Converted by `dyad dict import-petrarch` from {source} (PETRARCH/TABARI format).");
        sb.AppendLine("# Names were upper case in the source: re-cased (two-letter words and vowel-less words of up to 5 letters stay upper case).");
        sb.AppendLine("# Entries with date-restricted codes became people with roles.");
        sb.AppendLine("entries:");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var firstCountry = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in raw)
        {
            var names = e.Names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names.Count == 0) { rep.Problem("entry without a usable name", e.Line, ""); continue; }
            if (e.Codes.Count == 0) { rep.Problem("entry without a code", e.Line, names[0]); continue; }
            bool dated = e.Codes.Count > 1 || e.Codes.Any(c => c.From != null || c.To != null);
            string code = e.Codes.OrderBy(c => c.To ?? DateOnly.MaxValue).Last().Code;
            string kind;
            if (dated) kind = "person";
            else if (code.Length == 3 && code.All(char.IsAsciiLetterUpper)) kind = "country";
            else if (code.StartsWith("IGO", StringComparison.Ordinal)) kind = "igo";
            else if (code.StartsWith("IMG", StringComparison.Ordinal) || code.EndsWith("REB", StringComparison.Ordinal) || code.EndsWith("INS", StringComparison.Ordinal)
                     || code.Contains("REB", StringComparison.Ordinal) || code.Contains("UAF", StringComparison.Ordinal)) kind = "armed-group";
            else kind = "organisation";
            string id = "phoenix-" + tag + "-" + Slug(names[0]);
            if (id.Length > 60) id = id[..60].TrimEnd('-');
            string baseId = id;
            for (int k = 2; !ids.Add(id); k++) id = baseId + "-" + k.ToString(CultureInfo.InvariantCulture);
            sb.Append("  - id: ").AppendLine(Q(id));
            sb.Append("    kind: ").AppendLine(kind);
            sb.Append("    code: ").AppendLine(code);
            sb.Append("    name: ").AppendLine(Q(names[0]));
            string? country = code.Length >= 3 && code[..3].All(char.IsAsciiLetterUpper) && !code.StartsWith("IGO", StringComparison.Ordinal)
                              && !code.StartsWith("NGO", StringComparison.Ordinal) && !code.StartsWith("IMG", StringComparison.Ordinal)
                              && !code.StartsWith("MNC", StringComparison.Ordinal) ? code[..3] : null;
            if (kind != "country" && country != null && kind != "person") sb.Append("    country: ").AppendLine(country);
            if (kind == "country") firstCountry.Add(code);
            sb.AppendLine("    names:");
            sb.Append("      en: [").Append(string.Join(", ", names.Select(Q))).AppendLine("]");
            rep.Names += names.Count;
            if (dated)
            {
                sb.AppendLine("    roles:");
                foreach (var (c, f, t) in e.Codes)
                {
                    sb.Append("      - { code: ").Append(c);
                    if (f != null) sb.Append(", from: ").Append(f.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    if (t != null) sb.Append(", to: ").Append(t.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    sb.AppendLine(" }");
                    rep.Roles++;
                }
            }
            rep.Entries++;
        }
        return sb.ToString();
    }

    private static void AddName(RawEntry e, string raw, int ln, Report rep)
    {
        string s = raw.Trim();
        if (s.Length == 0) return;
        if (s.Contains('+')) { rep.Problem("malformed name (joined synonyms)", ln, raw); return; }
        if (s.Contains('!') || s.Contains('{') || s.Contains('<') || s.Contains('>')) { rep.Problem("pattern syntax in a name", ln, raw); return; }
        // "ISLAMIC_ARMY_OF_ADEN_(IAA)_" → the name and its acronym.
        var paren = Regex.Match(s, @"\(([^)]*)\)");
        if (paren.Success)
        {
            string inner = paren.Groups[1].Value.Trim('_', ' ');
            s = (s[..paren.Index] + s[(paren.Index + paren.Length)..]).Trim();
            string name0 = Recase(s);
            if (name0.Length >= 2 && name0.Any(char.IsLetter)) e.Names.Add(name0);
            // The acronym keeps its capitals: it is matched case-sensitively.
            if (inner.Length >= 2 && inner.All(ch => char.IsLetterOrDigit(ch) || ch == '-')) e.Names.Add(inner.ToUpperInvariant());
            return;
        }
        string name = Recase(s);
        if (name.Length < 2 || !name.Any(char.IsLetter)) { rep.Problem("name too short", ln, raw); return; }
        e.Names.Add(name);
    }

    private static void AddCodes(RawEntry e, string text, int ln, Report rep)
    {
        foreach (Match m in CodeRx().Matches(text))
        {
            string inner = m.Groups[1].Value.Trim();
            var parts = inner.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            string code = parts[0];
            if (!CodeOk().IsMatch(code)) { rep.Problem("unsupported code", ln, m.Value); continue; }
            DateOnly? from = null, to = null;
            if (parts.Length > 1)
            {
                string d = parts[1].Replace(" ", "", StringComparison.Ordinal);
                bool ok;
                if (d.StartsWith('>')) ok = ParseDate(d[1..], false, out from);
                else if (d.StartsWith('<')) ok = ParseDate(d[1..], true, out to);
                else
                {
                    var r = d.Split('-');
                    ok = r.Length == 2 && ParseDate(r[0], false, out from) && ParseDate(r[1], true, out to);
                }
                if (!ok || (from != null && to != null && from > to)) { rep.Problem("bad date restriction", ln, m.Value); continue; }
            }
            e.Codes.Add((code, from, to));
        }
    }

    /// <summary>yymmdd (yy &gt; 30 → 19yy) or yyyymmdd.</summary>
    private static bool ParseDate(string s, bool end, out DateOnly? d)
    {
        d = null;
        var inv = CultureInfo.InvariantCulture;
        if (s.Length == 6 && int.TryParse(s, NumberStyles.None, inv, out _))
        {
            int yy = int.Parse(s[..2], inv);
            s = (yy > 30 ? "19" : "20") + s;
        }
        if (s.Length != 8 || !int.TryParse(s, NumberStyles.None, inv, out _)) return false;
        int y = int.Parse(s[..4], inv), mo = int.Parse(s[4..6], inv), da = int.Parse(s[6..], inv);
        if (mo == 0) mo = end ? 12 : 1;
        if (da == 0) da = end ? DateTime.DaysInMonth(y, Math.Clamp(mo, 1, 12)) : 1;
        if (mo < 1 || mo > 12 || da < 1 || da > DateTime.DaysInMonth(y, mo)) return false;
        d = new DateOnly(y, mo, da);
        return true;
    }

    private static readonly HashSet<string> Lower = new(StringComparer.OrdinalIgnoreCase)
        { "al", "el", "of", "the", "and", "de", "du", "la", "le", "bin", "ibn", "for", "in", "on", "to", "wa", "wal", "fi", "des", "del", "da", "van", "von", "y" };

    /// <summary>"ISLAMIC_STATE_OF_IRAQ_" → "Islamic State of Iraq"; "AQI_" stays "AQI"; leading "THE" dropped.</summary>
    public static string Recase(string raw)
    {
        var words = raw.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0].Equals("THE", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        var outWords = new List<string>();
        for (int w = 0; w < words.Count; w++)
        {
            var pieces = words[w].Split('-');
            for (int p = 0; p < pieces.Length; p++) pieces[p] = CaseWord(pieces[p], w == 0 && p == 0);
            outWords.Add(string.Join('-', pieces));
        }
        return string.Join(' ', outWords);
    }

    private static string CaseWord(string w, bool first)
    {
        if (w.Length == 0) return w;
        if (w.Any(char.IsLower)) return w;
        string letters = new(w.Where(char.IsLetter).ToArray());
        if (!first && Lower.Contains(w)) return w.ToLowerInvariant();
        if (w.Contains('.')) return w; // U.S., U.N.
        bool vowel = letters.Any(ch => "AEIOUY".Contains(ch));
        if (letters.Length >= 2 && letters.Length <= 5 && !vowel) return w; // SDF, PKK, YPG
        if (letters.Length == 2 && !Lower.Contains(w)) return w; // UN, EU, US, IS (matched case-sensitively)
        var sb = new StringBuilder(w.Length);
        bool start = true;
        foreach (char ch in w)
        {
            sb.Append(start ? char.ToUpperInvariant(ch) : char.ToLowerInvariant(ch));
            start = ch == '\'' && false;
            if (!char.IsLetter(ch) && ch != '\'') start = true;
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- agents

    private static string ConvertAgents(string[] lines, Report rep)
    {
        var sets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var bySector = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0) continue;
            int ln = i + 1;
            var setM = Regex.Match(line, @"^(![A-Z]+!)\s*=\s*(.+)$");
            if (setM.Success)
            {
                sets[setM.Groups[1].Value] = setM.Groups[2].Value.Split(',').Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
                continue;
            }
            var codes = CodeRx().Matches(line);
            if (codes.Count == 0) { rep.Problem("agent line without a code", ln, lines[i]); continue; }
            string code = codes[0].Groups[1].Value.Trim();
            string sector;
            if (code.StartsWith('~')) sector = code[1..];
            else if (code.EndsWith('~')) sector = code[..^1];
            else sector = code;
            if (sector.Length > 3 && sector.Length % 3 == 0 && sector.All(char.IsAsciiLetterUpper)) { rep.SimplifiedSectors++; sector = sector[..3]; }
            if (!Sectors.IsKnown(sector)) { rep.Problem($"sector not in Dyad's list", ln, lines[i]); continue; }
            string head = line[..codes[0].Index];
            var plurals = new List<string>();
            var pm = PluralRx().Match(head);
            if (pm.Success)
            {
                plurals.AddRange(pm.Groups[1].Value.Split(',').Select(x => x.Trim()).Where(x => x.Length > 0));
                head = head[..pm.Index] + head[(pm.Index + pm.Length)..];
            }
            head = head.Trim();
            if (head.Length == 0) { rep.Problem("agent without a noun", ln, lines[i]); continue; }
            var forms = Expand(head, sets, ln, rep);
            if (forms == null) continue;
            if (!bySector.TryGetValue(sector, out var list)) { bySector[sector] = list = new List<string>(); order.Add(sector); }
            foreach (var f in forms)
            {
                string n = Recase(f).ToLowerInvariant();
                list.Add(n);
                if (!pm.Success || plurals.Count == 0) list.Add(Plural(n));
            }
            foreach (var p in plurals) foreach (var f in Expand(p, sets, ln, rep) ?? []) list.Add(Recase(f).ToLowerInvariant());
        }
        var sb = new StringBuilder();
        sb.AppendLine("# Converted by `dyad dict import-petrarch` from a PETRARCH agents file. Sub-sectors (GOVMED) keep their first sector.");
        sb.AppendLine("agents:");
        foreach (var sec in order)
        {
            var names = bySector[sec].Where(x => x.Any(char.IsLetter)).Distinct(StringComparer.Ordinal).ToList();
            sb.Append("  - id: phoenix-agent-").AppendLine(sec.ToLowerInvariant());
            sb.Append("    sector: ").AppendLine(sec);
            sb.AppendLine("    names:");
            sb.Append("      en: [").Append(string.Join(", ", names.Select(Q))).AppendLine("]");
            rep.Agents++;
            rep.AgentNames += names.Count;
        }
        return sb.ToString();
    }

    private static List<string>? Expand(string pattern, Dictionary<string, List<string>> sets, int ln, Report rep)
    {
        var m = Regex.Match(pattern, "![A-Z]+!");
        if (!m.Success)
        {
            if (pattern.IndexOfAny(['<', '>', '{', '}', '&', '%', '$']) >= 0) { rep.Problem("unsupported agent pattern", ln, pattern); return null; }
            return [pattern];
        }
        if (!sets.TryGetValue(m.Value, out var vals)) { rep.Problem("unknown substitution set", ln, pattern); return null; }
        var res = new List<string>();
        foreach (var v in vals)
        {
            var sub = Expand(pattern[..m.Index] + v + pattern[(m.Index + m.Length)..], sets, ln, rep);
            if (sub != null) res.AddRange(sub);
        }
        return res;
    }

    /// <summary>Regular English plural of the last word.</summary>
    public static string Plural(string phrase)
    {
        int sp = phrase.LastIndexOf(' ');
        string head = phrase[(sp + 1)..], pre = sp >= 0 ? phrase[..(sp + 1)] : "";
        string pl;
        if (head.EndsWith("man", StringComparison.Ordinal)) pl = head[..^3] + "men";
        else if (head.EndsWith('y') && head.Length > 1 && !"aeiou".Contains(head[^2])) pl = head[..^1] + "ies";
        else if (head.EndsWith('s') || head.EndsWith('x') || head.EndsWith("ch", StringComparison.Ordinal) || head.EndsWith("sh", StringComparison.Ordinal)) pl = head + "es";
        else pl = head + "s";
        return pre + pl;
    }

    private static string Slug(string s)
    {
        var sb = new StringBuilder();
        foreach (char ch in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
