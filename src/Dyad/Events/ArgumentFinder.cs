using Dyad.Events.Lexicon;
using Dyad.Model;

namespace Dyad.Events;

/// <summary>
/// Source and target of a trigger from the dependency parse: active subject/object, passive
/// subject and "by"/"door" agent, nominal possessor/"by"/"on"/"against", light verbs ("launched an
/// attack on"), coordination, control ("ordered X to attack Y"), relative clauses and participles.
/// Works on token indices; <see cref="Resolve"/> turns a token into actor arguments.
/// </summary>
public sealed class ArgumentFinder
{
    private readonly SentenceView _v;
    private readonly CueLexicon _cues;
    private readonly bool _nl;
    private readonly string[] _defaultPreps;
    private readonly string[] _agentPreps;
    private static readonly string[] AccuseLemmas = ["accuse", "blame", "charge", "suspect", "beschuldigen", "betichten", "verdenken"];
    private static readonly string[] RelPronouns = ["who", "which", "that", "whom", "whose", "die", "dat", "welke", "wie", "wat"];
    private static readonly string[] LightVerbs =
        ["launch", "carry", "conduct", "stage", "mount", "hold", "impose", "make", "give", "issue", "unleash", "step", "begin", "start",
         "continue", "resume", "intensify", "escalate", "wage", "lead", "order", "announce", "plan", "pay", "reach", "sign", "have",
         "uitvoeren", "voeren", "plegen", "lanceren", "beginnen", "opleggen", "leggen", "houden", "starten", "doen", "sluiten", "geven", "hebben"];

    public ArgumentFinder(SentenceView v, CueLexicon cues)
    {
        _v = v;
        _cues = cues;
        _nl = cues.Lang == "nl";
        _defaultPreps = _nl ? ["op", "tegen"] : ["on", "against", "upon"];
        _agentPreps = _nl ? ["door"] : ["by"];
    }

    public sealed class Args
    {
        public int Source = -1, Target = -1;
        /// <summary>Token of the enclosing trigger/verb this event hangs under (control, "accused … of").</summary>
        public int Governor = -1;
        /// <summary>The event was lifted out of an "accuse Y of …" frame.</summary>
        public bool FromAccusation;
        /// <summary>The source was read off the word order: only conjuncts left of this token are its conjuncts.</summary>
        public int SourceBefore = int.MaxValue;
    }

    public Args Find(TriggerMatch m, bool[] isTrigger)
    {
        return m.Pattern.Pos == TriggerPos.Verb ? FindVerb(m, isTrigger) : FindNoun(m, isTrigger);
    }

    private int FirstOf(int t) => Math.Max(1, _v.NominalSpan(t).First);

    private bool TargetPrep(TriggerPattern p, string? c) =>
        c != null && (Array.IndexOf(_defaultPreps, c) >= 0 || Array.IndexOf(p.TargetPreps, c) >= 0);

