using Dyad.Events.Lexicon;
using Dyad.Model;

namespace Dyad.Events;

/// <summary>
/// Who claims an event and how sure the text is. Walks from the trigger up the dependency tree:
/// every attribution verb on the way ("said", "reported", "accused … of", "denied") adds a
/// claimant (inner first while walking, reported outermost first); "according to X", "volgens X",
/// "aldus X" and sentence-final "…, X said" attached to a clause on the way add one too. Cues in
/// the event's own clause (negation, modals, allegedly, if, ?) and on the way (threatened to,
/// ordered … to, it seems) decide the status. Word order never matters: only the tree does.
/// </summary>
public sealed class ClaimFinder
{
    private readonly SentenceView _v;
    private readonly CueLexicon _cues;
    private readonly ArgumentFinder _args;
    private static readonly string[] ClaimNouns =
        ["claim", "report", "allegation", "accusation", "rumor", "rumour", "suggestion", "assertion", "charge", "story",
         "bewering", "bericht", "beschuldiging", "claim", "gerucht", "aantijging", "suggestie"];
    private static readonly string[] HedgeAdjectives = ["likely", "possible", "probable", "unlikely", "plausible", "waarschijnlijk", "mogelijk", "aannemelijk"];

    public ClaimFinder(SentenceView v, CueLexicon cues, ArgumentFinder args)
    {
        _v = v;
        _cues = cues;
        _args = args;
    }

    public sealed class Result
    {
        public ClaimStatus Status;
        /// <summary>Claimants inner-first as found; the stage reverses to outermost first.</summary>
        public List<Claimant> Inner = new();
        public List<ClaimCue> Cues = new();
        public int ParentTrigger = -1;
        public bool Negated, Condition, Question, Future, Hypothetical, Hedge, AllegAdverb, ReportAdverb, Deny, Allege;
        /// <summary>Token of a "would"/"zou" modal, or -1.</summary>
        public int HypoTok = -1;
    }

    public Result Analyze(TriggerMatch m, ArgumentFinder.Args args, bool[] isTrigger)
    {
        var r = new Result();
        int h = m.Head;
        int start = h;
        OwnClause(h, m, r);
        if (m.Pattern.Pos == TriggerPos.Noun)
        {
            int g = _v.Head(h);
            if (g >= 0 && _v.Rel[h] is "obj" or "nsubj" or "obl" or "nsubj" && _v.IsVerbal(g) && !isTrigger[g])
            {
                OwnClause(g, null, r);
                start = g;
            }
            if (g >= 0 && isTrigger[g]) r.ParentTrigger = g;
        }
        if (args.Governor >= 0 && isTrigger[args.Governor] && r.ParentTrigger < 0) r.ParentTrigger = args.Governor;
        if (args.FromAccusation)
        {
            r.Allege = true;
        }
        Walk(start, r, isTrigger);
        // Reported "would" without a condition is the future of the past: "they said they would boycott the talks".
        if (r.Hypothetical && !r.Condition && r.Inner.Count > 0 && r.HypoTok >= 0 && _v.Lower[r.HypoTok] is "would" or "zou" or "zouden")
        {
            r.Hypothetical = false;
            r.Future = true;
            Cue(r, "future", r.HypoTok);
        }
        if (_v.Count > 0 && _v.Sentence.Tokens[^1].Text == "?" && r.Inner.Count == 0)
        {
            var q = _v[_v.Count - 1];
            r.Question = true;
            r.Cues.Add(new ClaimCue("question", q.Text, q.Start, q.End));
        }
        r.Status = Decide(r);
        return r;
    }

