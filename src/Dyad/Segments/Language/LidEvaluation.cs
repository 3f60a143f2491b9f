namespace Dyad.Segments.Language;

/// <summary>Accuracy of an identifier on labelled sentences, split into short (3–9 words) and long (10+ words) lines.</summary>
internal sealed class LidEvaluation
{
    public sealed class Cell
    {
        public int Total, Correct;
        public double Accuracy => Total == 0 ? double.NaN : (double)Correct / Total;
        public void Add(bool ok) { Total++; if (ok) Correct++; }
        public void Add(Cell c) { Total += c.Total; Correct += c.Correct; }
        public override string ToString() => Total == 0 ? "-" : $"{100 * Accuracy:F2}% ({Correct}/{Total})";
    }

    public readonly Dictionary<string, Cell> Short = new(), Long = new();
    public readonly Cell AllShort = new(), AllLong = new();
    /// <summary>Paragraphs: three consecutive sentences joined, when longer than
    /// <see cref="LidModel.EarlyStopChars"/> (so the model's early stop is exercised).</summary>
    public readonly Dictionary<string, Cell> Paragraph = new();
    public readonly Cell AllParagraph = new();
    /// <summary>(gold, predicted) → count, for the errors.</summary>
    public readonly Dictionary<(string Gold, string Guess), int> Confusions = new();
    public readonly List<(string Gold, string Guess, string Text)> Errors = new();

    public static LidEvaluation Run(LanguageIdentifier id, IEnumerable<(string Lang, IReadOnlyList<string> Sentences)> data, int keepErrors = 0)
    {
        var e = new LidEvaluation();
        foreach (var (lang, sentences) in data)
        {
            var sh = e.Short[lang] = new Cell();
            var lo = e.Long[lang] = new Cell();
            foreach (var s in sentences)
            {
                int words = LidCorpus.Words(s);
                if (words < 3) continue;
                var guess = id.Identify(s).Lang;
                bool ok = guess == lang;
                (words >= 10 ? lo : sh).Add(ok);
                if (!ok)
                {
                    e.Confusions[(lang, guess)] = e.Confusions.GetValueOrDefault((lang, guess)) + 1;
                    if (e.Errors.Count < keepErrors) e.Errors.Add((lang, guess, s));
                }
            }
            e.AllShort.Add(sh);
            e.AllLong.Add(lo);
            var pa = e.Paragraph[lang] = new Cell();
            for (int i = 0; i + 3 <= sentences.Count; i += 3)
            {
                string para = string.Join(" ", sentences[i], sentences[i + 1], sentences[i + 2]);
                if (para.Length <= LidModel.EarlyStopChars) continue;
                var guess = id.Identify(para).Lang;
                pa.Add(guess == lang);
                if (guess != lang && e.Errors.Count < keepErrors) e.Errors.Add((lang, guess, para));
            }
            e.AllParagraph.Add(pa);
        }
        return e;
    }

    public void Print(TextWriter w)
    {
        w.WriteLine($"{"lang",-6} {"10+ words",-26} {"3-9 words",-26} {"paragraphs (3 sentences)",-26}");
        foreach (var lang in Long.Keys)
            w.WriteLine($"{lang,-6} {Long[lang],-26} {Short[lang],-26} {Paragraph[lang],-26}");
        w.WriteLine($"{"all",-6} {AllLong,-26} {AllShort,-26} {AllParagraph,-26}");
        if (Confusions.Count > 0)
            w.WriteLine("confusions (gold→guess): " + string.Join(", ", Confusions.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key.Gold}→{kv.Key.Guess} {kv.Value}")));
    }
}
