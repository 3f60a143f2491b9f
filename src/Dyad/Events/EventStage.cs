using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Events;

/// <summary>Triggers, arguments, claims and dates. (Stub.)</summary>
public sealed class EventStage : IDocumentStage
{
    public EventStage(PipelineOptions options) { }
    public string Name => "Events";
    public void Process(Document doc) { }
}
