using System.Security.Cryptography;
using System.Text;
using Dyad.Events.Lexicon;
using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Events;

/// <summary>
/// Triggers, arguments, claims and dates: fills <see cref="Document.Events"/> from parsed sentences
/// and actor mentions. Thread-safe (lexicons are immutable once loaded; all state is per call).
/// </summary>
public sealed class EventStage : IDocumentStage
{
    private readonly PipelineOptions _options;
    public EventStage(PipelineOptions options) => _options = options;
    public EventStage() : this(new PipelineOptions()) { }
    public string Name => "Events";

    public void Process(Document doc)
    {
        foreach (var seg in doc.Segments)
        {
            if (!seg.Analysed || seg.Kind == SegmentKind.Boilerplate) continue;
            string lang = seg.Language is "nl" ? "nl" : seg.Language is "en" ? "en" : "";
            if (lang == "") continue;
            var lex = TriggerLexicon.For(lang, _options.DictFiles);
            var cues = CueLexicon.For(lang, _options.DictFiles);
            ProcessSegment(doc, seg, lex, cues);
        }
    }

    private sealed class Pending
    {
        public required TriggerMatch Match { get; set; }
        public required ArgumentFinder.Args Args;
        public required ClaimFinder.Result Claim;
        public int SentenceIndex;
        public bool Skip;
    }

    /// <summary>Attribution outside quotation marks in one sentence, used for quotes that run over sentences.</summary>
    private sealed class QuoteInfo
    {
        public bool StartsInside, EndsInside;
        public Claimant? Speaker;
        public bool[] InQuote = [];
    }

    public void ProcessSegment(Document doc, Segment seg, TriggerLexicon lex, CueLexicon cues)
    {
        var anchor = seg.Date ?? doc.Published;
        var quotes = QuoteState(doc, seg);
        var perSentence = new List<(SentenceView V, List<Pending> P, ArgumentFinder A)>();
        for (int si = 0; si < seg.Sentences.Count; si++)
        {
            var s = seg.Sentences[si];
            if (s.Tokens.Count == 0 || !s.Parsed) { perSentence.Add((null!, new List<Pending>(), null!)); continue; }
            var v = new SentenceView(s, doc);
            cues.RepairLemmas(v);
            var matches = TriggerMatcher.Match(v, lex);
            var list = new List<Pending>(matches.Count);
            var af = new ArgumentFinder(v, cues);
            if (matches.Count > 0)
            {
                var isTrigger = new bool[v.Count];
                foreach (var m in matches) isTrigger[m.Head] = true;
                var cf = new ClaimFinder(v, cues, af);
                foreach (var m in matches)
                {
                    var args = af.Find(m, isTrigger);
                    var claim = cf.Analyze(m, args, isTrigger);
                    list.Add(new Pending { Match = m, Args = args, Claim = claim, SentenceIndex = si });
                }
                Merge(v, list);
                Reversals(v, list);
                cf.ApplySurface(list.Where(p => !p.Skip).Select(p => (p.Match, p.Claim)).ToList(), quotes[si].InQuote);
            }
            quotes[si].Speaker = QuoteSpeaker(v, cues, af, quotes[si].InQuote);
            perSentence.Add((v, list, af));
        }
        // Quotations spanning sentences: an open quote continues its speaker.
        for (int si = 0; si < perSentence.Count; si++)
        {
            var (v, list, af) = perSentence[si];
            if (v == null) continue;
            Claimant? speaker = null;
            int a = si, b = si;
            while (a > 0 && quotes[a].StartsInside) a--;
            while (b + 1 < quotes.Length && quotes[b].EndsInside) b++;
            for (int k = a; k <= b && speaker == null; k++) speaker = quotes[k].Speaker;
            foreach (var p in list)
            {
                if (p.Skip || speaker == null || p.Claim.Inner.Count > 0) continue;
                bool inside = quotes[si].InQuote.Length > p.Match.Head && quotes[si].InQuote[p.Match.Head];
                if (!inside) continue;
                p.Claim.Inner.Add(speaker);
                if (speaker.Cue != null) p.Claim.Cues.Add(speaker.Cue);
                p.Claim.Status = ClaimFinder.Decide(p.Claim);
            }
        }
        // Build events; parents are resolved by trigger token within the sentence.
        for (int si = 0; si < perSentence.Count; si++)
        {
            var (v, list, af) = perSentence[si];
            if (v == null || list.Count == 0) continue;
            var byTrigger = new Dictionary<int, string>();
            var built = new List<(Pending P, Event E)>();
            foreach (var p in list)
            {
                if (p.Skip) continue;
                foreach (var ev in Build(doc, seg, si, v, af, p, list, anchor))
                {
                    if (built.Exists(x => x.E.Id == ev.Id)) continue;
                    built.Add((p, ev));
                    byTrigger.TryAdd(p.Match.Head, ev.Id);
                }
            }
            var intents = new List<Event>();
            foreach (var (p, ev) in built)
            {
                if (p.Claim.ParentTrigger >= 0 && byTrigger.TryGetValue(p.Claim.ParentTrigger, out var pid) && pid != ev.Id) ev.ParentId = pid;
                if (ev.ParentId == null && Intent(doc, v, p, ev, cues) is { } intent)
                {
                    var same = intents.Find(x => x.Id == intent.Id);
                    if (same == null) intents.Add(intent); else intent = same;
                    ev.ParentId = intent.Id;
                }
                doc.Events.Add(ev);
            }
            doc.Events.AddRange(intents);
        }
    }

