using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dyad.Model;

/// <summary>
/// The event record of SPEC.md, exactly as <c>dyad events --format jsonl</c> prints it.
/// This is what the store keeps per event and what every output reads.
/// </summary>
public sealed record EventRecord
{
    public string Id { get; init; } = "";
    public DocumentInfo Document { get; init; } = new();
    public SegmentInfo Segment { get; init; } = new();
    public SentenceInfo Sentence { get; init; } = new();
    [JsonPropertyName("event")] public EventInfo Event { get; init; } = new();
    public ActorInfo? Source { get; init; }
    public ActorInfo? Target { get; init; }
    public ClaimInfo Claim { get; init; } = new();
    public string? Parent { get; init; }
    public string? Date { get; init; }
    public string? DatePrecision { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static EventRecord FromJson(string json) => JsonSerializer.Deserialize<EventRecord>(json, Json)!;

    public static EventRecord From(Model.Document doc, Model.Event ev)
    {
        var seg = doc.Segments[ev.SegmentIndex];
        var sent = seg.Sentences[ev.SentenceIndex];
        return new EventRecord
        {
            Id = ev.Id,
            Document = new DocumentInfo { Id = doc.Id, Uri = doc.Uri ?? doc.Path, Title = doc.Title, Published = doc.Published },
            Segment = new SegmentInfo
            {
                Kind = seg.Kind.ToString().ToLowerInvariant(), Index = seg.Index, Author = seg.Author,
                Language = seg.Language, Date = seg.Date,
            },
            Sentence = new SentenceInfo { Text = sent.Text, Start = sent.Start, End = sent.End },
            Event = new EventInfo
            {
                Type = ev.Type, Mode = ev.Mode, Cameo = ev.Cameo,
                Trigger = new SpanInfo { Text = ev.Trigger.Text, Start = ev.Trigger.Start, End = ev.Trigger.End },
            },
            Source = ActorInfo.From(ev.Source),
            Target = ActorInfo.From(ev.Target),
            Claim = new ClaimInfo
            {
                Status = ev.Claim.Status.Name(),
                Claimants = ev.Claim.Claimants.Select(c => new ClaimantInfo
                {
                    Text = c.Actor.Text, Start = c.Actor.Start, End = c.Actor.End,
                    Code = c.Actor.Actor?.Code, Country = c.Actor.Actor?.Country, Sector = c.Actor.Actor?.Sector,
                    Wikidata = c.Actor.Actor?.Wikidata, Name = c.Actor.Actor?.Name, Person = c.Actor.Actor?.Person,
                    Cue = c.Cue is null ? null : new CueInfo { Kind = c.Cue.Kind, Text = c.Cue.Text, Start = c.Cue.Start, End = c.Cue.End },
                }).ToList(),
                Cues = ev.Claim.Cues.Select(c => new CueInfo { Kind = c.Kind, Text = c.Text, Start = c.Start, End = c.End }).ToList(),
            },
            Parent = ev.ParentId,
            Date = ev.Date,
            DatePrecision = ev.DatePrecision,
        };
    }
}

public sealed record DocumentInfo
{
    public string Id { get; init; } = "";
    public string? Uri { get; init; }
    public string? Title { get; init; }
    public string? Published { get; init; }
}

public sealed record SegmentInfo
{
    public string Kind { get; init; } = "article";
    public int Index { get; init; }
    public string? Author { get; init; }
    public string Language { get; init; } = "und";
    public string? Date { get; init; }
}

public sealed record SentenceInfo
{
    public string Text { get; init; } = "";
    public int Start { get; init; }
    public int End { get; init; }
}

public sealed record SpanInfo
{
    public string Text { get; init; } = "";
    public int Start { get; init; }
    public int End { get; init; }
}

public sealed record EventInfo
{
    public string Type { get; init; } = "";
    public string? Mode { get; init; }
    public string? Cameo { get; init; }
    public SpanInfo Trigger { get; init; } = new();
}

public sealed record ActorInfo
{
    public string Text { get; init; } = "";
    public int Start { get; init; }
    public int End { get; init; }
    public string? Code { get; init; }
    public string? Country { get; init; }
    public string? Sector { get; init; }
    public string? Wikidata { get; init; }
    public string? Name { get; init; }
    public string? Person { get; init; }

    public static ActorInfo? From(ActorArg? a) => a is null ? null : new ActorInfo
    {
        Text = a.Text, Start = a.Start, End = a.End, Code = a.Actor?.Code, Country = a.Actor?.Country,
        Sector = a.Actor?.Sector, Wikidata = a.Actor?.Wikidata, Name = a.Actor?.Name, Person = a.Actor?.Person,
    };
}

public sealed record CueInfo
{
    public string Kind { get; init; } = "";
    public string Text { get; init; } = "";
    public int Start { get; init; }
    public int End { get; init; }
}

public sealed record ClaimantInfo
{
    public string Text { get; init; } = "";
    public int Start { get; init; }
    public int End { get; init; }
    public string? Code { get; init; }
    public string? Country { get; init; }
    public string? Sector { get; init; }
    public string? Wikidata { get; init; }
    public string? Name { get; init; }
    public string? Person { get; init; }
    public CueInfo? Cue { get; init; }
}

public sealed record ClaimInfo
{
    public string Status { get; init; } = "asserted";
    public List<ClaimantInfo> Claimants { get; init; } = new();
    public List<CueInfo> Cues { get; init; } = new();
}