    private Args FindVerb(TriggerMatch m, bool[] isTrigger)
    {
        var a = new Args();
        if (m.Surface)
        {
            a.Source = SurfaceLeft(m.First);
            a.SourceBefore = m.First;
            if (m.Pattern.ObjIsTarget) a.Target = SurfaceRight(m.Last, m.Pattern);
            return a;
        }
        int h = m.Head;
        var p = m.Pattern;
        bool passive = Passive(h) || IsPassiveParticiple(h);
        int subj = -1, subjPass = -1, obj = -1, iobj = -1, oblT = -1, agent = -1;
        foreach (int t in m.Tokens)
            foreach (int c in _v.Children(t))
            {
                if (m.Covers(c)) continue;
                string d = _v.Deprel(c);
                // Dutch: the passive is read off the auxiliary, not the subject label (models confuse nsubj and nsubj:pass).
                if (t == h && d is "nsubj" or "nsubj:pass")
                    d = _nl ? (passive ? (subjPass < 0 ? "nsubj:pass" : "obj") : (subj < 0 ? "nsubj" : "obj")) : (passive ? "nsubj:pass" : "nsubj");
                string r = _v.Rel[c];
                if (t == h && (d == "nsubj" || d == "nsubj:outer") && (subj < 0 || d == "nsubj" && _v.Deprel(subj) == "nsubj:outer")) subj = c; // a plain subject over "With the signing of …" as nsubj:outer
                else if (t == h && d == "nsubj:pass" && subjPass < 0) subjPass = c;
                else if ((r == "obj" || d == "obj") && obj < 0 && !_v.IsTemporal(c)) obj = c; // "called Thursday on Arabs"  // Dutch verb-final clauses parsed with two subjects: the second is the object
                else if (r == "iobj" && iobj < 0) iobj = c;
                else if (r is "obl" or "nmod")
                {
                    string? cs = _v.CaseOf(c);
                    if (!_nl && !passive && d == "obl:agent" && cs != "by" && t == h && obj < 0) obj = c; // "have killed at least eight leaders"
                    else if ((d == "obl:agent" || d == "nmod:agent" || (cs != null && Array.IndexOf(_agentPreps, cs) >= 0)) && (passive || d.EndsWith(":agent", StringComparison.Ordinal)))
                    { if (agent < 0) agent = c; }
                    else if (TargetPrep(p, cs) && oblT < 0 && !_v.IsTemporal(c)) oblT = c;
                }
            }
        if (passive && !_nl && subjPass > h && _v.Child(h, "aux:pass") < 0 && _v.Lower[_v.Count - 1] != "?")
        {
            // English passive subjects come before the verb: "X on Thursday shortened by one hour the curfew" parsed with
            // "curfew" as the passive subject and "by one hour" as the agent is an active clause.
            passive = false;
            if (obj < 0) obj = subjPass;
            subjPass = -1;
        }
        if (passive)
        {
            a.Source = agent;
            a.Target = subjPass >= 0 ? subjPass : (subj >= 0 && _nl ? subj : -1);
            if (a.Target < 0 && IsPassiveParticiple(h) && _v.Rel[h] == "acl") a.Target = _v.Head(h);
            if (a.Target < 0) a.Target = oblT;
        }
        else
        {
            a.Source = subj;
            if (iobj >= 0 && p.ObjIsTarget) a.Target = iobj;
            else if (obj >= 0 && p.ObjIsTarget && !IsRelOrExpl(obj, false)) a.Target = obj;
            else if (obj >= 0 && p.ObjIsTarget && IsRelOrExpl(obj, true)) a.Target = obj;
            if (a.Target < 0) a.Target = oblT;
        }
        if (a.Target < 0 && p.Type is "REQUEST" or "THREATEN" or "ACCUSE" or "SUPPORT" or "REJECT")
        {
            // "demanded that North Korea give up …": the one asked (threatened, accused) is the clause's subject.
            foreach (int c in _v.Children(h))
                if (_v.Rel[c] is "ccomp" && (_v.IsVerbal(c) || HasMark(c, "that")))
                {
                    foreach (int cc in _v.Children(c))
                        if (_v.Rel[cc] == "nsubj" && !IsRelOrExpl(cc, false) && _v.Upos(cc) != "PRON") { a.Target = cc; break; }
                    break;
                }
        }
        if (a.Target < 0 && ActiveAcl(h))
        {
            // "helicopters shelled positions" parsed with "positions" as root and "helicopters" as its compound.
            int hn = _v.Head(h);
            if (_v.Rel[hn] == "compound" && _v.Head(hn) > h) a.Target = _v.Head(hn);
        }
        if (a.Source < 0 && !passive)
            foreach (int c in _v.Children(h))
                if (c < h && _v.Rel[c] is "compound" or "dep" && _v.Upos(c) is "NOUN" or "PROPN" && _v.CaseOf(c) == null) { a.Source = c; break; }
        if (a.Source < 0 && !passive) a.Source = InheritSubject(h, a, 0);
        if (a.Source < 0 && !passive)
        {
            // "According to X, Y attacked Z" parsed with Y as a conjunct of X.
            foreach (int c in _v.Children(h))
            {
                if (_v.Rel[c] != "obl" || c > h || !(_v.CaseOf(c) is "according" or "accord" or "volgens")) continue;
                foreach (int cj in _v.Children(c))
                    if (_v.Rel[cj] == "conj" && cj < h && cj > 0 && _v.Lower[FirstOf(cj) - 1] == ",") { a.Source = cj; break; }
            }
        }
        else if (a.Source < 0 && passive) InheritGovernor(h, a);
        // Relative clause whose subject/object is the relative pronoun: the head noun.
        if (_v.Rel[h] == "acl" && _v.Deprel(h) == "acl:relcl")
        {
            int n = _v.Head(h);
            if (a.Source >= 0 && IsRelOrExpl(a.Source, true)) a.Source = n;
            else if (a.Target >= 0 && IsRelOrExpl(a.Target, true)) a.Target = n;
            else if (a.Source < 0 && !passive) a.Source = n;
            else if (a.Target < 0 && passive) a.Target = n;
        }
        if (a.Target < 0 && !passive && p.ObjIsTarget && m.Tokens.Length > 1)
        {
            // "expelled two Russian diplomats", "recalled its ambassador to Iran": the pattern's own noun is the object.
            foreach (int t in m.Tokens)
                if (t != h && _v.Rel[t] == "obj" && _v.Upos(t) is "NOUN" or "PROPN" && (_v.MentionAt[t] >= 0 || FindMentionBelow(t, 0) >= 0)) { a.Target = t; break; }
        }
        DropTemporal(a);
        if (a.Target < 0 && !_nl && !passive && p.Type is "REQUEST" or "THREATEN") a.Target = SurfaceThat(m.Last);
        if (!_nl && SurfaceClause(m))
        {
            // The parse lost the clause ("Russian President Boris Yeltsin on Saturday hosted …" with the name as root
            // and the verb as a modifier): read the arguments off the word order, subject left, object right.
            if (a.Source < 0 && !passive) { a.Source = SurfaceLeft(m.First); a.SourceBefore = m.First; }
            else if (a.Source > h && !passive && !_cues.Attribution.ContainsKey(_v.Lemma[h]) && _v.Lower[_v.Count - 1] != "?"
                     && SurfaceLeft(m.First) is int left && left >= 0 && _v.MentionAt[left] >= 0)
                { a.Source = left; a.SourceBefore = m.First; } // "President X on Thursday shortened by one hour the curfew" with "hour" as the subject
            if (a.Target < 0 && !passive && p.ObjIsTarget && ObjectlessVerb(m)) a.Target = SurfaceRight(m.Last, p);
        }
        return a;
    }

