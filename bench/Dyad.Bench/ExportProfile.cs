using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dyad.Corpus.Merging;
using Dyad.Model;
using Dyad.Outputs.Graph;
using Dyad.Outputs.Report;

namespace Dyad.Bench;

/// <summary>`export-profile [--events N]`: CPU time of the steps behind --merged and the report, in memory.</summary>
public static class ExportProfile
{
    [ModuleInitializer]
    internal static void Register() => Program.Throughput["export-profile"] = Run;

    public static int Run(string[] args)
    {
        int n = ExportBench.IntArg(args, "--events", 100_000);
        var docs = SyntheticEvents.Documents(n, 600, seed: 7);
        var recs = docs.SelectMany(d => d.Events.Select(e => EventRecord.From(d, e))).ToList();
        static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        for (int round = 0; round < 3; round++)
        {
            double t0 = Cpu();
            var json = recs.Select(r => r.ToJson()).ToList();
            double t1 = Cpu();
            var back = json.Select(EventRecord.FromJson).ToList();
            double t2 = Cpu();
            var merged = EventMerger.Merge(back);
            double t3 = Cpu();
            var g = ActorGraph.From(back);
            double t4 = Cpu();
            var model = ReportModel.Build(back);
            double t5 = Cpu();
            ReportWriter.Write(model, TextWriter.Null);
            double t6 = Cpu();
            var mm = ReportModel.Build(merged);
            double t7 = Cpu();
            ReportWriter.Write(mm, TextWriter.Null);
            double t8 = Cpu();
            Console.WriteLine($"round {round}: serialize {t1 - t0:0.00} deserialize {t2 - t1:0.00} merge {t3 - t2:0.00} graph {t4 - t3:0.00} " +
                $"report-model {t5 - t4:0.00} report-write {t6 - t5:0.00} merged-model {t7 - t6:0.00} merged-write {t8 - t7:0.00} (CPU s)");
        }
        return 0;
    }
}
