using System.Diagnostics;
using Dyad.Formats;

namespace Dyad.Syntax;

/// <summary>Options for <see cref="SyntaxTrainer.Train"/>.</summary>
public sealed class TrainOptions
{
    public string Language = "en";
    /// <summary>Training files, each with how many times its sentences are seen per epoch.</summary>
    public List<(string Path, int Repeat)> Train = new();
    public string? Dev;
    public int Seed = 1;
    public int TagEpochs = 12;
    public int ParseEpochs = 15;
    public int TagBits = 18, TransBits = 21, LabelBits = 18;
    /// <summary>Tagger lookahead features from the tags each word had in training (ambiguity classes).</summary>
    public bool AmbiguityClasses = true;
    /// <summary>Jackknife folds see only the other folds' ambiguity classes (false: the whole training set's, as for the shipped English model).</summary>
    public bool FoldAmbiguity = true;
    /// <summary>Folds for jackknifed training tags for the parser (0/1 = tag training data with the final tagger).</summary>
    public int Folds = 4;
    public float Prune = 0.05f;
    /// <summary>Split compound lemmas ("klooster_orde") when the training treebank writes them that way.</summary>
    public bool CompoundLemmas = true;
    public TextWriter Log = TextWriter.Null;
}

/// <summary>A training sentence with gold annotation and cached lexical hashes.</summary>
internal sealed class TSent
{
    public string[] Form = [], Lemma = [], Upos = [], Xpos = [], Feats = [], Deprel = [];
    public int[] Head = [], Tag = [], PTag = [], Lab = [];
    public Lex[] Lex = [];
    /// <summary>Labels are a coarser convention (e.g. no "obl:arg"): accept any finer subtype seen elsewhere.</summary>
    public bool Coarse;
    /// <summary>The sentence's treebank writes compound lemmas with '_' (Alpino: "klooster_orde").</summary>
    public bool CompoundLemmas;
    public int Length => Form.Length;

    public static TSent From(ConlluSentence s)
    {
        int n = s.Words.Count;
        var t = new TSent
        {
            Form = new string[n], Lemma = new string[n], Upos = new string[n], Xpos = new string[n], Feats = new string[n],
            Deprel = new string[n], Head = new int[n], Tag = new int[n], PTag = new int[n], Lab = new int[n], Lex = new Lex[n],
        };
        for (int i = 0; i < n; i++)
        {
            var w = s.Words[i];
            t.Form[i] = w.Form; t.Lemma[i] = w.Lemma; t.Upos[i] = w.Upos; t.Xpos[i] = w.Xpos; t.Feats[i] = w.Feats;
            t.Deprel[i] = w.Deprel; t.Head[i] = w.Head - 1;
            Syntax.Lex.Compute(w.Form, ref t.Lex[i]);
        }
        return t;
    }
}

