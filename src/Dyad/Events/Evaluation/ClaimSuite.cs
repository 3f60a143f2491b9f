using System.Text;
using Dyad.Model;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Dyad.Events.Evaluation;

/// <summary>
/// The claim test suite (tests/Dyad.Tests/ClaimSuite/*.yaml, format in docs/EVENTS.md): sentences written for
/// the project, each with the events it must give — type, source/target text (and optionally code), claim
/// status, claimants (outermost first, without the implicit author) and the parent link. Cases sharing a
/// <c>pair</c> are word-order variants that must give the same answer.
/// </summary>
public static class ClaimSuite
{
    public sealed class ExpectedEvent
    {
        public string Type { get; set; } = "";
        public string? Source { get; set; }
        public string? Target { get; set; }
        public string? SourceCode { get; set; }
        public string? TargetCode { get; set; }
        public string Status { get; set; } = "asserted";
        public List<string>? Claimants { get; set; }
        /// <summary>Index (0-based) of the expected event that carries this one.</summary>
        public int? Parent { get; set; }
    }

    public sealed class Case
    {
        public string Id { get; set; } = "";
        public string Text { get; set; } = "";
        public string? Pair { get; set; }
        public string? Date { get; set; }
        public string? Category { get; set; }
        public List<ExpectedEvent> Events { get; set; } = new();
        // Filled by Load.
        public string Lang { get; set; } = "en";
        public string File { get; set; } = "";
    }

    private sealed class FileDto
    {
        public string? Lang { get; set; }
        public string? Category { get; set; }
        public List<Case>? Cases { get; set; }
    }

