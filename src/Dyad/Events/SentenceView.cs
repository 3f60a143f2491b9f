using Dyad.Events.Lexicon;
using Dyad.Model;

namespace Dyad.Events;

/// <summary>
/// Read-only helpers over one parsed sentence: normalised lemmas, children lists, relation
/// names and the mention covering each token. Built once per sentence, arrays only.
/// </summary>
public sealed class SentenceView
{
    public Sentence Sentence { get; }
    public Document? Document { get; }
    public int Count { get; }
    public string[] Lemma { get; }
    public string[] Lower { get; }
    /// <summary>Relation without subtype ("obl" for "obl:agent").</summary>
    public string[] Rel { get; }
    private readonly int[] _childStart;
    private readonly int[] _children;
    /// <summary>Mention index covering each token (the innermost / shortest), or -1.</summary>
    public int[] MentionAt { get; }

    public SentenceView(Sentence s, Document? doc = null)
    {
        Sentence = s;
        Document = doc;
        int n = Count = s.Tokens.Count;
        Lemma = new string[n];
        Lower = new string[n];
        Rel = new string[n];
        var counts = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            var t = s.Tokens[i];
            Lower[i] = t.Text.ToLowerInvariant();
            Lemma[i] = t.Lemma is "_" or "" ? Lower[i] : TriggerLexicon.Norm(t.Lemma);
            int c = t.Deprel.IndexOf(':');
            Rel[i] = c < 0 ? t.Deprel : t.Deprel[..c];
            if (t.Head >= 0 && t.Head < n) counts[t.Head]++;
        }
        _childStart = new int[n + 1];
        for (int i = 0; i < n; i++) _childStart[i + 1] = _childStart[i] + counts[i];
        _children = new int[_childStart[n]];
        var fill = new int[n];
        for (int i = 0; i < n; i++)
        {
            int h = s.Tokens[i].Head;
            if (h >= 0 && h < n) _children[_childStart[h] + fill[h]++] = i;
        }
        MentionAt = new int[n];
        Array.Fill(MentionAt, -1);
        for (int m = 0; m < s.Mentions.Count; m++)
        {
            var me = s.Mentions[m];
            // An actor phrase never contains a finite verb: such a mention is a matching error upstream; ignore it.
            bool verb = false;
            for (int i = Math.Max(0, me.FirstToken); i <= Math.Min(n - 1, me.LastToken); i++)
                if (s.Tokens[i].Upos is "VERB" or "AUX" && s.Tokens[i].Feats.Contains("VerbForm=Fin", StringComparison.Ordinal)) verb = true;
            if (verb) continue;
            for (int i = Math.Max(0, me.FirstToken); i <= Math.Min(n - 1, me.LastToken); i++)
            {
                int cur = MentionAt[i];
                if (cur < 0 || Len(s.Mentions[cur]) > Len(me)) MentionAt[i] = m;
            }
        }
    }

    private static int Len(Mention m) => m.LastToken - m.FirstToken;

    public Token this[int i] => Sentence.Tokens[i];
    public int Head(int i) => Sentence.Tokens[i].Head;
    public string Deprel(int i) => Sentence.Tokens[i].Deprel;
    public string Upos(int i) => Sentence.Tokens[i].Upos;
    public ReadOnlySpan<int> Children(int i) => _children.AsSpan(_childStart[i], _childStart[i + 1] - _childStart[i]);

    /// <summary>First child with the given full relation (or base relation when <paramref name="baseOnly"/>).</summary>
    public int Child(int i, string rel, bool baseOnly = false)
    {
        foreach (int c in Children(i))
            if (baseOnly ? Rel[c] == rel : Deprel(c) == rel) return c;
        return -1;
    }

    public bool HasChildLemma(int i, string rel, string lemma)
    {
        foreach (int c in Children(i))
            if (Rel[c] == rel && Lemma[c] == lemma) return true;
        return false;
    }

    /// <summary>The case-marking preposition of a nominal (its "case" child; "according to" → "according").</summary>
    public string? CaseOf(int i)
    {
        foreach (int c in Children(i))
            if (Rel[c] == "case") return Lemma[c];
        return null;
    }

    public bool IsPassive(int i)
    {
        foreach (int c in Children(i))
        {
            var d = Deprel(c);
            if (d == "aux:pass" || d == "nsubj:pass" || d == "csubj:pass") return true;
        }
        return false;
    }

    public bool IsVerbal(int i) => Upos(i) is "VERB" or "AUX";
    public bool IsNominal(int i) => Upos(i) is "NOUN" or "PROPN" or "PRON" or "NUM";

    /// <summary>Leftmost and rightmost token of the nominal subtree of <paramref name="i"/>, without clauses and edge punctuation.</summary>
    public (int First, int Last) NominalSpan(int i)
    {
        int first = i, last = i;
        Walk(i, ref first, ref last, 0);
        while (first < i && (Rel[first] is "case" or "punct" or "cc" or "mark" or "fixed")) first++;
        while (last > i && (Rel[last] is "punct" or "cc" or "case")) last--;
        return (first, last);
    }

    private void Walk(int i, ref int first, ref int last, int depth)
    {
        if (depth > 6) return;
        foreach (int c in Children(i))
        {
            if (Rel[c] is "acl" or "advcl" or "ccomp" or "parataxis" or "conj" or "cc" or "punct" or "appos" or "dep" or "xcomp") continue;
            if (c > i && IsTemporal(c)) continue; // "Serbia on Thursday", "Iran today"
            if (c < first) first = c;
            if (c > last) last = c;
            Walk(c, ref first, ref last, depth + 1);
        }
    }

    private static readonly HashSet<string> Temporal = new(StringComparer.Ordinal)
    {
        "today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "morning", "evening", "night", "week", "weekend", "month", "year", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "vandaag", "gisteren", "morgen", "maandag", "dinsdag", "woensdag",
        "donderdag", "vrijdag", "zaterdag", "zondag", "vanochtend", "vanavond", "vannacht", "week", "maand", "jaar",
    };

    /// <summary>A time expression modifier (a day, "today", "last week"): not part of an actor's phrase.</summary>
    public bool IsTemporal(int i) => Temporal.Contains(Lower[i]) && Upos(i) is "NOUN" or "PROPN" or "ADV";

    public int Depth(int i)
    {
        int d = 0;
        while (i >= 0 && d < 64) { i = Head(i); d++; }
        return d;
    }

    public TextSpan Span(int first, int last)
    {
        var a = Sentence.Tokens[first];
        var b = Sentence.Tokens[last];
        string text;
        if (Document != null && b.End <= Document.Text.Length) text = Document.Text[a.Start..b.End];
        else if (Sentence.Text.Length > 0 && a.Start >= Sentence.Start && b.End - Sentence.Start <= Sentence.Text.Length)
            text = Sentence.Text[(a.Start - Sentence.Start)..(b.End - Sentence.Start)];
        else
        {
            var parts = new List<string>();
            for (int k = first; k <= last; k++) parts.Add(Sentence.Tokens[k].Text);
            text = string.Join(' ', parts);
        }
        return new TextSpan(text, a.Start, b.End);
    }
}