    /// <summary>"its demand today that Israel ease …" with the clause lost: the actor right after "that".</summary>
    private int SurfaceThat(int last)
    {
        int k = last + 1;
        while (k < _v.Count && (_v.IsTemporal(k) || _v.Upos(k) == "ADV")) k++;
        if (k >= _v.Count || _v.Lower[k] != "that") return -1;
        for (int j = k + 1; j < _v.Count && j <= k + 4; j++)
        {
            int mi = _v.MentionAt[j];
            if (mi >= 0) return _v.Sentence.Mentions[mi].Resolved && _v.Upos(j) != "PRON" ? j : -1;
            if (_v.Upos(j) is not ("DET" or "ADJ")) return -1;
        }
        return -1;
    }

    /// <summary>Days, "today", "last week" are never actors.</summary>
    private void DropTemporal(Args a)
    {
        if (a.Source >= 0 && _v.IsTemporal(a.Source)) a.Source = -1;
        if (a.Target >= 0 && _v.IsTemporal(a.Target)) a.Target = BelowTemporal(a.Target);
    }

    /// <summary>"on Saturday between the Emirates and Saudi Arabia" parsed under "Saturday": the phrase hanging below the time.</summary>
    private int BelowTemporal(int t)
    {
        foreach (int c in _v.Children(t))
            if (_v.Rel[c] == "nmod" && !_v.IsTemporal(c) && _v.IsNominal(c)) return c;
        return -1;
    }

    private static readonly string[] SkipBeforeTime = ["on", "in", "at", "last", "this", "next", "early", "late", "the", "earlier", "later"];

    /// <summary>
    /// A finite verb trigger of a main clause whose arguments can be read off the surface: not an infinitive
    /// ("to attack"), a bare gerund or participle modifier, nor inside a relative clause.
    /// </summary>
    private bool SurfaceClause(TriggerMatch m)
    {
        int h = m.Head;
        if (_v.Deprel(h) == "acl:relcl") return false;
        if (HasMarkTe(h)) return false;
        int f = m.First;
        if (f > 0 && _v.Lower[f - 1] == "to") return false;
        string x = _v[h].Xpos;
        bool aux = false;
        for (int k = f - 1; k >= 0 && k >= f - 3; k--)
        {
            if (_v.Upos(k) == "AUX") { aux = true; break; }
            if (_v.Upos(k) is not ("ADV" or "PART")) break;
        }
        if (x == "VBG") return aux; // "are demanding"; a bare gerund ("killing one person") inherits its subject
        if (x == "VB") return aux || _v.Rel[h] == "root";
        if (x is "VBD" or "VBZ" or "VBP" or "VBN" or "JJ" or "NN" or "NNS") return true;
        return false;
    }

    /// <summary>The verb has no object in the parse (a misparsed clause): the object is read off the surface.</summary>
    private bool ObjectlessVerb(TriggerMatch m)
    {
        foreach (int t in m.Tokens)
            foreach (int c in _v.Children(t))
                if (!m.Covers(c) && _v.Rel[c] is "obj" or "iobj" or "ccomp" or "xcomp") return false;
        return true;
    }

    /// <summary>
    /// The subject read off the words left of a verb: the nearest noun phrase, skipping adverbs, auxiliaries and time
    /// expressions ("X on Saturday hosted", "X today praised"); none when it sits in a prepositional phrase.
    /// </summary>
    public int SurfaceLeft(int first)
    {
        int k = first - 1;
        while (k >= 0)
        {
            string u = _v.Upos(k);
            if (u is "ADV" or "AUX" || (u == "PART" && _v.Lower[k] is "not" or "n't")) { k--; continue; }
            if (_v.IsTemporal(k))
            {
                k--;
                while (k >= 0 && (Array.IndexOf(SkipBeforeTime, _v.Lower[k]) >= 0 || _v.Upos(k) == "NUM")) k--;
                continue;
            }
            break;
        }
        if (k < 0) return -1;
        int mi = _v.MentionAt[k];
        int start;
        if (mi >= 0) start = _v.Sentence.Mentions[mi].FirstToken;
        else if (_v.Upos(k) is "NOUN" or "PROPN" || (_v.Upos(k) == "PRON" && _v.Lower[k] is "he" or "she" or "they" or "we" or "it" or "i"))
        {
            start = k;
            while (start > 0 && _v.Upos(start - 1) is "NOUN" or "PROPN" or "ADJ" or "DET" or "NUM") start--;
        }
        else return -1;
        if (mi < 0 && start >= 2 && _v.Lower[start - 1] is "and" && _v.MentionAt[start - 2] >= 0)
            return SurfaceLeft(start - 1) is int l2 && l2 >= 0 && _v.MentionAt[l2] >= 0 ? l2 : k; // "Israeli helicopters and tanks shelled"
        if (start > 0 && _v.Upos(start - 1) == "ADP" && _v.Lower[start - 1] != "of") return -1;
        if (start > 0 && _v.Lower[start - 1] == "of")
        {
            // "Thousands of Iraqi Kurds", "members of the militia": the quantity's complement is the actor.
            int q = start - 2;
            if (q < 0 || _v.Upos(q) is not ("NOUN" or "NUM" or "PRON")) return -1;
        }
        return k;
    }

