using Dyad.Corpus;
using Dyad.Outputs.Exports;
using Dyad.Outputs.Graph;

namespace Dyad.Cli.Commands;

/// <summary>dyad graph: the actor network for Gephi, yEd, Cytoscape, Neo4j or Graphviz.</summary>
public static class GraphCommand
{
    public const string Usage =
        "usage: dyad graph --format gexf|graphml|cytoscape|neo4j|dot [--out FILE] [--db FILE] [filters] [--merged]\n\n" +
        """
          --format F       gexf (GEXF 1.3, dynamic dates, for Gephi), graphml, cytoscape (Cytoscape.js JSON),
                           neo4j (nodes.csv + relationships.csv for neo4j-admin import; --out DIR required), dot
          --out PATH       output file (default: standard output); a directory for neo4j
        Nodes are actors (code, or the text of an unresolved actor); edges are (source, target, PLOVER type)
        with counts by claim status, first and last date and the ids of the events behind them.

        """ + OutputArgs.FilterHelp;

    public static int Run(string[] args) => Run(args, null, OutputArgs.OpenStore, Console.Error);

    /// <param name="stdout">Where to write when no --out is given (null: the process's standard output).</param>
    public static int Run(string[] args, Stream? stdout, Func<string, ICorpusStore> open, TextWriter log)
        => OutputArgs.Guard("graph", () => RunCore(args, stdout, open, log));

    private static int RunCore(string[] args, Stream? stdout, Func<string, ICorpusStore> open, TextWriter log)
    {
        var a = CliArgs.Parse("graph", args, [.. OutputArgs.FilterFlags, "format", "out"], ["merged"]);
        if (a.Help) { log.Write(Usage); return 0; }
        if (a.Positionals.Count > 0) throw new UsageException($"dyad graph: unexpected argument '{a.Positionals[0]}' (see dyad graph --help)");
        if (a.Get("format") == null) throw new UsageException("dyad graph: --format is required (gexf|graphml|cytoscape|neo4j|dot)");
        string format = a.Choice("graph", "format", "gexf", "gexf", "graphml", "cytoscape", "neo4j", "dot");
        string? outPath = a.Get("out");
        if (format == "neo4j" && outPath == null) throw new UsageException("dyad graph: --format neo4j writes two files; give --out DIR");
        var filter = OutputArgs.Filter("graph", a);
        ActorGraph g;
        using (var store = OutputArgs.Open("graph", a, open))
            g = a.Has("merged") ? ActorGraph.From(OutputArgs.Merged(store, filter, OutputArgs.Limit("graph", a))) : ActorGraph.From(store.Events(filter));

        if (format == "neo4j")
        {
            try { Neo4jExporter.WriteDirectory(g, outPath!); }
            catch (IOException e) { throw new UsageException($"dyad graph: cannot write {outPath}: {e.Message}"); }
            catch (UnauthorizedAccessException e) { throw new UsageException($"dyad graph: cannot write {outPath}: {e.Message}"); }
        }
        else
        {
            Stream s;
            try { s = outPath != null ? File.Create(outPath) : stdout ?? Console.OpenStandardOutput(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            { throw new UsageException($"dyad graph: cannot write {outPath}: {e.Message}"); }
            try
            {
                if (format == "cytoscape") CytoscapeExporter.Write(g, s);
                else
                {
                    using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    switch (format)
                    {
                        case "gexf": GexfExporter.Write(g, w); break;
                        case "graphml": GraphmlExporter.Write(g, w); break;
                        default: DotExporter.Write(g, w); break;
                    }
                }
                s.Flush();
            }
            finally { if (outPath != null) s.Dispose(); }
        }
        if (outPath != null)
            log.WriteLine($"dyad graph: {g.Nodes.Count} actors, {g.Edges.Count} typed dyads from {g.Events - g.SkippedEvents} events"
                + (g.SkippedEvents > 0 ? $" ({g.SkippedEvents} without source or target left out)" : "") + $" → {outPath}");
        return 0;
    }
}
