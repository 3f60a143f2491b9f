using Dyad.Model;

namespace Dyad.Pipeline;

/// <summary>
/// Segments → Text → Syntax → Actors → Events, in that order, one direction.
/// Reading (the Documents stage) happens before: it turns inputs into <see cref="Document"/>s.
/// </summary>
public sealed class DocumentPipeline
{
    public IReadOnlyList<IDocumentStage> Stages { get; }

    public DocumentPipeline(IReadOnlyList<IDocumentStage> stages) => Stages = stages;

    public static DocumentPipeline Create(PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        var all = new List<IDocumentStage>
        {
            new Segments.Segmenter(options),
            new Text.TextStage(options),
            new Syntax.SyntaxStage(options),
            new Actors.ActorStage(options),
            new Events.EventStage(options),
        };
        if (options.StopAfter is { } stop)
        {
            int i = all.FindIndex(s => string.Equals(s.Name, stop, StringComparison.OrdinalIgnoreCase));
            if (i >= 0) all = all.Take(i + 1).ToList();
        }
        return new DocumentPipeline(all);
    }

    public void Process(Document doc)
    {
        foreach (var stage in Stages) stage.Process(doc);
    }
}
