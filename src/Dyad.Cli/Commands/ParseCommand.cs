using Dyad.Formats;
using Dyad.Model;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Cli.Commands;

public static class ParseCommand
{
    private const string Help = """
        usage: dyad parse [--lang en|nl] [FILE|-]
               dyad parse --conllu FILE [--lang en|nl]
               dyad parse --eval GOLD.conllu [--lang en|nl] [--par-from-ids] [--no-parse] [--out SYSTEM.conllu] [--errors N]
               dyad parse --score GOLD.conllu SYSTEM.conllu

        Tokenizes, splits sentences, tags, lemmatizes and parses raw text (UTF-8) and prints CoNLL-U with
        `# sent_id`, `# text`, multiword tokens (English "do|n't") and SpaceAfter=No. Reads stdin when FILE is
        missing or "-".

          --lang en|nl      language rules and models (default en)
          --conllu FILE     keep FILE's tokens and sentence breaks; re-tag, re-lemmatize and re-parse them
          --eval GOLD       rebuild the raw text of GOLD (from its tokens and SpaceAfter; sentences joined by a space,
                            `# newpar`/`# newdoc` as blank lines), run the whole pipeline on it and print the
                            CoNLL 2018 shared-task scores (Tokens, Sentences, Words, UPOS, XPOS, UFeats, Lemmas, UAS, LAS)
          --par-from-ids    with --eval: take paragraph breaks from Alpino-style sentence ids "DOC.p.N.s.M"
          --no-parse        with --eval: score tokens and sentences only, do not tag or parse
          --out FILE        with --eval: also write the system CoNLL-U to FILE
          --errors N        with --eval: print up to N token mismatches (gold vs system) to stderr
          --score GOLD SYS  score any system CoNLL-U file against a gold one with the CoNLL 2018 shared-task
                            metrics (e.g. the output of --conllu GOLD, for gold-token accuracy)

        Without models for the language, words get "_" annotations and a warning is printed on stderr.
        """;

    public static int Run(string[] args)
    {
        var a = CliArgs.Parse("parse", args, ["lang", "conllu", "eval", "out", "errors", "score"], ["par-from-ids", "no-parse"]);
        if (a.Help) { Console.Out.Write(Help); return 0; }
        if (a.Get("score") is { } goldFile)
        {
            if (a.Positionals.Count != 1) throw new UsageException("dyad parse: --score GOLD needs exactly one SYSTEM file");
            var scores = Conll18Scorer.Score(ReadConllu(goldFile), ReadConllu(a.Positionals[0]));
            Console.WriteLine($"# gold {goldFile}, system {a.Positionals[0]}");
            scores.WriteTable(Console.Out);
            return 0;
        }
        string lang = a.Choice("parse", "lang", "en", "en", "nl");
        if (a.Get("eval") is { } gold) return Eval(a, gold, lang);
        if (a.Get("conllu") is { } conllu)
        {
            if (a.Positionals.Count > 0) throw new UsageException("dyad parse: give either --conllu FILE or a text FILE, not both");
            return Retag(conllu, lang);
        }
        if (a.Positionals.Count > 1) throw new UsageException("dyad parse: expected at most one FILE (see dyad parse --help)");
        string path = a.Positionals.Count == 1 ? a.Positionals[0] : "-";
        string text = ReadText(path);
        var sentences = TextAnalyzer.Analyze(text, lang);
        var annotator = SyntaxModels.For(lang);
        if (annotator == null) Console.Error.WriteLine($"dyad parse: warning: no syntax model for '{lang}'; printing tokens with '_' annotations");
        var w = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        int n = 0;
        string prefix = path == "-" ? "stdin" : Path.GetFileNameWithoutExtension(path);
        foreach (var s in sentences)
        {
            if (annotator != null) { annotator.Annotate(s); s.Parsed = true; }
            Conllu.Write(w, ConlluSentences.FromSentence(s, $"{prefix}-{++n}", text));
        }
        w.Flush();
        return 0;
    }

    private static string ReadText(string path)
    {
        if (path == "-")
        {
            using var stdin = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
            return stdin.ReadToEnd();
        }
        if (!File.Exists(path)) throw new UsageException($"dyad parse: {path}: no such file");
        try { return File.ReadAllText(path); }
        catch (IOException e) { throw new UsageException($"dyad parse: {path}: {e.Message}"); }
        catch (UnauthorizedAccessException) { throw new UsageException($"dyad parse: {path}: permission denied"); }
    }