/// <summary>Trains a <see cref="SyntaxModel"/> from CoNLL-U treebanks. Deterministic given the seed.</summary>
public static class SyntaxTrainer
{
    public static SyntaxModel Train(TrainOptions o)
    {
        var sw = Stopwatch.StartNew();
        var train = new List<TSent>();
        var repeats = new List<int>();
        foreach (var (path, rep) in o.Train)
        {
            var sents = Conllu.ReadFile(path).ToList();
            bool coarse = false;
            if (o.Language == "nl" && DutchConventions.IsOldLassy(sents))
            {
                o.Log.WriteLine($"  {Path.GetFileName(path)}: older LassySmall conventions detected, mapping to current Alpino conventions");
                foreach (var s in sents) DutchConventions.Convert(s);
                coarse = true;
            }
            long nouns = 0, split = 0;
            foreach (var s in sents)
                foreach (var w in s.Words)
                    if (w.Upos == "NOUN") { nouns++; if (w.Lemma.Length > 2 && w.Lemma.Contains('_')) split++; }
            bool compound = nouns > 0 && split * 50 >= nouns;
            if (compound) o.Log.WriteLine($"  {Path.GetFileName(path)}: compound lemmas written with '_' ({100.0 * split / nouns:F1}% of nouns)");
            foreach (var s in sents)
            {
                var t = TSent.From(s);
                t.Coarse = coarse; t.CompoundLemmas = compound;
                train.Add(t); repeats.Add(rep);
            }
            o.Log.WriteLine($"  read {sents.Count} sentences from {path}{(rep > 1 ? $" (x{rep})" : "")}");
        }
        if (train.Count == 0) throw new InvalidDataException("no training sentences");
        var dev = new List<TSent>();
        if (o.Dev != null)
        {
            var ds = Conllu.ReadFile(o.Dev).ToList();
            if (o.Language == "nl" && DutchConventions.IsOldLassy(ds))
            {
                o.Log.WriteLine($"  {Path.GetFileName(o.Dev)}: older LassySmall conventions detected, mapping to current Alpino conventions");
                foreach (var s in ds) DutchConventions.Convert(s);
            }
            dev = ds.Select(TSent.From).ToList();
        }

        var m = new SyntaxModel { Language = o.Language };
        // Tag classes: joint UPOS+XPOS when every training word has an XPOS and there are few combinations.
        var combos = new HashSet<string>();
        bool allX = true;
        foreach (var t in train) for (int i = 0; i < t.Length; i++) { if (t.Xpos[i] == "_") allX = false; combos.Add(t.Upos[i] + "\t" + t.Xpos[i]); }
        m.JointXpos = allX && combos.Count <= 120;
        var tagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        string Key(TSent t, int i) => m.JointXpos ? t.Upos[i] + "\t" + t.Xpos[i] : t.Upos[i];
        foreach (var t in train) for (int i = 0; i < t.Length; i++) { var k = Key(t, i); if (!tagIds.ContainsKey(k)) tagIds[k] = tagIds.Count; t.Tag[i] = tagIds[k]; }
        foreach (var t in dev) for (int i = 0; i < t.Length; i++) t.Tag[i] = tagIds.GetValueOrDefault(Key(t, i), -1);
        m.TagClasses = new string[tagIds.Count];
        foreach (var (k, v) in tagIds) m.TagClasses[v] = k;
        m.TagUpos = m.TagClasses.Select(c => string.Intern(c.Split('\t')[0])).ToArray();
        m.TagXpos = m.TagClasses.Select(c => string.Intern(c.Contains('\t') ? c.Split('\t')[1] : "_")).ToArray();
        o.Log.WriteLine($"  {train.Count} training sentences, {m.TagClasses.Length} tag classes{(m.JointXpos ? " (joint UPOS+XPOS)" : "")}");

        // Labels (root is implicit).
        var labIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in train) for (int i = 0; i < t.Length; i++)
            {
                if (t.Head[i] < 0) { t.Lab[i] = -1; continue; }
                if (!labIds.TryGetValue(t.Deprel[i], out int id)) labIds[t.Deprel[i]] = id = labIds.Count;
                t.Lab[i] = id;
            }
        foreach (var t in dev) for (int i = 0; i < t.Length; i++) t.Lab[i] = t.Head[i] < 0 ? -1 : labIds.GetValueOrDefault(t.Deprel[i], -1);
        m.Labels = new string[labIds.Count];
        foreach (var (k, v) in labIds) m.Labels[v] = k;
        m.PrtLabel = labIds.GetValueOrDefault("compound:prt", -1);
        var alts = LabelAlternatives(m.Labels, train);

        // Ambiguity classes: the set of tags a word (seen at least twice) had in training, each tag with a share of at least 5%.
        bool amb = o.AmbiguityClasses;
        if (amb)
        {
            m.Amb = AmbiguityClasses(train, Enumerable.Range(0, train.Count));
            foreach (var t in train) m.FillAmb(t.Lex);
            foreach (var t in dev) m.FillAmb(t.Lex);
            o.Log.WriteLine($"  ambiguity classes for {m.Amb.Count} words");
        }

        // Tagger.
        var order = new List<int>();
        for (int i = 0; i < train.Count; i++) for (int r = 0; r < repeats[i]; r++) order.Add(i);
        m.TagWeights = TrainTagger(o, train, order, dev, m.TagClasses.Length, o.TagEpochs, o.Log, true);
        o.Log.WriteLine($"  tagger done at {sw.Elapsed.TotalSeconds:F0}s");

        // Jackknifed tags so the parser trains on realistic tagging errors.
        if (o.Folds > 1)
        {
            for (int fold = 0; fold < o.Folds; fold++)
            {
                var sub = order.Where(i => i % o.Folds != fold).ToList();
                if (amb && o.FoldAmbiguity)
                {
                    // The held-out fold's words get the ambiguity classes of the other folds only.
                    var foldAmb = new SyntaxModel { Amb = AmbiguityClasses(train, Enumerable.Range(0, train.Count).Where(i => i % o.Folds != fold)) };
                    foreach (var t in train) foldAmb.FillAmb(t.Lex);
                }
                var w = TrainTagger(o, train, sub, [], m.TagClasses.Length, Math.Max(1, o.TagEpochs * 2 / 3), TextWriter.Null, false);
                var ws = new Workspace();
                for (int i = fold; i < train.Count; i += o.Folds) TagInto(w, ws, train[i], amb);
            }
            if (amb && o.FoldAmbiguity) foreach (var t in train) m.FillAmb(t.Lex);
            o.Log.WriteLine($"  jackknifed tags ({o.Folds} folds) done at {sw.Elapsed.TotalSeconds:F0}s, accuracy {TagAcc(train):F2}");
        }
        else
        {
            var ws = new Workspace();
            foreach (var t in train) TagInto(m.TagWeights, ws, t, amb);
        }
        { var ws = new Workspace(); foreach (var t in dev) TagInto(m.TagWeights, ws, t, amb); }

