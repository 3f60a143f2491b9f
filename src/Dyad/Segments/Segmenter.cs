using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Segments;

/// <summary>Splits a page into segments and identifies each segment's language. (Stub: one article.)</summary>
public sealed class Segmenter : IDocumentStage
{
    private readonly PipelineOptions _options;
    public Segmenter(PipelineOptions options) => _options = options;
    public string Name => "Segments";

    public void Process(Document doc)
    {
        if (doc.Segments.Count > 0) return;
        doc.Segments.Add(new Segment
        {
            Index = 0, Kind = SegmentKind.Article, Start = 0, End = doc.Text.Length,
            Language = _options.Lang == "auto" ? "en" : _options.Lang, Date = doc.Published,
        });
    }
}
