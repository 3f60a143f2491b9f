namespace Dyad.Model;

/// <summary>
/// One input page. <see cref="Text"/> is the text every offset in the model refers to
/// (UTF-16 code units), the text <c>dyad show DOC --text</c> prints.
/// Stages only add annotations: Segments → Sentences → Tokens → Mentions → Events.
/// </summary>
public sealed class Document
{
    /// <summary>Content hash of <see cref="Text"/> (hex, 16 chars); stable across runs.</summary>
    public string Id { get; set; } = "";
    public string? Uri { get; set; }
    public string? Title { get; set; }
    /// <summary>Published date as ISO-8601 (yyyy-MM-dd or full timestamp), if known.</summary>
    public string? Published { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }
    /// <summary>Where it came from: file path, "path:line" for JSONL, or "-" for stdin.</summary>
    public string? Path { get; set; }
    /// <summary>Input format: txt, html, jsonl, json.</summary>
    public string Format { get; set; } = "txt";
    public string Text { get; set; } = "";
    /// <summary>SimHash of the word shingles of the text (near-duplicate detection).</summary>
    public ulong SimHash { get; set; }
    /// <summary>Warnings raised while reading (e.g. Windows-1252 fallback).</summary>
    public List<string> Warnings { get; } = new();
    public List<Segment> Segments { get; } = new();
    public List<Event> Events { get; } = new();

    public IEnumerable<Sentence> Sentences => Segments.SelectMany(s => s.Sentences);
}