        // Lemmatizer and morphology lexicons (from gold tags).
        var lb = new Lemmatizer.Builder();
        var fb = new ValueLexicon.Builder();
        var xb = new ValueLexicon.Builder();
        var cb = new CompoundSplitter.Builder();
        bool anyCompound = train.Any(t => t.CompoundLemmas);
        int prtJoined = 0, prtTotal = 0;
        foreach (var t in train)
        {
            var prt = new string?[t.Length];
            for (int i = 0; i < t.Length; i++)
                if (t.Deprel[i] == "compound:prt" && t.Head[i] >= 0) prt[t.Head[i]] = t.Form[i].ToLowerInvariant() + "_";
            for (int i = 0; i < t.Length; i++)
            {
                // The particle is added back after parsing, so the lemmatizer learns the bare verb.
                string lemma = t.Lemma[i];
                if (prt[i] != null && lemma.StartsWith(prt[i]!, StringComparison.Ordinal)) lemma = lemma[prt[i]!.Length..];
                lb.Add(t.Form[i], t.Tag[i], lemma);
                if (anyCompound) cb.Add(t.Lemma[i], t.Upos[i], t.CompoundLemmas);
                fb.Add(t.Form[i], t.Tag[i], t.Feats[i]);
                if (t.Xpos[i] != "_") xb.Add(t.Form[i], t.Tag[i], t.Xpos[i]);
                if (t.Deprel[i] == "compound:prt" && t.Head[i] >= 0)
                {
                    prtTotal++;
                    if (t.Lemma[t.Head[i]].StartsWith(t.Form[i].ToLowerInvariant() + "_", StringComparison.Ordinal)) prtJoined++;
                }
            }
        }
        m.Lemmatizer = lb.Build(m.TagClasses.Length);
        m.FeatsLex = fb.Build(m.TagClasses.Length);
        m.XposLex = xb.Build(m.TagClasses.Length);
        m.ParticleLemma = prtTotal > 0 && prtJoined * 2 > prtTotal;
        if (anyCompound && o.CompoundLemmas) m.Compounds = cb.Build(m.TagUpos, o.Language == "nl" ? DutchConventions.Particles : []);

