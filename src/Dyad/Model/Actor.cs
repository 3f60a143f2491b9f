namespace Dyad.Model;

/// <summary>What a mention resolves to: a dictionary entry, possibly composed (country + sector).</summary>
public sealed record ActorRef
{
    /// <summary>CAMEO-compatible code, e.g. "SYRMIL", "USAGOV", "IMGMUSISI". Null if unresolved.</summary>
    public string? Code { get; init; }
    public string? Country { get; init; }
    public string? Sector { get; init; }
    public string? Wikidata { get; init; }
    /// <summary>Canonical English name ("Russia", "Islamic State", "Sergey Lavrov").</summary>
    public string? Name { get; init; }
    /// <summary>Dictionary entry id.</summary>
    public string? EntryId { get; init; }
    /// <summary>country, organisation, armed-group, person, igo, agent.</summary>
    public string? Kind { get; init; }
    /// <summary>For a person resolved to their role's actor: the person's name.</summary>
    public string? Person { get; init; }
    /// <summary>
    /// For aligned actors ("Turkish-backed rebels", "pro-government militias", "the US-led coalition"): the code of
    /// the actor they are backed by, led by or aligned with ("TUR", "SYRGOV", "USA"). Additive; not part of <see cref="Code"/>.
    /// </summary>
    public string? Ally { get; init; }
}

public enum MentionKind { Name, Agent, Composed, Pronoun, Description, ShortName, Unresolved }

/// <summary>An actor mention: a token span in a sentence.</summary>
public sealed class Mention
{
    public int FirstToken { get; set; }
    public int LastToken { get; set; }
    /// <summary>Syntactic head token of the span (for linking to the parse).</summary>
    public int HeadToken { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public string Text { get; set; } = "";
    public MentionKind Kind { get; set; }
    public ActorRef? Actor { get; set; }
    /// <summary>For pronouns, descriptions and short names: the mention it refers back to.</summary>
    public Mention? Antecedent { get; set; }
    public bool Plural { get; set; }

    public bool Resolved => Actor?.Code != null;
    public override string ToString() => $"[{Text}→{Actor?.Code ?? "?"}]";
}
