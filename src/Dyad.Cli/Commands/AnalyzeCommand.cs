using Dyad.Documents;
using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Cli.Commands;

/// <summary>dyad analyze PATH... (skeleton: reads and runs the pipeline; the store comes next).</summary>
public static class AnalyzeCommand
{
    public static int Run(string[] args)
    {
        var a = CliArgs.Parse("analyze", args, ["db", "jobs", "lang", "dict", "max-bytes"]);
        if (a.Help || a.Positionals.Count == 0)
        {
            Console.WriteLine("usage: dyad analyze PATH... [--db dyad.db] [--jobs N] [--lang auto|en|nl] [--dict FILE...] [--max-bytes 20MB]");
            return a.Help ? 0 : 1;
        }
        var opts = new PipelineOptions { Lang = a.Choice("analyze", "lang", "auto", "auto", "en", "nl") };
        opts.DictFiles.AddRange(a.GetAll("dict"));
        var pipeline = DocumentPipeline.Create(opts);
        var reader = new DocumentReader { MaxBytes = a.GetBytes("analyze", "max-bytes", 20L << 20) };
        var skipped = new List<SkippedInput>();
        int docs = 0, sents = 0;
        foreach (var item in reader.Enumerate(a.Positionals, skipped))
            foreach (var doc in reader.Read(item, skipped))
            {
                pipeline.Process(doc);
                docs++;
                sents += doc.Sentences.Count();
            }
        Console.WriteLine($"{docs} documents, {sents} sentences, {skipped.Count} skipped");
        foreach (var s in skipped) Console.WriteLine($"  skipped {s}");
        return docs == 0 ? 1 : skipped.Count > 0 ? 2 : 0;
    }
}
