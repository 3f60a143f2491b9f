using System.Globalization;
using Dyad.Corpus;
using Dyad.Documents;
using Dyad.Pipeline;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>dyad analyze PATH...: argument parsing, progress and the summary; the work is <see cref="Analyzer"/>.</summary>
public static class AnalyzeCommand
{
    private const string Help = """
        usage: dyad analyze PATH... [--db dyad.db] [--jobs N] [--lang auto|en|nl] [--dict FILE...] [--max-bytes 20MB]

        Reads pages, splits them into articles, comments and boilerplate, finds sentences, actors and
        events, and stores everything in a SQLite database. Running it again on the same input adds
        nothing twice: documents are keyed by a hash of their text, and a near-copy of a stored page
        (SimHash within 3 bits) only raises that page's copy count.

        PATH            a file, a folder (read recursively) or - for standard input.
                        .txt, .html/.htm, .jsonl (one JSON object per line with "text" or "html";
                        optional "url", "title", "published", "source", "id") and .json (an array of them)
        --db FILE       the corpus database (default ./dyad.db; created if missing)
        --jobs N        worker threads (default: all cores; 0 = all cores)
        --lang L        auto (identify each segment's language), or force en or nl
        --dict FILE     a YAML dictionary that extends or overrides the built-in ones (repeatable)
        --max-bytes N   refuse inputs larger than this (default 20MB; KB, MB and GB suffixes)
        --batch N       documents per database transaction (default 200; a killed run keeps
                        every committed batch, and a rerun finishes the rest)
        --stop-after S  run the pipeline only up to stage S (Segments, Text, Syntax, Actors, Events);
                        for benchmarks and debugging

        Inputs that cannot be used (empty, binary, too large, unsupported, malformed lines) are
        reported one line each and skipped; the rest of the batch continues.

        exit codes: 0 every input processed · 2 finished, some inputs skipped · 1 usage error or nothing processed

        examples:
          dyad analyze samples/
          dyad analyze pages/ feed.jsonl --db conflict.db --jobs 2
          curl -s https://example.org/page.html | dyad analyze - --db web.db
        then: dyad show DOC --segments · dyad events --db conflict.db --actor Russia
        """;

