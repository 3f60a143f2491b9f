using Dyad.Events.Lexicon;

namespace Dyad.Events;

/// <summary>A matched trigger: the head token, every token of the pattern and the pattern itself.</summary>
public sealed class TriggerMatch
{
    public int Head;
    public int[] Tokens = [];
    public required TriggerPattern Pattern;
    public int First => Min(Tokens);
    public int Last => Max(Tokens);
    private static int Min(int[] a) { int m = a[0]; foreach (var x in a) if (x < m) m = x; return m; }
    private static int Max(int[] a) { int m = a[0]; foreach (var x in a) if (x > m) m = x; return m; }
    public bool Covers(int t) => Array.IndexOf(Tokens, t) >= 0;
}

/// <summary>
/// Finds trigger words on lemmas. Verbs anchor on the head verb and find the other words of a
/// multiword pattern among its dependents (two levels, any order — Dutch verb-final and
/// separable particles come out the same as English) or just after it; nouns anchor on the head
/// noun and find their modifiers just before it. Longest pattern first; a token belongs to one trigger.
/// </summary>
public static class TriggerMatcher
{
    public static List<TriggerMatch> Match(SentenceView v, TriggerLexicon lex)
    {
        var result = new List<TriggerMatch>();
        var used = new bool[v.Count];
        // Two passes: multiword patterns first so that "open fire" wins over "fire".
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < v.Count; i++)
            {
                if (used[i]) continue;
                string upos = v.Upos(i);
                TriggerPattern[]? cands = upos switch
                {
                    "VERB" => lex.VerbsFor(v.Lemma[i]),
                    "NOUN" => lex.NounsFor(v.Lemma[i]),
                    "PROPN" => null,
                    _ => null,
                };
                if (cands == null && upos == "ADJ" && v.Rel[i] is "root" or "ccomp" or "xcomp" or "conj" or "advcl" or "acl")
                    cands = lex.VerbsFor(v.Lemma[i]) ?? Form(lex.VerbLemmaForForm(v.Lower[i]), lex, true); // participles tagged ADJ ("was killed")
                // The lemmatizer can be wrong ("shelled" → "shel"): try the regular inflections of the lexicon's words.
                if (cands == null && upos is "VERB" or "AUX") cands = Form(lex.VerbLemmaForForm(v.Lower[i]), lex, true);
                if (cands == null && upos == "NOUN") cands = Form(lex.NounLemmaForForm(v.Lower[i]), lex, false);
                if (cands == null) continue;
                foreach (var p in cands)
                {
                    if (pass == 0 && p.Words.Length == 1) continue;
                    if (pass == 1 && p.Words.Length > 1) continue;
                    var toks = p.Pos == TriggerPos.Verb ? MatchVerb(v, i, p, used) : MatchNoun(v, i, p, used);
                    if (toks == null) continue;
                    foreach (var t in toks) used[t] = true;
                    result.Add(new TriggerMatch { Head = i, Tokens = toks, Pattern = p });
                    break;
                }
            }
        }
        result.Sort((a, b) => a.Head.CompareTo(b.Head));
        return result;
    }

    private static TriggerPattern[]? Form(string? lemma, TriggerLexicon lex, bool verb) =>
        lemma == null ? null : verb ? lex.VerbsFor(lemma) : lex.NounsFor(lemma);

    private static int[]? MatchVerb(SentenceView v, int head, TriggerPattern p, bool[] used)
    {
        if (p.Words.Length == 1) return [head];
        var toks = new int[p.Words.Length];
        toks[0] = head;
        for (int w = 1; w < p.Words.Length; w++)
        {
            int found = -1;
            foreach (int c in v.Children(head))
            {
                if (!used[c] && Array.IndexOf(toks, c, 0, w) < 0 && Is(v, c, p.Words[w])) { found = c; break; }
            }
            if (found < 0)
                foreach (int c in v.Children(head))
                {
                    foreach (int g in v.Children(c))
                        if (!used[g] && Array.IndexOf(toks, g, 0, w) < 0 && Is(v, g, p.Words[w]) && v.Rel[g] != "conj") { found = g; break; }
                    if (found >= 0) break;
                }
            if (found < 0)
                for (int k = head + 1; k < v.Count && k <= head + 3; k++)
                    if (!used[k] && Array.IndexOf(toks, k, 0, w) < 0 && Is(v, k, p.Words[w])) { found = k; break; }
            if (found < 0) return null;
            toks[w] = found;
        }
        return toks;
    }

    private static int[]? MatchNoun(SentenceView v, int head, TriggerPattern p, bool[] used)
    {
        if (p.Words.Length == 1) return [head];
        var toks = new int[p.Words.Length];
        toks[^1] = head;
        int pos = head;
        for (int w = p.Words.Length - 2; w >= 0; w--)
        {
            int found = -1;
            for (int k = pos - 1; k >= 0 && k >= pos - 2; k--)
            {
                if (v.Rel[k] is "punct") continue;
                if (!used[k] && Is(v, k, p.Words[w])) { found = k; break; }
            }
            if (found < 0) return null;
            toks[w] = found;
            pos = found;
        }
        return toks;
    }

    private static bool Is(SentenceView v, int i, string word) => v.Lemma[i] == word || v.Lower[i] == word;
}
