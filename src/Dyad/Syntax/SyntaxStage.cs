using System.Collections.Concurrent;
using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Syntax;

/// <summary>Fills UPOS/XPOS/features, lemmas, heads and relations on a tokenized sentence.</summary>
public interface ISentenceAnnotator
{
    /// <summary>Annotates in place. Thread-safe: one instance serves all worker threads.</summary>
    void Annotate(Sentence sentence);
}

/// <summary>
/// The shipped models (embedded resources "Dyad.models.&lt;lang&gt;.syntax.gz"), loaded lazily once per
/// language. When the environment variable DYAD_MODELS names a folder, "&lt;lang&gt;.syntax.gz" is
/// loaded from there instead.
/// </summary>
public static class SyntaxModels
{
    private static readonly ConcurrentDictionary<string, Lazy<SyntaxModel?>> Cache = new(StringComparer.Ordinal);

    public static string FileName(string lang) => lang + ".syntax.gz";

    /// <summary>The annotator for "en" or "nl", or null when no model exists for the language.</summary>
    public static ISentenceAnnotator? For(string lang) => Model(lang);

    /// <summary>The model for a language, or null when none is available.</summary>
    public static SyntaxModel? Model(string lang)
    {
        if (string.IsNullOrEmpty(lang)) return null;
        return Cache.GetOrAdd(lang, l => new Lazy<SyntaxModel?>(() => LoadModel(l), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>$DYAD_MODELS/LANG.syntax.gz when that file exists, else the model shipped inside the library.</summary>
    private static SyntaxModel? LoadModel(string lang)
    {
        if (lang.Length > 8 || !lang.All(char.IsAsciiLetterLower)) return null;
        var dir = Environment.GetEnvironmentVariable("DYAD_MODELS");
        if (!string.IsNullOrEmpty(dir))
        {
            var p = Path.Combine(dir, FileName(lang));
            if (File.Exists(p))
            {
                try { return SyntaxModel.Load(p); }
                catch (InvalidDataException e)
                {
                    Console.Error.WriteLine($"dyad: {p}: {e.Message}; using the shipped '{lang}' model");
                }
            }
        }
        return Embedded(lang);
    }

    /// <summary>The model shipped inside the library (embedded resource "Dyad.models.LANG.syntax.gz"), or null.</summary>
    public static SyntaxModel? Embedded(string lang)
    {
        using var s = typeof(SyntaxModels).Assembly.GetManifestResourceStream("Dyad.models." + FileName(lang));
        return s == null ? null : SyntaxModel.Load(s);
    }
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