    /// <summary>
    /// Attribution read off the surface, for parses that attach it wrongly: a sentence-final ", X said" /
    /// ", said X" / ", aldus X" clause is the outermost claimant of every event before the comma, and
    /// "according to X" / "volgens X" anywhere is the outermost claimant of every event outside X. Frames the
    /// tree walk already found are not added twice; the status is decided again.
    /// </summary>
    public void ApplySurface(List<(TriggerMatch M, Result R)> events, bool[] inQuote)
    {
        if (events.Count == 0) return;
        int n = _v.Count;
        int end = n;
        while (end > 0 && _v.Upos(end - 1) == "PUNCT") end--;
        // "X said that …", "X ontkende dat …" with the clause attached elsewhere by the parse: the speaker is a
        // claimant of every event after "that", placed by position among the frames the tree found.
        for (int k = 0; k + 1 < n; k++)
        {
            if (!(_v.Upos(k) is "VERB" or "AUX") || !IsAttributionLemma(k)) continue;
            int that = -1;
            for (int j = k + 1; j < n && j <= k + 3; j++)
                if (_v.Lower[j] is "that" or "dat") { that = j; break; }
                else if (_v.Upos(j) is "VERB" or "PUNCT" or "SCONJ") break;
            if (that < 0) continue;
            int sp = _args.SubjectOf(k);
            if (sp < 0) sp = NpHead(NpStartBefore(k), k - 1);
            if (sp < 0) continue;
            var kind = _cues.Attribution[_v.Lemma[k]];
            foreach (var (m, r) in events)
                if (m.Head > that) AddAt(r, k, kind, sp);
        }
        // ", X said" / ", said X" / ", aldus X" at the end.
        for (int c = end - 1; c > 0; c--)
        {
            if (_v.Lower[c] != ",") continue;
            if (inQuote.Length > c && inQuote[c]) break;
            int verb = -1;
            bool ok = true;
            for (int k = c + 1; k < end && ok; k++)
            {
                string u = _v.Upos(k);
                if (verb < 0 && (u is "VERB" or "AUX") && IsAttributionLemma(k)) { verb = k; continue; }
                if (verb < 0 && _v.Lemma[k] == "aldus") { verb = k; continue; }
                ok = u is "DET" or "ADJ" or "NOUN" or "PROPN" or "PRON" or "NUM" or "ADP" or "ADV" or "PUNCT" or "CCONJ" or "PART" || (u == "AUX" && verb < 0);
                if (_v.Lemma[k] is "that" or "dat" or "of") ok = false;
            }
            if (!ok || verb < 0) break;
            int sp = NpHead(c + 1, verb - 1);
            if (sp < 0) sp = NpHead(verb + 1, NpEnd(verb + 1, end) - 1);
            if (sp < 0) break;
            var kind = _v.Lemma[verb] == "aldus" ? AttributionKind.Report : _cues.Attribution[_v.Lemma[verb]];
            foreach (var (m, r) in events)
                if (m.Head < c && !(inQuote.Length > m.Head && inQuote[m.Head]) || m.Head < c)
                    AddOuter(r, verb, kind, sp);
            break;
        }
        // "according to X", "volgens X" anywhere in the sentence.
        for (int k = 0; k + 1 < n; k++)
        {
            bool acc = _v.Lower[k] == "according" && _v.Lower[k + 1] == "to";
            bool vol = _cues.AccordingTo.Contains(_v.Lower[k]) && _v.Lower[k] is not "aldus" and not "citing" and not "quoting";
            if (!acc && !vol) continue;
            int from = acc ? k + 2 : k + 1;
            int to = NpEnd(from, n);
            int sp = NpHead(from, to - 1);
            if (sp < 0) continue;
            foreach (var (m, r) in events)
                if (m.Head < from || m.Head >= to) AddOuter(r, k, AttributionKind.Report, sp);
        }
    }

    private int NpStartBefore(int verb)
    {
        int k = verb;
        while (k > 0 && _v.Upos(k - 1) is "DET" or "ADJ" or "NOUN" or "PROPN" or "PRON" or "NUM") k--;
        return k < verb ? k : verb;
    }

    private ActorArg SpanArg(int tok)
    {
        int f = tok;
        while (f > 0 && _v.Upos(f - 1) is "DET" or "ADJ") f--;
        var span = _v.Span(f, tok);
        return new ActorArg { Text = span.Text, Start = span.Start, End = span.End };
    }

    private bool IsAttributionLemma(int k) => _cues.Attribution.ContainsKey(_v.Lemma[k]) && !_cues.AttributionParticles.ContainsKey(_v.Lemma[k]);

