using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Actors;

/// <summary>Dictionary-driven actor mentions, composition and coreference. (Stub.)</summary>
public sealed class ActorStage : IDocumentStage
{
    public ActorStage(PipelineOptions options) { }
    public string Name => "Actors";
    public void Process(Document doc) { }
}
