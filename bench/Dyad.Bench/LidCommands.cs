using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dyad.Segments;
using Dyad.Segments.Language;

namespace Dyad.Bench;

/// <summary>
/// `lid-train` trains the n-gram language model from ../shared (writes src/Dyad/models/lid.bin.gz);
/// `lid-eval` measures held-out accuracy and speed. See docs/notes/lid.md.
/// </summary>
internal static class LidCommands
{
    [ModuleInitializer]
    internal static void Register()
    {
        Program.Throughput["lid-train"] = Train;
        Program.Throughput["lid-eval"] = Eval;
    }

    private static string? Opt(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static bool Flag(string[] args, string name) => Array.IndexOf(args, name) >= 0;

    private static string Shared(string[] args)
    {
        var shared = Opt(args, "--shared") ?? "../shared";
        if (!Directory.Exists(Path.Combine(shared, "ud")) || !Directory.Exists(Path.Combine(shared, "lid")))
            throw new DirectoryNotFoundException($"{shared}: shared data (ud/, lid/) not found; run from the repository root or pass --shared DIR");
        return shared;
    }

    /// <summary>lid-train [--dev] [--out FILE] [--bits N] [--epochs N] [--draws N] [--short F] [--lr F] [--l2 F] [--order N] [--no-words] [--seed N] [--shared DIR]</summary>
    private static int Train(string[] args)
    {
        string shared = Shared(args);
        bool dev = Flag(args, "--dev");
        string? outPath = Opt(args, "--out") ?? (dev ? null : "src/Dyad/models/lid.bin.gz");
        var o = new LidTrainOptions();
        if (Opt(args, "--bits") is { } bits) o = o with { Bits = int.Parse(bits) };
        if (Opt(args, "--epochs") is { } ep) o = o with { Epochs = int.Parse(ep) };
        if (Opt(args, "--draws") is { } dr) o = o with { DrawsPerClass = int.Parse(dr) };
        if (Opt(args, "--short") is { } sh) o = o with { ShortShare = double.Parse(sh, System.Globalization.CultureInfo.InvariantCulture) };
        if (Opt(args, "--lr") is { } lr) o = o with { LearningRate = double.Parse(lr, System.Globalization.CultureInfo.InvariantCulture) };
        if (Opt(args, "--l2") is { } l2) o = o with { L2 = double.Parse(l2, System.Globalization.CultureInfo.InvariantCulture) };
        if (Opt(args, "--seed") is { } seed) o = o with { Seed = int.Parse(seed) };
        var fc = o.Features;
        if (Opt(args, "--order") is { } ord) fc = fc with { MaxOrder = int.Parse(ord) };
        if (Flag(args, "--no-words")) fc = fc with { Words = false };
        o = o with { Features = fc };

        var langs = LidCorpus.Languages;
        var train = langs.Select(l => (IReadOnlyList<string>)LidCorpus.Load(shared, l, LidCorpus.Split.Train, trainIncludesDev: !dev)).ToArray();
        for (int i = 0; i < langs.Length; i++) Console.WriteLine($"  {langs[i]}: {train[i].Count} training sentences");
        Console.WriteLine($"training: {o}");
        var sw = Stopwatch.StartNew();
        var model = LidTrainer.Train(langs, train, o, Console.Out);
        Console.WriteLine($"trained in {sw.Elapsed.TotalSeconds:F1} s");
        if (outPath != null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            model.Save(outPath);
            Console.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024.0:F0} KiB)");
        }
        var split = dev ? LidCorpus.Split.Dev : LidCorpus.Split.Test;
        Console.WriteLine($"{split} split:");
        Report(new LanguageIdentifier(model), shared, split, args);
        return 0;
    }

    /// <summary>lid-eval [--text TEXT | --lines FILE] [--model FILE] [--split test|dev] [--errors N] [--speed] [--shared DIR]</summary>
    private static int Eval(string[] args)
    {
        string shared = Shared(args);
        var id = Opt(args, "--model") is { } path ? new LanguageIdentifier(LidModel.Load(path)) : LanguageIdentifier.Default;
        if (Opt(args, "--text") is { } text)
        {
            var g = id.Identify(text);
            Console.WriteLine($"{g.Lang}\t{g.Confidence:F3}");
            return 0;
        }
        if (Opt(args, "--lines") is { } file)
        {
            // One guess per non-empty line of a text file (a quick look at real pages).
            foreach (var line in File.ReadLines(file))
            {
                if (line.Trim().Length == 0) continue;
                var g = id.Identify(line);
                Console.WriteLine($"{g.Lang}\t{g.Confidence:F2}\t{(line.Length > 70 ? line[..70] : line)}");
            }
            return 0;
        }
        var split = Opt(args, "--split") == "dev" ? LidCorpus.Split.Dev : LidCorpus.Split.Test;
        Console.WriteLine($"{split} split ({(Opt(args, "--model") ?? "embedded model")}):");
        Report(id, shared, split, args);
        if (Flag(args, "--speed")) Speed(id, shared);
        return 0;
    }

    private static void Report(LanguageIdentifier id, string shared, LidCorpus.Split split, string[] args)
    {
        int keep = Opt(args, "--errors") is { } e ? int.Parse(e) : 0;
        var data = LidCorpus.Languages.Select(l => (l, (IReadOnlyList<string>)LidCorpus.Load(shared, l, split))).ToList();
        var ev = LidEvaluation.Run(id, data, keep);
        ev.Print(Console.Out);
        foreach (var (gold, guess, text) in ev.Errors)
            Console.WriteLine($"  {gold}→{guess}: {text}");
    }

    private static void Speed(LanguageIdentifier id, string shared)
    {
        // Whole sentences, then 2 KB blocks (segment-sized spans), over the test text of all six languages.
        var sentences = LidCorpus.Languages.SelectMany(l => LidCorpus.Load(shared, l, LidCorpus.Split.Test)).ToArray();
        long chars = sentences.Sum(s => (long)s.Length);
        // Warm up (model load, tiered JIT) for a second before measuring.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 1500)
        {
            foreach (var s in sentences) id.Identify(s);
        }
        // CPU time of this process, not wall time: the machine is shared.
        var proc = Process.GetCurrentProcess();
        int reps = 0;
        var sw = Stopwatch.StartNew();
        var cpu0 = proc.TotalProcessorTime;
        long n = 0;
        while (sw.ElapsedMilliseconds < 3000)
        {
            foreach (var s in sentences) n += id.Identify(s).Lang.Length;
            reps++;
        }
        proc.Refresh();
        double secs = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"speed (CPU time), per sentence: {reps * sentences.Length / secs:F0} sentences/s, {reps * chars * 2 / 1e6 / secs:F1} MB/s (UTF-16 bytes), {reps * chars / 1e6 / secs:F1} M chars/s");
        string all = string.Join("\n", sentences);
        reps = 0;
        sw.Restart();
        proc.Refresh();
        cpu0 = proc.TotalProcessorTime;
        while (sw.ElapsedMilliseconds < 3000)
        {
            for (int i = 0; i + 2048 <= all.Length; i += 2048) n += id.Identify(all, i, i + 2048).Lang.Length;
            reps++;
        }
        proc.Refresh();
        secs = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"speed, 2048-char spans: {reps * (all.Length / 2048) * 2048 / 1e6 / secs:F1} M chars/s ({reps * (all.Length / 2048) * 4096 / 1e6 / secs:F1} MB/s UTF-16)");
        // A long span (a whole page): the model reads 4 × 512 characters, the script count reads everything.
        reps = 0;
        sw.Restart();
        proc.Refresh();
        cpu0 = proc.TotalProcessorTime;
        while (sw.ElapsedMilliseconds < 3000)
        {
            n += id.Identify(all).Lang.Length;
            reps++;
        }
        proc.Refresh();
        secs = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"speed, whole test text as one span ({all.Length / 1e6:F2} M chars): {reps * (double)all.Length / 1e6 / secs:F1} M chars/s [{n % 7}]");
    }
}
