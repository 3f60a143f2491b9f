using System.Text;

namespace Dyad.Formats;

/// <summary>One CoNLL-U word line (multiword token ranges are kept separately).</summary>
public sealed class ConlluWord
{
    public string Form = "", Lemma = "_", Upos = "_", Xpos = "_", Feats = "_", Deprel = "_", Deps = "_", Misc = "_";
    /// <summary>1-based head; 0 = root; -1 = none (written as "_").</summary>
    public int Head;
    public bool SpaceAfter => !Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}

public sealed class ConlluMultiword
{
    public int First, Last; // 1-based word ids covered
    public string Form = "", Misc = "_";
}

public sealed class ConlluSentence
{
    public List<string> Comments { get; } = new();
    public List<ConlluWord> Words { get; } = new();
    public List<ConlluMultiword> Multiwords { get; } = new();
    public string? Text => Comments.Select(c => c.StartsWith("# text = ", StringComparison.Ordinal) ? c[9..] : null).FirstOrDefault(t => t != null);
    public string? Id => Comments.Select(c => c.StartsWith("# sent_id = ", StringComparison.Ordinal) ? c[12..] : null).FirstOrDefault(t => t != null);
    public bool NewDoc => Comments.Any(c => c.StartsWith("# newdoc", StringComparison.Ordinal));
    public bool NewPar => Comments.Any(c => c.StartsWith("# newpar", StringComparison.Ordinal)) || NewDoc;
}

/// <summary>Reads and writes CoNLL-U (https://universaldependencies.org/format.html).</summary>
public static class Conllu
{
    public static IEnumerable<ConlluSentence> ReadFile(string path)
    {
        using var r = new StreamReader(path, Encoding.UTF8);
        foreach (var s in Read(r)) yield return s;
    }

    public static IEnumerable<ConlluSentence> Read(TextReader reader)
    {
        var cur = new ConlluSentence();
        string? line;
        int lineNo = 0;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Length == 0)
            {
                if (cur.Words.Count > 0) yield return cur;
                cur = new ConlluSentence();
                continue;
            }
            if (line[0] == '#') { cur.Comments.Add(line); continue; }
            var f = line.Split('\t');
            if (f.Length < 10) throw new FormatException($"line {lineNo}: expected 10 tab-separated fields, found {f.Length}");
            if (f[0].Contains('.')) continue; // empty nodes
            if (f[0].Contains('-'))
            {
                var parts = f[0].Split('-');
                cur.Multiwords.Add(new ConlluMultiword { First = int.Parse(parts[0]), Last = int.Parse(parts[1]), Form = f[1], Misc = f[9] });
                continue;
            }
            cur.Words.Add(new ConlluWord
            {
                Form = f[1], Lemma = f[2], Upos = f[3], Xpos = f[4], Feats = f[5],
                Head = f[6] == "_" ? 0 : int.Parse(f[6]), Deprel = f[7], Deps = f[8], Misc = f[9],
            });
        }
        if (cur.Words.Count > 0) yield return cur;
    }

    public static void Write(TextWriter w, ConlluSentence s)
    {
        foreach (var c in s.Comments) w.WriteLine(c);
        int mw = 0;
        for (int i = 0; i < s.Words.Count; i++)
        {
            while (mw < s.Multiwords.Count && s.Multiwords[mw].First == i + 1)
            {
                var m = s.Multiwords[mw++];
                w.Write($"{m.First}-{m.Last}\t{m.Form}\t_\t_\t_\t_\t_\t_\t_\t{m.Misc}\n");
            }
            var x = s.Words[i];
            w.Write($"{i + 1}\t{x.Form}\t{x.Lemma}\t{x.Upos}\t{x.Xpos}\t{x.Feats}\t{(x.Head < 0 ? "_" : x.Head.ToString(System.Globalization.CultureInfo.InvariantCulture))}\t{x.Deprel}\t{x.Deps}\t{x.Misc}\n");
        }
        w.Write('\n');
    }
}