    /// <summary>A noun trigger that is the subject/object/oblique of a verb trigger of the same type is one event.</summary>
    private static void Merge(SentenceView v, List<Pending> list)
    {
        foreach (var n in list)
        {
            if (n.Match.Pattern.Pos != TriggerPos.Noun) continue;
            int g = v.Head(n.Match.Head);
            var verb = list.Find(x => x.Match.Head == g && x.Match.Pattern.Pos == TriggerPos.Verb);
            if (verb != null && verb.Match.Pattern.Type == n.Match.Pattern.Type)
            {
                if (verb.Args.Source < 0 || verb.Args.Source == n.Match.Head) verb.Args.Source = n.Args.Source >= 0 ? n.Args.Source : verb.Args.Source;
                if (verb.Args.Target < 0) verb.Args.Target = n.Args.Target;
                n.Skip = true;
                continue;
            }
            if (n.Args.Source < 0 && n.Args.Target < 0) n.Skip = true;
        }
        foreach (var verb in list)
        {
            // "gave Putin a warning", "issued an ultimatum": a light verb whose object is itself a trigger of another
            // type is carried by the noun.
            if (verb.Skip || verb.Match.Pattern.Pos != TriggerPos.Verb || verb.Match.Tokens.Length > 1) continue;
            if (Array.IndexOf(LightVerbLemmas, v.Lemma[verb.Match.Head]) < 0) continue;
            var noun = list.Find(x => !x.Skip && x.Match.Pattern.Pos == TriggerPos.Noun && v.Head(x.Match.Head) == verb.Match.Head && v.Rel[x.Match.Head] == "obj");
            if (noun != null && noun.Match.Pattern.Type != verb.Match.Pattern.Type)
            {
                verb.Skip = true;
                if (noun.Args.Source < 0) noun.Args.Source = verb.Args.Source;
                if (noun.Args.Target < 0 || noun.Args.Target == verb.Args.Source) noun.Args.Target = verb.Args.Target;
            }
        }
        // "condemned Russia's attack": the accused is the attacker.
        foreach (var p in list)
        {
            if (p.Skip || p.Args.Target < 0) continue;
            var inner = list.Find(x => x.Match.Head == p.Args.Target && x.Match.Pattern.Pos == TriggerPos.Noun);
            if (inner != null && p.Match.Pattern.Type is "ACCUSE" or "REJECT" or "SUPPORT" or "THREATEN" && inner.Args.Source >= 0)
                p.Args.Target = inner.Args.Source;
        }
    }

