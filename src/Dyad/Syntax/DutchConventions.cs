using System.Text.RegularExpressions;
using Dyad.Formats;

namespace Dyad.Syntax;

/// <summary>
/// Maps older UD Dutch LassySmall annotation (no XPOS, "flat:name", possessives as DET, ordinals
/// as NUM, "als" as ADP, separable verbs without the particle in the lemma) to the conventions of
/// current UD Dutch Alpino (ALUD 2.12), which the shipped Dutch model is evaluated against.
/// Only deterministic, word-level differences are mapped; structural ones are left alone.
/// </summary>
public static partial class DutchConventions
{
    private static readonly Dictionary<string, string> Possessives = new(StringComparer.Ordinal)
    {
        ["mijn"] = "1", ["m'n"] = "1", ["onze"] = "1", ["ons"] = "1",
        ["jouw"] = "2", ["je"] = "2", ["uw"] = "2", ["jullie"] = "2",
        ["zijn"] = "3", ["z'n"] = "3", ["haar"] = "3", ["hun"] = "3", ["d'r"] = "3",
    };

    /// <summary>Particles of separable verbs (as in "valt … aan" → lemma "aan_vallen").</summary>
    internal static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "toe", "uit", "voor", "weg", "terug",
        "neer", "los", "vast", "samen", "tegen", "binnen", "buiten", "achter", "heen", "voort", "open", "dicht",
        "klaar", "tussen", "rond", "langs", "thuis", "teweeg", "vrij", "omhoog", "omlaag", "onder", "achteruit", "vooruit",
    };

    [GeneratedRegex("^(eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde|[a-z]+tiende|[a-z]+tigste|[a-z]*honderdste|[a-z]*duizendste|[0-9]+(e|ste|de))$")]
    private static partial Regex Ordinal();

    /// <summary>True when the sentences look like older LassySmall: no XPOS at all and "flat:name" relations.</summary>
    public static bool IsOldLassy(IReadOnlyList<ConlluSentence> sents)
    {
        bool anyX = false, flatName = false;
        foreach (var s in sents)
            foreach (var w in s.Words)
            {
                if (w.Xpos != "_") anyX = true;
                if (w.Deprel == "flat:name") flatName = true;
            }
        return !anyX && flatName;
    }

    public static void Convert(ConlluSentence s)
    {
        var ws = s.Words;
        foreach (var w in ws)
        {
            string lower = w.Form.ToLowerInvariant();
            if (w.Deprel == "flat:name") w.Deprel = "flat";
            if (w.Upos == "DET" && w.Deprel == "det" && Possessives.TryGetValue(lower, out var person))
            {
                w.Upos = "PRON"; w.Deprel = "nmod:poss"; w.Feats = $"Person={person}|Poss=Yes|PronType=Prs";
            }
            else if (w.Upos == "NUM" && Ordinal().IsMatch(lower))
            {
                w.Upos = "ADJ"; w.Feats = "_";
                if (w.Deprel == "nummod") w.Deprel = "amod";
            }
            else if (w.Upos == "ADP" && lower == "als" && w.Deprel == "mark") w.Upos = "SCONJ";
        }
        Coordination(ws);
        Punctuation(ws);
        // Separable verbs: the particle goes into the verb's lemma ("stelde … op" → "op_stellen").
        foreach (var w in ws)
        {
            if (w.Deprel != "compound:prt" || w.Head <= 0) continue;
            var h = ws[w.Head - 1];
            string p = w.Form.ToLowerInvariant();
            if (h.Lemma.Contains('_')) continue;
            if (h.Lemma.StartsWith(p, StringComparison.Ordinal) && h.Lemma.Length > p.Length + 2) h.Lemma = p + "_" + h.Lemma[p.Length..];
            else h.Lemma = p + "_" + h.Lemma;
        }
        // Particle written inside the verb ("opgenomen", lemma "opnemen" → "op_nemen").
        foreach (var w in ws)
        {
            if (w.Upos != "VERB" || w.Lemma.Contains('_')) continue;
            string lower = w.Form.ToLowerInvariant();
            foreach (var p in Particles)
            {
                if (w.Lemma.Length <= p.Length + 2 || !w.Lemma.StartsWith(p, StringComparison.Ordinal) || !lower.StartsWith(p, StringComparison.Ordinal)) continue;
                // Evidence of separability: participle "op-ge-nomen" or "te" infinitive "op-te-nemen".
                string rest = lower[p.Length..];
                if (rest.StartsWith("ge", StringComparison.Ordinal) && !w.Lemma[p.Length..].StartsWith("ge", StringComparison.Ordinal) || rest.StartsWith("te", StringComparison.Ordinal) && !w.Lemma[p.Length..].StartsWith("te", StringComparison.Ordinal))
                {
                    w.Lemma = p + "_" + w.Lemma[p.Length..];
                    break;
                }
            }
        }
    }

    /// <summary>
    /// UD v1 attached "cc" (and the commas between conjuncts) to the first conjunct; UD v2 and
    /// Alpino attach them to the conjunct that follows them.
    /// </summary>
    internal static void Coordination(List<ConlluWord> ws)
    {
        var conjuncts = new List<int>();
        for (int i = 0; i < ws.Count; i++)
        {
            var w = ws[i];
            bool isCc = w.Deprel == "cc" || w.Deprel == "cc:preconj";
            bool isSep = w.Deprel == "punct" && w.Form is "," or ";" or "/";
            if ((!isCc && !isSep) || w.Head <= 0) continue;
            int h = w.Head; // 1-based
            conjuncts.Clear();
            conjuncts.Add(h);
            for (int j = 0; j < ws.Count; j++) if (ws[j].Head == h && ws[j].Deprel.StartsWith("conj", StringComparison.Ordinal)) conjuncts.Add(j + 1);
            if (conjuncts.Count < 2) continue;
            conjuncts.Sort();
            int self = i + 1, next = -1, prev = -1;
            foreach (int c in conjuncts) { if (c < self) prev = c; else if (c > self && next < 0) next = c; }
            if (next < 0 || next == h) continue;
            if (isSep && prev < 0) continue;
            w.Head = next;
        }
    }

    private static readonly Dictionary<string, string> Closers = new(StringComparer.Ordinal)
    {
        ["("] = ")", ["["] = "]", ["{"] = "}", ["«"] = "»", [",,"] = "''", ["„"] = "”", ["“"] = "”", ["‘"] = "’", ["\""] = "\"", ["'"] = "'",
    };

    /// <summary>
    /// Older LassySmall hangs most punctuation on the main verb; Alpino (UD v2) hangs brackets and
    /// quotes on the head of the phrase they enclose and a comma on the phrase that follows it
    /// (or, when that phrase belongs further right, on the phrase it closes). Sentence-final
    /// punctuation stays on the root.
    /// </summary>
    internal static void Punctuation(List<ConlluWord> ws)
    {
        int n = ws.Count;
        var head = new int[n];
        var isP = new bool[n];
        for (int i = 0; i < n; i++) { head[i] = ws[i].Head - 1; isP[i] = ws[i].Deprel == "punct"; }
        // Yields of the non-punctuation words.
        var lo = new int[n]; var hi = new int[n];
        for (int i = 0; i < n; i++) { lo[i] = int.MaxValue; hi[i] = -1; }
        for (int i = 0; i < n; i++)
        {
            if (isP[i]) continue;
            int k = i, guard = 0;
            while (k >= 0 && guard++ <= n) { if (i < lo[k]) lo[k] = i; if (i > hi[k]) hi[k] = i; k = head[k]; }
        }
        int last = n - 1;
        while (last >= 0 && isP[last]) last--;
        var done = new bool[n];
        for (int p = 0; p < n; p++)
        {
            if (!isP[p] || done[p] || p > last) continue;
            string f = ws[p].Form;
            if (Closers.TryGetValue(f, out var close))
            {
                int q = -1;
                for (int j = p + 1; j < n; j++) if (ws[j].Form == close && isP[j]) { q = j; break; }
                if (q > p + 1)
                {
                    int top = -1, tops = 0;
                    for (int j = p + 1; j < q; j++)
                        if (!isP[j] && (head[j] < p || head[j] > q)) { top = j; tops++; }
                    if (tops == 1) { ws[p].Head = ws[q].Head = top + 1; done[p] = done[q] = true; }
                }
                continue;
            }
            if (f is not ("," or ";" or ":" or "-" or "–" or "—")) continue;
            int r = p + 1;
            while (r <= last && isP[r]) r++;
            if (r > last) continue;
            while (head[r] >= 0 && lo[head[r]] > p) r = head[r];
            if (head[r] < p) { ws[p].Head = r + 1; continue; }
            int l = p - 1;
            while (l >= 0 && isP[l]) l--;
            if (l < 0) continue;
            while (head[l] >= 0 && hi[head[l]] < p) l = head[l];
            ws[p].Head = l + 1;
        }
    }
}
