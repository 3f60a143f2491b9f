using System.Text;
using Dyad.Corpus;
using Dyad.Documents;
using Dyad.Model;

namespace Dyad.Tests.Outputs;

/// <summary>
/// Builds real documents (text, segments, sentences, tokens, mentions, events with offsets) the way
/// the pipeline would, in our own words, and stores them in a real SQLite corpus.
/// </summary>
internal sealed class PageBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<(SegmentKind Kind, string Lang, string? Author, int Start, List<Sentence> Sentences)> _segments = new();
    private readonly List<Event> _events = new();
    private readonly string _path, _title, _published;

    public PageBuilder(string path, string title, string published)
    {
        _path = path; _title = title; _published = published;
        _text.Append(title).Append("\n\n");
    }

    public PageBuilder Segment(SegmentKind kind, string lang = "en", string? author = null)
    {
        if (_segments.Count > 0) _text.Append('\n');
        _segments.Add((kind, lang, author, _text.Length, new List<Sentence>()));
        return this;
    }

    /// <summary>A piece of a sentence: plain text, or an actor mention / trigger / cue that is recorded with its span.</summary>
    public abstract record Part(string Text);
    public sealed record Plain(string Text) : Part(Text);
    public sealed record Who(string Text, ActorRef? Actor) : Part(Text);
    public sealed record Verb(string Text) : Part(Text);
    public sealed record Cue(string Text) : Part(Text);

    public static Who A(string text, string? code = null, string? name = null) =>
        new(text, code == null ? null : new ActorRef { Code = code, Country = code.Length >= 3 ? code[..3] : null, Sector = code.Length >= 6 ? code[3..6] : null, Name = name });

    /// <summary>
    /// Adds a sentence made of parts and one event over it: source = first actor after the cue (or the
    /// first actor), target = the next actor, trigger = the Verb; a claimant is the actor before a Cue.
    /// </summary>
    public PageBuilder Sentence(string type, ClaimStatus status, string? mode, string date, params Part[] parts)
    {
        var seg = _segments[^1];
        int start = _text.Length;
        var spans = new List<(Part Part, int Start, int End)>();
        foreach (var p in parts)
        {
            if (_text.Length > start && p is not Plain { Text: "." or "," }) _text.Append(' ');
            int s = _text.Length;
            _text.Append(p.Text);
            spans.Add((p, s, _text.Length));
        }
        int end = _text.Length;
        _text.Append(' ');
        var sentence = new Sentence { Index = seg.Sentences.Count, Start = start, End = end, Language = seg.Lang, Parsed = true };
        // whitespace tokens
        string all = _text.ToString();
        sentence.Text = all[start..end];
        int i = start;
        while (i < end)
        {
            while (i < end && all[i] == ' ') i++;
            int j = i;
            while (j < end && all[j] != ' ') j++;
            if (j > i) sentence.Tokens.Add(new Token { Index = sentence.Tokens.Count, Start = i, End = j, Text = all[i..j] });
            i = j;
        }
        int Tok(int offset) => sentence.Tokens.FindLastIndex(t => t.Start <= offset);
        var args = new List<ActorArg>();
        ActorArg? claimant = null;
        ClaimCue? cue = null;
        TextSpan trigger = default;
        ActorArg? last = null;
        foreach (var (p, s, e) in spans)
            switch (p)
            {
                case Who w:
                    sentence.Mentions.Add(new Mention
                    {
                        FirstToken = Tok(s), LastToken = Tok(e - 1), HeadToken = Tok(e - 1), Start = s, End = e, Text = w.Text,
                        Kind = w.Actor == null ? MentionKind.Unresolved : MentionKind.Name, Actor = w.Actor,
                    });
                    last = new ActorArg { Text = w.Text, Start = s, End = e, Actor = w.Actor };
                    args.Add(last);
                    break;
                case Cue c:
                    cue = new ClaimCue("say", c.Text, s, e);
                    claimant = last;
                    if (last != null) args.Remove(last);
                    break;
                case Verb v:
                    trigger = new TextSpan(v.Text, s, e);
                    break;
            }
        seg.Sentences.Add(sentence);
        var ev = new Event
        {
            Type = type, Mode = mode, Cameo = type == "ASSAULT" ? "195" : type == "ACCUSE" ? "112" : "042", Trigger = trigger,
            SegmentIndex = _segments.Count - 1, SentenceIndex = sentence.Index, Date = date, DatePrecision = "day",
            Source = args.Count > 0 ? args[0] : null, Target = args.Count > 1 ? args[1] : null,
        };
        ev.Claim.Status = status;
        if (cue != null) ev.Claim.Cues.Add(cue);
        if (claimant != null) ev.Claim.Claimants.Add(new Claimant { Actor = claimant, Cue = cue });
        _events.Add(ev);
        return this;
    }

    public Document Build()
    {
        string text = _text.ToString().TrimEnd();
        var doc = new Document { Path = _path, Uri = _path, Title = _title, Published = _published, Format = _path.EndsWith(".html") ? "html" : "text", Text = text };
        doc.Id = DocumentReader.ContentId(text);
        for (int k = 0; k < _segments.Count; k++)
        {
            var (kind, lang, author, start, sentences) = _segments[k];
            int end = k + 1 < _segments.Count ? _segments[k + 1].Start - 1 : text.Length;
            var seg = new Segment { Index = k, Kind = kind, Start = start, End = end, Language = lang, LanguageConfidence = 0.99, Author = author };
            seg.Sentences.AddRange(sentences);
            doc.Segments.Add(seg);
        }
        for (int k = 0; k < _events.Count; k++) { _events[k].Id = $"{doc.Id}-e{k}"; doc.Events.Add(_events[k]); }
        return doc;
    }
}

