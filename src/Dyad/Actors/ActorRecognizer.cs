using Dyad.Model;

namespace Dyad.Actors;

/// <summary>Side information about a mention that coreference needs (not stored).</summary>
internal sealed class MentionInfo
{
    /// <summary>Refers to one person (a person entry, or a title with a name: "Prime Minister Ehud Barak").</summary>
    public bool PersonLike;
    public string? Gender;
    /// <summary>Head noun of a title ("minister", "general"), folded.</summary>
    public string? Title;
    /// <summary>Needs the document's dominant country: pro-government militias, Turkish-backed rebels.</summary>
    public PendingContext? Pending;
    /// <summary>Matched through a short name (surname only).</summary>
    public bool Surname;
    /// <summary>Bare "the/de + agent noun" (a definite description candidate).</summary>
    public bool BareDefinite;
}

internal sealed record PendingContext(string Sector, string? Ally, string? ExcludeCountry, bool AllyIsContextGov);

/// <summary>
/// Per-sentence recognition: dictionary matches (<see cref="ActorMatcher"/>) composed into mentions —
/// country/adjective/metonym/group + agent, agent + "of" + country, titles + person names, aligned actors
/// (pro-X, X-backed, X-led), and unresolved proper-name phrases. Stateless; safe to share.
/// </summary>
public sealed class ActorRecognizer
{
    private readonly ActorLexicon _lex;
    private ActorMatcher M => _lex.Matcher;

    public ActorRecognizer(ActorLexicon lexicon) => _lex = lexicon;

