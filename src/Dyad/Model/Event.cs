namespace Dyad.Model;

public enum ClaimStatus { Asserted, Reported, Alleged, Hedged, Negated, Denied, Future, Hypothetical, Question }

public static class ClaimStatusNames
{
    public static string Name(this ClaimStatus s) => s.ToString().ToLowerInvariant();
    public static bool TryParse(string s, out ClaimStatus status) =>
        Enum.TryParse(s, ignoreCase: true, out status) && Enum.IsDefined(status);
}

public readonly record struct TextSpan(string Text, int Start, int End);

/// <summary>An event argument: the text in the sentence plus what it resolves to.</summary>
public sealed record ActorArg
{
    public string Text { get; init; } = "";
    public int Start { get; init; }
    public int End { get; init; }
    public ActorRef? Actor { get; init; }
    public static ActorArg FromMention(Mention m) =>
        new() { Text = m.Text, Start = m.Start, End = m.End, Actor = m.Antecedent?.Actor ?? m.Actor };
}

public sealed record ClaimCue(string Kind, string Text, int Start, int End);

public sealed record Claimant
{
    public ActorArg Actor { get; init; } = new();
    public ClaimCue? Cue { get; init; }
}

public sealed class Claim
{
    public ClaimStatus Status { get; set; } = ClaimStatus.Asserted;
    /// <summary>Who asserts it, outermost first (the author/publication is implicit).</summary>
    public List<Claimant> Claimants { get; } = new();
    public List<ClaimCue> Cues { get; } = new();
}

/// <summary>One coded event: who did what to whom, according to whom.</summary>
public sealed class Event
{
    public string Id { get; set; } = "";
    public int SegmentIndex { get; set; }
    /// <summary>Sentence index within its segment.</summary>
    public int SentenceIndex { get; set; }
    /// <summary>PLOVER type: ASSAULT, ACCUSE, …</summary>
    public string Type { get; set; } = "";
    public string? Mode { get; set; }
    public string? Cameo { get; set; }
    public TextSpan Trigger { get; set; }
    public ActorArg? Source { get; set; }
    public ActorArg? Target { get; set; }
    public Claim Claim { get; set; } = new();
    public string? ParentId { get; set; }
    public string? Date { get; set; }
    /// <summary>day, week, month, year.</summary>
    public string? DatePrecision { get; set; }
}
