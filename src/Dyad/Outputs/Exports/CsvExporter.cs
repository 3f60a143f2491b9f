using Dyad.Corpus.Merging;
using Dyad.Model;

namespace Dyad.Outputs.Exports;

/// <summary>`--format csv`: one flat RFC 4180 row per event (or per merged event) with a header row.</summary>
public static class CsvExporter
{
    public static readonly string[] Header =
    [
        "id", "date", "date_precision", "type", "mode", "cameo", "trigger",
        "source_text", "source_code", "source_name", "source_country", "source_sector", "source_wikidata",
        "target_text", "target_code", "target_name", "target_country", "target_sector", "target_wikidata",
        "status", "claimants", "cues", "parent", "sentence", "sentence_start", "sentence_end",
        "document_id", "document_uri", "document_title", "published", "segment_kind", "segment_index", "segment_author", "language",
    ];

    public static int Write(IEnumerable<EventRecord> events, TextWriter w)
    {
        Csv.WriteRow(w, Header);
        int n = 0;
        var row = new string?[Header.Length];
        foreach (var e in events)
        {
            int i = 0;
            row[i++] = e.Id; row[i++] = e.Date; row[i++] = e.DatePrecision; row[i++] = e.Event.Type; row[i++] = e.Event.Mode;
            row[i++] = e.Event.Cameo; row[i++] = e.Event.Trigger.Text;
            Actor(row, ref i, e.Source); Actor(row, ref i, e.Target);
            row[i++] = e.Claim.Status;
            row[i++] = ClaimantChain(e.Claim);
            row[i++] = string.Join(" | ", e.Claim.Cues.Select(c => c.Text));
            row[i++] = e.Parent; row[i++] = e.Sentence.Text; row[i++] = Num(e.Sentence.Start); row[i++] = Num(e.Sentence.End);
            row[i++] = e.Document.Id; row[i++] = e.Document.Uri; row[i++] = e.Document.Title; row[i++] = e.Document.Published;
            row[i++] = e.Segment.Kind; row[i++] = Num(e.Segment.Index); row[i++] = e.Segment.Author; row[i++] = e.Segment.Language;
            Csv.WriteRow(w, row);
            n++;
        }
        return n;
    }

    public static readonly string[] MergedHeader =
    [
        "id", "type", "mode", "first_date", "last_date", "source_code", "source_name", "target_code", "target_name",
        "status", "contested", "mentions", "documents", "pages", "claimants", "status_counts", "claimant_statuses", "event_ids",
    ];

    public static int Write(IEnumerable<MergedEvent> merged, TextWriter w)
    {
        Csv.WriteRow(w, MergedHeader);
        int n = 0;
        foreach (var m in merged)
        {
            var r = m.Representative;
            Csv.WriteRow(w, m.Id, m.Type, m.Mode, m.FirstDate, m.LastDate,
                r.Source?.Code, r.Source is null ? null : ActorKeys.Label(r.Source),
                r.Target?.Code, r.Target is null ? null : ActorKeys.Label(r.Target),
                m.Status, m.Contested ? "true" : "false", Num(m.Mentions.Count), Num(m.Documents), Num(m.Pages), Num(m.Claimants),
                string.Join("; ", m.StatusCounts.Select(kv => kv.Key + "=" + kv.Value)),
                string.Join("; ", m.ClaimantStatuses.Select(c => c.Label + "=" + c.Status)),
                string.Join(";", m.Mentions.Select(x => x.Id)));
            n++;
        }
        return n;
    }

    /// <summary>Outermost first: "Reuters > Russian Defense Ministry".</summary>
    public static string ClaimantChain(ClaimInfo c) => string.Join(" > ", c.Claimants.Select(ActorKeys.Label));

    private static void Actor(string?[] row, ref int i, ActorInfo? a)
    {
        row[i++] = a?.Text; row[i++] = a?.Code; row[i++] = a?.Name; row[i++] = a?.Country; row[i++] = a?.Sector; row[i++] = a?.Wikidata;
    }

    private static string Num(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
