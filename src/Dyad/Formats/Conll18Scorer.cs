namespace Dyad.Formats;

/// <summary>Precision, recall and F1 of one metric (plus aligned accuracy for word-level metrics).</summary>
public readonly record struct ScoreLine(string Metric, int Correct, int GoldTotal, int SystemTotal, int Aligned)
{
    public double Precision => SystemTotal == 0 ? 0 : (double)Correct / SystemTotal;
    public double Recall => GoldTotal == 0 ? 0 : (double)Correct / GoldTotal;
    public double F1 => GoldTotal + SystemTotal == 0 ? 0 : 2.0 * Correct / (GoldTotal + SystemTotal);
    /// <summary>Correct / aligned words (the "AligndAcc" column of the official script); NaN for span metrics.</summary>
    public double AlignedAccuracy => Aligned == 0 ? double.NaN : (double)Correct / Aligned;
}

/// <summary>The scores of one system file against one gold file.</summary>
public sealed class Conll18Scores
{
    public List<ScoreLine> Lines { get; } = new();
    public ScoreLine this[string metric] => Lines.First(l => l.Metric == metric);

    public void WriteTable(TextWriter w)
    {
        w.WriteLine("Metric     | Precision |    Recall |  F1 Score | AligndAcc");
        w.WriteLine("-----------+-----------+-----------+-----------+-----------");
        foreach (var l in Lines)
        {
            string acc = double.IsNaN(l.AlignedAccuracy) ? "" : $"{100 * l.AlignedAccuracy,9:F2}";
            w.WriteLine($"{l.Metric,-11}|{100 * l.Precision,10:F2} |{100 * l.Recall,10:F2} |{100 * l.F1,10:F2} | {acc}");
        }
    }
}

/// <summary>
/// The CoNLL 2018 shared-task evaluation (Zeman et al. 2018), implemented here from its published definitions:
/// both files are read as sequences of non-whitespace characters, which must be identical; tokens, sentences and
/// words are character spans in that sequence. Tokens and Sentences count exactly matching spans. Words are aligned
/// one-to-one where spans match; inside multiword tokens (where a word's span is its whole surface token), words of
/// the overlapping region are aligned by the longest common subsequence of their lower-cased forms. Word-level
/// metrics count aligned words whose attribute matches: UPOS, XPOS, UFeats (universal features only), Lemmas
/// (a gold "_" matches anything), UAS (heads aligned to each other, or both roots), LAS (UAS and the universal part
/// of the relation), CLAS (LAS over content words). Precision divides by system words, recall by gold words.
/// </summary>
public static class Conll18Scorer
{
    private static readonly HashSet<string> UniversalFeatures = new(StringComparer.Ordinal)
    {
        "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number", "Case", "Definite",
        "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person", "Polite",
    };

    private static readonly HashSet<string> FunctionalRelations = new(StringComparer.Ordinal)
    {
        "aux", "cop", "mark", "det", "clf", "case", "cc", "punct", "fixed", "flat", "compound", "list", "parataxis",
        "orphan", "goeswith", "reparandum", "root", "dep",
    };

    public sealed class Word
    {
        public int Start, End;
        public bool InMultiword;
        public string Form = "", Lemma = "_", Upos = "_", Xpos = "_", Feats = "", Deprel = "_";
        /// <summary>Index of the head word in the file's word list; -1 for the root.</summary>
        public int Head = -1;
    }

    /// <summary>A CoNLL-U file seen as spans over its non-whitespace characters.</summary>
    public sealed class Doc
    {
        public List<Word> Words { get; } = new();
        public List<(int Start, int End)> Tokens { get; } = new();
        public List<(int Start, int End)> Sentences { get; } = new();
        public System.Text.StringBuilder Chars { get; } = new();
    }

