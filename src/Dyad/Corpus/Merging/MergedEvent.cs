using Dyad.Model;

namespace Dyad.Corpus.Merging;

/// <summary>What one claimant says about a merged event.</summary>
public sealed record ClaimantStatus(string Key, string Label, string Status, int Mentions);

/// <summary>
/// One real-world event as several mentions (usually on several pages) report it. Keeps every
/// mention; counts documents (a syndicated copy stored once with a copy count counts once) and
/// claimants, and shows how the claim status differs between them.
/// </summary>
public sealed class MergedEvent
{
    public string Id { get; init; } = "";
    /// <summary>The earliest mention (by date, then input order): its actors and type describe the event.</summary>
    public EventRecord Representative => Mentions[0];
    public List<EventRecord> Mentions { get; } = new();
    public string Type => Representative.Event.Type;
    /// <summary>The first non-null mode among the mentions.</summary>
    public string? Mode { get; set; }
    public string? FirstDate { get; set; }
    public string? LastDate { get; set; }
    /// <summary>Distinct document ids; near-duplicate copies were stored once, so they count once.</summary>
    public int Documents { get; set; }
    /// <summary>Sum of the copy counts of those documents (how many pages carried it).</summary>
    public int Pages { get; set; }
    /// <summary>Distinct claimants (innermost explicit claimant, or the page's author when none).</summary>
    public int Claimants { get; set; }
    /// <summary>Mentions per claim status, in SPEC order; only statuses that occur.</summary>
    public List<KeyValuePair<string, int>> StatusCounts { get; } = new();
    /// <summary>Per claimant: what status they give it (their most frequent one).</summary>
    public List<ClaimantStatus> ClaimantStatuses { get; } = new();
    /// <summary>The most frequent status over documents (ties: the earlier one in SPEC order).</summary>
    public string Status { get; set; } = "asserted";
    /// <summary>True when mentions disagree on the status.</summary>
    public bool Contested => StatusCounts.Count > 1;

    public string StatusSummary() => string.Join(", ", StatusCounts.Select(kv => $"{kv.Value} {kv.Key}"));
}
