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
    /// <summary>A verb the tagger mis-tagged (ADJ/NOUN) found from the word order; its arguments are read off the surface.</summary>
    public bool Surface;
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
                if (i > 0 && v.Lower[i - 1] == "press" && v.Lemma[i] is "release" || v.Lower[i] is "release" or "releases" && i > 0 && v.Lower[i - 1] == "news")
                    continue; // "a press release", not a release of prisoners
                if (v.Lower[i] == "striking" && v.Rel[i] is "amod" or "compound") continue; // "striking workers" are on strike
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
        if (lex.Lang == "en") MisTaggedVerbs(v, lex, used, result);
        result.Sort((a, b) => a.Head.CompareTo(b.Head));
        return result;
    }

    /// <summary>
    /// English past tenses and presents tagged as adjectives or nouns ("guerrillas wounded two soldiers", "The Palestinians
    /// reject proposed changes"): a word that is a form of a one-word verb trigger, right after a noun phrase that ends an
    /// actor mention and right before the start of another noun phrase, is a verb.
    /// </summary>
    private static void MisTaggedVerbs(SentenceView v, TriggerLexicon lex, bool[] used, List<TriggerMatch> result)
    {
        for (int i = 1; i + 1 < v.Count; i++)
        {
            if (used[i]) continue;
            string upos = v.Upos(i);
            if (upos is not ("ADJ" or "NOUN")) continue;
            string? lemma = lex.VerbLemmaForForm(v.Lower[i]);
            if (lemma == null && upos == "NOUN" && lex.VerbsFor(v.Lemma[i]) != null) lemma = v.Lemma[i];
            if (lemma == null) continue;
            if (upos == "ADJ" && !v.Lower[i].EndsWith("ed", StringComparison.Ordinal)) continue;
            var pat = Array.Find(lex.VerbsFor(lemma) ?? [], p => p.Words.Length == 1);
            if (pat == null) continue;
            int prev = i - 1, next = i + 1;
            int pm = v.MentionAt[prev];
            if (pm < 0 || pm == v.MentionAt[i] || v.Sentence.Mentions[pm].LastToken != prev) continue;
            if (v.Upos(prev) is not ("NOUN" or "PROPN")) continue;
            string nu = v.Upos(next);
            bool np = nu is "DET" or "NUM" or "PROPN" || (nu == "PRON" && v[next].Xpos == "PRP$") || (nu == "ADJ" && v.Upos(Math.Min(v.Count - 1, next + 1)) is "NOUN" or "PROPN" or "ADJ")
                      || (nu == "VERB" && v[next].Xpos == "VBN" && v.Upos(Math.Min(v.Count - 1, next + 1)) is "ADJ" or "NOUN" or "PROPN");
            if (!np) continue;
            used[i] = true;
            result.Add(new TriggerMatch { Head = i, Tokens = [i], Pattern = pat, Surface = true });
        }
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