    public static Doc Load(IEnumerable<ConlluSentence> sentences)
    {
        var d = new Doc();
        foreach (var s in sentences)
        {
            int sentStart = d.Chars.Length, firstWord = d.Words.Count;
            int mw = 0;
            for (int i = 0; i < s.Words.Count; i++)
            {
                if (mw < s.Multiwords.Count && s.Multiwords[mw].First == i + 1)
                {
                    var m = s.Multiwords[mw++];
                    var (ts, te) = AddChars(d, m.Form);
                    d.Tokens.Add((ts, te));
                    int last = Math.Min(m.Last, s.Words.Count);
                    for (int k = i; k < last; k++) d.Words.Add(MakeWord(s.Words[k], ts, te, true, firstWord));
                    i = last - 1;
                    continue;
                }
                var (a, b) = AddChars(d, s.Words[i].Form);
                d.Tokens.Add((a, b));
                d.Words.Add(MakeWord(s.Words[i], a, b, false, firstWord));
            }
            if (d.Chars.Length > sentStart) d.Sentences.Add((sentStart, d.Chars.Length));
        }
        return d;
    }

    private static (int, int) AddChars(Doc d, string form)
    {
        int a = d.Chars.Length;
        foreach (char c in form) if (!char.IsWhiteSpace(c)) d.Chars.Append(c);
        return (a, d.Chars.Length);
    }

    private static Word MakeWord(ConlluWord w, int a, int b, bool multi, int firstWord) => new()
    {
        Start = a, End = b, InMultiword = multi, Form = w.Form, Lemma = w.Lemma, Upos = w.Upos, Xpos = w.Xpos,
        Feats = UniversalFeats(w.Feats), Deprel = UniversalRelation(w.Deprel), Head = w.Head <= 0 ? -1 : firstWord + w.Head - 1,
    };

    private static string UniversalRelation(string r)
    {
        int c = r.IndexOf(':');
        return c < 0 ? r : r[..c];
    }

    private static string UniversalFeats(string feats)
    {
        if (feats == "_" || feats.Length == 0) return "";
        var keep = feats.Split('|').Where(f => { int e = f.IndexOf('='); return e > 0 && UniversalFeatures.Contains(f[..e]); }).ToList();
        keep.Sort(StringComparer.Ordinal);
        return string.Join("|", keep);
    }

    public static Conll18Scores Score(IEnumerable<ConlluSentence> gold, IEnumerable<ConlluSentence> system) => Score(Load(gold), Load(system));

    public static Conll18Scores Score(Doc gold, Doc sys)
    {
        string gc = gold.Chars.ToString(), sc = sys.Chars.ToString();
        if (!string.Equals(gc, sc, StringComparison.Ordinal))
        {
            int i = 0;
            while (i < gc.Length && i < sc.Length && gc[i] == sc[i]) i++;
            string Near(string x) => x.Substring(i, Math.Min(20, x.Length - i));
            throw new FormatException($"the text of the system file differs from the gold file at character {i} (whitespace ignored): gold '{Near(gc)}', system '{Near(sc)}'");
        }
        var scores = new Conll18Scores();
        scores.Lines.Add(new ScoreLine("Tokens", CountSame(gold.Tokens, sys.Tokens), gold.Tokens.Count, sys.Tokens.Count, 0));
        scores.Lines.Add(new ScoreLine("Sentences", CountSame(gold.Sentences, sys.Sentences), gold.Sentences.Count, sys.Sentences.Count, 0));

        var (gAl, sAl) = Align(gold.Words, sys.Words);
        int aligned = 0;
        for (int i = 0; i < gAl.Length; i++) if (gAl[i] >= 0) aligned++;
        int G = gold.Words.Count, S = sys.Words.Count;
        scores.Lines.Add(new ScoreLine("Words", aligned, G, S, aligned));

        int upos = 0, xpos = 0, feats = 0, alltags = 0, lemma = 0, uas = 0, las = 0;
        int clasCorrect = 0, clasGold = 0, clasSys = 0, clasAligned = 0;
        foreach (var w in gold.Words) if (!FunctionalRelations.Contains(w.Deprel)) clasGold++;
        foreach (var w in sys.Words) if (!FunctionalRelations.Contains(w.Deprel)) clasSys++;
        for (int gi = 0; gi < G; gi++)
        {
            int si = gAl[gi];
            if (si < 0) continue;
            var g = gold.Words[gi];
            var s = sys.Words[si];
            bool u = g.Upos == s.Upos, x = g.Xpos == s.Xpos, f = g.Feats == s.Feats;
            if (u) upos++;
            if (x) xpos++;
            if (f) feats++;
            if (u && x && f) alltags++;
            if (g.Lemma == "_" || g.Lemma == s.Lemma) lemma++;
            bool headOk = g.Head < 0 ? s.Head < 0 : s.Head >= 0 && gAl[g.Head] == s.Head;
            if (headOk) uas++;
            bool labelled = headOk && g.Deprel == s.Deprel;
            if (labelled) las++;
            if (!FunctionalRelations.Contains(g.Deprel))
            {
                clasAligned++;
                if (labelled) clasCorrect++;
            }
        }
        scores.Lines.Add(new ScoreLine("UPOS", upos, G, S, aligned));
        scores.Lines.Add(new ScoreLine("XPOS", xpos, G, S, aligned));
        scores.Lines.Add(new ScoreLine("UFeats", feats, G, S, aligned));
        scores.Lines.Add(new ScoreLine("AllTags", alltags, G, S, aligned));
        scores.Lines.Add(new ScoreLine("Lemmas", lemma, G, S, aligned));
        scores.Lines.Add(new ScoreLine("UAS", uas, G, S, aligned));
        scores.Lines.Add(new ScoreLine("LAS", las, G, S, aligned));
        scores.Lines.Add(new ScoreLine("CLAS", clasCorrect, clasGold, clasSys, clasAligned));
        return scores;
    }