/// <summary>A small corpus in a real SQLite file, shared by the CLI end-to-end tests.</summary>
public sealed class StoredCorpus : IDisposable
{
    public string Dir { get; }
    public string Db { get; }

    public StoredCorpus()
    {
        Dir = Path.Combine(Path.GetTempPath(), "dyad-tests", "outputs-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Dir);
        Db = Path.Combine(Dir, "corpus.db");
        using var store = SqliteCorpusStore.Open(Db);
        store.AddBatch(Documents());
    }

    public static List<Document> Documents()
    {
        var syr = PageBuilder.A("Northland troops", "SYRMIL", "Syria");
        var brigade = PageBuilder.A("the Free Hill Brigade");
        var ministry = PageBuilder.A("the Eastland defence ministry", "RUSGOV", "Russia");
        var usa = PageBuilder.A("Westland", "USA", "United States");
        var tur = PageBuilder.A("Southland", "TUR", "Turkey");
        var rus = PageBuilder.A("Eastland", "RUS", "Russia");
        var damascus = PageBuilder.A("the Northland capital", "SYRGOV", "Syria");
        return
        [
            new PageBuilder("pages/hill.html", "Strike on the hill", "2017-10-04")
                .Segment(SegmentKind.Article)
                .Sentence("ASSAULT", ClaimStatus.Asserted, "aerial", "2017-10-04", syr, new PageBuilder.Verb("bombed"), brigade, new PageBuilder.Plain("."))
                .Sentence("ACCUSE", ClaimStatus.Asserted, "allege", "2017-10-04", ministry, new PageBuilder.Verb("accused"), usa, new PageBuilder.Plain("of meddling."))
                .Build(),
            new PageBuilder("pages/claims.txt", "Claims of a strike", "2017-10-05")
                .Segment(SegmentKind.Article)
                .Sentence("ASSAULT", ClaimStatus.Alleged, null, "2017-10-05", tur, new PageBuilder.Cue("claimed"), syr, new PageBuilder.Verb("attacked"), brigade, new PageBuilder.Plain("."))
                .Segment(SegmentKind.Comment, author: "reader42")
                .Sentence("SUPPORT", ClaimStatus.Asserted, null, "2017-10-05", rus, new PageBuilder.Verb("backed"), syr, new PageBuilder.Plain("all along."))
                .Build(),
            new PageBuilder("pages/ontkenning.txt", "Ontkenning uit de hoofdstad", "2017-10-06")
                .Segment(SegmentKind.Article, lang: "nl")
                .Sentence("ASSAULT", ClaimStatus.Denied, null, "2017-10-06", damascus, new PageBuilder.Cue("ontkende"), new PageBuilder.Plain("dat"), syr, brigade, new PageBuilder.Verb("aanvielen"), new PageBuilder.Plain("."))
                .Build(),
            new PageBuilder("pages/later.html", "Another strike a month later", "2017-11-20")
                .Segment(SegmentKind.Article)
                .Sentence("ASSAULT", ClaimStatus.Asserted, "aerial", "2017-11-20", syr, new PageBuilder.Verb("bombed"), brigade, new PageBuilder.Plain("again."))
                .Build(),
        ];
    }

    public void Dispose() { try { Directory.Delete(Dir, true); } catch (IOException) { } }
}
