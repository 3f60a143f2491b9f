using System.Diagnostics;
using Dyad.Corpus;
using Dyad.Outputs.Report;

namespace Dyad.Cli.Commands;

/// <summary>dyad report: one self-contained HTML file (network, timeline, claims by source, evidence).</summary>
public static class ReportCommand
{
    public const string Usage =
        "usage: dyad report [--db FILE] [--out report.html] [--title T] [--max-nodes N] [filters] [--merged]\n\n" +
        """
          --out FILE       where to write the report (default report.html)
          --title T        the report's title (default "Dyad report")
          --max-nodes N    draw at most N actors, the ones with most events (default 200)
        The file loads nothing from the network (a Content-Security-Policy forbids it) and works offline.

        """ + OutputArgs.FilterHelp;

    public static int Run(string[] args) => Run(args, OutputArgs.OpenStore, Console.Out);

    public static int Run(string[] args, Func<string, ICorpusStore> open, TextWriter log)
        => OutputArgs.Guard("report", () => RunCore(args, open, log));

    private static int RunCore(string[] args, Func<string, ICorpusStore> open, TextWriter log)
    {
        var a = CliArgs.Parse("report", args, [.. OutputArgs.FilterFlags, "out", "title", "max-nodes"], ["merged"]);
        if (a.Help) { log.Write(Usage); return 0; }
        if (a.Positionals.Count > 0) throw new UsageException($"dyad report: unexpected argument '{a.Positionals[0]}' (see dyad report --help)");
        string outPath = a.Get("out", "report.html");
        int maxNodes = a.GetInt("report", "max-nodes", 200);
        if (maxNodes < 1) throw new UsageException("dyad report: --max-nodes must be at least 1");
        bool merged = a.Has("merged");
        var filter = OutputArgs.Filter("report", a);
        var options = new ReportOptions
        {
            Title = a.Get("title", "Dyad report"), MaxNodes = maxNodes, FilterDescription = OutputArgs.Describe(filter, merged),
            Generated = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        };
        var sw = Stopwatch.StartNew();
        ReportModel model;
        using (var store = OutputArgs.Open("report", a, open))
            model = merged ? ReportModel.Build(OutputArgs.Merged(store, filter, OutputArgs.Limit("report", a)), options)
                : ReportModel.Build(store.Events(filter), options);
        ReportWriter r;
        try
        {
            using var w = new StreamWriter(outPath, false, new System.Text.UTF8Encoding(false), 1 << 16);
            r = ReportWriter.Write(model, w, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new UsageException($"dyad report: cannot write {outPath}: {e.Message}"); }
        log.WriteLine($"dyad report: {model.Events} {(merged ? "merged events" : "events")}, {model.Graph.Nodes.Count} actors "
            + $"({Math.Min(maxNodes, model.Graph.Nodes.Count)} drawn), {r.EvidenceItems} evidence items, layout {r.LayoutTime.TotalMilliseconds:0} ms, "
            + $"total {sw.Elapsed.TotalSeconds:0.0} s → {outPath}");
        return 0;
    }
}
