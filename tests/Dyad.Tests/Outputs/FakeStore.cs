using Dyad.Corpus;
using Dyad.Model;
using Dyad.Outputs;

namespace Dyad.Tests.Outputs;

/// <summary>An in-memory ICorpusStore over ready-made event records (filters via <see cref="EventFilters"/>).</summary>
public sealed class FakeStore : ICorpusStore
{
    public List<EventRecord> EventList { get; } = new();
    public List<MentionRecord> MentionList { get; } = new();
    public List<StoredDocument> DocumentList { get; } = new();
    public bool Disposed { get; private set; }

    public FakeStore(IEnumerable<EventRecord>? events = null)
    {
        if (events != null) EventList.AddRange(events);
        foreach (var d in EventList.Select(e => e.Document).DistinctBy(d => d.Id))
            DocumentList.Add(new StoredDocument { Id = d.Id, Uri = d.Uri, Title = d.Title, Published = d.Published, Path = d.Uri });
    }

    public bool Contains(string documentId) => DocumentList.Any(d => d.Id == documentId);
    public IReadOnlyList<AddResult> AddBatch(IReadOnlyList<Document> docs) => throw new NotSupportedException();
    public Document? LoadDocument(string key) => null;
    public StoredDocument? FindDocument(string key) => DocumentList.FirstOrDefault(d => d.Id == key || d.Path == key);
    public IEnumerable<StoredDocument> Documents() => DocumentList;
    public IEnumerable<EventRecord> Events(EventFilter filter) => EventFilters.Apply(filter, EventList);
    public IEnumerable<MentionRecord> Mentions() => MentionList;
    public CorpusStats Stats() => new() { Documents = DocumentList.Count, Events = EventList.Count };
    public void Dispose() => Disposed = true;
}

/// <summary>Builds small event records for tests, in our own words.</summary>
public static class Ev
{
    public static ActorInfo Actor(string text, string? code = null, string? name = null, string? country = null, string? sector = null) =>
        new() { Text = text, Code = code, Name = name, Country = country ?? (code is { Length: >= 3 } ? code[..3] : null), Sector = sector };

    /// <summary>
    /// An event whose sentence is "SOURCE TRIGGER TARGET." with correct offsets; claimants (outermost
    /// first) are prepended as "C said that …".
    /// </summary>
    public static EventRecord Make(string id, ActorInfo? source, string type, ActorInfo? target, string status = "asserted",
        string? date = "2017-10-04", string doc = "doc1", string? title = "A page", string? mode = null, string trigger = "attacked",
        string kind = "article", string? author = null, string language = "en", int docOffset = 100, params ActorInfo[] claimants)
    {
        var text = new System.Text.StringBuilder();
        var cls = new List<ClaimantInfo>();
        foreach (var c in claimants)
        {
            int cs = docOffset + text.Length;
            text.Append(c.Text);
            int cueStart = docOffset + text.Length + 1;
            text.Append(" said that ");
            cls.Add(new ClaimantInfo
            {
                Text = c.Text, Start = cs, End = cs + c.Text.Length, Code = c.Code, Name = c.Name, Country = c.Country, Sector = c.Sector,
                Cue = new CueInfo { Kind = "say", Text = "said", Start = cueStart, End = cueStart + 4 },
            });
        }
        ActorInfo? src = null, tgt = null;
        if (source != null) { int s = docOffset + text.Length; text.Append(source.Text); src = source with { Start = s, End = s + source.Text.Length }; text.Append(' '); }
        int ts = docOffset + text.Length;
        text.Append(trigger);
        if (target != null) { text.Append(' '); int s = docOffset + text.Length; text.Append(target.Text); tgt = target with { Start = s, End = s + target.Text.Length }; }
        text.Append('.');
        return new EventRecord
        {
            Id = id,
            Document = new DocumentInfo { Id = doc, Uri = "https://example.org/" + doc, Title = title, Published = date },
            Segment = new SegmentInfo { Kind = kind, Index = 0, Author = author, Language = language },
            Sentence = new SentenceInfo { Text = text.ToString(), Start = docOffset, End = docOffset + text.Length },
            Event = new EventInfo { Type = type, Mode = mode, Cameo = type == "ASSAULT" ? "190" : type == "ACCUSE" ? "112" : "040",
                Trigger = new SpanInfo { Text = trigger, Start = ts, End = ts + trigger.Length } },
            Source = src, Target = tgt,
            Claim = new ClaimInfo { Status = status, Claimants = cls },
            Date = date, DatePrecision = date == null ? null : "day",
        };
    }

    public static readonly ActorInfo Rus = Actor("Russia", "RUS", "Russia");
    public static readonly ActorInfo RusGov = Actor("the Russian Defense Ministry", "RUSGOV", "Russia", "RUS", "GOV");
    public static readonly ActorInfo Usa = Actor("the U.S.", "USA", "United States");
    public static readonly ActorInfo Syr = Actor("Syrian troops", "SYRMIL", "Syria", "SYR", "MIL");
    public static readonly ActorInfo Rebels = Actor("the Free Hill Brigade");
    public static readonly ActorInfo Tur = Actor("Turkey", "TUR", "Turkey");

    /// <summary>A small corpus: two pages reporting the same strike differently, an accusation, a denial, a comment.</summary>
    public static List<EventRecord> Sample() =>
    [
        Make("e1", Syr, "ASSAULT", Rebels, date: "2017-10-04", doc: "d1", title: "Strike on the hill", mode: "aerial"),
        Make("e2", Syr, "ASSAULT", Rebels, status: "alleged", date: "2017-10-05", doc: "d2", title: "Claims of a strike", mode: null, claimants: [Tur]),
        Make("e3", Syr, "ASSAULT", Rebels, status: "denied", date: "2017-10-06", doc: "d3", title: "Damascus denies", claimants: [Actor("Damascus", "SYRGOV", "Syria")]),
        Make("e4", RusGov, "ACCUSE", Usa, date: "2017-10-04", doc: "d1", title: "Strike on the hill", trigger: "accused"),
        Make("e5", Usa, "AID", Rebels, status: "alleged", date: "2017-10-04", doc: "d1", title: "Strike on the hill", trigger: "helped", claimants: [RusGov]),
        Make("e6", Syr, "ASSAULT", Rebels, date: "2017-11-20", doc: "d4", title: "Another strike a month later", mode: "aerial"),
        Make("e7", Rus, "SUPPORT", Syr, date: "2017-10-07", doc: "d4", title: "Another strike a month later", trigger: "backed", kind: "comment", author: "reader42"),
    ];
}