    /// <summary>
    /// The target of a carrying event taken from the action it carries: "threatened to break relations with Russia",
    /// "agreed to re-open its borders to UN peacekeepers", "staged a hunger strike to demand the resignation of X".
    /// The carried event is a complement (xcomp/ccomp, a purpose clause for protests) or, when the parse lost it, the
    /// "to VERB" right after the trigger.
    /// </summary>
    private static ActorArg? CarriedTarget(SentenceView v, ArgumentFinder af, Pending p, List<Pending> all, string? srcCode)
    {
        string type = p.Match.Pattern.Type;
        bool protest = type == "PROTEST";
        if (!protest && !(p.Match.Pattern.Pos == TriggerPos.Verb && type is "THREATEN" or "AGREE" or "REJECT")) return null;
        int h = p.Match.Head;
        int anchor = h;
        if (protest && p.Match.Pattern.Pos == TriggerPos.Noun && v.Head(h) >= 0 && v.Rel[h] is "obj" or "nsubj") anchor = v.Head(h); // "staged a protest to demand"
        foreach (var q in all)
        {
            if (q == p || q.Skip) continue;
            if (protest && q.Match.Pattern.Type != "REQUEST") continue;
            int qh = q.Match.Head;
            // "threatened to halt the talks": the carried event may be the noun object of the complement verb.
            int qv = q.Match.Pattern.Pos == TriggerPos.Noun && v.Rel[qh] == "obj" && v.Head(qh) >= 0 && v.IsVerbal(v.Head(qh)) ? v.Head(qh) : qh;
            bool carried = v.Head(qv) == anchor && v.Rel[qv] is "xcomp" or "ccomp" || protest && v.Head(qv) == anchor && v.Rel[qv] == "advcl";
            if (!carried)
            {
                // Surface: trigger, optional time expression, "to", carried verb.
                int k = p.Match.Last + 1;
                if (protest) k = Math.Max(k, anchor + 1);
                while (k < q.Match.First && (v.IsTemporal(k) || v.Lower[k] is "on" or "last" or "this" or "early" or "late" or "," || v.Upos(k) is "ADV")) k++;
                carried = k == q.Match.First - 1 && v.Lower[k] == "to" && q.Match.Pattern.Pos == TriggerPos.Verb;
            }
            if (!carried) continue;
            foreach (var t in af.Resolve(q.Args.Target))
                if (ArgumentFinder.Strong(t.Actor) && t.Actor?.Code != srcCode && !Possessive(t)) return t;
            if (af.ActorTargetFallback(q.Match, q.Args, true, srcCode) is { } f && !Possessive(f)) return f;
            if (type == "THREATEN" && (ConditionSubject(v, af, qh, srcCode) ?? ConditionSubject(v, af, qv, srcCode)) is { } cs) return cs;
        }
        if (type == "THREATEN" && ConditionSubject(v, af, h, srcCode) is { } cs2) return cs2;
        return null;
    }

    /// <summary>"threatened to stop negotiations if the United States goes ahead": the one who has to comply.</summary>
    private static ActorArg? ConditionSubject(SentenceView v, ArgumentFinder af, int h, string? srcCode)
    {
        foreach (int c in v.Children(h))
        {
            if (v.Rel[c] != "advcl" || !(v.HasChildLemma(c, "mark", "unless") || v.HasChildLemma(c, "mark", "if"))) continue;
            int subj = v.Child(c, "nsubj");
            if (subj < 0) continue;
            var r = af.ResolveOne(subj);
            if (r != null && ArgumentFinder.Strong(r.Actor) && r.Actor?.Code != srcCode && !Possessive(r)) return r;
        }
        return null;
    }

    private static bool Possessive(ActorArg t) => t.Text.ToLowerInvariant() is "its" or "his" or "her" or "their" or "our" or "my";

    /// <summary>A target that says little: a bare sector ("troops", "official") or the source's own possessive ("its", "his").</summary>
    private static bool WeakTarget(SentenceView v, ActorArg t, List<ActorArg> sources)
    {
        if (t.Actor?.Code == null) return true;
        if (!ArgumentFinder.Strong(t.Actor)) return true;
        string low = t.Text.ToLowerInvariant();
        return low is "its" or "his" or "her" or "their" or "our" && sources.Exists(s => s?.Actor?.Code == t.Actor.Code);
    }

    private static bool SpeakerPronoun(SentenceView v, int tok) =>
        v.Upos(tok) == "PRON" && v.Lower[tok] is "it" or "they" or "he" or "she" or "we" or "hij" or "zij" or "ze" or "wij" or "we";

    private static ActorArg? InnermostResolvedClaimant(ClaimFinder.Result c) =>
        c.Inner.Count > 0 && c.Inner[0].Actor.Actor?.Code != null ? c.Inner[0].Actor : null;

