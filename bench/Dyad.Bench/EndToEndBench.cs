using System.Runtime.CompilerServices;

namespace Dyad.Bench;

/// <summary>
/// `endtoend [--input samples] [--jobs N] [--repeat K]`: the whole pipeline (read, segment, text, syntax,
/// actors, events, store) through the <see cref="Dyad.Pipeline.Analyzer"/> into a fresh database;
/// prints documents/s, MB/s, sentences/s and events. Syntax models come from DYAD_MODELS or the shipped ones.
/// With --repeat K the input is copied K times under /tmp with a distinguishing line per copy, so the
/// content hash does not fold them into one document.
/// </summary>
public static class EndToEndBench
{
    [ModuleInitializer]
    internal static void Register() => Program.Throughput["endtoend"] = Run;

    public static int Run(string[] args)
    {
        string input = ExportBench.StrArg(args, "--input", "samples");
        int repeat = ExportBench.IntArg(args, "--repeat", 1);
        int jobs = ExportBench.IntArg(args, "--jobs", Environment.ProcessorCount);
        if (!Directory.Exists(input) && !File.Exists(input)) { Console.Error.WriteLine($"endtoend: no input at {input}"); return 1; }
        string src = input;
        if (repeat > 1)
        {
            src = Path.Combine(Path.GetTempPath(), "dyad-bench-endtoend-input");
            if (Directory.Exists(src)) Directory.Delete(src, true);
            var files = Directory.Exists(input) ? Directory.GetFiles(input, "*", SearchOption.AllDirectories) : [input];
            for (int k = 0; k < repeat; k++)
                foreach (var f in files)
                {
                    string ext = Path.GetExtension(f).ToLowerInvariant();
                    if (ext is not (".txt" or ".html" or ".htm" or ".jsonl" or ".json")) continue;
                    string rel = Path.GetRelativePath(Directory.Exists(input) ? input : Path.GetDirectoryName(f)!, f);
                    string dst = Path.Combine(src, "copy" + k, rel);
                    Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
                    string text = File.ReadAllText(f);
                    // a distinct marker per copy: exact copies would be stored once and not analysed again
                    text = ext switch
                    {
                        ".txt" => text + $"\n\nCopy {k} of this page for the benchmark.\n",
                        ".html" or ".htm" => text.Replace("</body>", $"<p>Copy {k} of this page for the benchmark.</p></body>"),
                        _ => text,
                    };
                    if (ext is ".txt" or ".html" or ".htm") File.WriteAllText(dst, text);
                }
        }
        // warm-up: loads the models (cached per process) and JITs the pipeline on a small page of our own,
        // so the measured run is steady-state analysis
        string warm = Path.Combine(Path.GetTempPath(), "dyad-bench-endtoend-warmup");
        Directory.CreateDirectory(warm);
        File.WriteAllText(Path.Combine(warm, "warm-en.txt"), "The army shelled the town on Monday, officials said. Rebels denied that they attacked the convoy.\n");
        File.WriteAllText(Path.Combine(warm, "warm-nl.txt"), "Het leger beschoot maandag de stad, zeiden functionarissen. De rebellen ontkenden dat zij het konvooi hadden aangevallen.\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string warmDb = Path.Combine(warm, "warm.db");
        foreach (var f in new[] { warmDb, warmDb + "-wal", warmDb + "-shm" }) File.Delete(f);
        new Dyad.Pipeline.Analyzer(new Dyad.Pipeline.AnalyzerOptions { DatabasePath = warmDb, Jobs = 1 }).Run([warm]);
        Console.WriteLine($"warm-up (model loading, JIT): {clock.Elapsed.TotalSeconds:0.0} s wall, not counted below");
        return IngestBench.Run(["--input", src, "--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stop-after", "none",
            "--db", Path.Combine(Path.GetTempPath(), "dyad-bench-endtoend.db")]);
    }
}
