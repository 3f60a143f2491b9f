namespace Dyad.Pipeline;

public sealed class PipelineOptions
{
    /// <summary>"auto" (identify per segment), "en" or "nl" (force).</summary>
    public string Lang { get; set; } = "auto";
    /// <summary>User dictionary files (YAML) that extend or override the built-ins.</summary>
    public List<string> DictFiles { get; } = new();
    /// <summary>Stop after this stage (for benchmarks and `dyad parse`): Segments, Text, Syntax, Actors, Events.</summary>
    public string? StopAfter { get; set; }
}