    private static readonly string[] LightVerbLemmas = ["give", "issue", "make", "deliver", "send", "geven", "sturen", "uitvaardigen"];

    private static readonly string[] ReversalVerbs =
        ["reduce", "cut", "suspend", "halt", "cancel", "withhold", "freeze", "stop", "end", "postpone", "slash", "terminate", "scrap",
         "withdraw", "revoke", "verminderen", "schrappen", "opschorten", "stopzetten", "annuleren", "bevriezen", "afzeggen", "beëindigen"];

    /// <summary>
    /// "reduced military aid to Argentina", "cancelled a planned visit", "suspended food supplies": a cooperative
    /// event noun that is the object of a reversal verb is a SANCTION (CAMEO 16: reduce relations / aid).
    /// </summary>
    private static void Reversals(SentenceView v, List<Pending> list)
    {
        foreach (var p in list)
        {
            if (p.Skip || p.Match.Pattern.Pos != TriggerPos.Noun) continue;
            int n = p.Match.Head;
            if (v.Rel[n] == "compound" && v.Head(n) > n) n = v.Head(n); // "ended mediation efforts"
            int g = v.Head(n);
            if (g < 0 || v.Rel[n] is not ("obj" or "nsubj") || !v.IsVerbal(g) || Array.IndexOf(ReversalVerbs, v.Lemma[g]) < 0) continue;
            if (p.Match.Pattern.Type is not ("AID" or "CONSULT" or "COOPERATE" or "AGREE" or "SUPPORT")) continue;
            var old = p.Match.Pattern;
            bool aid = old.Type == "AID";
            p.Match = new TriggerMatch
            {
                Head = p.Match.Head, Tokens = p.Match.Tokens,
                Pattern = new TriggerPattern
                {
                    Type = "SANCTION", Mode = aid ? "aid" : "relations", Cameo = aid ? "164" : "161", Pos = old.Pos, Words = old.Words,
                    TargetPreps = old.TargetPreps, ObjIsTarget = old.ObjIsTarget, Source = old.Source,
                },
            };
        }
    }