    /// <summary>
    /// The object read off the words right of a verb: the first actor inside the following noun phrase (through "of"
    /// and the pattern's target prepositions), skipping time expressions; stops at a verb, clause punctuation or another
    /// preposition.
    /// </summary>
    public int SurfaceRight(int last, TriggerPattern p)
    {
        int noun = -1;
        for (int k = last + 1; k < _v.Count && k <= last + 12; k++)
        {
            string u = _v.Upos(k);
            if (_v.IsTemporal(k)) continue;
            if (_v.MentionAt[k] >= 0) return k;
            if (u is "DET" or "NUM" or "ADJ" or "PART" || (u == "PRON" && _v[k].Xpos == "PRP$") || _v.Lower[k] is "least" or "most") continue;
            if (u == "VERB" && _v[k].Xpos == "VBN" && k + 1 < _v.Count && _v.Upos(k + 1) is "ADJ" or "NOUN" or "PROPN") continue; // "proposed Israeli changes"
            if (u is "NOUN" or "PROPN") { if (noun < 0) noun = k; continue; }
            if (u == "ADP" && (_v.Lower[k] == "of" || TargetPrep(p, _v.Lemma[k]))) continue;
            if (noun < 0 && (_v.Lower[k] == "than" && k > 0 && _v.Lower[k - 1] is "more" or "less" or "fewer"
                             || _v.Lower[k] is "at" or "up" && k + 1 < _v.Count && _v.Lower[k + 1] is "least" or "most" or "to"
                             || _v.Lower[k] is "to" && k > 0 && _v.Lower[k - 1] == "up"
                             || _v.Lower[k] is "about" or "around" or "nearly" or "some" or "over" && k + 1 < _v.Count && _v.Upos(k + 1) == "NUM"))
                continue; // "more than 1,000 refugees", "at least eight leaders", "up to 16 advisers"
            if (u == "ADP" && noun < 0 && Array.IndexOf(SkipBeforeTime, _v.Lower[k]) >= 0 && k + 1 < _v.Count && (_v.IsTemporal(k + 1) || _v.IsTemporal(Math.Min(_v.Count - 1, k + 2)))) continue;
            break;
        }
        return -1;
    }

    /// <summary>
    /// Passive clause. English: aux:pass / nsubj:pass. Dutch: an auxiliary "worden", or "zijn" with a participle,
    /// or a "door" agent — a perfect with "hebben" is active whatever the subject label says.
    /// </summary>
    public bool Passive(int h)
    {
        if (!_nl)
        {
            // English: the parse's passive, except a perfect with "have" and no "be"/"get" ("has refused" with an
            // nsubj:pass label is active).
            // Without "be"/"get", a verb that has a direct object is active too ("Turkish jets bombed Kurdish
            // positions" with "bombed" mis-tagged VBN and its subject labelled nsubj:pass).
            if (!_v.IsPassive(h)) return false;
            bool have = false, be = false, obj = false, agent = false, anyAux = false;
            foreach (int c in _v.Children(h))
            {
                if (_v.Rel[c] == "obj") obj = true;
                if (_v.Rel[c] == "obl" && (_v.Deprel(c) == "obl:agent" || _v.CaseOf(c) == "by")) agent = true;
                if (_v.Rel[c] == "aux") anyAux = true;
                if (_v.Rel[c] != "aux") continue;
                if (_v.Lemma[c] is "have") have = true;
                if (_v.Lemma[c] is "be" or "get") be = true;
            }
            // A clause verb with a "passive" subject but no auxiliary and no "by" agent is a past tense mis-tagged as a
            // participle ("Prosper Avril resigned yesterday").
            if (!be && !anyAux && !agent && _v.Rel[h] is "root" or "conj" or "ccomp" or "parataxis") return false;
            return be || (!have && !obj);
        }
        bool part = _v[h].Feats.Contains("VerbForm=Part", StringComparison.Ordinal) || _v[h].Xpos.StartsWith("WW|vd", StringComparison.Ordinal);
        foreach (int c in _v.Children(h))
        {
            if (_v.Rel[c] == "aux")
            {
                if (_v.Lemma[c] is "hebben") return false;
                if (_v.Lemma[c] is "worden" || (_v.Lemma[c] is "zijn" && part)) return true;
            }
            if (_v.Rel[c] == "obl" && _v.CaseOf(c) == "door") return true;
        }
        return false;
    }

    /// <summary>A participle modifying a noun that has its own object or clause: a main verb misparsed as a reduced relative.</summary>
    private bool ActiveAcl(int h)
    {
        if (_v.Rel[h] != "acl" || _v.Deprel(h) == "acl:relcl" || !_v.IsVerbal(h)) return false;
        if (_v.Child(h, "nsubj", false) >= 0) return true; // a clause with its own subject
        int hn = _v.Head(h);
        // A participle under a noun that is the root of the whole sentence: a main clause misparsed
        // ("The parliament threatened on Monday …" with "parliament" as root). Finite verbs are never reduced relatives.
        if (hn >= 0 && hn < h && (_v.Head(hn) < 0 || _v.Rel[hn] == "compound" && _v.Head(_v.Head(hn)) < 0)) return true;
        if (_v[h].Feats.Contains("Mood=Ind", StringComparison.Ordinal)) return true;
        if (_v.Child(h, "mark", true) >= 0) return false;
        foreach (int c in _v.Children(h))
            if (_v.Rel[c] is "obj" or "iobj" or "ccomp") return c > h && _v.Head(h) < h;
        return false;
    }

    private bool IsPassiveParticiple(int h)
    {
        var t = _v[h];
        if (_v.Rel[h] != "acl" || _v.Deprel(h) == "acl:relcl") return false;
        if (ActiveAcl(h)) return false;
        return t.Feats.Contains("VerbForm=Part", StringComparison.Ordinal) && !t.Feats.Contains("Tense=Pres", StringComparison.Ordinal)
            || t.Xpos == "VBN";
    }

