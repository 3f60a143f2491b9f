using Dyad.Model;

namespace Dyad.Tests.Events;

/// <summary>
/// Builds a parsed one-sentence document from a compact CoNLL-like string written for the test:
/// one token per line, "FORM LEMMA UPOS HEAD DEPREL [FEATS]" with 1-based heads (0 = root).
/// Mentions are given as (first, last) 1-based token ids and a code ("RUSGOV", or null = unresolved).
/// </summary>
public static class SentenceBuilder
{
    public static Document Doc(string lang, string rows, params (int First, int Last, string? Code)[] mentions) =>
        DocWith(lang, rows, null, SegmentKind.Article, null, mentions);

    public static Document DocWith(string lang, string rows, string? published, SegmentKind kind, string? author,
        params (int First, int Last, string? Code)[] mentions)
    {
        var doc = new Document { Id = "testdoc", Published = published };
        var s = new Sentence { Index = 0, Language = lang, Parsed = true };
        var sb = new System.Text.StringBuilder();
        foreach (var raw in rows.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (sb.Length > 0) sb.Append(' ');
            int start = sb.Length;
            sb.Append(f[0]);
            s.Tokens.Add(new Token
            {
                Index = s.Tokens.Count, Start = start, End = sb.Length, Text = f[0], Lemma = f[1], Upos = f[2],
                Head = int.Parse(f[3]) - 1, Deprel = f[4], Feats = f.Length > 5 ? f[5] : "_", Xpos = f.Length > 6 ? f[6] : "_",
            });
        }
        doc.Text = sb.ToString();
        s.Start = 0;
        s.End = doc.Text.Length;
        s.Text = doc.Text;
        foreach (var (first, last, code) in mentions)
        {
            var a = s.Tokens[first - 1];
            var b = s.Tokens[last - 1];
            s.Mentions.Add(new Mention
            {
                FirstToken = first - 1, LastToken = last - 1, HeadToken = last - 1, Start = a.Start, End = b.End,
                Text = doc.Text[a.Start..b.End], Kind = code == null ? MentionKind.Unresolved : MentionKind.Name,
                // A bare sector code ("MIL", "GOV") is an agent without a country, as the actors stage gives "troops", "officials".
                Actor = code == null ? null : BareSectors.Contains(code)
                    ? new ActorRef { Code = code, Sector = code, Kind = "agent" }
                    : new ActorRef { Code = code, Country = code.Length >= 3 ? code[..3] : null, Sector = code.Length >= 6 ? code[3..6] : null },
            });
        }
        var seg = new Segment { Index = 0, Kind = kind, Start = 0, End = doc.Text.Length, Language = lang, Author = author, Date = published };
        seg.Sentences.Add(s);
        doc.Segments.Add(seg);
        return doc;
    }

    private static readonly HashSet<string> BareSectors = ["MIL", "GOV", "REB", "CVL", "COP", "OPP", "REF", "MED", "SPY"];

    public static List<Event> Run(Document doc)
    {
        new Dyad.Events.EventStage(new Dyad.Pipeline.PipelineOptions()).Process(doc);
        return doc.Events;
    }
}