    /// <summary>Reads every *.yaml file in a folder (or one file); throws naming the file and the problem.</summary>
    public static List<Case> Load(string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToArray() : [path];
        var des = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var all = new List<Case>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            FileDto d;
            try { d = des.Deserialize<FileDto>(System.IO.File.ReadAllText(f)) ?? new FileDto(); }
            catch (YamlDotNet.Core.YamlException e) { throw new InvalidDataException($"{f}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}"); }
            string lang = d.Lang ?? "en";
            foreach (var c in d.Cases ?? [])
            {
                if (string.IsNullOrWhiteSpace(c.Id) || string.IsNullOrWhiteSpace(c.Text)) throw new InvalidDataException($"{f}: a case without id or text");
                if (!ids.Add(c.Id)) throw new InvalidDataException($"{f}: duplicate case id '{c.Id}'");
                foreach (var e in c.Events)
                {
                    if (!PloverTypes.IsType(e.Type)) throw new InvalidDataException($"{f}: case {c.Id}: unknown type '{e.Type}'");
                    if (!ClaimStatusNames.TryParse(e.Status, out _)) throw new InvalidDataException($"{f}: case {c.Id}: unknown status '{e.Status}'");
                    if (e.Parent is { } p && (p < 0 || p >= c.Events.Count)) throw new InvalidDataException($"{f}: case {c.Id}: parent {p} out of range");
                }
                c.Lang = lang;
                c.Category ??= d.Category ?? Path.GetFileNameWithoutExtension(f);
                c.File = Path.GetFileName(f);
                all.Add(c);
            }
        }
        return all;
    }

    public sealed class CaseResult
    {
        public required Case Case;
        public required Document Doc;
        /// <summary>Predicted event matched to each expected event (null = missed).</summary>
        public required Event?[] Matched;
        public int Extra;
        public List<string> Problems = new();
    }

    public sealed class Tally
    {
        public int Expected, Matched, Extra, Cases;
        public Acc Status = new(), Claimants = new(), Parent = new(), Code = new();
        public double Recall => Expected == 0 ? 0 : (double)Matched / Expected;
        public override string ToString() =>
            (Cases > 0 ? $"cases {Cases}, " : "") + $"events {Matched}/{Expected} matched ({Recall:P0}), status {Status}, claimants {Claimants}, parent {Parent}, extra {Extra}" +
            (Code.Total > 0 ? $", codes {Code}" : "");
    }

    public sealed class Scores
    {
        public Tally All = new();
        public SortedDictionary<string, Tally> ByCategory = new(StringComparer.Ordinal);
        public SortedDictionary<string, Tally> ByStatus = new(StringComparer.Ordinal);
        public SortedDictionary<string, Tally> ByLang = new(StringComparer.Ordinal);
        public int Pairs, PairsAgree;
        /// <summary>Pairs whose members disagree on an event they all found (status or claimants).</summary>
        public List<string> PairFailures = new();
        /// <summary>Pairs that agree on every event all members found but miss an event in some order.</summary>
        public List<string> PairsIncomplete = new();
        public List<CaseResult> Results = new();
        public bool ActorsActive;
    }

    public static bool TextMatches(string? expected, ActorArg? got)
    {
        if (expected == null) return true;
        if (got == null) return false;
        string e = expected.ToLowerInvariant(), g = got.Text.ToLowerInvariant();
        return g.Contains(e, StringComparison.Ordinal) || (e.Contains(g, StringComparison.Ordinal) && g.Length >= 2);
    }

    private static bool CodeMatches(string? expected, ActorArg? got) =>
        expected == null || string.Equals(got?.Actor?.Code, expected, StringComparison.OrdinalIgnoreCase);

    public static Scores Run(List<Case> cases, EvalPipeline pipe)
    {
        var s = new Scores { ActorsActive = pipe.ActorsActive("en") };
        foreach (var c in cases)
        {
            var doc = pipe.Run(c.Text, c.Lang, c.Date ?? "2017-10-05");
            var r = Score(c, doc, s.ActorsActive);
            s.Results.Add(r);
            foreach (var t in Tallies(s, c, null).Take(3)) { t.Cases++; t.Extra += r.Extra; }
            for (int i = 0; i < c.Events.Count; i++)
            {
                var x = c.Events[i];
                var got = r.Matched[i];
                foreach (var t in Tallies(s, c, x))
                {
                    t.Expected++;
                    if (got == null) continue;
                    t.Matched++;
                    t.Status.Add(got.Claim.Status.Name() == x.Status);
                    t.Claimants.Add(ClaimantsMatch(x, got));
                    if (x.Parent is { } p) t.Parent.Add(r.Matched[p] is { } pe && got.ParentId == pe.Id);
                    if (s.ActorsActive && (x.SourceCode != null || x.TargetCode != null))
                        t.Code.Add(CodeMatches(x.SourceCode, got.Source) && CodeMatches(x.TargetCode, got.Target));
                }
            }
        }
        // Word-order pairs: every member must give the same answer for every expected event.
        foreach (var grp in s.Results.Where(r => r.Case.Pair != null).GroupBy(r => r.Case.Pair!))
        {
            var members = grp.ToList();
            if (members.Count < 2) continue;
            s.Pairs++;
            var sigs = members.Select(Signature).ToList();
            if (sigs.All(x => x == sigs[0])) { s.PairsAgree++; continue; }
            string line = $"pair {grp.Key}: " + string.Join(" ≠ ", members.Select((m, i) => $"{m.Case.Id} {{{sigs[i]}}}"));
            // Compare only the expected events every member found: a disagreement there is a claim error;
            // an event missed in one order only (a tagging or parsing failure) makes the pair incomplete.
            int n = members[0].Matched.Length;
            bool conflict = false, missed = false;
            for (int k = 0; k < n; k++)
            {
                if (members.Any(m => m.Matched[k] == null)) { missed = true; continue; }
                var one = members.Select(m => EventSignature(m.Matched[k]!)).Distinct().Count();
                if (one > 1) conflict = true;
            }
            if (conflict) s.PairFailures.Add(line);
            else if (missed) s.PairsIncomplete.Add(line);
        }
        return s;
    }

    private static IEnumerable<Tally> Tallies(Scores s, Case c, ExpectedEvent? x)
    {
        yield return s.All;
        yield return Get(s.ByCategory, c.Category ?? "");
        yield return Get(s.ByLang, c.Lang);
        if (x != null) yield return Get(s.ByStatus, x.Status);
    }

    private static Tally Get(SortedDictionary<string, Tally> d, string k) => d.TryGetValue(k, out var t) ? t : d[k] = new Tally();

    private static string Signature(CaseResult r)
    {
        var parts = new List<string>();
        for (int i = 0; i < r.Matched.Length; i++)
        {
            var e = r.Matched[i];
            parts.Add(e == null ? "missed" : EventSignature(e));
        }
        return string.Join("; ", parts);
    }

    private static string EventSignature(Event e) =>
        $"{e.Type} {e.Claim.Status.Name()} [{string.Join(">", e.Claim.Claimants.Select(c => Norm(c.Actor.Text)))}]";

    private static string Norm(string s)
    {
        s = s.ToLowerInvariant().Trim();
        foreach (var d in new[] { "the ", "a ", "an ", "de ", "het ", "een " })
            if (s.StartsWith(d, StringComparison.Ordinal)) return s[d.Length..];
        return s;
    }

    private static bool ClaimantsMatch(ExpectedEvent x, Event got)
    {
        var exp = x.Claimants ?? [];
        var have = got.Claim.Claimants;
        if (exp.Count != have.Count) return false;
        for (int i = 0; i < exp.Count; i++)
            if (!TextMatches(exp[i], have[i].Actor)) return false;
        return true;
    }

    private static CaseResult Score(Case c, Document doc, bool actors)
    {
        var evs = doc.Events;
        var used = new bool[evs.Count];
        var matched = new Event?[c.Events.Count];
        // Two rounds: exact (type, arguments and status) first, then type and arguments.
        for (int round = 0; round < 2; round++)
            for (int i = 0; i < c.Events.Count; i++)
            {
                if (matched[i] != null) continue;
                var x = c.Events[i];
                for (int k = 0; k < evs.Count; k++)
                {
                    if (used[k]) continue;
                    var e = evs[k];
                    if (e.Type != x.Type || !TextMatches(x.Source, e.Source) || !TextMatches(x.Target, e.Target)) continue;
                    if (round == 0 && e.Claim.Status.Name() != x.Status) continue;
                    matched[i] = e; used[k] = true; break;
                }
            }
        var r = new CaseResult { Case = c, Doc = doc, Matched = matched, Extra = used.Count(u => !u) };
        for (int i = 0; i < c.Events.Count; i++)
        {
            var x = c.Events[i];
            var e = matched[i];
            if (e == null) { r.Problems.Add($"missed {x.Type}({x.Source}, {x.Target})"); continue; }
            if (e.Claim.Status.Name() != x.Status) r.Problems.Add($"{x.Type}: status {e.Claim.Status.Name()}, expected {x.Status}");
            if (!ClaimantsMatch(x, e)) r.Problems.Add($"{x.Type}: claimants [{string.Join(" > ", e.Claim.Claimants.Select(k => k.Actor.Text))}], expected [{string.Join(" > ", x.Claimants ?? [])}]");
            if (x.Parent is { } p && !(matched[p] is { } pe && e.ParentId == pe.Id)) r.Problems.Add($"{x.Type}: parent missing");
        }
        for (int k = 0; k < evs.Count; k++) if (!used[k]) r.Problems.Add($"extra {PloverGsrEval.Show(evs[k])}");
        return r;
    }

    public static string Report(Scores s, bool details)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Claim suite: {s.All}");
        sb.AppendLine($"  actors stage active: {(s.ActorsActive ? "yes" : "no (argument texts only)")}");
        sb.AppendLine($"  word-order pairs: {s.PairsAgree}/{s.Pairs} identical, {s.PairFailures.Count} disagree on a found event, {s.PairsIncomplete.Count} miss an event in one order");
        sb.AppendLine("  by language:");
        foreach (var (k, t) in s.ByLang) sb.AppendLine($"    {k,-14} {t}");
        sb.AppendLine("  by category:");
        foreach (var (k, t) in s.ByCategory) sb.AppendLine($"    {k,-14} {t}");
        sb.AppendLine("  by expected status:");
        foreach (var (k, t) in s.ByStatus) sb.AppendLine($"    {k,-14} {t}");
        foreach (var f in s.PairFailures) sb.AppendLine("  DISAGREE " + f);
        foreach (var f in s.PairsIncomplete) sb.AppendLine("  incomplete " + f);
        if (details)
            foreach (var r in s.Results.Where(r => r.Problems.Count > 0))
            {
                sb.AppendLine($"  {r.Case.Id}: {r.Case.Text}");
                foreach (var p in r.Problems) sb.AppendLine($"      {p}");
            }
        return sb.ToString();
    }
}