    /// <summary>Relative pronoun (or expletive): replaced by the head noun of the relative clause.</summary>
    private bool IsRelOrExpl(int t, bool relOnly)
    {
        if (_v.Upos(t) != "PRON" && _v.Upos(t) != "DET") return false;
        if (_v[t].Feats.Contains("PronType=Rel", StringComparison.Ordinal)) return true;
        if (Array.IndexOf(RelPronouns, _v.Lemma[t]) >= 0)
        {
            // "that"/"dat"/"die" can also be demonstratives; only relative inside acl:relcl.
            int h = _v.Head(t);
            return h >= 0 && _v.Deprel(h) == "acl:relcl";
        }
        return false;
    }

    /// <summary>Subject of a subjectless clause: conjunct, control, "accuse Y of …", participle.</summary>
    private int InheritSubject(int h, Args a, int depth)
    {
        if (depth > 4) return -1;
        int g = _v.Head(h);
        if (g < 0) return -1;
        string rel = _v.Rel[h];
        string gl = _v.Lemma[g];
        if (rel == "conj")
        {
            int s = SubjectOf(g, depth + 1, a);
            return s;
        }
        if (rel == "xcomp" && !HasMarkTe(h) && _cues.Attribution.ContainsKey(gl) && _v.IsVerbal(h))
        {
            // "claimed the police beat the students" parsed as object + xcomp: the object is the subject.
            int o = _v.Child(g, "obj", true);
            if (o >= 0 && o < h) return o;
        }
        if (rel == "xcomp" || (rel == "ccomp" && HasMarkTe(h)))
        {
            a.Governor = g;
            if (_cues.ObjectControl.Contains(gl) || Array.IndexOf(AccuseLemmas, gl) >= 0)
            {
                int o = _v.Child(g, "obj", true);
                if (o < 0) o = _v.Child(g, "iobj", true);
                if (o >= 0) { if (Array.IndexOf(AccuseLemmas, gl) >= 0) a.FromAccusation = true; return o; }
            }
            // "he is prepared to lift the ban", "the troops were ordered to attack": the controller is the passive subject.
            if (!_nl && Passive(g))
            {
                int sp = _v.Child(g, "nsubj:pass");
                if (sp >= 0 && !IsRelOrExpl(sp, true)) return sp;
            }
            return SubjectOf(g, depth + 1, a);
        }
        if (rel is "advcl" or "acl" or "ccomp" or "obl" or "nmod")
        {
            // "accused Y of attacking Z" (advcl under accuse) or "accused Y of …" attached to Y.
            if (Array.IndexOf(AccuseLemmas, gl) >= 0)
            {
                a.Governor = g;
                a.FromAccusation = true;
                int o = _v.Child(g, "obj", true);
                return o;
            }
            if (rel == "acl" && _v.Deprel(h) != "acl:relcl")
            {
                int gg = _v.Head(g);
                if (gg >= 0 && _v.Rel[g] == "obj" && Array.IndexOf(AccuseLemmas, _v.Lemma[gg]) >= 0)
                {
                    a.Governor = gg;
                    a.FromAccusation = true;
                    return g;
                }
                // "militants attacking the base": present participle modifies its agent.
                if (_v[h].Feats.Contains("VerbForm=Ger", StringComparison.Ordinal) || _v[h].Xpos == "VBG") return g;
                if (ActiveAcl(h)) return g;
                // "summoned the ambassador to complain" with the infinitive attached to the object: a purpose clause of the
                // verb (its subject), or object control ("ordered the troops to attack").
                int gv = _v.Head(g);
                if (HasMarkTe(h) && gv >= 0 && _v.Rel[g] is "obj" or "obl" && _v.IsVerbal(gv) && !NounComplement.Contains(_v.Lemma[g]))
                {
                    a.Governor = gv;
                    if (_cues.ObjectControl.Contains(_v.Lemma[gv])) return g;
                    int sg = SubjectOf(gv, depth + 1);
                    if (sg < 0 && !_nl && _v[gv].Xpos is "VBD" or "VBZ" or "VBP") { sg = SurfaceLeft(gv); if (sg >= 0) a.SourceBefore = gv; }
                    return sg;
                }
                return -1;
            }
            if (rel == "advcl" && _cues.Attribution.ContainsKey(gl) && _cues.Attribution[gl] == AttributionKind.Deny)
                return SubjectOf(g, depth + 1, a);
            if (rel is "advcl" or "ccomp" && (_v[h].Xpos == "VBG" || _v[h].Feats.Contains("VerbForm=Ger", StringComparison.Ordinal) || HasMarkTe(h)))
                return SubjectOf(g, depth + 1, a);
        }
        return -1;
    }

    private void InheritGovernor(int h, Args a)
    {
        int g = _v.Head(h);
        if (g < 0) return;
        if (_v.Rel[h] is "xcomp" or "advcl" or "ccomp" && (_cues.ObjectControl.Contains(_v.Lemma[g]) || _cues.FutureVerbs.Contains(_v.Lemma[g])))
            a.Governor = g;
    }