        // Parser.
        TrainParser(o, m, train, order, dev, alts);
        o.Log.WriteLine($"  parser done at {sw.Elapsed.TotalSeconds:F0}s");
        return m;
    }

    /// <summary>The set of tags a word (seen at least twice) had in the given sentences, each tag with a share of at least 5%, as a hash.</summary>
    private static Dictionary<ulong, ulong> AmbiguityClasses(List<TSent> train, IEnumerable<int> which)
    {
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        foreach (int si in which)
        {
            var t = train[si];
            for (int i = 0; i < t.Length; i++)
            {
                if (!counts.TryGetValue(t.Lex[i].Lower, out var c)) counts[t.Lex[i].Lower] = c = new Dictionary<int, int>();
                c[t.Tag[i]] = c.GetValueOrDefault(t.Tag[i]) + 1;
            }
        }
        var amb = new Dictionary<ulong, ulong>();
        foreach (var (w, c) in counts)
        {
            int total = c.Values.Sum();
            if (total < 2) continue;
            ulong h = 1469598103934665603UL;
            foreach (var tag in c.Where(p => p.Value * 20 >= total).Select(p => p.Key).Order()) { h ^= (ulong)(tag + 1); h *= 1099511628211UL; }
            amb[w] = h | 2; // never 0 (unknown) or 1 (past the end)
        }
        return amb;
    }

    private static double TagAcc(List<TSent> sents)
    {
        long ok = 0, n = 0;
        foreach (var t in sents) for (int i = 0; i < t.Length; i++) { n++; if (t.PTag[i] == t.Tag[i]) ok++; }
        return 100.0 * ok / Math.Max(1, n);
    }

    private static void TagInto(IScorer w, Workspace ws, TSent t, bool amb)
    {
        int n = t.Length;
        ws.Ensure(n, w.Classes + 4);
        Array.Copy(t.Lex, ws.Lex, n);
        SyntaxModel.Tag(w, ws, n, amb);
        Array.Copy(ws.Tags, t.PTag, n);
    }

    private static void Shuffle(List<int> a, Random rng)
    {
        for (int i = a.Count - 1; i > 0; i--) { int j = rng.Next(i + 1); (a[i], a[j]) = (a[j], a[i]); }
    }

    private static QWeights TrainTagger(TrainOptions o, List<TSent> train, List<int> order0, List<TSent> dev, int classes, int epochs, TextWriter log, bool keepBest)
    {
        var p = new Perceptron(classes, o.TagBits);
        var rng = new Random(o.Seed);
        var order = new List<int>(order0);
        Span<ulong> f = stackalloc ulong[Tagger.MaxFeatures];
        Span<int> rows = stackalloc int[Tagger.MaxFeatures];
        var sc = new float[classes];
        var tags = new int[512];
        QWeights? best = null; double bestAcc = -1;
        for (int ep = 0; ep < epochs; ep++)
        {
            Shuffle(order, rng);
            long ok = 0, n = 0;
            foreach (int si in order)
            {
                var t = train[si];
                if (tags.Length < t.Length) tags = new int[t.Length * 2];
                for (int i = 0; i < t.Length; i++)
                {
                    int k = Tagger.Features(t.Lex, tags, i, f, o.AmbiguityClasses);
                    for (int j = 0; j < k; j++) rows[j] = p.Row(f[j]);
                    p.Score(rows[..k], sc);
                    int pred = 0;
                    for (int j = 1; j < classes; j++) if (sc[j] > sc[pred]) pred = j;
                    int gold = t.Tag[i];
                    if (pred != gold) p.Update(rows[..k], gold, pred); else ok++;
                    p.Tick(); n++;
                    tags[i] = pred;
                }
            }
            if (dev.Count > 0 && (keepBest || ep == epochs - 1))
            {
                var q = p.Freeze();
                var ws = new Workspace();
                long dok = 0, dn = 0;
                foreach (var t in dev) { TagInto(q, ws, t, o.AmbiguityClasses); for (int i = 0; i < t.Length; i++) { dn++; if (t.PTag[i] == t.Tag[i]) dok++; } }
                double acc = 100.0 * dok / Math.Max(1, dn);
                log.WriteLine($"  tagger epoch {ep + 1}: train {100.0 * ok / n:F2}  dev {acc:F2}");
                if (acc > bestAcc) { bestAcc = acc; best = q; }
            }
            else log.WriteLine($"  tagger epoch {ep + 1}: train {100.0 * ok / Math.Max(1, n):F2}");
        }
        best ??= p.Freeze();
        best.Prune(o.Prune);
        return best;
    }

    /// <summary>
    /// For sentences in a coarser convention: label l also accepts l's subtypes that never occur
    /// in the coarse data (e.g. "obl" accepts "obl:arg" and "obl:agent").
    /// </summary>
    private static int[][] LabelAlternatives(string[] labels, List<TSent> train)
    {
        var inCoarse = new HashSet<int>();
        foreach (var t in train) if (t.Coarse) foreach (var l in t.Lab) if (l >= 0) inCoarse.Add(l);
        var alts = new int[labels.Length][];
        for (int i = 0; i < labels.Length; i++)
        {
            var list = new List<int> { i };
            for (int j = 0; j < labels.Length; j++)
                if (j != i && !inCoarse.Contains(j) && labels[j].StartsWith(labels[i] + ":", StringComparison.Ordinal)) list.Add(j);
            alts[i] = list.ToArray();
        }
        return alts;
    }

    private static void TrainParser(TrainOptions o, SyntaxModel m, List<TSent> train, List<int> order0, List<TSent> dev, int[][] alts)
    {
        var trans = new Perceptron(4, o.TransBits);
        var lab = new Perceptron(m.Labels.Length, o.LabelBits);
        var rng = new Random(o.Seed + 7);
        var order = new List<int>(order0);
        var ws = new Workspace();
        var st = ws.State;
        Span<ulong> f = stackalloc ulong[ParserFeatures.MaxTransition + 8];
        Span<int> rows = stackalloc int[ParserFeatures.MaxTransition + 8];
        Span<float> sc = stackalloc float[4];
        Span<int> cost = stackalloc int[4];
        var lsc = new float[m.Labels.Length];
        QWeights? bestT = null, bestL = null; double bestLas = -1;
        for (int ep = 0; ep < o.ParseEpochs; ep++)
        {
            Shuffle(order, rng);
            long arcs = 0, okArcs = 0;
            bool explore = ep > 0;
            foreach (int si in order)
            {
                var t = train[si];
                int n = t.Length;
                ws.Ensure(n, m.Labels.Length + 4);
                Array.Copy(t.Lex, ws.Lex, n);
                Array.Copy(t.PTag, ws.Tags, n);
                var lex = ws.Lex.AsSpan(0, n);
                var tags = ws.Tags.AsSpan(0, n);
                st.Init(n);
                while (st.B < n)
                {
                    int k = ParserFeatures.Transition(st, lex, tags, f);
                    for (int j = 0; j < k; j++) rows[j] = trans.Row(f[j]);
                    trans.Score(rows[..k], sc);
                    int pred = -1, minCost = int.MaxValue;
                    for (int a = 0; a < 4; a++)
                    {
                        if (!st.Valid(a)) { cost[a] = int.MaxValue; continue; }
                        cost[a] = st.Cost(a, t.Head);
                        if (cost[a] < minCost) minCost = cost[a];
                        if (pred < 0 || sc[a] > sc[pred]) pred = a;
                    }
                    int gold = -1;
                    for (int a = 0; a < 4; a++)
                        if (cost[a] == minCost && (gold < 0 || sc[a] > sc[gold])) gold = a;
                    if (cost[pred] > minCost) trans.Update(rows[..k], gold, pred);
                    trans.Tick();
                    int act = explore && cost[pred] > minCost && rng.NextDouble() < 0.9 ? pred : (cost[pred] == minCost ? pred : gold);
                    int label = -1;
                    if (act == ParseState.LA || act == ParseState.RA)
                    {
                        int h = act == ParseState.LA ? st.B : st.S0, d = act == ParseState.LA ? st.S0 : st.B;
                        int lk = ParserFeatures.Label(st, lex, tags, h, d, f);
                        for (int j = 0; j < lk; j++) rows[j] = lab.Row(f[j]);
                        lab.Score(rows[..lk], lsc);
                        int lp = 0;
                        for (int j = 1; j < lsc.Length; j++) if (lsc[j] > lsc[lp]) lp = j;
                        if (t.Head[d] == h && t.Lab[d] >= 0)
                        {
                            var ok = t.Coarse ? alts[t.Lab[d]] : [t.Lab[d]];
                            int gl = ok[0];
                            bool hit = false;
                            foreach (int c in ok) { if (c == lp) hit = true; if (lsc[c] > lsc[gl]) gl = c; }
                            if (!hit) lab.Update(rows[..lk], gl, lp);
                            lab.Tick();
                            arcs++; if (hit) okArcs++;
                        }
                        label = lp;
                    }
                    st.Apply(act, label);
                }
            }
            var qt = trans.Freeze(); var ql = lab.Freeze();
            string devMsg = "";
            if (dev.Count > 0)
            {
                var (uas, las) = DevParse(qt, ql, dev, m.Labels);
                devMsg = $"  dev UAS {uas:F2} LAS {las:F2}";
                if (las > bestLas) { bestLas = las; bestT = qt; bestL = ql; }
            }
            else { bestT = qt; bestL = ql; }
            o.Log.WriteLine($"  parser epoch {ep + 1}: train label acc {100.0 * okArcs / Math.Max(1, arcs):F2}{devMsg}");
        }
        int nzT = bestT!.Prune(o.Prune), nzL = bestL!.Prune(o.Prune);
        o.Log.WriteLine($"  parser weights kept: {nzT} transition, {nzL} label");
        m.TransWeights = bestT; m.LabelWeights = bestL!;
    }

    private static (double Uas, double Las) DevParse(QWeights qt, QWeights ql, List<TSent> dev, string[] labels)
    {
        var ws = new Workspace();
        long n = 0, u = 0, l = 0;
        foreach (var t in dev)
        {
            int len = t.Length;
            ws.Ensure(len, labels.Length + 4);
            Array.Copy(t.Lex, ws.Lex, len);
            Array.Copy(t.PTag, ws.Tags, len);
            SyntaxModel.Parse(qt, ql, ws, len);
            for (int i = 0; i < len; i++)
            {
                n++;
                if (ws.State.Head[i] != t.Head[i]) continue;
                u++;
                string pl = ws.State.Head[i] < 0 ? "root" : labels[ws.State.Label[i]];
                if (SyntaxEvaluator.Universal(pl) == SyntaxEvaluator.Universal(t.Deprel[i])) l++;
            }
        }
        return (100.0 * u / n, 100.0 * l / n);
    }
}
