using Dyad.Model;

namespace Dyad.Corpus;

/// <summary>Result of adding one document.</summary>
public enum AddOutcome { Added, AlreadyStored, NearDuplicate }

/// <summary>Another path or URI of the content with this document id.</summary>
public sealed record DocumentAlias(string DocumentId, string? Path, string? Uri);

public sealed record AddResult(AddOutcome Outcome, string DocumentId, string? DuplicateOf = null);

/// <summary>Filters for events; all given filters must hold.</summary>
public sealed record EventFilter
{
    /// <summary>Matches source or target code, name, or text (case-insensitive substring of code/name/text).</summary>
    public string? Actor { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? Claimant { get; init; }
    /// <summary>Document id, path/URI, or unique file-name suffix.</summary>
    public string? Document { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Language { get; init; }
    public string? SegmentKind { get; init; }
    public int? Limit { get; init; }
}

/// <summary>A stored actor mention (for `dyad actors`, including unresolved ones).</summary>
public sealed record MentionRecord
{
    public string DocumentId { get; init; } = "";
    public int SegmentIndex { get; init; }
    public int SentenceIndex { get; init; }
    public string Text { get; init; } = "";
    public int Start { get; init; }
    public int End { get; init; }
    public string Kind { get; init; } = "name";
    public string? Code { get; init; }
    public string? Country { get; init; }
    public string? Sector { get; init; }
    public string? Name { get; init; }
    public string? Wikidata { get; init; }
}

public sealed record StoredDocument
{
    public string Id { get; init; } = "";
    public string? Uri { get; init; }
    public string? Path { get; init; }
    public string? Title { get; init; }
    public string? Published { get; init; }
    public string? Source { get; init; }
    public int Copies { get; init; } = 1;
    public int Segments { get; init; }
    public int Sentences { get; init; }
    public int Events { get; init; }
}

public sealed record CorpusStats
{
    public int Documents { get; init; }
    public int Segments { get; init; }
    public int Sentences { get; init; }
    public int Events { get; init; }
    public Dictionary<string, int> SegmentsByKind { get; init; } = new();
    public Dictionary<string, int> SegmentsByLanguage { get; init; } = new();
    public Dictionary<string, int> EventsByType { get; init; } = new();
    public Dictionary<string, int> EventsByStatus { get; init; } = new();
}

/// <summary>
/// Where analysed documents live. Adding is idempotent by content hash; a near-duplicate of a
/// stored document increments that document's copy count instead of storing it again.
/// The SQLite store is the default; the interface keeps a PostgreSQL backend possible.
/// </summary>
public interface ICorpusStore : IDisposable
{
    bool Contains(string documentId);
    /// <summary>Adds analysed documents in one transaction.</summary>
    IReadOnlyList<AddResult> AddBatch(IReadOnlyList<Document> docs);
    /// <summary>Loads a full document (text, segments, sentences, tokens, mentions, events) by id, path, URI or unique file-name suffix.</summary>
    Document? LoadDocument(string key);
    StoredDocument? FindDocument(string key);
    /// <summary>
    /// Records other paths/URIs at which a stored document's content was seen (exact copies that
    /// were not stored again), so lookups by those paths find it. Returns the aliases whose document
    /// id is not stored (yet). The default implementation records nothing.
    /// </summary>
    IReadOnlyList<DocumentAlias> AddAliases(IReadOnlyList<DocumentAlias> aliases) => [];
    IEnumerable<StoredDocument> Documents();
    /// <summary>Copy count per document id for the documents that have near-duplicates (others have 1).</summary>
    IReadOnlyDictionary<string, int> CopyCounts() =>
        Documents().Where(d => d.Copies > 1).ToDictionary(d => d.Id, d => d.Copies, StringComparer.Ordinal);
    IEnumerable<EventRecord> Events(EventFilter filter);
    IEnumerable<MentionRecord> Mentions();
    CorpusStats Stats();
}