    /// <summary>Nouns whose infinitive is their own complement ("efforts to improve", "a plan to attack"), not a purpose clause.</summary>
    private static readonly HashSet<string> NounComplement = new(StringComparer.Ordinal)
    {
        "effort", "attempt", "plan", "bid", "decision", "right", "call", "invitation", "offer", "proposal", "demand", "request",
        "order", "ability", "willingness", "readiness", "failure", "refusal", "promise", "pledge", "threat", "move", "step",
        "chance", "opportunity", "way", "need", "mandate", "permission", "approval", "agreement", "deal", "campaign", "drive",
        "programme", "program", "intention", "determination", "commitment", "appeal", "plea", "ultimatum", "deadline",
    };

    private bool HasMark(int h, string lemma)
    {
        foreach (int c in _v.Children(h))
            if (_v.Rel[c] == "mark" && _v.Lemma[c] == lemma) return true;
        return false;
    }

    private bool HasMarkTe(int h)
    {
        foreach (int c in _v.Children(h))
            if (_v.Rel[c] == "mark" && (_v.Lemma[c] is "te" or "to" or "om")) return true;
        return false;
    }

    /// <summary>The active subject of verb <paramref name="g"/>, following conjunction and control upward.</summary>
    public int SubjectOf(int g, int depth = 0, Args? scratch = null)
    {
        if (g < 0 || depth > 5) return -1;
        int s = -1;
        bool pass = Passive(g);
        foreach (int c in _v.Children(g))
        {
            string d = _v.Deprel(c);
            if (d == "nsubj" || d == "nsubj:outer" || (!pass && d == "nsubj:pass")) { s = c; break; }
        }
        if (s < 0 && !_nl && _v.Child(g, "xcomp") >= 0)
        {
            // "it is willing to withdraw" with "it" labelled an expletive.
            int e = _v.Child(g, "expl");
            if (e >= 0 && e < g && _v.Lower[e] is "it" or "they") s = e;
        }
        if (s >= 0)
        {
            int h = _v.Head(g);
            if (IsRelOrExpl(s, true) && _v.Deprel(g) == "acl:relcl" && h >= 0) return h;
            return s;
        }
        if (pass)
        {
            foreach (int c in _v.Children(g))
                if (_v.Deprel(c) is "obl:agent" || (_v.Rel[c] == "obl" && _v.CaseOf(c) is { } cs && Array.IndexOf(_agentPreps, cs) >= 0)) return c;
            return -1;
        }
        var tmp = scratch != null ? new Args() : new Args();
        return InheritSubject(g, tmp, depth + 1);
    }

    private Args FindNoun(TriggerMatch m, bool[] isTrigger)
    {
        var a = new Args();
        int h = m.Head;
        var p = m.Pattern;
        foreach (int c in _v.Children(h))
        {
            if (m.Covers(c)) continue;
            string d = _v.Deprel(c);
            string r = _v.Rel[c];
            if (d == "nmod:poss" || d == "det:poss" || (r == "det" && _v[c].Feats.Contains("Poss=Yes", StringComparison.Ordinal)))
            { if (a.Source < 0) a.Source = c; continue; }
            if (r is "nmod" or "obl")
            {
                string? cs = _v.CaseOf(c);
                if (d == "nmod:agent" || (cs != null && Array.IndexOf(_agentPreps, cs) >= 0) || (_nl && cs == "van" && !TargetPrep(p, cs)))
                { if (a.Source < 0) a.Source = c; }
                else if (TargetPrep(p, cs) && a.Target < 0) a.Target = c;
                continue;
            }
            if ((r is "amod" or "compound" or "flat") && _v.MentionAt[c] >= 0 && _v.Sentence.Mentions[_v.MentionAt[c]].Resolved && a.Source < 0 && c < h) a.Source = c;
            // "its demand that Israel ease restrictions": the one asked is the clause's subject.
            if (a.Target < 0 && r is "acl" or "ccomp" && p.Type is "REQUEST" or "THREATEN" && HasMark(c, "that"))
                foreach (int cc in _v.Children(c))
                    if (_v.Rel[cc] == "nsubj" && _v.Upos(cc) != "PRON") { a.Target = cc; break; }
        }
        // "launched a mediation effort between …": the trigger is a compound of the light verb's object.
        int hh = h;
        if (_v.Rel[h] == "nmod" && _v.CaseOf(h) == "of" && _v.Head(h) is int qn && qn >= 0 && qn < h && _v.Upos(qn) == "NOUN"
            && (_v.Child(qn, "nummod") >= 0 || _v.Lemma[qn] is "series" or "wave" or "round" or "spate" or "string" or "number" or "day" or "week"))
            hh = qn; // "launched 10 days of war games", "carried out a series of raids"
        if (_v.Rel[h] == "compound" && _v.Head(h) > h && _v.Upos(_v.Head(h)) == "NOUN" && _v.IsVerbal(_v.Head(_v.Head(h)) is var hg && hg >= 0 ? hg : h))
        {
            hh = _v.Head(h);
            if (a.Target < 0)
                foreach (int c in _v.Children(hh))
                    if (_v.Rel[c] is "nmod" && (TargetPrep(p, _v.CaseOf(c)) || _v.CaseOf(c) is "between" or "tussen")) { a.Target = c; break; }
        }
        int g = _v.Head(hh);
        if (g >= 0 && _v.Rel[hh] is "obj" or "nsubj" or "obl" && !isTrigger[g] && (a.Source < 0 || a.Target < 0))
        {
            // Light verb: "launched an attack on", "carried out strikes against", "held talks with".
            bool light = Array.IndexOf(LightVerbs, _v.Lemma[g]) >= 0 || _v.Rel[hh] == "obj";
            if (light && _v.Rel[hh] != "nsubj")
            {
                if (a.Source < 0) a.Source = SubjectOf(g);
                if (a.Source < 0 && !_nl && _v.IsVerbal(g) && _v.Child(g, "mark", true) < 0 && _v[g].Xpos is "VBD" or "VBZ" or "VBP" or "VBN")
                    a.Source = SurfaceLeft(g); // "X on Monday launched 10 days of war games" with the clause lost
                if (a.Target < 0)
                    foreach (int c in _v.Children(g))
                        if (c != hh && _v.Rel[c] is "obl" or "iobj" && (TargetPrep(p, _v.CaseOf(c)) || _v.Rel[c] == "iobj")) { a.Target = c; break; }
                if (_v.Rel[g] == "xcomp" || _v.Rel[g] == "ccomp") a.Governor = _v.Head(g);
            }
        }
        DropTemporal(a);
        if (a.Target < 0 && !_nl && p.Type is "REQUEST" or "THREATEN") a.Target = SurfaceThat(m.Last);
        return a;
    }

