using Dyad.Formats;

namespace Dyad.Syntax;

/// <summary>Gold-token accuracy (CoNLL 2018 conventions: LAS compares universal relations, subtypes ignored).</summary>
public sealed class SyntaxScores
{
    public long Words, Upos, Xpos, Feats, Lemma, Uas, Las, LasFull;
    private static double P(long x, long n) => 100.0 * x / Math.Max(1, n);
    public override string ToString() =>
        $"words {Words}  UPOS {P(Upos, Words):F2}  XPOS {P(Xpos, Words):F2}  UFeats {P(Feats, Words):F2}  Lemma {P(Lemma, Words):F2}  UAS {P(Uas, Words):F2}  LAS {P(Las, Words):F2}  (LAS with subtypes {P(LasFull, Words):F2})";
}

public static class SyntaxEvaluator
{
    public static string Universal(string deprel)
    {
        int c = deprel.IndexOf(':');
        return c < 0 ? deprel : deprel[..c];
    }

    private static bool SameFeats(string a, string b)
    {
        if (a == b) return true;
        var x = a.Split('|'); var y = b.Split('|');
        Array.Sort(x, StringComparer.Ordinal); Array.Sort(y, StringComparer.Ordinal);
        return x.SequenceEqual(y);
    }

    /// <summary>Re-annotates every sentence of a gold CoNLL-U file (keeping its words) and scores it.</summary>
    public static SyntaxScores Evaluate(SyntaxModel model, IEnumerable<ConlluSentence> gold)
    {
        var sc = new SyntaxScores();
        foreach (var g in gold)
        {
            var s = new Dyad.Model.Sentence();
            for (int i = 0; i < g.Words.Count; i++) s.Tokens.Add(new Dyad.Model.Token { Index = i, Text = g.Words[i].Form });
            model.Annotate(s);
            for (int i = 0; i < g.Words.Count; i++)
            {
                var w = g.Words[i]; var t = s.Tokens[i];
                sc.Words++;
                if (t.Upos == w.Upos) sc.Upos++;
                if (t.Xpos == w.Xpos) sc.Xpos++;
                if (SameFeats(t.Feats, w.Feats)) sc.Feats++;
                if (t.Lemma == w.Lemma) sc.Lemma++;
                if (t.Head == w.Head - 1)
                {
                    sc.Uas++;
                    if (Universal(t.Deprel) == Universal(w.Deprel)) sc.Las++;
                    if (t.Deprel == w.Deprel) sc.LasFull++;
                }
            }
        }
        return sc;
    }
}
