using System.Globalization;
using System.Text;
using Dyad.Documents;
using Dyad.Model;

namespace Dyad.Tests.Corpus;

/// <summary>Hand-built documents and a canonical description to compare them after a round trip.</summary>
internal static class CorpusTestData
{
    private static readonly string[] Vocabulary =
    [
        "army", "village", "river", "council", "minister", "convoy", "border", "rebels", "talks", "ceasefire",
        "bridge", "market", "hospital", "school", "airport", "province", "governor", "militia", "envoy", "summit",
        "shelling", "patrol", "checkpoint", "refugees", "supplies", "aid", "report", "statement", "spokesman", "officials",
        "north", "south", "east", "west", "morning", "evening", "yesterday", "week", "month", "year",
        "crossed", "reached", "left", "blamed", "denied", "promised", "warned", "opened", "closed", "visited",
        "the", "a", "near", "after", "before", "with", "without", "over", "under", "against",
        "quiet", "heavy", "small", "large", "local", "foreign", "new", "old", "second", "third",
        "water", "roads", "fuel", "food", "power", "lines", "trucks", "boats", "planes", "radios",
    ];

    /// <summary>A distinct page of random sentences: different seeds never give near-duplicates.</summary>
    public static string RandomPage(int seed, int sentences = 12, int words = 11)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder();
        sb.Append("Page ").Append(seed.ToString(CultureInfo.InvariantCulture)).Append(".\n");
        for (int s = 0; s < sentences; s++)
        {
            for (int w = 0; w < words; w++)
            {
                string word = Vocabulary[rng.Next(Vocabulary.Length)];
                if (w == 0) word = char.ToUpperInvariant(word[0]) + word[1..];
                sb.Append(word).Append(w == words - 1 ? ". " : " ");
            }
            if (s % 4 == 3) sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A document with every kind of annotation the store keeps, in the shape the pipeline makes.</summary>
    public static Document FullDocument(string text = "Syrian troops attacked the village.\tTabs and \\ slashes.\nThe ministry said they denied it.\nComment: he said so.")
    {
        var doc = new Document
        {
            Uri = "https://example.org/page", Title = "A page", Published = "2017-10-05", Source = "example",
            Author = "Staff", Path = "pages/example-page.html", Format = "html", Text = text,
        };
        doc.Id = DocumentReader.ContentId(text);
        doc.SimHash = 0x0123456789ABCDEFUL;
        doc.Warnings.Add("decoded as Windows-1252");
        int nl1 = text.IndexOf('\n'), nl2 = text.IndexOf('\n', nl1 + 1);
        var article = new Segment
        {
            Index = 0, Kind = SegmentKind.Article, Start = 0, End = nl2, Headline = "Headline", Date = "2017-10-05",
            Language = "en", LanguageConfidence = 0.97, Copies = 2, Analysed = true,
        };
        var comment = new Segment
        {
            Index = 1, Kind = SegmentKind.Comment, Start = nl2 + 1, End = text.Length, Author = "Reader", Number = 3,
            Date = "2017-10-05T03:55:27", Language = "en", LanguageConfidence = 0.5, Analysed = true,
        };
        var boiler = new Segment { Index = 2, Kind = SegmentKind.Boilerplate, Start = nl1, End = nl1 + 1, Language = "und", Analysed = false };
        doc.Segments.Add(article);
        doc.Segments.Add(comment);
        doc.Segments.Add(boiler);

        var s0 = Sentence(doc, 0, 0, text.IndexOf('.') + 1);
        var s1 = Sentence(doc, 1, nl1 + 1, nl2);
        s1.Text = "normalised text that differs from the span";
        var s2 = Sentence(doc, 0, nl2 + 1, text.Length);
        article.Sentences.Add(s0);
        article.Sentences.Add(s1);
        comment.Sentences.Add(s2);
        s0.Parsed = true;
        s0.Tokens[0].Lemma = "syrian"; s0.Tokens[0].Upos = "ADJ"; s0.Tokens[0].Head = 1; s0.Tokens[0].Deprel = "amod";
        s0.Tokens[1].Feats = "Number=Plur"; s0.Tokens[1].Xpos = "NNS";
        s0.Tokens[^1].SpaceAfter = false;
        s1.Tokens[0].Text = "The\u201d"; // a token text that is not the span

        var syria = new Mention
        {
            FirstToken = 0, LastToken = 1, HeadToken = 1, Start = s0.Tokens[0].Start, End = s0.Tokens[1].End, Text = "Syrian troops",
            Kind = MentionKind.Composed, Plural = true,
            Actor = new ActorRef { Code = "SYRMIL", Country = "SYR", Sector = "MIL", Wikidata = "Q858", Name = "Syria", EntryId = "syria", Kind = "country" },
        };
        var unresolved = new Mention { FirstToken = 3, LastToken = 4, HeadToken = 4, Start = s0.Tokens[3].Start, End = s0.Tokens[4].End, Text = "the village", Kind = MentionKind.Unresolved };
        s0.Mentions.Add(syria);
        s0.Mentions.Add(unresolved);
        var he = new Mention { FirstToken = 1, LastToken = 1, HeadToken = 1, Start = s2.Tokens[1].Start, End = s2.Tokens[1].End, Text = "he", Kind = MentionKind.Pronoun, Antecedent = syria };
        s2.Mentions.Add(he);

        var attack = new Event
        {
            Id = doc.Id + "-e1", SegmentIndex = 0, SentenceIndex = 0, Type = "ASSAULT", Mode = "firearms", Cameo = "190",
            Trigger = new TextSpan("attacked", s0.Tokens[2].Start, s0.Tokens[2].End),
            Source = ActorArg.FromMention(syria), Target = ActorArg.FromMention(unresolved), Date = "2017-10-04", DatePrecision = "day",
            ParentId = doc.Id + "-e2",
        };
        attack.Claim.Status = ClaimStatus.Alleged;
        attack.Claim.Claimants.Add(new Claimant
        {
            Actor = new ActorArg { Text = "The ministry", Start = s1.Start, End = s1.Start + 12, Actor = new ActorRef { Code = "RUSGOV", Country = "RUS", Sector = "GOV", Name = "Russia" } },
            Cue = new ClaimCue("say", "said", s1.Start + 13, s1.Start + 17),
        });
        attack.Claim.Cues.Add(new ClaimCue("say", "said", s1.Start + 13, s1.Start + 17));
        var deny = new Event
        {
            Id = doc.Id + "-e2", SegmentIndex = 1, SentenceIndex = 0, Type = "REJECT", Cameo = "130",
            Trigger = new TextSpan("said", s2.Tokens[2].Start, s2.Tokens[2].End), Source = ActorArg.FromMention(he),
        };
        deny.Claim.Status = ClaimStatus.Denied;
        doc.Events.Add(attack);
        doc.Events.Add(deny);
        return doc;
    }

    private static Sentence Sentence(Document doc, int index, int start, int end)
    {
        var s = new Sentence { Index = index, Start = start, End = end, Text = doc.Text[start..end], Language = "en" };
        int i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(doc.Text[i])) i++;
            int j = i;
            while (j < end && !char.IsWhiteSpace(doc.Text[j])) j++;
            if (j > i) s.Tokens.Add(new Token { Index = s.Tokens.Count, Start = i, End = j, Text = doc.Text[i..j] });
            i = j;
        }
        return s;
    }

    /// <summary>Every stored field of a document, one per line, for whole-document comparison.</summary>
    public static string Describe(Document d)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"doc {d.Id}|{d.Uri}|{d.Title}|{d.Published}|{d.Source}|{d.Author}|{d.Path}|{d.Format}|{d.SimHash}|{string.Join("/", d.Warnings)}");
        sb.AppendLine("text " + d.Text);
        foreach (var s in d.Segments)
        {
            sb.AppendLine($" seg {s.Index}|{s.Kind}|{s.Start}|{s.End}|{s.Headline}|{s.Author}|{s.Number}|{s.Date}|{s.Language}|{s.LanguageConfidence}|{s.Copies}|{s.Analysed}");
            foreach (var t in s.Sentences)
            {
                sb.AppendLine($"  sent {t.Index}|{t.Start}|{t.End}|{t.Text}|{t.Language}|{t.Parsed}");
                foreach (var k in t.Tokens)
                    sb.AppendLine($"   tok {k.Index}|{k.Start}|{k.End}|{k.Text}|{k.Lemma}|{k.Upos}|{k.Xpos}|{k.Feats}|{k.Head}|{k.Deprel}|{k.SpaceAfter}");
                foreach (var m in t.Mentions)
                    sb.AppendLine($"   men {m.FirstToken}|{m.LastToken}|{m.HeadToken}|{m.Start}|{m.End}|{m.Text}|{m.Kind}|{m.Plural}|{m.Actor}|ante={m.Antecedent?.Text}");
            }
        }
        foreach (var e in d.Events)
        {
            sb.AppendLine($" ev {e.Id}|{e.SegmentIndex}|{e.SentenceIndex}|{e.Type}|{e.Mode}|{e.Cameo}|{e.Trigger}|{e.Source}|{e.Target}|{e.ParentId}|{e.Date}|{e.DatePrecision}|{e.Claim.Status}");
            foreach (var c in e.Claim.Claimants) sb.AppendLine($"  claimant {c.Actor}|{c.Cue}");
            foreach (var c in e.Claim.Cues) sb.AppendLine($"  cue {c}");
        }
        return sb.ToString();
    }

    public static Document PlainDocument(string text, string path)
    {
        var doc = new Document { Text = text, Path = path, Id = DocumentReader.ContentId(text) };
        doc.Segments.Add(new Segment { Index = 0, Kind = SegmentKind.Article, Start = 0, End = text.Length, Language = "en" });
        return doc;
    }

    public static string TempDb(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "dyad-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, "corpus.db");
    }
}