    /// <summary>
    /// When the target found by the rules is not a resolved actor: the first resolved actor mention inside the
    /// object's phrase (possessors, adjectives: "Haiti's efforts", "an Indian proposal"), else in an oblique or
    /// nominal modifier of the trigger (any preposition except agents, "according to" and time), else null.
    /// The source's own mention is never the target.
    /// </summary>
    public ActorArg? ActorTargetFallback(TriggerMatch m, Args a) => ActorTargetFallback(m, a, false, null);

    /// <summary>An actor with a country or an organisation, not a bare sector ("troops", "officials").</summary>
    public static bool Strong(ActorRef? r) => r?.Code != null && (r.Country != null || r.Kind is not "agent");

    private bool _noLocative;
    /// <summary>Character spans that can never be the target (the event's claimants: "…, the World Food Program said").</summary>
    public List<(int Start, int End)> Excluded { get; } = new();

    public bool IsExcluded(int start, int end)
    {
        foreach (var (s, e) in Excluded) if (start < e && s < end) return true;
        return false;
    }
    private static readonly string[] Locatives = ["in", "at", "near", "inside", "outside", "across", "throughout", "around"];

    /// <param name="strongOnly">Only an actor with a country or an organisation, never through a locative ("in Cairo"):
    /// used to replace a bare sector or the source's own possessive pronoun.</param>
    public ActorArg? ActorTargetFallback(TriggerMatch m, Args a, bool strongOnly, string? sourceCode)
    {
        int src = a.Source >= 0 ? _v.MentionAt[a.Source] : -1;
        string? srcCode = sourceCode ?? (src >= 0 ? (_v.Sentence.Mentions[src].Antecedent?.Actor ?? _v.Sentence.Mentions[src].Actor)?.Code : null);
        _noLocative = strongOnly;
        var order = new List<int>();
        if (a.Target >= 0) order.Add(a.Target);
        foreach (int t in m.Tokens)
            foreach (int c in _v.Children(t))
                if (!m.Covers(c) && c != a.Target && c != a.Source && _v.Rel[c] is "obj" or "iobj" or "obl" or "nmod" && !_v.IsTemporal(c))
                {
                    string? cs = _v.CaseOf(c);
                    if (cs is "by" or "door" or "according" or "accord" or "volgens" or "since" or "after" or "before" or "during" or "despite" or "sinds" or "na" or "voor" or "tijdens") continue;
                    if (_v.Deprel(c).EndsWith(":agent", StringComparison.Ordinal) || _v.Deprel(c).EndsWith(":tmod", StringComparison.Ordinal)) continue;
                    if (strongOnly && cs != null && Array.IndexOf(Locatives, cs) >= 0) continue;
                    order.Add(c);
                }
        // "withdraw its troops from neighboring Lebanon" with "from neighboring" parsed as a clause.
        foreach (int t in m.Tokens)
            foreach (int c in _v.Children(t))
                if (_v.Rel[c] == "advcl" && _v.Child(c, "mark") is int mk && mk >= 0 && TargetPrep(m.Pattern, _v.Lemma[mk]) && _v.Child(c, "obj") is int co && co >= 0)
                    order.Add(co);
        // Last: the complement clause ("threatened to ban voting in East Jerusalem", "demanded that the US cancel
        // the sale", "refused to deploy peacekeepers in Iraq"): its subject, object and obliques.
        foreach (int t in m.Tokens)
            foreach (int c in _v.Children(t))
                if (_v.Rel[c] is "xcomp" or "ccomp" && _v.IsVerbal(c))
                    foreach (int cc in _v.Children(c))
                        if (_v.Rel[cc] is "nsubj" or "obj" or "iobj" or "obl" && !_v.IsTemporal(cc) && cc != a.Source && _v.CaseOf(cc) is not ("by" or "door"))
                            order.Add(cc);
        for (int pass = 0; pass < 2; pass++)
        {
            if (pass == 1 && strongOnly) break;
            foreach (int root in order)
            {
                int mi = ResolvedMentionIn(root, src, 0, pass == 0, srcCode);
                if (mi >= 0) return ActorArg.FromMention(_v.Sentence.Mentions[mi]);
            }
        }
        return null;
    }

