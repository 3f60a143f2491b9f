using System.Text.Json;
using System.Text.Json.Serialization;
using Dyad.Model;

namespace Dyad.Corpus;

/// <summary>
/// The <see cref="Event"/> model as JSON, so <see cref="ICorpusStore.LoadDocument"/> gives back
/// exactly what the pipeline produced (the SPEC <see cref="EventRecord"/> drops dictionary entry
/// ids, actor kinds and the sentence index). Plain DTOs keep the format independent of how the
/// model types are constructed.
/// </summary>
internal static class EventModelJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Event ev)
    {
        var d = new EventDto
        {
            Id = ev.Id, Segment = ev.SegmentIndex, Sentence = ev.SentenceIndex, Type = ev.Type, Mode = ev.Mode,
            Cameo = ev.Cameo, Trigger = new SpanDto { Text = ev.Trigger.Text ?? "", Start = ev.Trigger.Start, End = ev.Trigger.End },
            Source = Arg(ev.Source), Target = Arg(ev.Target), Status = ev.Claim.Status.Name(),
            Parent = ev.ParentId, Date = ev.Date, DatePrecision = ev.DatePrecision,
        };
        foreach (var c in ev.Claim.Claimants) d.Claimants.Add(new ClaimantDto { Actor = Arg(c.Actor)!, Cue = Cue(c.Cue) });
        foreach (var c in ev.Claim.Cues) d.Cues.Add(Cue(c)!);
        return JsonSerializer.Serialize(d, Options);
    }

    public static Event Deserialize(string json)
    {
        var d = JsonSerializer.Deserialize<EventDto>(json, Options)!;
        var ev = new Event
        {
            Id = d.Id, SegmentIndex = d.Segment, SentenceIndex = d.Sentence, Type = d.Type, Mode = d.Mode, Cameo = d.Cameo,
            Trigger = new TextSpan(d.Trigger.Text, d.Trigger.Start, d.Trigger.End),
            Source = Arg(d.Source), Target = Arg(d.Target), ParentId = d.Parent, Date = d.Date, DatePrecision = d.DatePrecision,
        };
        ev.Claim.Status = ClaimStatusNames.TryParse(d.Status, out var st) ? st : ClaimStatus.Asserted;
        foreach (var c in d.Claimants) ev.Claim.Claimants.Add(new Claimant { Actor = Arg(c.Actor)!, Cue = Cue(c.Cue) });
        foreach (var c in d.Cues) ev.Claim.Cues.Add(Cue(c)!);
        return ev;
    }

    private static ArgDto? Arg(ActorArg? a) => a is null ? null : new ArgDto { Text = a.Text, Start = a.Start, End = a.End, Actor = a.Actor };
    private static ActorArg? Arg(ArgDto? a) => a is null ? null : new ActorArg { Text = a.Text, Start = a.Start, End = a.End, Actor = a.Actor };
    private static CueDto? Cue(ClaimCue? c) => c is null ? null : new CueDto { Kind = c.Kind, Text = c.Text, Start = c.Start, End = c.End };
    private static ClaimCue? Cue(CueDto? c) => c is null ? null : new ClaimCue(c.Kind, c.Text, c.Start, c.End);

    private sealed class EventDto
    {
        public string Id { get; set; } = "";
        public int Segment { get; set; }
        public int Sentence { get; set; }
        public string Type { get; set; } = "";
        public string? Mode { get; set; }
        public string? Cameo { get; set; }
        public SpanDto Trigger { get; set; } = new();
        public ArgDto? Source { get; set; }
        public ArgDto? Target { get; set; }
        public string Status { get; set; } = "asserted";
        public List<ClaimantDto> Claimants { get; set; } = new();
        public List<CueDto> Cues { get; set; } = new();
        public string? Parent { get; set; }
        public string? Date { get; set; }
        public string? DatePrecision { get; set; }
    }

    private sealed class SpanDto
    {
        public string Text { get; set; } = "";
        public int Start { get; set; }
        public int End { get; set; }
    }

    private sealed class ArgDto
    {
        public string Text { get; set; } = "";
        public int Start { get; set; }
        public int End { get; set; }
        public ActorRef? Actor { get; set; }
    }

    private sealed class ClaimantDto
    {
        public ArgDto Actor { get; set; } = new();
        public CueDto? Cue { get; set; }
    }

    private sealed class CueDto
    {
        public string Kind { get; set; } = "";
        public string Text { get; set; } = "";
        public int Start { get; set; }
        public int End { get; set; }
    }
}