    /// <summary>End (exclusive) of the noun phrase starting at <paramref name="from"/>: determiners, adjectives, nouns.</summary>
    private int NpEnd(int from, int limit)
    {
        int k = from;
        while (k < limit && _v.Upos(k) is "DET" or "ADJ" or "NOUN" or "PROPN" or "PRON" or "NUM" || (k < limit && k > from && _v.Lower[k] is "'s" or "’s" or "-"))
            k++;
        return k;
    }

    /// <summary>The head of a nominal span: the nominal whose parse head lies outside the span, else the last nominal.</summary>
    private int NpHead(int first, int last)
    {
        if (first > last || first < 0) return -1;
        int lastNom = -1;
        for (int k = first; k <= last; k++)
        {
            if (!_v.IsNominal(k)) continue;
            lastNom = k;
        }
        if (lastNom < 0)
        {
            // "the general warned": a noun tagged as an adjective.
            for (int k = last; k >= first; k--) if (_v.Upos(k) is "ADJ" or "X" or "VERB") return k;
            return -1;
        }
        for (int k = first; k <= last; k++)
            if (_v.IsNominal(k) && (_v.Head(k) < first || _v.Head(k) > last)) return k;
        return lastNom;
    }

    /// <summary>Adds a frame found on the surface, inner-first by position (a later verb is closer to the event).</summary>
    private void AddAt(Result r, int cueTok, AttributionKind kind, int speakerTok)
    {
        var t = _v[cueTok];
        foreach (var c in r.Inner) if (c.Cue != null && c.Cue.Start == t.Start) return;
        var who = _args.ResolveOne(speakerTok) ?? SpanArg(speakerTok);
        foreach (var c in r.Inner) if (c.Actor.Start == who.Start && c.Actor.End == who.End && who.Text.Length > 0) return;
        string k = kind switch { AttributionKind.Deny => "denial", AttributionKind.Allege => "allegation", _ => "attribution" };
        var cue = new ClaimCue(k, t.Text, t.Start, t.End);
        if (kind == AttributionKind.Deny) r.Deny = true;
        if (kind == AttributionKind.Allege) r.Allege = true;
        int at = 0;
        while (at < r.Inner.Count && r.Inner[at].Cue is { } ic && ic.Start > t.Start) at++;
        r.Inner.Insert(at, new Claimant { Actor = who, Cue = cue });
        r.Cues.Add(cue);
        r.Status = Decide(r);
    }

    private void AddOuter(Result r, int cueTok, AttributionKind kind, int speakerTok)
    {
        var t = _v[cueTok];
        for (int i = 0; i < r.Inner.Count; i++)
            if (r.Inner[i].Cue is { } cc && cc.Start == t.Start)
            {
                if (r.Inner[i].Actor.Text.Length == 0) r.Inner[i] = r.Inner[i] with { Actor = _args.ResolveOne(speakerTok) ?? SpanArg(speakerTok) };
                return;
            }
        // The same speaker found by the tree under another cue (e.g. "said" as root): nothing to add.
        var who = _args.ResolveOne(speakerTok);
        // A speaker the parse tags oddly ("the general" as DET + ADJ): its word with a leading determiner.
        who ??= SpanArg(speakerTok);
        if (who != null) foreach (var c in r.Inner) if (c.Actor.Start == who.Start && c.Actor.End == who.End) return;
        string k = kind switch { AttributionKind.Deny => "denial", AttributionKind.Allege => "allegation", _ => "attribution" };
        var cue = new ClaimCue(k, t.Text, t.Start, t.End);
        if (kind == AttributionKind.Deny) r.Deny = true;
        if (kind == AttributionKind.Allege) r.Allege = true;
        r.Inner.Add(new Claimant { Actor = who ?? new ActorArg(), Cue = cue });
        r.Cues.Add(cue);
        r.Status = Decide(r);
    }

    public static ClaimStatus Decide(Result r)
    {
        if (r.Negated) return ClaimStatus.Negated;
        if (r.Condition) return ClaimStatus.Hypothetical;
        if (r.Question) return ClaimStatus.Question;
        if (r.Future) return ClaimStatus.Future;
        if (r.Deny) return ClaimStatus.Denied;
        if (r.Allege || r.AllegAdverb) return ClaimStatus.Alleged;
        if (r.Inner.Count > 0 || r.ReportAdverb) return ClaimStatus.Reported;
        if (r.Hypothetical) return ClaimStatus.Hypothetical;
        if (r.Hedge) return ClaimStatus.Hedged;
        return ClaimStatus.Asserted;
    }