    private int ResolvedMentionIn(int tok, int exclude, int depth, bool strong, string? srcCode)
    {
        int mi = _v.MentionAt[tok];
        if (mi >= 0 && mi != exclude && _v.Sentence.Mentions[mi] is var me && me.Resolved)
        {
            var r = me.Antecedent?.Actor ?? me.Actor;
            if ((!strong || Strong(r)) && (srcCode == null || r?.Code != srcCode) && !IsExcluded(me.Start, me.End)) return mi;
        }
        // "Moslem forces in east Bosnia": the place of an actor is not a better actor.
        bool weakHere = mi >= 0 && _v.Sentence.Mentions[mi].Resolved && _v.Sentence.Mentions[mi].HeadToken == tok;
        if (depth > 4) return -1;
        // Text order among the children: the nearest modifier first.
        foreach (int c in _v.Children(tok))
        {
            if (_v.Rel[c] is "advcl" or "ccomp" or "parataxis" or "punct" or "cc" || _v.IsTemporal(c)) continue;
            if (_v.Deprel(c) == "acl:relcl") continue;
            // A participle modifier is followed ("the curfew imposed in Sudan", "power lines leading into Kabul",
            // "crimes committed by Croat forces"), an infinitive is not ("efforts to improve its record").
            if (_v.Rel[c] == "acl" && (HasMarkTe(c) || _v.Child(c, "nsubj") >= 0)) continue;
            if ((_noLocative || weakHere) && _v.CaseOf(c) is { } cs && Array.IndexOf(Locatives, cs) >= 0) continue;
            int r = ResolvedMentionIn(c, exclude, depth + 1, strong, srcCode);
            if (r >= 0) return r;
        }
        return -1;
    }

    /// <summary>
    /// Actor arguments for an argument token: its mention (or a mention inside its noun phrase),
    /// one per coordinated conjunct; an unresolved argument with the phrase text when no mention exists.
    /// </summary>
    public List<ActorArg> Resolve(int tok, int conjBefore = int.MaxValue)
    {
        var list = new List<ActorArg>(2);
        if (tok < 0) return list;
        var a = ResolveOne(tok);
        if (a != null) list.Add(a);
        foreach (int c in _v.Children(tok))
        {
            if (_v.Rel[c] != "conj" || !_v.IsNominal(c) || c >= conjBefore) continue;
            var b = ResolveOne(c);
            if (b != null && !list.Exists(x => x.Start == b.Start && x.End == b.End)) list.Add(b);
        }
        // A conjunct inside one mention ("Russia and Iran" as two mentions under one head).
        return list;
    }

    /// <summary>
    /// A source that is no actor followed by a name before the verb ("Human rights watchdog Amnesty International accused"
    /// with the name parsed under "watchdog"): the name.
    /// </summary>
    public ActorArg? NameAfter(int tok, int before)
    {
        if (tok < 0 || before <= tok || _nl) return null;
        for (int k = tok + 1; k < before && k <= tok + 4; k++)
        {
            int mi = _v.MentionAt[k];
            if (mi >= 0 && _v.Sentence.Mentions[mi].Resolved && _v.Sentence.Mentions[mi].LastToken < before) return ActorArg.FromMention(_v.Sentence.Mentions[mi]);
            if (_v.Upos(k) is not ("NOUN" or "PROPN" or "ADJ") && !(_v.Upos(k) == "VERB" && _v[k].Xpos == "VBG")) return null;
        }
        return null;
    }

    public ActorArg? ResolveOne(int tok)
    {
        int mi = _v.MentionAt[tok];
        if (mi >= 0) return ActorArg.FromMention(_v.Sentence.Mentions[mi]);
        int found = FindMentionBelow(tok, 0);
        if (found >= 0) return ActorArg.FromMention(_v.Sentence.Mentions[found]);
        foreach (int c in _v.Children(tok))
            if (_v.Rel[c] == "appos" && _v.MentionAt[c] >= 0) return ActorArg.FromMention(_v.Sentence.Mentions[_v.MentionAt[c]]);
        string u = _v.Upos(tok);
        if (u is "PROPN" or "NOUN" || (u == "PRON" && !IsRelOrExpl(tok, false) && _v.Lemma[tok] is not ("it" or "this" or "that" or "het" or "dit" or "dat" or "er" or "what" or "wat")))
        {
            var (f, l) = _v.NominalSpan(tok);
            var span = _v.Span(f, l);
            return new ActorArg { Text = span.Text, Start = span.Start, End = span.End, Actor = null };
        }
        return null;
    }

    private int FindMentionBelow(int tok, int depth)
    {
        if (depth > 3) return -1;
        // Breadth first: direct modifiers before deeper ones.
        foreach (int c in _v.Children(tok))
            if (FollowForMention(c) && _v.MentionAt[c] >= 0) return _v.MentionAt[c];
        foreach (int c in _v.Children(tok))
        {
            if (!FollowForMention(c)) continue;
            int r = FindMentionBelow(c, depth + 1);
            if (r >= 0) return r;
        }
        return -1;
    }

    private bool FollowForMention(int c)
    {
        string r = _v.Rel[c];
        if (r is "compound" or "amod" or "flat" or "appos" or "det") return true;
        if (r == "nmod")
        {
            string d = _v.Deprel(c);
            if (d == "nmod:poss") return true;
            string? cs = _v.CaseOf(c);
            return cs is "of" or "van" or "by" or "door" || (cs == null && d != "nmod:tmod");
        }
        return false;
    }
}
