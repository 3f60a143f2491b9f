using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Syntax;

/// <summary>Fills UPOS/XPOS/features, lemmas, heads and relations on a tokenized sentence.</summary>
public interface ISentenceAnnotator
{
    /// <summary>Annotates in place. Thread-safe: one instance serves all worker threads.</summary>
    void Annotate(Sentence sentence);
}

/// <summary>The shipped models, loaded lazily once per language. (Stub: no models yet.)</summary>
public static class SyntaxModels
{
    /// <summary>The annotator for "en" or "nl", or null when no model exists for the language.</summary>
    public static ISentenceAnnotator? For(string lang) => null;
}

/// <summary>POS tags, lemmas and dependency parses from the shipped models.</summary>
public sealed class SyntaxStage : IDocumentStage
{
    public SyntaxStage(PipelineOptions options) { }
    public string Name => "Syntax";

    public void Process(Document doc)
    {
        foreach (var seg in doc.Segments)
        {
            if (!seg.Analysed) continue;
            var annotator = SyntaxModels.For(seg.Language);
            if (annotator == null) continue;
            foreach (var s in seg.Sentences)
                if (!s.Parsed) { annotator.Annotate(s); s.Parsed = true; }
        }
    }
}