    private void Cue(Result r, string kind, int tok)
    {
        var t = _v[tok];
        foreach (var c in r.Cues) if (c.Start == t.Start && c.Kind == kind) return;
        r.Cues.Add(new ClaimCue(kind, t.Text, t.Start, t.End));
    }

    private void OwnClause(int h, TriggerMatch? m, Result r)
    {
        foreach (int c in _v.Children(h))
        {
            if (m != null && m.Covers(c)) continue;
            string rel = _v.Rel[c];
            string lem = _v.Lemma[c];
            if (rel is "advmod" or "neg" or "det" or "aux" or "part" or "cc" && _cues.Negation.Contains(lem) && rel != "cc")
            { r.Negated = true; Cue(r, "negation", c); continue; }
            if (rel == "advmod" && _cues.Negation.Contains(_v.Lower[c])) { r.Negated = true; Cue(r, "negation", c); continue; }
            if (rel == "aux")
            {
                if (_cues.FutureModals.Contains(lem) || _cues.FutureModals.Contains(_v.Lower[c])) { r.Future = true; Cue(r, "future", c); }
                else if (_cues.HypotheticalModals.Contains(lem) || _cues.HypotheticalModals.Contains(_v.Lower[c])) { r.Hypothetical = true; r.HypoTok = c; Cue(r, "hedge", c); }
                else if (_cues.HedgeModals.Contains(lem) || _cues.HedgeModals.Contains(_v.Lower[c])) { r.Hedge = true; Cue(r, "hedge", c); }
                continue;
            }
            if (rel is "advmod" or "amod" or "obl" or "discourse")
            {
                if (_cues.AllegationAdverbs.Contains(_v.Lower[c]) || _cues.AllegationAdverbs.Contains(lem)) { r.AllegAdverb = true; Cue(r, "allegation", c); }
                else if (_cues.ReportAdverbs.Contains(_v.Lower[c]) || _cues.ReportAdverbs.Contains(lem)) { r.ReportAdverb = true; Cue(r, "report", c); }
                else if (_cues.HedgeAdverbs.Contains(_v.Lower[c]) || _cues.HedgeAdverbs.Contains(lem)) { r.Hedge = true; Cue(r, "hedge", c); }
                else if (PhraseAt(c, _cues.ReportAdverbPhrases)) { r.ReportAdverb = true; Cue(r, "report", c); }
                continue;
            }
            if (rel == "mark" && (_cues.Condition.Contains(lem) || _cues.Condition.Contains(_v.Lower[c])))
            {
                if (_cues.QuestionMarks.Contains(lem) && _cues.Lang == "nl") { r.Question = true; Cue(r, "question", c); }
                else if (lem == "whether") { r.Question = true; Cue(r, "question", c); }
                else { r.Condition = true; Cue(r, "condition", c); }
            }
        }
        // "naar verluidt" and similar two-word adverbs are often parsed flat: check the surface.
        for (int i = 0; i + 1 < _v.Count; i++)
            foreach (var ph in _cues.ReportAdverbPhrases)
                if (ph.Length == 2 && _v.Lower[i] == ph[0] && _v.Lower[i + 1] == ph[1] && Near(i, h))
                { r.ReportAdverb = true; Cue(r, "report", i + 1); }
    }

    private bool Near(int i, int h) => _v.Head(i) == h || _v.Head(i + 1) == h || Math.Abs(i - h) <= 4;

    private bool PhraseAt(int c, List<string[]> phrases)
    {
        foreach (var ph in phrases)
        {
            if (ph.Length != 2) continue;
            if (_v.Lower[c] == ph[1] && c > 0 && _v.Lower[c - 1] == ph[0]) return true;
            if (_v.Lower[c] == ph[0] && c + 1 < _v.Count && _v.Lower[c + 1] == ph[1]) return true;
        }
        return false;
    }

