using Dyad.Model;

namespace Dyad.Pipeline;

/// <summary>
/// A pipeline stage: reads the annotations of earlier stages on a document and adds its own.
/// Stages never modify what an earlier stage wrote. Implementations must be thread-safe
/// (one instance serves all worker threads) or document that they are not.
/// </summary>
public interface IDocumentStage
{
    string Name { get; }
    void Process(Document doc);
}