    private static int CountSame(List<(int Start, int End)> a, List<(int Start, int End)> b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Count && j < b.Count)
        {
            if (a[i] == b[j]) { n++; i++; j++; }
            else if (a[i].End <= b[j].End) i++;
            else j++;
        }
        return n;
    }

    /// <summary>One-to-one word alignment: gold index → system index (or -1), and the reverse.</summary>
    public static (int[] GoldToSys, int[] SysToGold) Align(List<Word> gold, List<Word> sys)
    {
        var g2s = new int[gold.Count];
        var s2g = new int[sys.Count];
        Array.Fill(g2s, -1);
        Array.Fill(s2g, -1);
        int gi = 0, si = 0;
        while (gi < gold.Count && si < sys.Count)
        {
            var g = gold[gi];
            var s = sys[si];
            if (g.InMultiword || s.InMultiword)
            {
                // The region: every word from here on that starts before the region's end; overlapping words extend it.
                int end = Math.Max(g.InMultiword ? g.End : 0, s.InMultiword ? s.End : 0);
                int gs = gi, ss = si;
                bool grew = true;
                while (grew)
                {
                    grew = false;
                    while (gi < gold.Count && gold[gi].Start < end) { end = Math.Max(end, gold[gi].End); gi++; grew = true; }
                    while (si < sys.Count && sys[si].Start < end) { end = Math.Max(end, sys[si].End); si++; grew = true; }
                }
                AlignByLcs(gold, gs, gi, sys, ss, si, g2s, s2g);
                continue;
            }
            if (g.Start == s.Start && g.End == s.End)
            {
                g2s[gi] = si;
                s2g[si] = gi;
                gi++;
                si++;
            }
            else if (g.End <= s.End) gi++;
            else si++;
        }
        return (g2s, s2g);
    }

    private static void AlignByLcs(List<Word> gold, int g0, int g1, List<Word> sys, int s0, int s1, int[] g2s, int[] s2g)
    {
        int n = g1 - g0, m = s1 - s0;
        if (n == 0 || m == 0) return;
        var L = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                L[i, j] = SameForm(gold[g0 + i], sys[s0 + j]) ? 1 + L[i + 1, j + 1] : Math.Max(L[i + 1, j], L[i, j + 1]);
        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (SameForm(gold[g0 + a], sys[s0 + b]))
            {
                g2s[g0 + a] = s0 + b;
                s2g[s0 + b] = g0 + a;
                a++;
                b++;
            }
            else if (L[a + 1, b] >= L[a, b + 1]) a++;
            else b++;
        }
    }

    private static bool SameForm(Word g, Word s) => string.Equals(g.Form, s.Form, StringComparison.OrdinalIgnoreCase);
}