    private static List<ConlluSentence> ReadConllu(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"dyad parse: {path}: no such file");
        try { return Conllu.ReadFile(path).ToList(); }
        catch (FormatException e) { throw new UsageException($"dyad parse: {path}: {e.Message}"); }
        catch (IOException e) { throw new UsageException($"dyad parse: {path}: {e.Message}"); }
    }

    private static int Retag(string path, string lang)
    {
        var gold = ReadConllu(path);
        var annotator = SyntaxModels.For(lang);
        if (annotator == null) Console.Error.WriteLine($"dyad parse: warning: no syntax model for '{lang}'; printing tokens with '_' annotations");
        var w = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false));
        int n = 0;
        foreach (var g in gold)
        {
            var s = ConlluSentences.ToSentence(g, lang, n);
            if (annotator != null) { annotator.Annotate(s); s.Parsed = true; }
            var c = ConlluSentences.FromSentence(s, g.Id ?? (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (g.Text != null) { c.Comments.RemoveAll(x => x.StartsWith("# text = ", StringComparison.Ordinal)); c.Comments.Add("# text = " + g.Text); }
            // Keep the gold multiword token forms ("del" = "de" + "el" need not concatenate).
            c.Multiwords.Clear();
            c.Multiwords.AddRange(g.Multiwords);
            for (int i = 0; i < c.Words.Count && i < g.Words.Count; i++) c.Words[i].Misc = g.Words[i].Misc;
            Conllu.Write(w, c);
            n++;
        }
        w.Flush();
        return 0;
    }

    private static int Eval(CliArgs a, string goldPath, string lang)
    {
        var gold = ReadConllu(goldPath);
        var ev = new RawTextEvaluation { ParagraphsFromIds = a.Has("par-from-ids"), Parse = !a.Has("no-parse") };
        var sw = System.Diagnostics.Stopwatch.StartNew();
        RawTextEvaluation.Result r;
        try { r = ev.Run(gold, lang); }
        catch (FormatException e) { throw new UsageException($"dyad parse: {goldPath}: {e.Message}"); }
        sw.Stop();
        if (!r.Parsed && ev.Parse) Console.Error.WriteLine($"dyad parse: warning: no syntax model for '{lang}'; only Tokens, Sentences and Words are meaningful");
        Console.WriteLine($"# {goldPath} ({lang}), raw text rebuilt: {r.Text.Length} chars, {gold.Count} gold sentences, {sw.ElapsedMilliseconds} ms");
        r.Scores.WriteTable(Console.Out);
        if (a.Get("out") is { } outPath)
        {
            using var w = new StreamWriter(outPath, false, new System.Text.UTF8Encoding(false));
            foreach (var s in r.System) Conllu.Write(w, s);
        }
        int nErr = a.GetInt("parse", "errors", 0);
        if (nErr > 0) PrintErrors(gold, r.System, nErr);
        return 0;
    }

    /// <summary>Token and sentence mismatches, for tuning on dev data.</summary>
    private static void PrintErrors(List<ConlluSentence> gold, List<ConlluSentence> sys, int max)
    {
        var g = Conll18Scorer.Load(gold);
        var s = Conll18Scorer.Load(sys);
        string chars = g.Chars.ToString();
        var sysSet = new HashSet<(int, int)>(s.Tokens);
        int shown = 0;
        int si = 0;
        foreach (var t in g.Tokens)
        {
            if (sysSet.Contains(t)) continue;
            while (si < s.Tokens.Count && s.Tokens[si].End <= t.Start) si++;
            var sb = new System.Text.StringBuilder();
            for (int k = si; k < s.Tokens.Count && s.Tokens[k].Start < t.End; k++) sb.Append('[').Append(chars, s.Tokens[k].Start, s.Tokens[k].End - s.Tokens[k].Start).Append(']');
            int c0 = Math.Max(0, t.Start - 15), c1 = Math.Min(chars.Length, t.End + 15);
            Console.Error.WriteLine($"TOK gold [{chars[t.Start..t.End]}] sys {sb}   …{chars[c0..c1]}…");
            if (++shown >= max) break;
        }
        var sysSent = new HashSet<int>(s.Sentences.Select(x => x.End));
        var goldSent = new HashSet<int>(g.Sentences.Select(x => x.End));
        shown = 0;
        foreach (var e in goldSent.Where(e => !sysSent.Contains(e)))
        {
            Console.Error.WriteLine($"MISSED end …{chars[Math.Max(0, e - 30)..e]} || {chars[e..Math.Min(chars.Length, e + 20)]}");
            if (++shown >= max) break;
        }
        shown = 0;
        foreach (var e in sysSent.Where(e => !goldSent.Contains(e)))
        {
            Console.Error.WriteLine($"EXTRA end …{chars[Math.Max(0, e - 30)..e]} || {chars[e..Math.Min(chars.Length, e + 20)]}");
            if (++shown >= max) break;
        }
    }
}
