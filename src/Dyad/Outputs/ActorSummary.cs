using Dyad.Corpus;
using Dyad.Model;
using Dyad.Outputs.Exports;

namespace Dyad.Outputs;

public sealed class ActorRow
{
    public string Key { get; init; } = "";
    public string Label { get; set; } = "";
    public string? Code { get; init; }
    public string? Country { get; set; }
    public string? Sector { get; set; }
    public int Mentions { get; set; }
    public int AsSource { get; set; }
    public int AsTarget { get; set; }
    public int AsClaimant { get; set; }
    public int Events => AsSource + AsTarget + AsClaimant;
}

public sealed class UnresolvedRow
{
    public string Text { get; init; } = "";
    public string Example { get; set; } = "";
    public int Count { get; set; }
    public HashSet<string> Documents { get; } = new();
    public string SampleDocument { get; set; } = "";
}

/// <summary>`dyad actors`: who appears and in which role; `--unresolved`: the analyst's to-do list of unknown names.</summary>
public static class ActorSummary
{
    public static List<ActorRow> Build(IEnumerable<EventRecord> events, IEnumerable<MentionRecord> mentions)
    {
        var rows = new Dictionary<string, ActorRow>(StringComparer.Ordinal);
        ActorRow Row(string key, string label, string? code, string? country, string? sector)
        {
            if (!rows.TryGetValue(key, out var r))
                rows[key] = r = new ActorRow { Key = key, Label = label, Code = code, Country = country, Sector = sector };
            else { r.Country ??= country; r.Sector ??= sector; if (r.Label == r.Code && label != code) r.Label = label; }
            return r;
        }
        foreach (var e in events)
        {
            if (e.Source is { } s) Row(ActorKeys.Key(s), ActorKeys.Label(s), s.Code, s.Country, s.Sector).AsSource++;
            if (e.Target is { } t) Row(ActorKeys.Key(t), ActorKeys.Label(t), t.Code, t.Country, t.Sector).AsTarget++;
            foreach (var c in e.Claim.Claimants.DistinctBy(ActorKeys.Key))
                Row(ActorKeys.Key(c), ActorKeys.Label(c), c.Code, c.Country, c.Sector).AsClaimant++;
        }
        foreach (var m in mentions)
        {
            if (m.Kind.Equals("pronoun", StringComparison.OrdinalIgnoreCase) && m.Code is null) continue;
            string key = m.Code is { Length: > 0 } c ? c : ActorKeys.UnresolvedPrefix + ActorKeys.Normalise(m.Text);
            Row(key, m.Name ?? m.Code ?? ActorKeys.Clean(m.Text), m.Code, m.Country, m.Sector).Mentions++;
        }
        return rows.Values
            .OrderByDescending(r => r.Mentions + r.Events).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>Mentions without a code (pronouns excluded), grouped by normalised text, most frequent first.</summary>
    public static List<UnresolvedRow> Unresolved(IEnumerable<MentionRecord> mentions, Func<string, StoredDocument?>? findDocument = null)
    {
        var rows = new Dictionary<string, UnresolvedRow>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Code is { Length: > 0 } || m.Kind.Equals("pronoun", StringComparison.OrdinalIgnoreCase)) continue;
            string norm = ActorKeys.Normalise(m.Text);
            if (norm.Length == 0) continue;
            if (!rows.TryGetValue(norm, out var r)) rows[norm] = r = new UnresolvedRow { Text = norm, Example = ActorKeys.Clean(m.Text), SampleDocument = m.DocumentId };
            r.Count++;
            r.Documents.Add(m.DocumentId);
        }
        var list = rows.Values.OrderByDescending(r => r.Count).ThenBy(r => r.Text, StringComparer.Ordinal).ToList();
        if (findDocument != null)
            foreach (var r in list.Take(500))
            {
                var d = findDocument(r.SampleDocument);
                if (d != null) r.SampleDocument = d.Title is { Length: > 0 } t ? $"{t} ({d.Id})" : d.Path ?? d.Uri ?? d.Id;
            }
        return list;
    }

    public static void WriteTable(IEnumerable<ActorRow> rows, TextWriter w, int width = 80)
    {
        var t = new TextTable(width, ("actor", 28, false), ("code", 12, false), ("mentions", 8, true), ("source", 6, true),
            ("target", 6, true), ("claimant", 8, true));
        t.WriteHeader(w);
        int n = 0;
        foreach (var r in rows)
        {
            t.WriteRow(w, r.Label, r.Code ?? "(unresolved)", r.Mentions.ToString(), r.AsSource.ToString(), r.AsTarget.ToString(), r.AsClaimant.ToString());
            n++;
        }
        w.WriteLine($"{n} actor{(n == 1 ? "" : "s")}");
    }

    public static void WriteCsv(IEnumerable<ActorRow> rows, TextWriter w)
    {
        Csv.WriteRow(w, "key", "label", "code", "country", "sector", "mentions", "as_source", "as_target", "as_claimant");
        foreach (var r in rows)
            Csv.WriteRow(w, r.Key, r.Label, r.Code, r.Country, r.Sector, r.Mentions.ToString(), r.AsSource.ToString(), r.AsTarget.ToString(), r.AsClaimant.ToString());
    }

    public static void WriteJsonl(IEnumerable<ActorRow> rows, TextWriter w)
    {
        foreach (var r in rows)
            w.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                key = r.Key, label = r.Label, code = r.Code, country = r.Country, sector = r.Sector,
                mentions = r.Mentions, as_source = r.AsSource, as_target = r.AsTarget, as_claimant = r.AsClaimant,
            }, EventRecord.Json));
    }

    public static void WriteUnresolvedTable(IEnumerable<UnresolvedRow> rows, TextWriter w, int width = 80)
    {
        var t = new TextTable(width, ("unresolved name", 30, false), ("count", 5, true), ("docs", 4, true), ("sample document", 30, false));
        t.WriteHeader(w);
        int n = 0;
        foreach (var r in rows) { t.WriteRow(w, r.Example, r.Count.ToString(), r.Documents.Count.ToString(), r.SampleDocument); n++; }
        w.WriteLine($"{n} unresolved name{(n == 1 ? "" : "s")} (add them to a dictionary with --dict)");
    }

    public static void WriteUnresolvedCsv(IEnumerable<UnresolvedRow> rows, TextWriter w)
    {
        Csv.WriteRow(w, "text", "example", "count", "documents", "sample_document");
        foreach (var r in rows) Csv.WriteRow(w, r.Text, r.Example, r.Count.ToString(), r.Documents.Count.ToString(), r.SampleDocument);
    }

    public static void WriteUnresolvedJsonl(IEnumerable<UnresolvedRow> rows, TextWriter w)
    {
        foreach (var r in rows)
            w.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                text = r.Text, example = r.Example, count = r.Count, documents = r.Documents.Count, sample_document = r.SampleDocument,
            }, EventRecord.Json));
    }
}
