using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dyad.Actors;
using Dyad.Documents;
using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Bench;

/// <summary>
/// `dotnet run -c Release --project bench/Dyad.Bench -- actors [DIR]`: built-in dictionary load time (parse +
/// merge + compile the matcher, cold and warm) and how much the Actors stage adds to the pipeline on the seed
/// pages (../shared/seeds by default): Segments→Syntax vs Segments→Actors, process CPU time, best of 5.
/// </summary>
internal static class ActorsBench
{
    [ModuleInitializer]
    internal static void Register() => Program.Throughput["actors"] = Run;

    private static int Run(string[] args)
    {
        string dir = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "seeds");
        var times = new List<double>();
        var cpus = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var files = ReadBuiltins();
            var lex = ActorLexicon.Build(files, []);
            _ = lex.Matcher.PhraseCount;
            sw.Stop();
            times.Add(sw.Elapsed.TotalMilliseconds);
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds);
            if (i == 0) Console.WriteLine($"dictionary: {lex.Entries.Count} entries, {lex.Agents.Count} agents, {lex.Matcher.PhraseCount} phrases, {lex.ErrorCount} errors");
        }
        Console.WriteLine($"dictionary load (parse + merge + compile): first {times[0]:0} ms wall / {cpus[0]:0} ms CPU, best of next 4 {times.Skip(1).Min():0} ms wall / {cpus.Skip(1).Min():0} ms CPU");

        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"actors bench: {dir}: no such folder (seed pages)"); return 1; }
        var reader = new DocumentReader();
        var skipped = new List<SkippedInput>();
        var items = reader.Enumerate([dir], skipped).ToList();
        // Per repetition: the pipeline up to Syntax on fresh documents, then the Actors stage on them (wall clock,
        // same repetition, so other load on the machine affects both); the median ratio is reported.
        var upToSyntax = DocumentPipeline.Create(new PipelineOptions { StopAfter = "Syntax" });
        var actorStage = new ActorStage(new PipelineOptions());
        var ratios = new List<double>();
        double bestSyntax = double.MaxValue, bestActors = double.MaxValue;
        int n = 0;
        for (int rep = 0; rep < 6; rep++)
        {
            var docs = items.SelectMany(it => reader.Read(it, skipped)).ToList();
            var sw = Stopwatch.StartNew();
            foreach (var d in docs) upToSyntax.Process(d);
            double ts = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            foreach (var d in docs) actorStage.Process(d);
            double ta = sw.Elapsed.TotalMilliseconds;
            n = docs.Sum(d => d.Sentences.Sum(s => s.Mentions.Count));
            if (rep == 0) continue; // warm-up (models, dictionaries, JIT)
            ratios.Add(ta / ts);
            bestSyntax = Math.Min(bestSyntax, ts);
            bestActors = Math.Min(bestActors, ta);
        }
        ratios.Sort();
        double median = ratios[ratios.Count / 2];
        Console.WriteLine($"seed pages: {items.Count} files, {n} mentions; Segments→Syntax best {bestSyntax:0} ms, Actors stage best {bestActors:0} ms");
        Console.WriteLine($"recognition adds {100 * median:0.0}% (median of 5) to the pipeline up to Syntax");
        if (args.Contains("--detail"))
        {
            var pipe = DocumentPipeline.Create(new PipelineOptions { StopAfter = "Syntax" });
            var docs = items.SelectMany(it => reader.Read(it, skipped)).ToList();
            foreach (var d in docs) pipe.Process(d);
            var lex = ActorLexicon.For([]);
            var rec = new ActorRecognizer(lex);
            var sents = docs.SelectMany(d => d.Sentences).ToList();
            var sw = Stopwatch.StartNew();
            foreach (var s in sents) lex.Matcher.Match(s.Tokens, "en");
            Console.WriteLine($"  matcher only: {sw.ElapsedMilliseconds} ms over {sents.Count} sentences, {sents.Sum(s => s.Tokens.Count)} tokens");
            sw.Restart();
            foreach (var s in sents) rec.Recognize(s, "en", null);
            Console.WriteLine($"  recogniser: {sw.ElapsedMilliseconds} ms");
            var stage = new ActorStage(new PipelineOptions());
            sw.Restart();
            foreach (var d in docs) stage.Process(d);
            Console.WriteLine($"  whole stage (recognition + coreference): {sw.ElapsedMilliseconds} ms");
        }
        return 0;
    }

    private static List<DictFile> ReadBuiltins()
    {
        var asm = typeof(ActorLexicon).Assembly;
        var list = new List<DictFile>();
        foreach (var res in asm.GetManifestResourceNames().Where(n => n.StartsWith("Dyad.dictionaries.actors", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(res)!;
            using var r = new StreamReader(s);
            list.Add(DictionaryLoader.Parse(r.ReadToEnd(), res));
        }
        return list;
    }
}
