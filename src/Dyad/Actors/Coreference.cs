using Dyad.Model;

namespace Dyad.Actors;

/// <summary>
/// Within-document coreference over recognised mentions, segment by segment (a comment does not refer
/// back into the article): pronouns (he/she/it/they; hij/zij/ze/hem/haar/hun), definite descriptions
/// ("the group", "the minister", "the militants", "de groep") and short names ("Lavrov") are linked to
/// the nearest compatible preceding mention within <see cref="Window"/> sentences; the actor is copied.
/// </summary>
internal static class Coreference
{
    public const int Window = 5;

    private enum Want { PersonM, PersonF, PersonOrPlural, NonPersonSingular, Plural, PersonFOrPlural }

    private static readonly Dictionary<string, Want> PronounsEn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["he"] = Want.PersonM, ["him"] = Want.PersonM, ["his"] = Want.PersonM, ["himself"] = Want.PersonM,
        ["she"] = Want.PersonF, ["her"] = Want.PersonF, ["hers"] = Want.PersonF, ["herself"] = Want.PersonF,
        ["it"] = Want.NonPersonSingular, ["its"] = Want.NonPersonSingular,
        ["they"] = Want.Plural, ["them"] = Want.Plural, ["their"] = Want.Plural, ["themselves"] = Want.Plural,
    };

    private static readonly Dictionary<string, Want> PronounsNl = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hij"] = Want.PersonM, ["hem"] = Want.PersonM, ["zijn"] = Want.PersonM,
        ["zij"] = Want.PersonFOrPlural, ["ze"] = Want.PersonFOrPlural, ["haar"] = Want.PersonF,
        ["hun"] = Want.Plural, ["hen"] = Want.Plural,
    };

    private enum DescClass { Group, Militants, Title, Country, Government, Alliance }

    private static readonly Dictionary<string, DescClass> Descriptions = new(StringComparer.Ordinal)
    {
        ["group"] = DescClass.Group, ["organisation"] = DescClass.Group, ["organization"] = DescClass.Group, ["movement"] = DescClass.Group,
        ["militia"] = DescClass.Group, ["faction"] = DescClass.Group, ["groep"] = DescClass.Group, ["organisatie"] = DescClass.Group,
        ["beweging"] = DescClass.Group, ["militie"] = DescClass.Group, ["factie"] = DescClass.Group, ["terreurgroep"] = DescClass.Group,
        ["militants"] = DescClass.Militants, ["rebels"] = DescClass.Militants, ["jihadists"] = DescClass.Militants, ["insurgents"] = DescClass.Militants,
        ["fighters"] = DescClass.Militants, ["extremists"] = DescClass.Militants, ["terrorists"] = DescClass.Militants, ["militanten"] = DescClass.Militants,
        ["rebellen"] = DescClass.Militants, ["jihadisten"] = DescClass.Militants, ["strijders"] = DescClass.Militants, ["opstandelingen"] = DescClass.Militants,
        ["terroristen"] = DescClass.Militants, ["extremisten"] = DescClass.Militants,
        ["country"] = DescClass.Country, ["nation"] = DescClass.Country, ["land"] = DescClass.Country,
        ["regime"] = DescClass.Government, ["government"] = DescClass.Government, ["regering"] = DescClass.Government, ["kabinet"] = DescClass.Government,
        ["alliance"] = DescClass.Alliance, ["coalition"] = DescClass.Alliance, ["alliantie"] = DescClass.Alliance, ["coalitie"] = DescClass.Alliance,
        ["bondgenootschap"] = DescClass.Alliance,
    };

    private static readonly HashSet<string> DefiniteDets = new(StringComparer.OrdinalIgnoreCase) { "the", "this", "that", "de", "het", "deze", "die", "dit" };

    [ThreadStatic] private static IReadOnlyDictionary<string, ActorEntry>? _entries;

    private sealed record Prior(Mention M, MentionInfo Info, int Sentence)
    {
        /// <summary>Last word of a person-like mention's text (short-name matching), else null.</summary>
        public string? LastWord { get; } = Info.PersonLike ? LastOf(M.Text) : null;
    }

    private static string LastOf(string text)
    {
        int e = text.Length;
        while (e > 0 && char.IsWhiteSpace(text[e - 1])) e--;
        int b = text.LastIndexOf(' ', Math.Max(0, e - 1));
        return text[(b + 1)..e];
    }

    /// <summary>Links mentions of one segment's sentences (in order); adds pronoun and description mentions.</summary>
    public static void Resolve(IReadOnlyList<(Sentence S, string Lang, ActorRecognizer.SentenceResult R)> sentences, ActorMatcher matcher, IReadOnlyDictionary<string, ActorEntry> entries)
    {
        _entries = entries;
        var history = new List<Prior>();
        for (int si = 0; si < sentences.Count; si++)
        {
            var (s, lang, r) = sentences[si];
            var toks = s.Tokens;
            var covered = new bool[toks.Count];
            foreach (var m in r.Mentions) for (int k = m.FirstToken; k <= m.LastToken && k < covered.Length; k++) covered[k] = true;
            // Pronoun and description candidates not inside a mention.
            var extra = new List<(int Tok, Want? P, DescClass? D, string Word)>();
            var pron = lang == "nl" ? PronounsNl : lang == "en" ? PronounsEn : null;
            for (int k = 0; k < toks.Count; k++)
            {
                if (covered[k]) continue;
                string w = toks[k].Text;
                if (pron != null && pron.TryGetValue(w, out var want))
                {
                    if (IsReferentialPronoun(toks, k, lang)) extra.Add((k, want, null, w));
                    continue;
                }
                if (w.Length > 2 && char.IsUpper(w[0]) && w.All(char.IsLetter) && (k + 1 >= toks.Count || !char.IsUpper(toks[k + 1].Text.FirstOrDefault()))
                    && (k == 0 || !char.IsUpper(toks[k - 1].Text.FirstOrDefault())))
                {
                    // A repeated last name of an unknown titled person, where the recogniser saw no name (sentence start).
                    extra.Add((k, null, (DescClass)(-2), w));
                    continue;
                }
                if (k == 0 || !DefiniteDets.Contains(toks[k - 1].Text)) continue;
                string f = ActorMatcher.Fold(w);
                if (!covered[k - 1]
                    && (Descriptions.ContainsKey(f) || ActorRecognizer.PersonTitles.Contains(f)))
                    extra.Add((k, null, Descriptions.TryGetValue(f, out var dc) ? dc : DescClass.Title, f));
            }
            // Walk mentions and candidates in text order so that "Lavrov said he …" links within the sentence.
            var items = r.Mentions.Select(m => (Tok: m.FirstToken, M: (Mention?)m, X: ((int Tok, Want? P, DescClass? D, string Word)?)null))
                .Concat(extra.Select(x => (Tok: x.Tok, M: (Mention?)null, X: ((int Tok, Want? P, DescClass? D, string Word)?)x)))
                .OrderBy(x => x.Tok).ToList();
            var added = new List<Mention>();
            foreach (var it in items)
            {
                if (it.M is { } m)
                {
                    var info = r.Info.TryGetValue(m, out var inf) ? inf : new MentionInfo();
                    LinkExisting(m, info, history, si, s, matcher);
                    if (m.Actor?.Code != null || m.Kind == MentionKind.Composed) history.Add(new Prior(m, info, si));
                    continue;
                }
                var x = it.X!.Value;
                if (x.P is { } want)
                {
                    var ante = Find(history, si, p => Compatible(p, want));
                    if (ante == null) continue;
                    var pm = Make(s, x.Tok, x.Tok, MentionKind.Pronoun, ante.M);
                    pm.Plural = want == Want.Plural || (want == Want.PersonFOrPlural && ante.M.Plural);
                    added.Add(pm);
                    // A pronoun does not become an antecedent itself: the chain stays on the named mention.
                }
                else if (x.D is { } sn && (int)sn == -2)
                {
                    Prior? ante = null;
                    for (int k = history.Count - 1; k >= 0 && ante == null; k--)
                    {
                        var p = history[k];
                        if (si - p.Sentence > 20) break;
                        if (p.LastWord != null && p.M.Text.Length > x.Word.Length && string.Equals(p.LastWord, x.Word, StringComparison.OrdinalIgnoreCase)) ante = p;
                    }
                    if (ante == null) continue;
                    var sm = Make(s, x.Tok, x.Tok, MentionKind.ShortName, ante.M);
                    added.Add(sm);
                }
                else if (x.D is { } dc)
                {
                    var ante = Find(history, si, p => DescribedBy(p, dc, x.Word));
                    if (ante == null) continue;
                    var dm = Make(s, x.Tok - 1, x.Tok, MentionKind.Description, ante.M);
                    if (dc == DescClass.Government && ante.M.Actor?.Country is { } c && ante.M.Actor.Sector != "GOV")
                        dm.Actor = new ActorRef { Code = c + "GOV", Country = c, Sector = "GOV", Kind = "country", Name = ante.M.Actor.Kind == "country" ? ante.M.Actor.Name : null, Wikidata = ante.M.Actor.Kind == "country" ? ante.M.Actor.Wikidata : null };
                    dm.Plural = x.Word.EndsWith('s') || x.Word.EndsWith("en", StringComparison.Ordinal);
                    added.Add(dm);
                    history.Add(new Prior(dm, new MentionInfo { PersonLike = ante.Info.PersonLike, Gender = ante.Info.Gender, Title = ante.Info.Title }, si));
                }
            }
            if (added.Count > 0)
            {
                r.Mentions.AddRange(added);
                r.Mentions.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
            }
        }
    }

    private static void LinkExisting(Mention m, MentionInfo info, List<Prior> history, int si, Sentence s, ActorMatcher matcher)
    {
        // Short names: "Lavrov" after "Foreign Minister Sergey Lavrov".
        if (info.Surname && m.Actor?.EntryId is { } id)
        {
            string key = string.Join(' ', ActorMatcher.KeyPieces(m.Text.Split(' ')[^1]));
            var candidates = matcher.PersonsBySurname(key);
            Prior? ante = null;
            for (int k = history.Count - 1; k >= 0 && ante == null; k--)
                if (history[k].M.Actor?.EntryId is { } pid && (pid == id || candidates.Any(c => c.Id == pid))) ante = history[k];
            if (ante != null)
            {
                m.Antecedent = ante.M;
                m.Actor = ante.M.Actor;
                m.Kind = MentionKind.ShortName;
            }
            return;
        }
        // A bare "the militants" / "the minister" already recognised as an agent.
        if (m.Kind == MentionKind.Agent && info.BareDefinite && m.FirstToken < m.LastToken)
        {
            string w = ActorMatcher.Fold(s.Tokens[m.LastToken].Text);
            DescClass dc = Descriptions.TryGetValue(w, out var d) ? d : ActorRecognizer.PersonTitles.Contains(w) ? DescClass.Title : (DescClass)(-1);
            if ((int)dc < 0) return;
            var ante = Find(history, si, p => DescribedBy(p, dc, w));
            if (ante == null) return;
            m.Antecedent = ante.M;
            m.Kind = MentionKind.Description;
            if (dc == DescClass.Government && ante.M.Actor?.Country is { } c && ante.M.Actor.Sector != "GOV")
                m.Actor = new ActorRef { Code = c + "GOV", Country = c, Sector = "GOV", Kind = "country", Name = ante.M.Actor.Kind == "country" ? ante.M.Actor.Name : null, Wikidata = ante.M.Actor.Kind == "country" ? ante.M.Actor.Wikidata : null };
            else m.Actor = ante.M.Actor;
            info.PersonLike = ante.Info.PersonLike;
            info.Gender = ante.Info.Gender;
            return;
        }
        // A single unknown name repeating the last word of an earlier titled name ("Barak" after "Prime Minister Ehud Barak").
        if (m.Kind == MentionKind.Unresolved && m.FirstToken == m.LastToken)
        {
            string w = m.Text;
            for (int k = history.Count - 1; k >= 0; k--)
            {
                var p = history[k];
                if (si - p.Sentence > 20) break;
                if (p.LastWord == null || p.M.Text.Length <= w.Length) continue;
                if (string.Equals(p.LastWord, w, StringComparison.OrdinalIgnoreCase))
                {
                    m.Antecedent = p.M;
                    m.Actor = p.M.Actor;
                    m.Kind = MentionKind.ShortName;
                    info.PersonLike = true;
                    info.Gender = p.Info.Gender;
                    return;
                }
            }
        }
    }

    private static bool IsReferentialPronoun(List<Token> toks, int k, string lang)
    {
        var t = toks[k];
        if (t.Deprel == "expl") return false;
        string w = t.Text.ToLowerInvariant();
        if (lang == "en" && w == "it" && k + 1 < toks.Count && toks[k + 1].Text.ToLowerInvariant() is "is" or "was" or "'s" or "’s" or "seems" or "seemed" or "appears" or "appeared" or "remains" or "would" or "will" or "has" or "had")
            return false;
        if (lang == "nl" && w == "zijn")
            return t.Upos is "DET" or "PRON" || (t.Upos == "_" && k + 1 < toks.Count && char.IsLower(toks[k + 1].Text[0]) && k > 0 && toks[k - 1].Text.ToLowerInvariant() is "met" or "van" or "in" or "door" or "op" or "voor" or "aan");
        if (lang == "nl" && w == "haar" && t.Upos is "VERB") return false;
        return true;
    }

    private static Prior? Find(List<Prior> history, int si, Func<Prior, bool> ok)
    {
        for (int k = history.Count - 1; k >= 0; k--)
        {
            var p = history[k];
            if (si - p.Sentence > Window) break;
            if (ok(p)) return p;
        }
        return null;
    }

    private static bool IsGroup(Prior p) => p.M.Actor?.Kind is "armed-group" or "organisation";

    private static bool Compatible(Prior p, Want want)
    {
        if (p.M.Actor?.Code == null) return false;
        bool person = p.Info.PersonLike;
        return want switch
        {
            Want.PersonM => person && p.Info.Gender != "f",
            Want.PersonF => person && p.Info.Gender != "m",
            Want.PersonFOrPlural => person ? p.Info.Gender != "m" : p.M.Plural || IsGroup(p),
            Want.PersonOrPlural => person || p.M.Plural,
            Want.NonPersonSingular => !person && !p.M.Plural && p.M.Actor.Kind is "country" or "igo" or "organisation" or "armed-group" or "agent",
            Want.Plural => !person && (p.M.Plural || IsGroup(p)),
            _ => false,
        };
    }

    private static bool DescribedBy(Prior p, DescClass dc, string word)
    {
        var a = p.M.Actor;
        if (a?.Code == null) return false;
        switch (dc)
        {
            case DescClass.Group: return IsGroup(p) && p.M.Kind is MentionKind.Name or MentionKind.ShortName or MentionKind.Description;
            case DescClass.Militants: return IsGroup(p) || (a.Sector is "REB" or "INS" && !p.Info.PersonLike);
            case DescClass.Country: return a.Kind == "country" && a.Sector == null;
            case DescClass.Government: return a.Country != null && !p.Info.PersonLike && a.Kind is "country" || (p.Info.PersonLike && a.Country != null && a.Sector == "GOV");
            case DescClass.Alliance: return a.Kind == "igo" || (a.Code?.StartsWith("IGO", StringComparison.Ordinal) ?? false);
            case DescClass.Title:
                if (!p.Info.PersonLike) return false;
                if (p.Info.Title == word) return true;
                if (a.EntryId != null && _entries != null && _entries.TryGetValue(a.EntryId, out var pe) && pe.Kind == ActorKind.Person
                    && pe.Roles.Any(r => r.Title != null && r.Title.Split(' ', '-').Any(t => ActorMatcher.Fold(t) == word || ActorMatcher.Fold(t) == word + "s")))
                    return true;
                return p.M.Text.Contains(word, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static Mention Make(Sentence s, int first, int last, MentionKind kind, Mention ante)
    {
        var toks = s.Tokens;
        return new Mention
        {
            FirstToken = first, LastToken = last, HeadToken = last, Start = toks[first].Start, End = toks[last].End,
            Text = ActorRecognizer.SpanText(s, toks, first, last), Kind = kind, Actor = ante.Actor, Antecedent = ante,
        };
    }
}