    private static IEnumerable<Event> Build(Document doc, Segment seg, int si, SentenceView v, ArgumentFinder af, Pending p, List<Pending> all, string? anchor)
    {
        var m = p.Match;
        var sources = af.Resolve(p.Args.Source, p.Args.SourceBefore);
        if (sources.Count == 1 && sources[0].Actor?.Code == null && p.Args.Source < m.First && af.NameAfter(p.Args.Source, m.First) is { } name)
            sources[0] = name;
        var targets = af.Resolve(p.Args.Target);
        // A claimant of the event is never its target ("… to refugees in Liberia, the World Food Program said").
        af.Excluded.Clear();
        foreach (var cl in p.Claim.Inner) af.Excluded.Add((cl.Actor.Start, cl.Actor.End));
        targets.RemoveAll(t => t != null && af.IsExcluded(t.Start, t.End));
        string? srcCode = sources.Find(x => x.Actor?.Code != null)?.Actor?.Code;
        if (srcCode == null && sources.Count == 0 && p.Args.Source >= 0 && SpeakerPronoun(v, p.Args.Source)) srcCode = InnermostResolvedClaimant(p.Claim)?.Actor?.Code;
        if (p.Args.Target < 0 && CarriedTarget(v, af, p, all, srcCode) is { } carried)
            targets = [carried]; // "threatened to break relations with Russia": the one the carried action is aimed at
        else if (!targets.Exists(t => t.Actor?.Code != null))
        {
            if (af.ActorTargetFallback(m, p.Args, false, srcCode) is { } better)
                targets = [better]; // "praised Haiti's efforts", "provided photographs to Macedonia": the actor, not the thing
        }
        else if (targets.TrueForAll(t => WeakTarget(v, t, sources)) && af.ActorTargetFallback(m, p.Args, true, srcCode) is { } stronger)
            targets = [stronger]; // "suspended part of a military aid program for Bosnia", "reneged on his commitment to the Zambian people"
        if (sources.Count == 1 && p.Args.Source >= 0 && SpeakerPronoun(v, p.Args.Source) && InnermostResolvedClaimant(p.Claim) is { } sp
            && v.MentionAt[p.Args.Source] is int pm && pm >= 0 && v.Sentence.Mentions[pm].Antecedent is { } ante
            && ante.Start > sp.Start && ante.End <= v[p.Args.Source].Start && (ante.Actor?.Code != sp.Actor?.Code))
        {
            // "Militants loyal to Iraq's Al-Qaeda frontman said they attempted …": the pronoun is the speaker, not the
            // name inside the speaker's phrase.
            var t = v[p.Args.Source];
            sources[0] = new ActorArg { Text = t.Text, Start = t.Start, End = t.End, Actor = sp.Actor };
        }
        if (sources.Count == 0 && p.Args.Source >= 0 && SpeakerPronoun(v, p.Args.Source) && InnermostResolvedClaimant(p.Claim) is { } speaker)
        {
            // "Hungary said it will support …": a pronoun subject of reported speech is the speaker.
            var t = v[p.Args.Source];
            sources.Add(new ActorArg { Text = t.Text, Start = t.Start, End = t.End, Actor = speaker.Actor });
        }
        af.Excluded.Clear();
        if (sources.Count == 0) sources.Add(null!);
        if (targets.Count == 0) targets.Add(null!);
        var trig = TriggerSpan(v, m);
        var (date, prec) = DateResolver.Resolve(anchor, v.Lower, m.Head);
        foreach (var src in sources)
            foreach (var tgt in targets)
            {
                if (src != null && tgt != null && src.Start == tgt.Start && src.End == tgt.End) continue;
                var ev = new Event
                {
                    SegmentIndex = seg.Index, SentenceIndex = si, Type = m.Pattern.Type, Mode = m.Pattern.Mode, Cameo = m.Pattern.Cameo,
                    Trigger = trig, Source = src, Target = tgt, Date = date, DatePrecision = prec,
                };
                ev.Claim.Status = p.Claim.Status;
                if (seg.Kind == SegmentKind.Comment && !string.IsNullOrEmpty(seg.Author))
                    ev.Claim.Claimants.Add(new Claimant { Actor = new ActorArg { Text = seg.Author!, Start = seg.Start, End = seg.Start }, Cue = null });
                for (int k = p.Claim.Inner.Count - 1; k >= 0; k--) ev.Claim.Claimants.Add(p.Claim.Inner[k]);
                foreach (var c in p.Claim.Cues) ev.Claim.Cues.Add(c);
                ev.Claim.Cues.Sort((a, b) => a.Start.CompareTo(b.Start));
                ev.Id = EventId(doc.Id, v.Sentence.Start, trig.Start, ev.Type, src, tgt);
                yield return ev;
            }
    }

    private static readonly HashSet<string> IntentVerbs = new(StringComparer.Ordinal)
    {
        "offer", "promise", "pledge", "vow", "swear", "commit", "willing", "prepared", "prepare", "ready", "determined",
        "aanbieden", "beloven", "toezeggen", "zweren", "bereid", "vastbesloten", "klaar",
    };

