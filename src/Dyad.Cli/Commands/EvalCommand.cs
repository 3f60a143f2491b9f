using Dyad.Events.Evaluation;
using Dyad.Pipeline;

namespace Dyad.Cli.Commands;

public static class EvalCommand
{
    private const string Help = """
        usage: dyad eval --gold FILE|DIR --format dyad|plover|conflibert [--train FILE] [--dump dev|train|all] [--details] [--dict FILE...]

        Runs the pipeline (text, syntax, actors, events) on every gold sentence and scores the events.

          --format plover      PLOVER GSR JSON (PLOVER_GSR_CAMEO.json): precision, recall and F1 of the primary
                               event per record for (source, type, target), type, source and target, with lenient
                               actor matching (same code, or same country and sector) and span matching; type
                               accuracy where the gold trigger is found. Reported for all records, the dev half
                               (even index, used for tuning) and the held-out half (odd index).
          --format conflibert  ConfliBERT cameo_joined_*.csv: quad-class accuracy (0 neutral statement, 1 verbal
                               cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict, from the
                               type of the primary event, mapping derived from the training file) and source/target span P/R/F1.
                               --train FILE derives the fallback class (default: cameo_joined_train.csv next to the gold file).
          --format dyad        the claim suite (a folder of YAML cases, see docs/EVENTS.md): events matched, claim
                               status, claimants, parents, word-order pair agreement, by category and status.

          --dump dev|train|all print each record with its events (plover: dev half only unless 'all').
          --details            (dyad) print every case with a problem.
        """;

    public static int Run(string[] args)
    {
        var a = CliArgs.Parse("eval", args, ["gold", "format", "train", "dump", "dict"], ["details"]);
        if (a.Help) { Console.WriteLine(Help); return 0; }
        var gold = a.Get("gold") ?? throw new UsageException("dyad eval: --gold FILE is required (see dyad eval --help)");
        var format = a.Choice("eval", "format", "dyad", "dyad", "plover", "conflibert");
        if (!File.Exists(gold) && !Directory.Exists(gold)) throw new UsageException($"dyad eval: gold file not found: {gold}");
        var options = new PipelineOptions { Lang = "en" };
        foreach (var d in a.GetAll("dict"))
        {
            if (!File.Exists(d)) throw new UsageException($"dyad eval: dictionary file not found: {d}");
            options.DictFiles.Add(d);
        }
        if (!EvalPipeline.HasModel("en"))
            throw new UsageException("dyad eval: no English syntax model (shipped models missing and DYAD_MODELS not set)");
        var pipe = new EvalPipeline(options);
        string? dump = a.Get("dump");
        try
        {
            switch (format)
            {
                case "plover": return Plover(gold, pipe, dump);
                case "conflibert": return ConfliBert(gold, pipe, a.Get("train"), dump);
                default: return Suite(gold, pipe, a.Has("details"));
            }
        }
        catch (InvalidDataException e) { throw new UsageException($"dyad eval: {e.Message}"); }
        catch (Dyad.Events.Lexicon.LexiconException e) { throw new UsageException($"dyad eval: {e.Message}"); }
        catch (System.Text.Json.JsonException e) { throw new UsageException($"dyad eval: {gold}: not valid JSON: {e.Message}"); }
    }

    private static int Plover(string gold, EvalPipeline pipe, string? dump)
    {
        if (Directory.Exists(gold)) throw new UsageException($"dyad eval: --format plover needs a JSON file, got a folder: {gold}");
        var records = PloverGsrEval.Load(gold);
        if (records.Count == 0) throw new UsageException($"dyad eval: {gold}: no PLOVER records with text and event");
        var (all, dev, held, results) = PloverGsrEval.Evaluate(records, pipe);
        if (dump != null)
            foreach (var r in results.Where(r => dump == "all" || r.Gold.Index % 2 == 0))
                Console.Write(PloverGsrEval.Describe(r));
        Console.Write(PloverGsrEval.Report(all));
        Console.Write(PloverGsrEval.Report(dev));
        Console.Write(PloverGsrEval.Report(held));
        return 0;
    }

    private static int ConfliBert(string gold, EvalPipeline pipe, string? train, string? dump)
    {
        if (Directory.Exists(gold)) throw new UsageException($"dyad eval: --format conflibert needs a CSV file, got a folder: {gold}");
        var records = ConfliBertEval.Load(gold);
        train ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(gold))!, "cameo_joined_train.csv");
        int fallback = 2;
        if (File.Exists(train) && Path.GetFullPath(train) != Path.GetFullPath(gold)) fallback = ConfliBertEval.FallbackClass(ConfliBertEval.Load(train), pipe);
        var (s, results) = ConfliBertEval.Evaluate(records, pipe, fallback);
        if (dump != null)
            foreach (var (r, d, pred, p) in results)
            {
                Console.WriteLine($"#{r.Index} gold {r.Quad} pred {pred} [{(pred == r.Quad ? "OK" : "--")}] src [{r.SourceSpans}] tgt [{r.TargetSpans}]");
                Console.WriteLine($"    {r.Sentence}");
                foreach (var e in d.Events) Console.WriteLine($"    {(ReferenceEquals(e, p) ? "*" : " ")} {PloverGsrEval.Show(e)}");
            }
        Console.Write(ConfliBertEval.Report(s, Path.GetFileName(gold), fallback));
        return 0;
    }

    private static int Suite(string gold, EvalPipeline pipe, bool details)
    {
        var cases = ClaimSuite.Load(gold);
        if (cases.Count == 0) throw new UsageException($"dyad eval: {gold}: no claim-suite cases");
        if (cases.Any(c => c.Lang == "nl") && !EvalPipeline.HasModel("nl"))
            throw new UsageException("dyad eval: the suite has Dutch cases but there is no Dutch syntax model");
        var s = ClaimSuite.Run(cases, pipe);
        Console.Write(ClaimSuite.Report(s, details));
        return 0;
    }
}
