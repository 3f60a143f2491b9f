using Dyad.Formats;
using Dyad.Syntax;

namespace Dyad.Cli.Commands;

public static class TrainCommand
{
    private const string Help = """
        usage: dyad train --lang LANG --train FILE[,FILE...] [--dev FILE] --out DIR [--seed N] [--epochs N] [--tag-epochs N] [--folds N] [--trans-bits N] [--no-ambiguity] [--whole-ambiguity]
               dyad train --lang LANG --evaluate FILE [--model DIR]

        Trains the POS tagger, lemmatizer and dependency parser from UD CoNLL-U treebanks and writes
        DIR/LANG.syntax.gz. A training file written PATH*N is seen N times per epoch (to weight it).
        With --dev, accuracy on the dev file is printed after every epoch and the best epoch is kept.
        Deterministic for a given --seed (default 1). --folds N: jackknife folds for the parser's training tags
        (default 4); --trans-bits N: log2 of the transition feature table size (default 21); --no-ambiguity:
        no tagger features from the tags each word had in training; --whole-ambiguity: jackknife folds use the
        whole training set's ambiguity classes (how the shipped English model was trained).

        --evaluate FILE scores a model on a gold CoNLL-U file with its gold words (UPOS, XPOS, UFeats,
        lemma, UAS, LAS; CoNLL 2018 conventions): the shipped model, or DIR/LANG.syntax.gz with --model.

        Dutch files in the older LassySmall conventions (no XPOS, flat:name) are mapped to the
        current Alpino conventions while reading.
        """;

    public static int Run(string[] args)
    {
        var a = CliArgs.Parse("train", args, ["lang", "train", "dev", "out", "seed", "epochs", "tag-epochs", "evaluate", "model", "folds", "trans-bits"], ["no-ambiguity", "whole-ambiguity"]);
        if (a.Help) { Console.WriteLine(Help); return 0; }
        string lang = a.Get("lang") ?? throw new UsageException("dyad train: --lang is required (e.g. --lang en)");
        if (a.Get("evaluate") is string evalFile) return Evaluate(lang, evalFile, a.Get("model"));
        var trainSpec = a.Get("train") ?? throw new UsageException("dyad train: --train FILE is required");
        var outDir = a.Get("out") ?? throw new UsageException("dyad train: --out DIR is required");
        var o = new TrainOptions { Language = lang, Log = Console.Out, Seed = a.GetInt("train", "seed", 1) };
        o.ParseEpochs = a.GetInt("train", "epochs", o.ParseEpochs);
        o.TagEpochs = a.GetInt("train", "tag-epochs", o.TagEpochs);
        o.Folds = a.GetInt("train", "folds", o.Folds);
        o.TransBits = a.GetInt("train", "trans-bits", o.TransBits);
        o.AmbiguityClasses = !a.Has("no-ambiguity");
        o.FoldAmbiguity = !a.Has("whole-ambiguity");
        if (o.TransBits is < 10 or > 24) throw new UsageException("dyad train: --trans-bits must be between 10 and 24");
        foreach (var part in trainSpec.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            string p = part; int rep = 1;
            int star = part.LastIndexOf('*');
            if (star > 0 && int.TryParse(part[(star + 1)..], out int r) && r > 0) { p = part[..star]; rep = r; }
            if (!File.Exists(p)) throw new UsageException($"dyad train: training file not found: {p}");
            o.Train.Add((p, rep));
        }
        o.Dev = a.Get("dev");
        if (o.Dev != null && !File.Exists(o.Dev)) throw new UsageException($"dyad train: dev file not found: {o.Dev}");
        SyntaxModel model;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        try { model = SyntaxTrainer.Train(o); }
        catch (FormatException e) { throw new UsageException($"dyad train: bad CoNLL-U input: {e.Message}"); }
        catch (InvalidDataException e) { throw new UsageException($"dyad train: {e.Message}"); }
        Directory.CreateDirectory(outDir);
        string path = Path.Combine(outDir, SyntaxModels.FileName(lang));
        model.Save(path);
        Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB) after {sw.Elapsed.TotalSeconds:F0}s");
        if (o.Dev != null)
        {
            var dev = Conllu.ReadFile(o.Dev).ToList();
            if (lang == "nl" && DutchConventions.IsOldLassy(dev)) foreach (var s in dev) DutchConventions.Convert(s);
            Console.WriteLine($"dev ({Path.GetFileName(o.Dev)}): {SyntaxEvaluator.Evaluate(model, dev)}");
        }
        return 0;
    }

    private static int Evaluate(string lang, string file, string? modelDir)
    {
        if (!File.Exists(file)) throw new UsageException($"dyad train: file not found: {file}");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        SyntaxModel? m;
        if (modelDir != null)
        {
            string p = Path.Combine(modelDir, SyntaxModels.FileName(lang));
            if (!File.Exists(p)) throw new UsageException($"dyad train: no model at {p}");
            m = SyntaxModel.Load(p);
        }
        else m = SyntaxModels.Model(lang) ?? throw new UsageException($"dyad train: no model for language '{lang}'");
        double load = sw.Elapsed.TotalSeconds;
        List<ConlluSentence> gold;
        try { gold = Conllu.ReadFile(file).ToList(); }
        catch (FormatException e) { throw new UsageException($"dyad train: {file}: {e.Message}"); }
        if (lang == "nl" && DutchConventions.IsOldLassy(gold))
        {
            Console.WriteLine($"{Path.GetFileName(file)}: older LassySmall conventions, mapped to current Alpino conventions before scoring");
            foreach (var s in gold) DutchConventions.Convert(s);
        }
        sw.Restart();
        var sc = SyntaxEvaluator.Evaluate(m, gold);
        Console.WriteLine($"{Path.GetFileName(file)}: {sc}");
        Console.WriteLine($"  (model load {load:F2}s, annotate {sc.Words / sw.Elapsed.TotalSeconds:F0} words/s)");
        return 0;
    }
}
