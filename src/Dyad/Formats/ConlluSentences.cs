using Dyad.Model;

namespace Dyad.Formats;

/// <summary>Conversions between the model's <see cref="Sentence"/> and CoNLL-U sentences.</summary>
public static class ConlluSentences
{
    /// <summary>A CoNLL-U sentence with `# sent_id`, `# text`, multiword token lines and SpaceAfter=No.</summary>
    public static ConlluSentence FromSentence(Sentence s, string? sentId, string? docText = null)
    {
        var c = new ConlluSentence();
        if (sentId != null) c.Comments.Add("# sent_id = " + sentId);
        c.Comments.Add("# text = " + OneLine(s.Text));
        var toks = s.Tokens;
        for (int i = 0; i < toks.Count; i++)
        {
            var t = toks[i];
            int n = t.MultiwordLength;
            if (n >= 2 && i + n <= toks.Count)
            {
                var last = toks[i + n - 1];
                string form = docText != null ? docText.Substring(t.Start, last.End - t.Start) : Concat(toks, i, n);
                c.Multiwords.Add(new ConlluMultiword { First = i + 1, Last = i + n, Form = form, Misc = last.SpaceAfter || i + n == toks.Count ? "_" : "SpaceAfter=No" });
                for (int k = i; k < i + n; k++) c.Words.Add(Word(toks[k], false));
                i += n - 1;
                continue;
            }
            c.Words.Add(Word(t, !t.SpaceAfter && i + 1 < toks.Count));
        }
        return c;
    }

    private static string Concat(List<Token> toks, int i, int n)
    {
        var sb = new System.Text.StringBuilder();
        for (int k = i; k < i + n; k++) sb.Append(toks[k].Text);
        return sb.ToString();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static ConlluWord Word(Token t, bool noSpace) => new()
    {
        Form = t.Text.Length == 0 ? "_" : t.Text.Replace(' ', '\u00A0'),
        Lemma = Field(t.Lemma), Upos = Field(t.Upos), Xpos = Field(t.Xpos), Feats = Field(t.Feats),
        Head = t.Head < 0 ? (t.Deprel == "_" && t.Upos == "_" ? -1 : 0) : t.Head + 1,
        Deprel = Field(t.Deprel),
        Misc = noSpace ? "SpaceAfter=No" : "_",
    };

    private static string Field(string? v) => string.IsNullOrEmpty(v) ? "_" : v;

    /// <summary>Model tokens for a CoNLL-U sentence (gold tokenization kept); offsets index the sentence's own text.</summary>
    public static Sentence ToSentence(ConlluSentence c, string lang, int index)
    {
        var s = new Sentence { Index = index, Language = lang };
        var sb = new System.Text.StringBuilder();
        int mw = 0;
        for (int i = 0; i < c.Words.Count; i++)
        {
            bool inMw = false;
            ConlluMultiword? m = null;
            if (mw < c.Multiwords.Count && c.Multiwords[mw].First == i + 1) { m = c.Multiwords[mw++]; inMw = true; }
            if (inMw && m != null)
            {
                int last = Math.Min(m.Last, c.Words.Count);
                int start = sb.Length;
                for (int k = i; k < last; k++)
                {
                    var w = c.Words[k];
                    int a = sb.Length;
                    sb.Append(w.Form);
                    s.Tokens.Add(new Token { Index = k, Start = a, End = sb.Length, Text = w.Form, SpaceAfter = false });
                }
                s.Tokens[i].MultiwordLength = last - i;
                bool space = !m.Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
                s.Tokens[last - 1].SpaceAfter = space;
                if (space && last < c.Words.Count) sb.Append(' ');
                i = last - 1;
                continue;
            }
            var x = c.Words[i];
            int st = sb.Length;
            sb.Append(x.Form);
            s.Tokens.Add(new Token { Index = i, Start = st, End = sb.Length, Text = x.Form, SpaceAfter = x.SpaceAfter });
            if (x.SpaceAfter && i + 1 < c.Words.Count) sb.Append(' ');
        }
        s.Text = sb.ToString();
        s.Start = 0;
        s.End = s.Text.Length;
        return s;
    }
}