    public static int Run(string[] args)
    {
        var a = CliArgs.Parse("analyze", args, ["db", "jobs", "lang", "dict", "max-bytes", "batch", "stop-after"]);
        if (a.Help)
        {
            Console.WriteLine(Help);
            return 0;
        }
        if (a.Positionals.Count == 0)
            throw new UsageException("dyad analyze: give at least one PATH (a file, a folder or -); see dyad analyze --help");

        var options = new AnalyzerOptions
        {
            DatabasePath = a.Get("db", "dyad.db"),
            Lang = a.Choice("analyze", "lang", "auto", "auto", "en", "nl"),
            MaxBytes = a.GetBytes("analyze", "max-bytes", 20L << 20),
        };
        options.BatchDocuments = Math.Max(1, a.GetInt("analyze", "batch", options.BatchDocuments));
        if (a.Get("stop-after") is { } stop)
        {
            string[] stages = ["Segments", "Text", "Syntax", "Actors", "Events"];
            options.StopAfter = stages.FirstOrDefault(x => string.Equals(x, stop, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"dyad analyze: --stop-after must be one of {string.Join(", ", stages)}, got '{stop}'");
        }
        int jobs = a.GetInt("analyze", "jobs", 0);
        options.Jobs = jobs == 0 ? Environment.ProcessorCount : jobs;
        foreach (var d in a.GetAll("dict"))
        {
            if (!File.Exists(d)) throw new UsageException($"dyad analyze: --dict {d}: no such file");
            options.DictFiles.Add(d);
        }

        var analyzer = new Analyzer(options);
        bool fancy = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        AnalyzeSummary summary;
        try
        {
            // Open (and migrate) the database before reading anything, so a bad --db fails fast.
            using var store = SqliteCorpusStore.Open(options.DatabasePath);
            summary = fancy ? RunWithBar(analyzer, a.Positionals, store) : RunPlain(analyzer, a.Positionals, store);
        }
        catch (CorpusException e)
        {
            Console.Error.WriteLine($"dyad analyze: {e.Message}");
            return 1;
        }
        PrintSummary(Console.Out, summary, options.DatabasePath);
        return summary.ExitCode;
    }

    private static AnalyzeSummary RunPlain(Analyzer analyzer, IReadOnlyList<string> paths, ICorpusStore store)
    {
        var err = Console.Error;
        var gate = new object();
        analyzer.InputSkipped = s => { lock (gate) err.WriteLine($"dyad analyze: {s}"); };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan next = TimeSpan.FromSeconds(5);
        analyzer.Progress = p =>
        {
            if (clock.Elapsed < next || (p.DocumentsDone == 0 && p.BytesRead == 0)) return; // nothing to say yet (models still loading)
            next = clock.Elapsed + TimeSpan.FromSeconds(10);
            double mb = p.BytesRead / 1048576.0;
            lock (gate)
                err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"dyad analyze: {p.DocumentsDone:N0} documents ({p.DocumentsAdded:N0} new), {mb:F1} MB read, {mb / clock.Elapsed.TotalSeconds:F1} MB/s"));
        };
        return analyzer.Run(paths, store);
    }

    private static AnalyzeSummary RunWithBar(Analyzer analyzer, IReadOnlyList<string> paths, ICorpusStore store)
    {
        // The bar and the skipped-input lines share stderr through one Spectre console, so they do
        // not garble each other; stdout keeps only the summary.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        AnalyzeSummary? summary = null;
        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("reading inputs", maxValue: 1);
                task.IsIndeterminate = true;
                long total = analyzer.MeasureInputs(paths);
                analyzer.BytesTotal = total;
                task.MaxValue = Math.Max(1, total);
                task.IsIndeterminate = total <= 0;
                analyzer.InputSkipped = s => console.MarkupLineInterpolated($"[red]dyad analyze:[/] {s.ToString()}");
                analyzer.Progress = p =>
                {
                    task.Value = Math.Min(task.MaxValue, p.BytesRead);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.DocumentsDone:N0} documents ({p.DocumentsAdded:N0} new)");
                };
                summary = analyzer.Run(paths, store);
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    public static void PrintSummary(TextWriter w, AnalyzeSummary s, string db)
    {
        var ci = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(ci, $"analyzed {s.InputsRead:N0} input{(s.InputsRead == 1 ? "" : "s")} ({Size(s.BytesRead)}) in {s.Elapsed.TotalSeconds:F1} s into {db}"));
        w.WriteLine(string.Create(ci, $"  documents  {s.DocumentsAdded:N0} added, {s.AlreadyStored:N0} already stored, {s.NearDuplicates:N0} near-duplicate{(s.NearDuplicates == 1 ? "" : "s")} (corpus now {s.CorpusDocuments:N0})"));
        w.WriteLine(string.Create(ci, $"  segments   {s.Segments:N0}{Breakdown(s.SegmentsByKind)}"));
        if (s.SegmentsByLanguage.Count > 0)
            w.WriteLine($"  languages  {Breakdown(s.SegmentsByLanguage).TrimStart(':', ' ')}");
        w.WriteLine(string.Create(ci, $"  sentences  {s.Sentences:N0}"));
        w.WriteLine(string.Create(ci, $"  events     {s.Events:N0}{Breakdown(s.EventsByType)}"));
        if (s.EventsByStatus.Count > 0)
            w.WriteLine($"  claims     {Breakdown(s.EventsByStatus).TrimStart(':', ' ')}");
        if (s.Skipped.Count > 0)
        {
            w.WriteLine(string.Create(ci, $"  skipped    {s.Skipped.Count:N0} input{(s.Skipped.Count == 1 ? "" : "s")}:"));
            foreach (var sk in s.Skipped.OrderBy(x => x.Path, StringComparer.Ordinal)) w.WriteLine($"    {sk}");
        }
    }

    private static string Breakdown(Dictionary<string, int> d)
    {
        if (d.Count == 0) return "";
        return ": " + string.Join(", ", d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:N0}")));
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KB"),
        < 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:F2} GB"),
    };
}