    private void Walk(int start, Result r, bool[] isTrigger)
    {
        int node = start;
        bool thatClause = false;
        for (int step = 0; step < 16 && node >= 0; step++)
        {
            Attached(node, r);
            int g = _v.Head(node);
            if (g < 0) break;
            string rel = _v.Rel[node];
            string gl = _v.Lemma[g];
            if (_v.IsVerbal(node) && HasMark(node, "that", "dat")) thatClause = true;
            // A "that" clause attached to a noun by a wrong parse ("said on Monday that …" → acl of Monday):
            // the first attribution verb above it carries it.
            if (thatClause && rel is "obl" or "nmod" or "obj" or "acl" && !_v.IsVerbal(node) && IsAttribution(g, out var k0))
            {
                AddFrame(r, g, k0, Speaker(g));
                if (r.ParentTrigger < 0 && isTrigger[g]) r.ParentTrigger = g;
                thatClause = false;
                node = g;
                continue;
            }
            if (_v.IsVerbal(g)) thatClause = thatClause && !_v.IsVerbal(node) ? thatClause : false;
            if (rel == "conj") { node = g; continue; }
            if (rel == "xcomp" && (_cues.ObjectControl.Contains(gl) || _cues.FutureVerbs.Contains(gl)))
            {
                r.Future = true;
                Cue(r, "future", g);
                if (r.ParentTrigger < 0 && isTrigger[g]) r.ParentTrigger = g;
            }
            else if (rel is "ccomp" or "parataxis" or "xcomp" or "advcl" or "csubj" or "dep" or "obj" or "acl" && IsAttribution(g, out var kind)
                && !(rel == "acl" && _v.Deprel(node) == "acl:relcl"))
            {
                // "accused Y of attacking" (advcl/acl "of") is an allegation; a plain object of "say" is not a clause.
                if (rel == "obj" && !_v.IsVerbal(node)) { node = g; continue; }
                AddFrame(r, g, kind, Speaker(g));
                if (r.ParentTrigger < 0 && isTrigger[g]) r.ParentTrigger = g;
            }
            else if (rel is "xcomp" or "ccomp" or "csubj" && _cues.HedgeVerbs.Contains(gl)) { r.Hedge = true; Cue(r, "hedge", g); }
            else if (rel is "csubj" or "ccomp" && Array.IndexOf(HedgeAdjectives, gl) >= 0) { r.Hedge = true; Cue(r, "hedge", g); }
            else if (rel is "xcomp" or "ccomp" or "advcl" && (_cues.FutureVerbs.Contains(gl) || _cues.ObjectControl.Contains(gl)))
            {
                if (rel != "advcl" || HasMark(node, "to", "te", "om"))
                {
                    r.Future = true;
                    Cue(r, "future", g);
                    if (r.ParentTrigger < 0 && isTrigger[g]) r.ParentTrigger = g;
                }
            }
            else if (rel == "acl" && Array.IndexOf(ClaimNouns, gl) >= 0)
            {
                // "reports that Y attacked Z", "dismissed claims that …": the noun carries the claim.
                int gv = _v.Head(g);
                if (gv >= 0 && IsAttribution(gv, out var k2) && k2 == AttributionKind.Deny)
                {
                    AddFrame(r, gv, AttributionKind.Deny, Speaker(gv));
                    node = gv;
                    continue;
                }
                bool isReport = gl is "report" or "bericht" or "story";
                if (isReport) { r.ReportAdverb = true; Cue(r, "report", g); }
                else { r.Allege = true; Cue(r, "allegation", g); }
            }
            else if (r.ParentTrigger < 0 && isTrigger[g] && rel is "xcomp" or "ccomp" or "advcl" or "obj")
                r.ParentTrigger = g;
            node = g;
        }
    }

    private bool HasMark(int h, params string[] lemmas)
    {
        foreach (int c in _v.Children(h))
            if (_v.Rel[c] == "mark" && Array.IndexOf(lemmas, _v.Lemma[c]) >= 0) return true;
        return false;
    }

    private bool IsAttribution(int g, out AttributionKind kind)
    {
        kind = AttributionKind.Report;
        if (!_v.IsVerbal(g) && _v.Upos(g) != "ADJ") return false;
        if (!_cues.Attribution.TryGetValue(_v.Lemma[g], out kind)) return false;
        if (_cues.AttributionParticles.TryGetValue(_v.Lemma[g], out var parts))
        {
            foreach (var p in parts)
            {
                bool ok = false;
                foreach (int c in _v.Children(g)) if (_v.Lemma[c] == p) { ok = true; break; }
                if (!ok) return false;
            }
        }
        return true;
    }