    private static readonly HashSet<string> ConflictTypes = new(StringComparer.Ordinal)
    { "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "ACCUSE", "REJECT", "THREATEN" };

    /// <summary>
    /// A statement of intent, coded the PLOVER/CAMEO way: an event in the future through a modal ("will give aid")
    /// or an intent verb ("offered to mediate", "vowed to punish") gets a carrying event — AGREE (intent to
    /// cooperate, CAMEO 03) for cooperative actions, THREATEN (CAMEO 13) for conflictual ones, REJECT (CAMEO 12)
    /// for a negated cooperative one ("will not accept"). The future event keeps its own record and points at it.
    /// </summary>
    private static Event? Intent(Document doc, SentenceView v, Pending p, Event ev, CueLexicon cues)
    {
        var c = p.Claim;
        if (Obligation(doc, v, c, ev) is { } request) return request;
        if (Failure(doc, v, p, ev) is { } failed) return failed;
        if (!c.Future || c.Condition || c.Question || c.Hypothetical && !c.Future) return null;
        if (ev.Type is "THREATEN" or "REQUEST" || ev.Type == "AGREE" && !c.Negated) return null;
        int cueTok = -1;
        foreach (var cue in c.Cues)
        {
            if (cue.Kind != "future") continue;
            int k = v.Sentence.Tokens.FindIndex(t => t.Start == cue.Start);
            if (k < 0) continue;
            string l = v.Lemma[k];
            if (cues.FutureModals.Contains(l) || cues.FutureModals.Contains(v.Lower[k]) || IntentVerbs.Contains(l)
                || v.Lower[k] is "would" or "zou" or "zouden") { cueTok = k; break; } // reported "would" (future of the past)
        }
        if (cueTok < 0) return null;
        bool conflict = ConflictTypes.Contains(ev.Type);
        string type; string? cameo;
        if (c.Negated) { if (conflict) return null; type = "REJECT"; cameo = "120"; }
        else if (conflict || Unless(v, p.Match.Head))
        {
            // "will withdraw its force unless the government holds elections": a conditional promise is a threat.
            type = "THREATEN";
            cameo = ev.Type switch { "ASSAULT" => "138", "SANCTION" => "131", "COERCE" => "137", "MOBILIZE" => "138", _ => "130" };
        }
        else
        {
            type = "AGREE";
            cameo = ev.Type switch { "AID" => "033", "CONSULT" => "036", "COOPERATE" => "031", "CONCEDE" or "RETREAT" => "039", _ => "030" };
        }
        var trig = v.Span(cueTok, cueTok);
        var intent = new Event
        {
            SegmentIndex = ev.SegmentIndex, SentenceIndex = ev.SentenceIndex, Type = type, Mode = "intent", Cameo = cameo,
            Trigger = trig, Source = ev.Source, Target = ev.Target, Date = ev.Date, DatePrecision = ev.DatePrecision,
        };
        foreach (var cl in ev.Claim.Claimants) intent.Claim.Claimants.Add(cl);
        foreach (var cu in ev.Claim.Cues) if (cu.Kind is "attribution" or "allegation" or "denial" or "report") intent.Claim.Cues.Add(cu);
        intent.Claim.Status = c.Deny ? ClaimStatus.Denied : c.Allege || c.AllegAdverb ? ClaimStatus.Alleged
            : c.Inner.Count > 0 || c.ReportAdverb ? ClaimStatus.Reported : c.Hedge ? ClaimStatus.Hedged : ClaimStatus.Asserted;
        intent.Id = EventId(doc.Id, v.Sentence.Start, trig.Start, type, ev.Source, ev.Target);
        return intent;
    }

    /// <summary>An "unless" clause on the event or on the intent verb carrying it.</summary>
    private static bool Unless(SentenceView v, int h)
    {
        for (int node = h, step = 0; node >= 0 && step < 2; node = v.Rel[node] is "xcomp" or "ccomp" ? v.Head(node) : -1, step++)
            foreach (int c in v.Children(node))
                if (v.Rel[c] == "advcl" && v.HasChildLemma(c, "mark", "unless")) return true;
        return false;
    }

    /// <summary>
    /// "X and Y failed to reach agreement": a failed cooperative action is a REJECT (CAMEO 12) carrying it.
    /// </summary>
    private static Event? Failure(Document doc, SentenceView v, Pending p, Event ev)
    {
        int h = p.Match.Head;
        if (v.Rel[h] != "xcomp" || ConflictTypes.Contains(ev.Type)) return null;
        int g = v.Head(h);
        if (g < 0 || v.Lemma[g] is not ("fail" or "falen" or "mislukken")) return null;
        var trig = v.Span(g, g);
        var rej = new Event
        {
            SegmentIndex = ev.SegmentIndex, SentenceIndex = ev.SentenceIndex, Type = "REJECT", Cameo = "120",
            Trigger = trig, Source = ev.Source, Target = ev.Target, Date = ev.Date, DatePrecision = ev.DatePrecision,
        };
        foreach (var cl in ev.Claim.Claimants) rej.Claim.Claimants.Add(cl);
        foreach (var cu in ev.Claim.Cues) if (cu.Kind is "attribution" or "allegation" or "denial" or "report") rej.Claim.Cues.Add(cu);
        rej.Claim.Status = ev.Claim.Status is ClaimStatus.Future ? ClaimStatus.Asserted : ev.Claim.Status;
        rej.Id = EventId(doc.Id, v.Sentence.Start, trig.Start, "REJECT", ev.Source, ev.Target);
        return rej;
    }

    /// <summary>
    /// "X said Y must return the helicopter": an obligation reported from a speaker is the speaker's demand —
    /// REQUEST (CAMEO 10, mode demand) from the innermost claimant to the event's source, carrying the event.
    /// </summary>
    private static Event? Obligation(Document doc, SentenceView v, ClaimFinder.Result c, Event ev)
    {
        if (c.Inner.Count == 0 || c.Negated || c.Condition || c.Question || ev.Type == "REQUEST") return null;
        int cueTok = -1;
        foreach (var cue in c.Cues)
        {
            if (cue.Kind != "hedge") continue;
            int k = v.Sentence.Tokens.FindIndex(t => t.Start == cue.Start);
            if (k >= 0 && v.Lower[k] is "must" or "should" or "moet" or "moeten" or "dient" or "dienen") { cueTok = k; break; }
        }
        if (cueTok < 0) return null;
        var speaker = c.Inner[0].Actor;
        if (speaker.Text.Length == 0) return null;
        var trig = v.Span(cueTok, cueTok);
        var req = new Event
        {
            SegmentIndex = ev.SegmentIndex, SentenceIndex = ev.SentenceIndex, Type = "REQUEST", Mode = "demand", Cameo = "100",
            Trigger = trig, Source = speaker, Target = ev.Source, Date = ev.Date, DatePrecision = ev.DatePrecision,
        };
        for (int k = 1; k < c.Inner.Count; k++) req.Claim.Claimants.Insert(0, c.Inner[k]);
        req.Claim.Status = req.Claim.Claimants.Count > 0 ? ClaimStatus.Reported : ClaimStatus.Asserted;
        if (c.Inner[0].Cue is { } sc) req.Claim.Cues.Add(sc);
        req.Id = EventId(doc.Id, v.Sentence.Start, trig.Start, "REQUEST", req.Source, req.Target);
        return req;
    }

    private static TextSpan TriggerSpan(SentenceView v, TriggerMatch m)
    {
        int f = m.First, l = m.Last;
        if (l - f + 1 == m.Tokens.Length) return v.Span(f, l);
        // Separated pattern ("valt … aan"): the head word; the particle is part of the pattern, not the span.
        return v.Span(m.Head, m.Head);
    }

    /// <summary>Stable id: document, sentence start, trigger start, type and argument spans — reruns give the same ids.</summary>
    public static string EventId(string docId, int sentStart, int trigStart, string type, ActorArg? src, ActorArg? tgt)
    {
        var key = $"{docId}|{sentStart}|{trigStart}|{type}|{src?.Start}-{src?.End}|{tgt?.Start}-{tgt?.End}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static QuoteInfo[] QuoteState(Document doc, Segment seg)
    {
        var res = new QuoteInfo[seg.Sentences.Count];
        bool open = false;
        for (int si = 0; si < seg.Sentences.Count; si++)
        {
            var s = seg.Sentences[si];
            var q = new QuoteInfo { StartsInside = open, InQuote = new bool[s.Tokens.Count] };
            for (int i = 0; i < s.Tokens.Count; i++)
            {
                var t = s.Tokens[i].Text;
                bool isQuote = t is "\"" or "“" or "”" or "„" or "«" or "»" or "''" or "``";
                if (isQuote)
                {
                    bool opening = t is "“" or "„" or "«" or "``" || (t == "\"" && !open);
                    bool closing = t is "”" or "»" or "''" || (t == "\"" && open);
                    if (t == "”" && !open) opening = true; // Dutch style ”…” opening with a closing mark
                    if (opening && !open) { open = true; continue; }
                    if (closing && open) { open = false; continue; }
                }
                q.InQuote[i] = open;
            }
            q.EndsInside = open;
            res[si] = q;
        }
        return res;
    }

    private static Claimant? QuoteSpeaker(SentenceView v, CueLexicon cues, ArgumentFinder af, bool[] inQuote)
    {
        for (int i = 0; i < v.Count; i++)
        {
            if (inQuote[i] || !v.IsVerbal(i)) continue;
            if (!cues.Attribution.TryGetValue(v.Lemma[i], out var kind) || kind != AttributionKind.Report) continue;
            int s = af.SubjectOf(i);
            if (s < 0 || inQuote[s]) continue;
            var who = af.ResolveOne(s);
            if (who == null) continue;
            var t = v[i];
            return new Claimant { Actor = who, Cue = new ClaimCue("attribution", t.Text, t.Start, t.End) };
        }
        return null;
    }
}
