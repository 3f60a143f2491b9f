namespace Dyad.Model;

public enum SegmentKind { Article, Comment, Quote, Boilerplate }

/// <summary>A part of a page: an article/post, one comment, a quoted block, or boilerplate.</summary>
public sealed class Segment
{
    public int Index { get; set; }
    public SegmentKind Kind { get; set; }
    /// <summary>Character span in <see cref="Document.Text"/>.</summary>
    public int Start { get; set; }
    public int End { get; set; }
    public string? Headline { get; set; }
    public string? Author { get; set; }
    /// <summary>Comment number in its thread (1-based), if the page numbers comments.</summary>
    public int? Number { get; set; }
    /// <summary>Post/comment date as ISO-8601 (yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss]).</summary>
    public string? Date { get; set; }
    /// <summary>ISO 639-1 code (en, nl, de, fr, es, ru, ar, …) or "other"/"und".</summary>
    public string Language { get; set; } = "und";
    public double LanguageConfidence { get; set; }
    /// <summary>How many times this block occurred in the page (repeats are stored once).</summary>
    public int Copies { get; set; } = 1;
    /// <summary>False for boilerplate and for languages without a model: kept, not parsed.</summary>
    public bool Analysed { get; set; } = true;
    public List<Sentence> Sentences { get; } = new();

    public string GetText(Document doc) => doc.Text.Substring(Start, End - Start);
}
