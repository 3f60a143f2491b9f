using System.Net;

namespace Dyad.Segments.Language;

/// <summary>
/// Training and evaluation text for the language model, read from ../shared by path (never copied
/// into the repository). Splits:
/// <list type="bullet">
/// <item>en — train: en_ewt train; dev: en_ewt dev; test: en_ewt test.</item>
/// <item>nl — train: nl_lassysmall train + nl_alpino dev; dev: nl_lassysmall dev; test: nl_alpino test.</item>
/// <item>de, fr, es, ru (lid/*.txt, one sentence a line) — test: every 10th line (1-based line numbers
/// 10, 20, …); dev: lines 5, 15, 25, …; train: all other lines (plus the dev lines for the shipped model).</item>
/// </list>
/// </summary>
internal static class LidCorpus
{
    public static readonly string[] Languages = ["en", "nl", "de", "fr", "es", "ru"];

    public enum Split { Train, Dev, Test }

    /// <summary>Sentences of one language and split. With <paramref name="trainIncludesDev"/> the train split also holds the dev sentences.</summary>
    public static List<string> Load(string shared, string lang, Split split, bool trainIncludesDev = true)
    {
        string ud = Path.Combine(shared, "ud");
        switch (lang)
        {
            case "en":
                return split switch
                {
                    Split.Train => Conllu(Path.Combine(ud, "en_ewt", "en_ewt-ud-train.conllu")),
                    Split.Dev => Conllu(Path.Combine(ud, "en_ewt", "en_ewt-ud-dev.conllu")),
                    _ => Conllu(Path.Combine(ud, "en_ewt", "en_ewt-ud-test.conllu")),
                };
            case "nl":
                return split switch
                {
                    Split.Train => [.. Conllu(Path.Combine(ud, "nl_lassysmall", "nl_lassysmall-ud-train.conllu")),
                                    .. Conllu(Path.Combine(ud, "nl_alpino", "nl_alpino-ud-dev.conllu"))],
                    Split.Dev => Conllu(Path.Combine(ud, "nl_lassysmall", "nl_lassysmall-ud-dev.conllu")),
                    _ => Conllu(Path.Combine(ud, "nl_alpino", "nl_alpino-ud-test.conllu")),
                };
            default:
                var result = new List<string>();
                int n = 0;
                foreach (var raw in File.ReadLines(Path.Combine(shared, "lid", lang + ".txt")))
                {
                    n++;
                    bool test = n % 10 == 0, dev = n % 10 == 5;
                    bool take = split switch
                    {
                        Split.Test => test,
                        Split.Dev => dev,
                        _ => !test && (trainIncludesDev || !dev),
                    };
                    if (!take) continue;
                    var line = WebUtility.HtmlDecode(raw).Trim();
                    if (line.Length > 0) result.Add(line);
                }
                return result;
        }
    }

    /// <summary>Sentence texts of a CoNLL-U file: the "# text =" comment, or the word forms joined when a sentence has none.</summary>
    public static List<string> Conllu(string path)
    {
        var result = new List<string>();
        string? text = null;
        var forms = new List<string>();
        int skipUntil = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            if (line[0] == '#')
            {
                if (line.StartsWith("# text = ", StringComparison.Ordinal)) text = line[9..].Trim();
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length < 2) continue;
            string id = cols[0];
            int dash = id.IndexOf('-');
            if (dash > 0)
            {
                forms.Add(cols[1]);
                _ = int.TryParse(id.AsSpan(dash + 1), out skipUntil);
                continue;
            }
            if (id.Contains('.')) continue; // empty nodes
            if (int.TryParse(id, out int i) && i <= skipUntil) continue;
            forms.Add(cols[1]);
        }
        Flush();
        return result;

        void Flush()
        {
            if (text != null) result.Add(text);
            else if (forms.Count > 0) result.Add(string.Join(' ', forms));
            text = null;
            forms.Clear();
            skipUntil = 0;
        }
    }

    /// <summary>Number of whitespace-separated tokens holding at least one letter.</summary>
    public static int Words(string s)
    {
        int n = 0;
        bool inTok = false, counted = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c)) { inTok = false; continue; }
            if (!inTok) { inTok = true; counted = false; }
            if (!counted && char.IsLetter(c)) { n++; counted = true; }
        }
        return n;
    }
}
