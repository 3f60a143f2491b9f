using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Syntax;

/// <summary>POS tags, lemmas and dependency parses from the shipped models. (Stub.)</summary>
public sealed class SyntaxStage : IDocumentStage
{
    public SyntaxStage(PipelineOptions options) { }
    public string Name => "Syntax";
    public void Process(Document doc) { }
}