    internal static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "de", "het" };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "but", "that", "which", "who",
        "whom", "whose", "is", "are", "was", "were", "be", "been", "has", "have", "had", "said", "says", "say", "told", "will",
        "would", "could", "should", "may", "might", "must", "can", "not", "no", "as", "if", "then", "than", "this", "these",
        "those", "it", "its", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "my", "your", "after",
        "before", "during", "while", "when", "where", "why", "how", "what", "there", "here", "also", "but", "so", "yet",
        "de", "het", "een", "van", "op", "aan", "met", "door", "voor", "en", "of", "die", "dat", "deze", "dit", "zijn",
        "werd", "wordt", "heeft", "hebben", "had", "zei", "zegt", "niet", "geen", "als", "bij", "naar", "om", "tot", "uit",
        "over", "ook", "maar", "nog", "al", "er", "hij", "zij", "ze", "wij", "we", "ik", "u", "jij", "hun", "haar", "hem",
        "mr", "mrs", "ms", "dr", "according", "volgens", "since", "sinds", "until", "tot", "about", "into", "against", "tegen",
        "under", "onder", "between", "tussen", "among", "via", "per", "all", "some", "many", "most", "more", "other", "such",
        "yes", "oh", "well", "just", "now", "nu", "today", "yesterday", "tomorrow", "vandaag", "gisteren", "morgen",
    };

    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "am", "pm", "gmt", "utc", "cet",
    };

    private static readonly HashSet<string> ConnectorWords = new(StringComparer.OrdinalIgnoreCase)
        { "of", "for", "van", "voor", "al", "el", "bin", "ibn", "abu", "de", "der", "den", "du", "von", "and", "&" };

    private static readonly HashSet<string> GenericAlone = new(StringComparer.Ordinal)
    {
        "units", "unit", "state", "states", "division", "divisions", "brigade", "brigades", "battalion", "battalions", "regiment",
        "tanks", "artillery", "infantry", "garrison", "eenheden", "eenheid", "staat", "staten", "divisie", "bataljon", "bataljons",
        "artillerie", "infanterie", "garnizoen", "militaire", "militair",
        "homes", "houses", "villages", "village", "residential areas", "residential area", "residential neighbourhoods",
        "residential neighborhoods", "neighbourhoods", "neighborhoods", "refugee camps", "shops", "markets", "farms", "mosques",
        "churches", "civilian buildings", "civilian targets", "national",
        "woningen", "huizen", "dorpen", "dorp", "woonwijken", "woonwijk", "wijken", "vluchtelingenkampen", "winkels", "markten",
        "boerderijen", "moskeeen", "kerken", "burgerdoelen",
    };

    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
        { "Mr", "Mrs", "Ms", "Dr", "Sheikh", "Sir", "Lord", "Dame", "Mevrouw", "Meneer", "Dhr", "Mevr", "Sayyed", "Sayyid", "Mullah" };

    private static readonly HashSet<string> Locative = new(StringComparer.OrdinalIgnoreCase)
        { "in", "near", "outside", "around", "across", "into", "throughout", "inside", "nabij", "bij", "rond", "buiten", "rondom" };

    /// <summary>Verbs that move people or forces to or out of a place ("withdraw X from Iraq", "deploy X in Iraq").</summary>
    private static readonly HashSet<string> MovingVerbs = new(StringComparer.Ordinal)
    {
        "withdraw", "pull", "evacuate", "expel", "recall", "remove", "deploy", "send", "dispatch", "station", "airlift",
        "deport", "extradite", "repatriate", "move", "transfer", "fly", "bring", "return",
    };

    private static readonly HashSet<string> StateMediaWords = new(StringComparer.OrdinalIgnoreCase)
        { "official", "state-run", "state-owned", "government-run", "government-owned", "government-controlled", "state-controlled", "officiële", "officieel" };

    /// <summary>Last words of unknown proper names that make them non-governmental organisations.</summary>
    private static readonly HashSet<string> NgoHeads = new(StringComparer.Ordinal)
        { "Forum", "Foundation", "Association", "Society", "Watch", "Stichting", "Vereniging" };

    /// <summary>Agent nouns that are also common adjectives: agents only when tagged (or placed) as a noun.</summary>
    private static readonly HashSet<string> HeadOnlyAgents = new(StringComparer.Ordinal) { "national" };

    private static readonly HashSet<string> LoyalWords = new(StringComparer.Ordinal) { "loyal", "linked", "allied", "affiliated", "faithful", "close" };

    private static readonly HashSet<string> DirectionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest",
        "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "Christian", "Moslem", "Muslim",
    };

    private static readonly HashSet<string> BackedWords = new(StringComparer.Ordinal)
        { "led", "backed", "supported", "sponsored", "allied", "aligned", "funded", "armed", "trained", "gesteunde", "geleide", "gesteund", "geleid" };

    internal static readonly HashSet<string> PersonTitles = new(StringComparer.Ordinal)
    {
        "president", "minister", "general", "spokesman", "spokeswoman", "spokesperson", "commander", "leader", "premier",
        "chancellor", "king", "queen", "prince", "envoy", "ambassador", "secretary", "emir", "sheikh", "chief", "colonel",
        "major", "lieutenant", "brigadier", "admiral", "marshal", "governor", "mayor", "senator", "official", "officer",
        "generaal", "woordvoerder", "woordvoerster", "commandant", "leider", "koning", "koningin", "prins", "gezant",
        "ambassadeur", "secretaris", "kolonel", "majoor", "gouverneur", "burgemeester", "functionaris", "chef", "premier",
        "presidente", "ministers", "emir", "ayatollah", "imam", "cleric",
    };

    private sealed class Atom
    {
        public int First, Last;
        public required Hit Hit;
        public required IReadOnlyList<Hit> Hits;
        public Hit? AgentHit => Hit.Type == HitType.Agent ? Hit : Hits.FirstOrDefault(h => h.Type == HitType.Agent);
        public bool IsEntry => Hit.Type is HitType.Name or HitType.Metonym or HitType.Adjective or HitType.Surname;
        public bool IsPerson => Hit.Entry?.Kind == ActorKind.Person && Hit.Type is HitType.Name or HitType.Surname;
    }

    /// <summary>Result of one sentence: its mentions (text order) and their side information.</summary>
    internal sealed record SentenceResult(List<Mention> Mentions, Dictionary<Mention, MentionInfo> Info);

    /// <summary>Recognises mentions in a sentence (no coreference). <paramref name="date"/> selects people's roles.</summary>
    public List<Mention> Recognize(Sentence s, string lang, DateOnly? date) => RecognizeWithInfo(s, lang, date).Mentions;

    internal SentenceResult RecognizeWithInfo(Sentence s, string lang, DateOnly? date)
    {
        var toks = s.Tokens;
        int n = toks.Count;
        var result = new SentenceResult(new List<Mention>(), new Dictionary<Mention, MentionInfo>(ReferenceEqualityComparer.Instance));
        if (n == 0) return result;
        bool parsed = s.Parsed || toks.Any(t => t.Upos != "_");
        var inner = new List<(int Token, int PieceFirst, int PieceLast, int PieceCount, List<Hit> Hits)>();
        var matches = M.Match(toks, lang, inner);
        var atomAt = new Atom?[n];
        foreach (var m in matches)
        {
            var a = new Atom { First = m.First, Last = m.Last, Hit = ByDate(Best(m.Hits), m.Hits, date), Hits = m.Hits };
            // A short name inside a longer unknown name ("Ahmed Ben Bella") is not that person.
            if (a.Hit.Type == HitType.Surname && (CapNext(m.Last + 1) || CapPrev(m.First - 1))) continue;
            // "a US national" is a person; "national security", "the national army" are not.
            if (a.Hit.Type == HitType.Agent && m.First == m.Last && HeadOnlyAgents.Contains(toks[m.First].Text.ToLowerInvariant())
                && (parsed ? toks[m.First].Upos != "NOUN" && m.Last + 1 < n && toks[m.Last + 1].Upos is "NOUN" or "PROPN" or "ADJ" or "NUM"
                           : m.Last + 1 < n && toks[m.Last + 1].Text.Any(char.IsLetter) && !FunctionWords.Contains(toks[m.Last + 1].Text))) continue;
            atomAt[m.First] = a;
        }
        bool CapNext(int k) => k < n && toks[k].Text.Length > 1 && char.IsUpper(toks[k].Text[0]) && toks[k].Text.All(char.IsLetter) && !FunctionWords.Contains(toks[k].Text);
        bool CapPrev(int k) => k > 0 && toks[k].Text.Length > 1 && char.IsUpper(toks[k].Text[0]) && toks[k].Text.All(char.IsLetter)
                               && !FunctionWords.Contains(toks[k].Text) && !Honorifics.Contains(toks[k].Text.TrimEnd('.'))
                               && !matches.Any(x => x.First <= k && k <= x.Last);
        var modAt = new (string Kind, Hit Hit)?[n];
        foreach (var (tok, pf, pl, pc, hits) in inner)
        {
            if (atomAt[tok] != null) continue;
            var parts = ActorMatcher.KeyPieces(toks[tok].Text);
            if (parts.Count != pc) continue;
            var best = Best(hits);
            if (pf >= 1 && pl == pc - 1 && parts[0] is "pro" or "anti") modAt[tok] = (parts[0], best);
            else if (pf == 0 && pl == pc - 2 && BackedWords.Contains(parts[^1]) && best.Type != HitType.Agent) modAt[tok] = (LedOrBacked(parts[^1]), best);
        }
        var covered = new bool[n];

        Mention Add(int first, int last, MentionKind kind, ActorRef? actor, MentionInfo info, int head = -1)
        {
            // A determiner right before the span belongs to it ("the Pentagon", "het Syrische leger").
            if (kind != MentionKind.Unresolved && first > 0 && !covered[first - 1] && Determiners.Contains(toks[first - 1].Text)) first--;
            for (int k = first; k <= last; k++) covered[k] = true;
            var m = new Mention
            {
                FirstToken = first, LastToken = last, Kind = kind, Actor = actor,
                Start = toks[first].Start, End = toks[last].End,
                HeadToken = head >= 0 ? head : HeadOf(toks, first, last),
            };
            m.Text = SpanText(s, toks, first, last);
            m.Plural = IsPlural(toks[m.HeadToken], lang, parsed);
            result.Mentions.Add(m);
            result.Info[m] = info;
            return m;
        }

        int i = 0;
        while (i < n)
        {
            if (covered[i]) { i++; continue; }
            // Split forms: "Turkish - backed rebels", "pro - Assad militias".
            if (atomAt[i] is { } a0 && a0.IsEntry && a0.Last + 2 < n && IsHyphenTok(a0.Last + 1) && BackedWords.Contains(toks[a0.Last + 2].Text.ToLowerInvariant())
                && ProcessModifier(a0.First, a0.Last + 2, LedOrBacked(toks[a0.Last + 2].Text.ToLowerInvariant()), a0.Hit) is int e0) { i = e0 + 1; continue; }
            if (i + 2 < n && toks[i].Text.ToLowerInvariant() is "pro" or "anti" && IsHyphenTok(i + 1) && atomAt[i + 2] is { } a1
                && ProcessModifier(i, a1.Last, toks[i].Text.ToLowerInvariant(), a1.Hit) is int e1) { i = e1 + 1; continue; }
            if (atomAt[i] is { } a)
            {
                i = ProcessAtom(a) + 1;
                continue;
            }
            if (modAt[i] is { } mod && ProcessModifier(i, i, mod.Kind, mod.Hit) is int end and >= 0) { i = end + 1; continue; }
            i++;
        }

        int ProcessAtom(Atom a)
        {
            if (a.Hit.Type == HitType.Agent) return ProcessAgent(a);
            var e = a.Hit.Entry!;
            if (a.IsPerson)
            {
                var r = PersonRef(e, date);
                Add(a.First, a.Last, a.Hit.Type == HitType.Surname ? MentionKind.ShortName : MentionKind.Name, r,
                    new MentionInfo { PersonLike = true, Gender = e.Gender, Surname = a.Hit.Type == HitType.Surname });
                return a.Last;
            }
            // Coordinated modifiers share the agent: "Syrian and Russian troops".
            int after = a.Last + 1;
            var chain = Chain(after, allowPossessive: true, out int chainEnd);
            string? sector = null;
            if (chain.Count == 0 && a.Hit.Type is HitType.Adjective or HitType.Name && e.Kind == ActorKind.Country)
            {
                // "the Saudi, French, and Qatari agents": walk the coordinated countries to the shared agent.
                int p = after;
                Atom? lastC = null;
                while (p < n)
                {
                    int q = p;
                    while (q < n && IsCoordinator(toks[q].Text)) q++;
                    if (q == p || q >= n || atomAt[q] is not { IsEntry: true } c || c.Hit.Entry?.Kind != ActorKind.Country) break;
                    lastC = c;
                    p = c.Last + 1;
                }
                if (lastC != null)
                {
                    var c2 = Chain(lastC.Last + 1, true, out _);
                    if (c2.Count > 0)
                    {
                        sector = HeadSector(c2);
                        Add(a.First, a.Last, MentionKind.Composed, Compose(a, sector, date), InfoFor(c2, e));
                        return a.Last;
                    }
                }
            }
            if (chain.Count > 0)
            {
                sector = HeadSector(chain);
                int end = chainEnd;
                // Title + person: "Russian Foreign Minister Sergey Lavrov" → the person.
                // "an official Syrian newspaper", "state-run Iraqi television": state media speak for the government.
                if (sector == "MED" && a.First > 0 && (StateMediaWords.Contains(toks[a.First - 1].Text)
                    || a.First > 2 && toks[a.First - 2].Text == "-" && StateMediaWords.Contains(toks[a.First - 3].Text + "-" + toks[a.First - 1].Text))) sector = "GOV";
                bool formerA = Former(a.First);
                if (formerA && sector is "GOV" or "MIL" or "LEG" or "JUD") sector = "ELI";
                if (PersonAfter(end + 1) is { } p)
                {
                    Add(a.First, p.Last, p.Hit.Type == HitType.Surname ? MentionKind.ShortName : MentionKind.Name, Formerly(PersonRefUnder(p.Hit.Entry!, e, date), formerA),
                        new MentionInfo { PersonLike = true, Gender = p.Hit.Entry!.Gender, Surname = p.Hit.Type == HitType.Surname, Title = TitleOf(chain) }, p.Last);
                    return p.Last;
                }
                int headTok = chain[^1].Last;
                int nameEnd = NameRun(end + 1);
                var info = InfoFor(chain, e);
                if (nameEnd > end) { info.PersonLike = true; end = nameEnd; }
                Add(a.First, end, MentionKind.Composed, Compose(a, sector, date), info, headTok);
                return end;
            }
            if (a.Hit.Type == HitType.Adjective && e.Kind == ActorKind.Country)
            {
                int runEnd = NameRun(a.Last + 1);
                if (runEnd > a.Last)
                {
                    // "Syrian Observatory for Human Rights": a name we do not know, of that country.
                    Add(a.First, runEnd, MentionKind.Composed, EntryRef(e, date), new MentionInfo());
                    return runEnd;
                }
                string txt = toks[a.Last].Text;
                bool demonym = (txt.EndsWith('s') && lang != "nl") || (lang == "nl" && (txt.EndsWith("ers", StringComparison.Ordinal) || txt.EndsWith("iërs", StringComparison.Ordinal)));
                bool nounFollows = a.Last + 1 < n && IsNounish(a.Last + 1);
                if (demonym && !nounFollows)
                {
                    // "ethnic Albanians" are the civilians of the country they live in (the document's other country).
                    if (a.First > 0 && !covered[a.First - 1] && toks[a.First - 1].Text.ToLowerInvariant() is "ethnic")
                    {
                        Add(a.First - 1, a.Last, MentionKind.Composed, CountrySector(e, "CVL"),
                            new MentionInfo { Pending = new PendingContext("CVL", null, e.Country ?? e.Code, false) });
                        return a.Last;
                    }
                    // "Palestinians blamed Israel": a bare plural demonym as subject speaks for its side (the
                    // country, no sector); counted, qualified or affected people ("100 Palestinians", "young
                    // Algerians", "arrested Palestinians") are civilians.
                    bool side = parsed && IsBareSubject(a.Last);
                    Add(a.First, a.Last, MentionKind.Composed, side ? EntryRef(e, date) : CountrySector(e, "CVL"), new MentionInfo());
                    return a.Last;
                }
            }
            var er = EntryRef(e, date, a.Hit);
            // A capital after a locative preposition is the place, not the government ("shelling in Damascus").
            if (a.Hit.Type == HitType.Metonym && a.Hit.Sector == "GOV" && a.First > 0 && Locative.Contains(toks[a.First - 1].Text))
                er = CountrySector(e, "CVL");
            Add(a.First, a.Last, MentionKind.Name, er, new MentionInfo());
            return a.Last;
        }

        int ProcessAgent(Atom a)
        {
            var chain = Chain(a.First, allowPossessive: false, out int end);
            if (chain.Count == 0) chain = [a];
            if (chain.Count == 1) end = a.Last;
            // Generic nouns ("units", "the state", "tanks") only count with a country or group in front (or after:
            // "a village in western Cambodia").
            bool generic = chain.Count == 1 && GenericAlone.Contains(ActorMatcher.Fold(a.AgentHit!.Phrase)) && PersonAfter(end + 1) == null;
            string sector = HeadSector(chain);
            int first = LeftModifiers(a.First);
            // "former president Carlos Menem", "ex-minister X": a former office holder is an elite (CAMEO ELI).
            bool former = Former(first);
            if (former && sector is "GOV" or "MIL" or "LEG" or "JUD") sector = "ELI";
            if (PersonAfter(end + 1) is { } p)
            {
                Add(first, p.Last, p.Hit.Type == HitType.Surname ? MentionKind.ShortName : MentionKind.Name, Formerly(PersonRef(p.Hit.Entry!, date), former),
                    new MentionInfo { PersonLike = true, Gender = p.Hit.Entry!.Gender, Surname = p.Hit.Type == HitType.Surname, Title = TitleOf(chain) }, p.Last);
                return p.Last;
            }
            // "the army of Syria", "de minister van Defensie" (no country: stays an agent).
            int k = end + 1;
            // "a terror group based in Trinidad": "based in" works like "in".
            if (k + 1 < n && toks[k].Text.ToLowerInvariant() is "based" or "stationed" or "operating" && toks[k + 1].Text.ToLowerInvariant() is "in" or "inside") k++;
            if (k < n && toks[k].Text.ToLowerInvariant() is "of" or "van" or "in" or "from" or "uit" or "throughout" or "across" or "near" or "inside" or "outside"
                && (toks[k].Text.ToLowerInvariant() is "of" or "van" || ComposesWithPlace(chain, first, end)))
            {
                bool of = toks[k].Text.ToLowerInvariant() is "of" or "van";
                int k2 = k + 1;
                if (k2 < n && Determiners.Contains(toks[k2].Text)) k2++;
                // "a village in western Cambodia", "a newspaper in east Beirut": a direction word before the place.
                for (int dw = 0; dw < 2 && !of && k2 + 1 < n && atomAt[k2] == null && DirectionWords.Contains(toks[k2].Text); dw++) k2++;
                // "rebels in the Ivory Coast", "refugees from Syria": only countries (and their capitals) after in/from.
                if (k2 < n && atomAt[k2] is { IsEntry: true, IsPerson: false } c
                    && (of || (c.Hit.Entry!.Kind == ActorKind.Country && c.Hit.Type is HitType.Name or HitType.Metonym))
                    // "leaders of Romania's new government": the possessive phrase is the actor, not "leaders of Romania"
                    // ("villages near Macedonia's border" still are Macedonia's).
                    && !(of && c.Last + 1 < n && toks[c.Last + 1].Text is "'s" or "\u2019s" or "'" or "\u2019"))
                {
                    Add(first, c.Last, MentionKind.Composed, Compose(c, sector, date), InfoFor(chain, c.Hit.Entry), chain[^1].Last);
                    return c.Last;
                }
            }
            // "militants loyal to Zarqawi", "fighters linked to al-Qaeda": aligned with the entry that follows.
            if (!generic && k + 2 < n && LoyalWords.Contains(toks[k].Text.ToLowerInvariant()) && toks[k + 1].Text.ToLowerInvariant() is "to" or "with"
                && atomAt[k + 2] is { IsEntry: true } lc && sector is not ("GOV" or "CVL"))
            {
                var le = lc.Hit.Entry!;
                string? lCountry = le.Kind == ActorKind.Person ? (le.RoleAt(date)?.Country ?? le.Country) : le.Country ?? (le.Kind == ActorKind.Country ? le.Code : null);
                ActorRef lr = le.Kind is ActorKind.ArmedGroup or ActorKind.Organisation ? Compose(lc, sector, date)
                    : lCountry != null ? CountrySectorCode(lCountry, sector, le.Kind == ActorKind.Country ? le : null) with { Ally = EntryRef(le, date, lc.Hit).Code }
                    : AgentRef(chain[^1].AgentHit!.Agent!, sector);
                int lEnd = lc.Last;
                // "loyal to Iraq's al-Qaeda frontman Abu Musab al-Zarqawi": the whole phrase up to the person.
                if (le.Kind == ActorKind.Country && lc.Last + 1 < n && ActorMatcher.IsPossessiveToken(toks[lc.Last + 1].Text))
                    for (int q = lc.Last + 2; q < n && q <= lc.Last + 8; q++)
                        if (atomAt[q] is { IsPerson: true } lp) { lEnd = lp.Last; break; }
                Add(first, lEnd, MentionKind.Composed, lr, InfoFor(chain, le), chain[^1].Last);
                return lEnd;
            }
            if (generic) return a.Last;
            var info = InfoFor(chain, null);
            int nameEnd = NameRun(end + 1);
            if (nameEnd > end) { info.PersonLike = true; end = nameEnd; }
            var ref0 = AgentRef(chain[^1].AgentHit!.Agent!, sector);
            // An agent phrase "pro-government militia(s)" aligned with the document's government.
            var ph = ActorMatcher.KeyPieces(chain[0].AgentHit!.Phrase);
            if (ph.Count > 1 && ph[0] == "pro" && ph[1] is "government" or "regime" or "regering" or "regeringsgezinde")
            {
                info.Pending = new PendingContext(sector, null, null, true);
                ref0 = ref0 with { Ally = "GOV" };
            }
            info.BareDefinite = first == a.First && chain.Count == 1 && nameEnd <= a.Last && a.First > 0 && Determiners.Contains(toks[a.First - 1].Text);
            // "President Museveni", "the government" without a country: the document's country (resolved per document).
            if (info.Pending == null && sector == "GOV" && (info.PersonLike || info.BareDefinite))
                info.Pending = new PendingContext(sector, null, null, false);
            // Other bare agents ("rebels", "refugees", "police") belong to the country the document is about;
            // armed forces and unidentified gunmen are too often foreign to guess.
            else if (info.Pending == null && sector is not ("MIL" or "UAF" or "SPY" or "GOV"))
                info.Pending = new PendingContext(sector, null, null, false);
            Add(first, end, ref0.Ally != null ? MentionKind.Composed : MentionKind.Agent, ref0, info, chain[^1].Last);
            return end;
        }

        // "peacekeepers in Iraq", "withdraw aid workers from Iraq": forces sent to a country and people moved
        // out of it are not that country's; the place stays a mention of its own.
        bool ComposesWithPlace(List<Atom> chain, int first, int last)
        {
            var ag = chain[^1].AgentHit!.Agent!;
            if (ag.Id is "peacekeepers") return false;
            if (!parsed) return true;
            int h = chain[^1].Last;
            // Walk up coordination and noun-noun attachments ("weapons inspectors and aid workers") to the verb.
            for (int guard = 0; guard < 5 && toks[h].Head >= 0 && toks[toks[h].Head].Upos != "VERB" && toks[h].Deprel is "conj" or "obj" or "compound" or "appos"; guard++)
                h = toks[h].Head;
            return !(toks[h].Deprel is "obj" or "nsubj:pass" && toks[h].Head >= 0 && MovingVerbs.Contains(toks[toks[h].Head].Lemma.ToLowerInvariant()));
        }

        bool IsBareSubject(int k)
        {
            int h = k;
            if (toks[h].Deprel == "conj" && toks[h].Head >= 0) h = toks[h].Head;
            if (toks[h].Deprel is not ("nsubj" or "nsubj:pass")) return false;
            for (int j = 0; j < n; j++)
                if ((toks[j].Head == k || toks[j].Head == h && j < h) && toks[j].Deprel is "amod" or "nummod" or "det" or "compound" or "nmod:poss"
                    && !Determiners.Contains(toks[j].Text)) return false;
            return k == 0 || toks[k - 1].Upos is not ("NUM" or "ADJ");
        }

        bool Former(int k)
        {
            if (k > 0 && toks[k - 1].Text.ToLowerInvariant() is "former" or "onetime" or "one-time" or "ex") return true;
            // "ex - president" split by the tokenizer.
            return k > 1 && toks[k - 1].Text is "-" && toks[k - 2].Text.ToLowerInvariant() == "ex";
        }

        bool IsHyphenTok(int k) => toks[k].Text is "-" or "‐" or "‑" && !toks[k - 1].SpaceAfter;

        int? ProcessModifier(int tok, int modLast, string kind, Hit hit)
        {
            var chain = Chain(modLast + 1, false, out int end);
            var e = hit.Entry;
            string? xCode = hit.Type == HitType.Agent ? null : e == null ? null : EntryRef(e, date, hit).Code;
            string? xCountry = e == null ? null : e.Kind == ActorKind.Person ? (e.RoleAt(date)?.Country ?? e.Country) : e.Country ?? (e.Kind == ActorKind.Country ? e.Code : null);
            bool govLike = hit.Type == HitType.Agent ? hit.Agent!.Sector == "GOV" : hit.Type == HitType.Metonym || e?.Kind == ActorKind.Person;
            if (chain.Count == 0)
            {
                // "the US-led coalition": an entry after the modifier.
                if (modLast + 1 < n && atomAt[modLast + 1] is { IsEntry: true, IsPerson: false } c && kind is "backed" or "led")
                {
                    var r = EntryRef(c.Hit.Entry!, date, c.Hit) with { Ally = xCode };
                    Add(tok, c.Last, MentionKind.Composed, r, new MentionInfo());
                    return c.Last;
                }
                return null;
            }
            string sector = HeadSector(chain);
            var info = InfoFor(chain, null);
            ActorRef r2;
            if (kind == "led" && xCountry != null)
            {
                // "Saudi-led forces": forces of the leading state.
                r2 = CountrySectorCode(xCountry, sector, e) with { Ally = xCode };
            }
            else if (kind == "anti")
            {
                if (xCountry != null && govLike) r2 = CountrySectorCode(xCountry, sector, e);
                else { r2 = SectorRef(sector, chain[^1].AgentHit!.Agent!, null); info.Pending = new PendingContext(sector, null, xCountry, false); }
            }
            else
            {
                string s2 = kind == "pro" && sector is "REB" or "INS" ? "MIL" : sector;
                if (kind == "pro" && govLike && hit.Type == HitType.Agent)
                {
                    r2 = SectorRef(s2, chain[^1].AgentHit!.Agent!, "GOV");
                    info.Pending = new PendingContext(s2, null, null, true);
                }
                else if (kind == "pro" && govLike && xCountry != null)
                    r2 = CountrySectorCode(xCountry, s2, e) with { Ally = xCode };
                else
                {
                    r2 = SectorRef(s2, chain[^1].AgentHit!.Agent!, xCode);
                    info.Pending = new PendingContext(s2, xCode, xCountry, false);
                }
            }
            Add(tok, end, MentionKind.Composed, r2, info, chain[^1].Last);
            return end;
        }

        // The agent atoms of a noun phrase starting at token t (modifiers in between), and the last agent's end.
        List<Atom> Chain(int t, bool allowPossessive, out int endTok)
        {
            var list = new List<Atom>();
            endTok = -1;
            int pos = t, gap = 0;
            while (pos < n)
            {
                if (allowPossessive && list.Count == 0 && gap == 0 && pos == t && ActorMatcher.IsPossessiveToken(toks[pos].Text)) { pos++; continue; }
                if (atomAt[pos] is { } x)
                {
                    if (x.AgentHit != null && (x.Hit.Type == HitType.Agent || !x.IsPerson && x.Hit.Type != HitType.Name))
                    {
                        list.Add(x);
                        endTok = x.Last;
                        pos = x.Last + 1;
                        gap = 0;
                        continue;
                    }
                    break;
                }
                if (gap < (parsed ? 3 : 1) && IsGapModifier(pos)) { gap++; pos++; continue; }
                break;
            }
            return list;
        }

        bool IsGapModifier(int k)
        {
            var t = toks[k];
            if (covered[k] || modAt[k] != null) return false;
            string w = t.Text;
            if (!w.Any(char.IsLetterOrDigit)) return w.All(ch => ch is '-' or '‐' or '‘' or '’' or '\'' or '"' or '“' or '”');
            if (FunctionWords.Contains(w) || DateWords.Contains(w)) return false;
            if (parsed)
            {
                if (t.Upos is "ADJ" or "PROPN" or "NUM") return true;
                return t.Upos == "NOUN" && t.Deprel is "compound" or "amod" or "flat" or "nmod" or "nmod:poss" or "_" or "dep";
            }
            return !w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("ing", StringComparison.Ordinal);
        }

        bool IsNounish(int k)
        {
            var t = toks[k];
            if (parsed) return t.Upos is "NOUN" or "PROPN";
            return t.Text.Any(char.IsLetter) && !FunctionWords.Contains(t.Text) && !t.Text.EndsWith("ed", StringComparison.Ordinal);
        }

        bool IsNameTok(int k)
        {
            if (k >= n || covered[k] || atomAt[k] != null || modAt[k] != null) return false;
            var t = toks[k];
            if (t.Text.Length == 0 || !char.IsUpper(t.Text[0]) || DateWords.Contains(t.Text) || FunctionWords.Contains(t.Text)) return false;
            if (parsed && t.Upos is not ("PROPN" or "NOUN" or "ADJ" or "X")) return false;
            return true;
        }

        // Capitalised name tokens right after t-1 ("… Minister Ehud Barak"); returns the last one or t-1.
        int NameRun(int t)
        {
            int k = t;
            while (k < n && k - t < 5)
            {
                if (IsNameTok(k)) { k++; continue; }
                // "Observatory for Human Rights": a connector between two name words.
                if (k > t && k + 1 < n && ConnectorWords.Contains(toks[k].Text) && char.IsLower(toks[k].Text[0]) && IsNameTok(k + 1)) { k++; continue; }
                break;
            }
            return k - 1;
        }

        Atom? PersonAfter(int t)
        {
            for (int k = t; k < n && k <= t + 2; k++)
            {
                if (atomAt[k] is { } p) return p.IsPerson ? p : null;
                if (!IsNameTok(k)) return null;
            }
            return null;
        }

        int LeftModifiers(int first)
        {
            int f = first;
            while (f > 0 && first - f < 2 && !covered[f - 1] && atomAt[f - 1] == null && modAt[f - 1] == null)
            {
                var t = toks[f - 1];
                bool ok = parsed ? t.Upos is "ADJ" or "PROPN" && char.IsUpper(t.Text[0]) : char.IsUpper(t.Text[0]) && t.Text.Any(char.IsLetter);
                if (!ok || FunctionWords.Contains(t.Text) || DateWords.Contains(t.Text)) break;
                // Sentence-initial capitals are not name evidence unless tagged.
                if (f - 1 == 0 && !parsed) break;
                f--;
            }
            return f;
        }

        // Unresolved proper-name phrases: kept, never dropped.
        int u = 0;
        while (u < n)
        {
            if (!IsUnresolvedStart(u)) { u++; continue; }
            int end = u;
            while (end + 1 < n)
            {
                if (IsUnresolvedCont(end + 1)) { end++; continue; }
                if (end + 2 < n && ConnectorWords.Contains(toks[end + 1].Text) && char.IsLower(toks[end + 1].Text[0]) && IsUnresolvedCont(end + 2)) { end += 2; continue; }
                break;
            }
            // "the Third World Water Forum", "the Carter Foundation": an unknown organisation named by its kind.
            if (NgoHeads.Contains(toks[end].Text) && (end > u || u > 0 && IsCapWord(u - 1)))
                Add(u, end, MentionKind.Name, new ActorRef { Code = "NGO", Sector = "NGO", Kind = "organisation", Name = SpanText(s, toks, u, end) }, new MentionInfo());
            else
                Add(u, end, MentionKind.Unresolved, null, new MentionInfo { PersonLike = false });
            u = end + 1;
        }

        bool IsUnresolvedStart(int k)
        {
            if (covered[k] || !IsCapWord(k)) return false;
            var t = toks[k];
            if (parsed) return t.Upos == "PROPN" && !(k == 0 && FunctionWords.Contains(t.Text));
            if (k == 0 || IsSentenceStartLike(k)) return k + 1 < n && IsCapWord(k + 1) && !covered[k + 1] && !FunctionWords.Contains(t.Text);
            return true;
        }

        bool IsUnresolvedCont(int k) => !covered[k] && IsCapWord(k) && (!parsed || toks[k].Upos is "PROPN" or "NOUN" or "ADJ" or "X" or "NUM");

        bool IsCapWord(int k)
        {
            var t = toks[k];
            if (t.Text.Length == 0 || !char.IsUpper(t.Text[0]) || !t.Text.Any(char.IsLetter)) return false;
            if (DateWords.Contains(t.Text) || FunctionWords.Contains(t.Text)) return false;
            if (t.Text.Length == 1) return false;
            return true;
        }

        bool IsSentenceStartLike(int k) => k > 0 && toks[k - 1].Text is "\"" or "“" or "(" or "'" or ":" or "‘" or "-" or "—";

        result.Mentions.Sort((x, y) => x.FirstToken.CompareTo(y.FirstToken));
        return result;
    }

    /// <summary>A person introduced as a former office holder: the person's country with sector ELI.</summary>
    private static ActorRef Formerly(ActorRef p, bool former) =>
        !former || p.Country == null || p.Sector is not ("GOV" or "MIL" or "LEG" or "JUD") ? p
            : p with { Code = p.Country + "ELI", Sector = "ELI" };

    private static string LedOrBacked(string w) => w is "led" or "geleid" or "geleide" ? "led" : "backed";

    private static bool IsCoordinator(string w) => w is "and" or "en" or "or" or "," or "&" or "of";

    /// <summary>
    /// Two people with the same short name ("Ivanov", "Aliyev", "Tshisekedi"): the one holding a role at the date
    /// (else the one whose roles are closest to it) instead of simply the later entry.
    /// </summary>
    private static Hit ByDate(Hit best, IReadOnlyList<Hit> hits, DateOnly? date)
    {
        if (date is not { } d || best.Entry?.Kind != ActorKind.Person || best.Type is not (HitType.Name or HitType.Surname) || hits.Count < 2) return best;
        Hit? pick = null;
        int bestDist = int.MaxValue;
        foreach (var h in hits)
        {
            // A listed name and another person's short name compete too ("Tshisekedi").
            if (h.Type is not (HitType.Name or HitType.Surname) || h.Entry?.Kind != ActorKind.Person || h.Entry.Roles.Count == 0) continue;
            int dist = int.MaxValue;
            foreach (var r in h.Entry.Roles)
            {
                int from = (r.From ?? DateOnly.MinValue).DayNumber, to = (r.To ?? DateOnly.MaxValue).DayNumber;
                int x = d.DayNumber < from ? from - d.DayNumber : d.DayNumber > to ? d.DayNumber - to : 0;
                dist = Math.Min(dist, x);
            }
            if (dist < bestDist || (dist == bestDist && pick != null && h.Order > pick.Order)) { pick = h; bestDist = dist; }
        }
        return pick ?? best;
    }

    private static Hit Best(IReadOnlyList<Hit> hits)
    {
        Hit best = hits[0];
        foreach (var h in hits)
            if (h.Type < best.Type || (h.Type == best.Type && h.Order > best.Order)) best = h;
        return best;
    }

    private static string HeadSector(List<Atom> chain)
    {
        string head = chain[^1].AgentHit!.Agent!.Sector;
        if (head == "MIL")
            for (int k = chain.Count - 2; k >= 0; k--)
            {
                string s = chain[k].AgentHit!.Agent!.Sector;
                if (s is not ("GOV" or "MIL")) return s; // "rebel forces", "police forces"
            }
        return head;
    }

    private static string? TitleOf(List<Atom> chain)
    {
        var last = chain[^1].AgentHit?.Phrase;
        if (last == null) return null;
        string w = ActorMatcher.Fold(last.Split(' ')[^1]);
        return PersonTitles.Contains(w) ? w : null;
    }

    private static MentionInfo InfoFor(List<Atom> chain, ActorEntry? e)
    {
        var info = new MentionInfo { Title = TitleOf(chain) };
        return info;
    }

    private static int HeadOf(List<Token> toks, int first, int last)
    {
        for (int k = first; k <= last; k++)
        {
            int h = toks[k].Head;
            if (toks[k].Deprel == "_") break;
            if (h < first || h > last) return k;
        }
        int hh = last;
        while (hh > first && (ActorMatcher.IsPossessiveToken(toks[hh].Text) || !toks[hh].Text.Any(char.IsLetterOrDigit))) hh--;
        return hh;
    }

    private static bool IsPlural(Token t, string lang, bool parsed)
    {
        if (parsed && t.Feats != "_") return t.Feats.Contains("Number=Plur", StringComparison.Ordinal);
        if (t.Xpos is "NNS" or "NNPS") return true;
        string w = t.Text;
        if (lang == "nl") return w.Length > 3 && (w.EndsWith("en", StringComparison.Ordinal) || w.EndsWith("ers", StringComparison.Ordinal));
        return w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && char.IsLower(w[0]);
    }

    internal static string SpanText(Sentence s, List<Token> toks, int first, int last)
    {
        int a = toks[first].Start - s.Start, b = toks[last].End - s.Start;
        if (a >= 0 && b <= s.Text.Length && a <= b && s.Text.Length > 0)
            return s.Text.Substring(a, b - a);
        var sb = new System.Text.StringBuilder();
        for (int k = first; k <= last; k++)
        {
            sb.Append(toks[k].Text);
            if (k < last && toks[k].SpaceAfter && !ActorMatcher.IsPossessiveToken(toks[k + 1].Text)) sb.Append(' ');
        }
        return sb.ToString();
    }

    // ------------------------------------------------------------------ actor references

    /// <summary>
    /// "U.N. mediator Diego Cordovez", "Iraqi Foreign Minister Tariq Aziz": a title naming an organisation or country
    /// selects the person's role with that code when the role at the date is another one.
    /// </summary>
    internal static ActorRef PersonRefUnder(ActorEntry person, ActorEntry title, DateOnly? date)
    {
        var at = person.RoleAt(date);
        string prefix = title.Kind == ActorKind.Country ? title.Code : title.Kind == ActorKind.Igo ? title.Code : "";
        if (prefix.Length < 3 || at == null || (at.EffectiveCode(person.Country) ?? "").StartsWith(prefix, StringComparison.Ordinal)) return PersonRef(person, date);
        ActorRole? pick = null;
        int bestDist = int.MaxValue;
        foreach (var r in person.Roles)
        {
            if (!(r.EffectiveCode(person.Country) ?? "").StartsWith(prefix, StringComparison.Ordinal)) continue;
            int dist = 0;
            if (date is { } d)
            {
                int from = (r.From ?? DateOnly.MinValue).DayNumber, to = (r.To ?? DateOnly.MaxValue).DayNumber;
                dist = d.DayNumber < from ? from - d.DayNumber : d.DayNumber > to ? d.DayNumber - to : 0;
            }
            if (dist < bestDist) { pick = r; bestDist = dist; }
        }
        return pick == null ? PersonRef(person, date) : PersonRef(person, date, pick);
    }

    internal static ActorRef PersonRef(ActorEntry e, DateOnly? date, ActorRole? forced = null)
    {
        var role = forced ?? e.RoleAt(date);
        string? country = role?.Country ?? e.Country;
        return new ActorRef
        {
            Code = role?.EffectiveCode(e.Country) ?? (e.Code.Length > 0 ? e.Code : null),
            Country = country,
            Sector = role?.Sector ?? e.Sector,
            Wikidata = e.Wikidata,
            Name = e.Name,
            EntryId = e.Id,
            Kind = "person",
            Person = e.Name,
        };
    }

    internal static ActorRef EntryRef(ActorEntry e, DateOnly? date, Hit? hit = null)
    {
        if (e.Kind == ActorKind.Person) return PersonRef(e, date);
        if (hit?.Type == HitType.Metonym && hit.Sector != null) return CountrySector(e, hit.Sector);
        return new ActorRef
        {
            Code = e.Code.Length > 0 ? e.Code : null,
            Country = e.Country ?? (e.Kind == ActorKind.Country ? e.Code : null),
            Sector = e.Sector,
            Wikidata = e.Wikidata,
            Name = e.Name,
            EntryId = e.Id,
            Kind = ActorEntry.KindName(e.Kind),
        };
    }

    internal static ActorRef CountrySector(ActorEntry e, string sector) => new()
    {
        Code = (e.Country ?? e.Code) + sector,
        Country = e.Country ?? e.Code,
        Sector = sector,
        Wikidata = e.Wikidata,
        Name = e.Name,
        EntryId = e.Id,
        Kind = ActorEntry.KindName(e.Kind),
    };

    private static ActorRef CountrySectorCode(string country, string sector, ActorEntry? e) => new()
    {
        Code = country + sector,
        Country = country,
        Sector = sector,
        Kind = "country",
        EntryId = e?.Kind == ActorKind.Country ? e.Id : null,
        Name = e?.Kind == ActorKind.Country ? e.Name : null,
        Wikidata = e?.Kind == ActorKind.Country ? e.Wikidata : null,
    };

    internal static ActorRef AgentRef(AgentEntry a, string sector) => new()
    {
        Code = sector, Sector = sector, EntryId = a.Id, Kind = "agent",
    };

    private static ActorRef SectorRef(string sector, AgentEntry a, string? ally) => new()
    {
        Code = sector, Sector = sector, EntryId = a.Id, Kind = "agent", Ally = ally,
    };

    /// <summary>An entry (country, group, IGO, person, metonym) combined with an agent sector.</summary>
    private static ActorRef Compose(Atom a, string sector, DateOnly? date)
    {
        var e = a.Hit.Entry!;
        switch (e.Kind)
        {
            case ActorKind.Country:
                if (a.Hit.Type == HitType.Metonym && sector == "GOV" && a.Hit.Sector is not null and not "CVL") return CountrySector(e, a.Hit.Sector);
                return CountrySector(e, sector);
            case ActorKind.Person:
            {
                var p = PersonRef(e, date);
                if (p.Country == null) return p;
                return new ActorRef { Code = p.Country + sector, Country = p.Country, Sector = sector, Kind = "country", Name = p.Name, EntryId = e.Id, Wikidata = e.Wikidata };
            }
            case ActorKind.Igo:
                return EntryRef(e, date) with { Sector = e.Sector ?? sector };
            default:
                // "al-Qaeda fighters", "the al-Qaeda terror network": a transnational group's code already says what
                // it is (IMG..., no sector); its leaders or spokesmen still take the agent's sector.
                if (e.Sector == null && e.Code.StartsWith("IMG", StringComparison.Ordinal) && sector is "REB" or "INS" or "MIL" or "UAF")
                    return EntryRef(e, date);
                if (a.Hit.Type == HitType.Adjective && e.Country != null && e.Kind != ActorKind.ArmedGroup)
                    return EntryRef(e, date) with { Sector = e.Sector ?? sector };
                return EntryRef(e, date) with { Sector = e.Sector ?? sector };
        }
    }
}
