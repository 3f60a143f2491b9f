using System.Diagnostics;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Dyad.Model;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>
/// `throughput syntax [--lang en|nl] [--file F.conllu|F.txt] [--seconds N]`: tokenize + split + tag +
/// lemmatize + parse on one thread; prints tokens/s per phase and allocated bytes per sentence.
/// Text comes from the `# text =` lines of a CoNLL-U file (default: the language's UD test set) or a
/// plain text file.
/// </summary>
public static class SyntaxThroughput
{
    [ModuleInitializer]
    internal static void Register() => Program.Throughput["syntax"] = Run;

    public static string DefaultFile(string lang) => lang == "nl" ? "../shared/ud/nl_alpino/nl_alpino-ud-test.conllu" : "../shared/ud/en_ewt/en_ewt-ud-test.conllu";

    public static string LoadText(string path)
    {
        if (!path.EndsWith(".conllu", StringComparison.Ordinal)) return File.ReadAllText(path);
        var sb = new System.Text.StringBuilder();
        foreach (var line in File.ReadLines(path))
            if (line.StartsWith("# text = ", StringComparison.Ordinal)) sb.Append(line, 9, line.Length - 9).Append('\n');
        return sb.ToString();
    }

    public static int Run(string[] args)
    {
        string lang = "en", file = "";
        double seconds = 10;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lang": lang = args[++i]; break;
                case "--file": file = args[++i]; break;
                case "--seconds": seconds = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"throughput syntax: unknown argument {args[i]}"); return 2;
            }
        }
        if (file == "") file = DefaultFile(lang);
        if (!File.Exists(file)) { Console.Error.WriteLine($"throughput syntax: {file}: no such file"); return 2; }
        var text = LoadText(file);
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var model = SyntaxModels.Model(lang);
        if (model == null) { Console.Error.WriteLine($"throughput syntax: no model for {lang}"); return 2; }
        proc.Refresh();
        Console.WriteLine($"model {lang} loaded in {sw.Elapsed.TotalMilliseconds:F0} ms wall, {(proc.TotalProcessorTime - cpu0).TotalMilliseconds:F0} ms CPU; text {text.Length} chars from {file}");
        // Warm up.
        foreach (var s in TextAnalyzer.Analyze(text, lang)) model.Annotate(s);

        long tokens = 0, sents = 0, rounds = 0;
        double tTok = 0, tAnn = 0;
        long aTok = 0, aAnn = 0;
        proc.Refresh();
        var cpuStart = proc.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds || rounds == 0)
        {
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            var t0 = Stopwatch.GetTimestamp();
            var list = TextAnalyzer.Analyze(text, lang);
            var t1 = Stopwatch.GetTimestamp();
            long a1 = GC.GetAllocatedBytesForCurrentThread();
            foreach (var s in list) model.Annotate(s);
            var t2 = Stopwatch.GetTimestamp();
            long a2 = GC.GetAllocatedBytesForCurrentThread();
            tTok += Stopwatch.GetElapsedTime(t0, t1).TotalSeconds;
            tAnn += Stopwatch.GetElapsedTime(t1, t2).TotalSeconds;
            aTok += a1 - a0; aAnn += a2 - a1;
            foreach (var s in list) tokens += s.Tokens.Count;
            sents += list.Count; rounds++;
        }
        proc.Refresh();
        double cpu = (proc.TotalProcessorTime - cpuStart).TotalSeconds, wall = total.Elapsed.TotalSeconds;
        Console.WriteLine($"{rounds} rounds, {tokens} tokens, {sents} sentences (one thread); process CPU {cpu:F1}s over {wall:F1}s wall");
        Console.WriteLine($"all stages per CPU second:   {tokens / cpu,10:F0} tokens/s (wall-clock figures below are lower when the machine is contended)");
        Console.WriteLine($"tokenize+split:              {tokens / tTok,10:F0} tokens/s   {aTok / (double)sents,8:F0} bytes allocated/sentence (Sentence/Token objects and strings)");
        Console.WriteLine($"tag+lemmatize+parse:         {tokens / tAnn,10:F0} tokens/s   {aAnn / (double)sents,8:F0} bytes allocated/sentence");
        Console.WriteLine($"tokenize+tag+lemmatize+parse:{tokens / (tTok + tAnn),10:F0} tokens/s");
        return 0;
    }
}

/// <summary>BenchmarkDotNet: one paragraph through the tokenizer/splitter and the annotator.</summary>
[MemoryDiagnoser]
public class SyntaxBenchmarks
{
    private const string English = "The rebels said on Tuesday that government forces had shelled the town overnight, killing at least 12 civilians. " +
        "A spokesman for the army denied the claim and accused the militants of using residents as human shields.";
    private const string Dutch = "De rebellen zeiden dinsdag dat regeringstroepen de stad 's nachts hadden beschoten. " +
        "Het leger valt volgens een woordvoerder de stellingen van de militie morgen opnieuw aan.";
    private List<Sentence> _en = [], _nl = [];

    [GlobalSetup]
    public void Setup()
    {
        _en = TextAnalyzer.Analyze(English, "en");
        _nl = TextAnalyzer.Analyze(Dutch, "nl");
        SyntaxModels.Model("en"); SyntaxModels.Model("nl");
    }

    [Benchmark] public int TokenizeEnglish() => TextAnalyzer.Analyze(English, "en").Count;

    [Benchmark]
    public int AnnotateEnglish()
    {
        var m = SyntaxModels.Model("en")!;
        foreach (var s in _en) m.Annotate(s);
        return _en.Count;
    }

    [Benchmark]
    public int AnnotateDutch()
    {
        var m = SyntaxModels.Model("nl")!;
        foreach (var s in _nl) m.Annotate(s);
        return _nl.Count;
    }
}