    private void AddFrame(Result r, int verb, AttributionKind kind, int speakerTok)
    {
        var t = _v[verb];
        string k = kind switch { AttributionKind.Deny => "denial", AttributionKind.Allege => "allegation", _ => "attribution" };
        var cue = new ClaimCue(k, t.Text, t.Start, t.End);
        foreach (var c in r.Inner) if (c.Cue != null && c.Cue.Start == cue.Start) return;
        if (kind == AttributionKind.Deny) r.Deny = true;
        if (kind == AttributionKind.Allege) r.Allege = true;
        var who = speakerTok >= 0 ? _args.ResolveOne(speakerTok) : null;
        if (who == null)
        {
            // No subject in the parse: the noun phrase just before the verb ("security sources said"), or just after ("said the ministry").
            int sp = NpHead(Math.Max(0, NpStartBefore(verb)), verb - 1);
            if (sp < 0 && verb + 1 < _v.Count) sp = NpHead(verb + 1, NpEnd(verb + 1, _v.Count) - 1);
            if (sp >= 0) who = _args.ResolveOne(sp) ?? SpanArg(sp);
        }
        r.Inner.Add(new Claimant { Actor = who ?? new ActorArg(), Cue = cue });
        r.Cues.Add(cue);
    }

    private int Speaker(int verb)
    {
        int s = _args.SubjectOf(verb);
        return s;
    }

    /// <summary>Attribution attached to a clause: "according to X", "volgens X", "aldus X", "…, X said".</summary>
    private void Attached(int node, Result r)
    {
        foreach (int c in _v.Children(node))
        {
            string rel = _v.Rel[c];
            if (rel is "obl" or "nmod" or "advcl" or "advmod")
            {
                foreach (int cc in _v.Children(c))
                {
                    if (_v.Rel[cc] != "case") continue;
                    string l = _v.Lemma[cc];
                    if (l == "according" || (_cues.AccordingTo.Contains(l) && l != "aldus"))
                    {
                        var who = _args.ResolveOne(c);
                        AddAccording(r, cc, who);
                    }
                }
            }
            if (rel == "parataxis" && IsAttribution(c, out var kind) && _v.Child(c, "ccomp", true) < 0)
                AddFrame(r, c, kind, Speaker(c));
            if ((rel is "advmod" or "parataxis" or "dep" or "advcl") && _v.Lemma[c] == "aldus")
            {
                int sp = FirstMentionAfter(c);
                AddAccording(r, c, sp >= 0 ? _args.ResolveOne(sp) : null);
            }
        }
        // "naar eigen zeggen": the subject vouches for itself.
        for (int i = 0; i + 2 < _v.Count; i++)
            if (_v.Lower[i] == "naar" && _v.Lower[i + 1] == "eigen" && _v.Lower[i + 2] == "zeggen" && (_v.Head(i + 2) == node || _v.Head(i) == node))
            {
                int s = _args.SubjectOf(node);
                AddAccording(r, i + 2, s >= 0 ? _args.ResolveOne(s) : null);
            }
    }

    private int FirstMentionAfter(int c)
    {
        for (int k = c + 1; k < _v.Count && k <= c + 8; k++)
            if (_v.IsNominal(k)) { int h = k; while (_v.Head(h) > c && _v.Head(h) < _v.Count && _v.IsNominal(_v.Head(h)) && _v.Head(h) != h) h = _v.Head(h); return h; }
        return -1;
    }

    private void AddAccording(Result r, int cueTok, ActorArg? who)
    {
        var t = _v[cueTok];
        if (cueTok + 1 < _v.Count && _v.Lower[cueTok] == "according") t = _v[cueTok];
        var cue = new ClaimCue("attribution", t.Text, t.Start, t.End);
        foreach (var c in r.Inner) if (c.Cue != null && c.Cue.Start == cue.Start) return;
        r.Inner.Add(new Claimant { Actor = who ?? new ActorArg(), Cue = cue });
        r.Cues.Add(cue);
    }
}
