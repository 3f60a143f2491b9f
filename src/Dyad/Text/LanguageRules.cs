namespace Dyad.Text;

/// <summary>
/// Per-language tokenization conventions and word lists. English follows UD English EWT (clitics are
/// multiword tokens "do|n't", hyphens between letters split except after a few prefixes); Dutch follows
/// UD Alpino/LassySmall (nothing is split at apostrophes or hyphens: "z'n", "programma's", "SOA-preventie").
/// The lists are facts about the languages, written here; frequent abbreviations were checked against the
/// UD training data.
/// </summary>
public sealed class LanguageRules
{
    public string Language { get; }
    /// <summary>EWT style: "don't" → "do" + "n't", "Syria's" → "Syria" + "'s" (multiword tokens).</summary>
    public bool SplitClitics { get; init; }
    /// <summary>EWT style: "center-north" → "center" "-" "north" (but "non-stop", "e-mail", "al-Qaeda" stay).</summary>
    public bool SplitHyphens { get; init; }
    /// <summary>EWT style: "and/or" → "and" "/" "or".</summary>
    public bool SplitSlashes { get; init; }
    /// <summary>Dutch: "'s", "'t", "'80" keep their leading apostrophe.</summary>
    public bool LeadingApostropheWords { get; init; }

    private readonly Dictionary<string, TokenFlags> _abbrevIgnoreCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TokenFlags> _abbrevExact = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hyphenPrefixes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _nameArticles = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _starters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _apostropheWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _fusedContractions = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, TokenFlags>.AlternateLookup<ReadOnlySpan<char>> _abbrevIgnoreCaseL;
    private readonly Dictionary<string, TokenFlags>.AlternateLookup<ReadOnlySpan<char>> _abbrevExactL;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _hyphenPrefixesL, _nameArticlesL, _startersL, _apostropheWordsL;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _fusedL;

    private LanguageRules(string language)
    {
        Language = language;
        _abbrevIgnoreCaseL = _abbrevIgnoreCase.GetAlternateLookup<ReadOnlySpan<char>>();
        _abbrevExactL = _abbrevExact.GetAlternateLookup<ReadOnlySpan<char>>();
        _hyphenPrefixesL = _hyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _nameArticlesL = _nameArticles.GetAlternateLookup<ReadOnlySpan<char>>();
        _startersL = _starters.GetAlternateLookup<ReadOnlySpan<char>>();
        _apostropheWordsL = _apostropheWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _fusedL = _fusedContractions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Flags for a word that ends in a period (the span includes the period), or None.</summary>
    public TokenFlags AbbreviationFlags(ReadOnlySpan<char> withPeriod)
    {
        var w = withPeriod[..^1];
        if (w.Length == 0) return TokenFlags.None;
        if (_abbrevExactL.TryGetValue(w, out var f)) return f | TokenFlags.Abbreviation;
        if (_abbrevIgnoreCaseL.TryGetValue(w, out f)) return f | TokenFlags.Abbreviation;
        // Initial: "J." (upper-case single letter).
        if (w.Length == 1 && char.IsUpper(w[0])) return TokenFlags.Abbreviation | TokenFlags.TitleAbbreviation;
        // Dotted abbreviations and acronyms: "U.S.", "e.g.", "o.a.", "t.o.v.", "v.Chr.", "Maj.-Gen.".
        if (IsDotted(w)) return TokenFlags.Abbreviation;
        return TokenFlags.None;
    }

    /// <summary>Letters in groups of 1–4 separated by "." (or ".-"), at least two groups: "U.S", "t.o.v".</summary>
    private static bool IsDotted(ReadOnlySpan<char> w)
    {
        int groups = 0, run = 0;
        for (int i = 0; i < w.Length; i++)
        {
            char c = w[i];
            if (char.IsLetter(c)) { run++; if (run > 4) return false; continue; }
            if (c == '.' && run > 0) { groups++; run = 0; if (i + 1 < w.Length && w[i + 1] == '-') i++; continue; }
            return false;
        }
        return run > 0 && groups >= 1;
    }

    public bool IsHyphenPrefix(ReadOnlySpan<char> w) => _hyphenPrefixesL.Contains(w);
    /// <summary>Arabic articles and patronymic particles of transliterated names: "al-Qaeda", "ez-Zor", "bin-Laden".</summary>
    public bool IsNameArticle(ReadOnlySpan<char> w) => _nameArticlesL.Contains(w);
    /// <summary>Capitalized words that very often begin a sentence ("The", "He", "De", "Het").</summary>
    public bool IsSentenceStarter(ReadOnlySpan<char> w) => _startersL.Contains(w);
    /// <summary>Dutch words written with a leading apostrophe: "'s", "'t", "'n".</summary>
    public bool IsApostropheWord(ReadOnlySpan<char> w) => _apostropheWordsL.Contains(w);
    /// <summary>Contractions written without apostrophe that EWT splits ("cannot" → "can|not"): split point or 0.</summary>
    public int FusedContractionSplit(ReadOnlySpan<char> w) => _fusedL.TryGetValue(w, out int k) ? k : 0;

    private void Add(TokenFlags flags, bool exact, string words)
    {
        foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = w.EndsWith('.') ? w[..^1] : w;
            if (exact) _abbrevExact[key] = flags; else _abbrevIgnoreCase[key] = flags;
        }
    }

    private static void AddAll(HashSet<string> set, string words)
    {
        foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) set.Add(w);
    }

    public static LanguageRules For(string lang) => lang switch
    {
        "nl" => Dutch,
        _ => English,
    };

    public static readonly LanguageRules English = BuildEnglish();
    public static readonly LanguageRules Dutch = BuildDutch();

    private const TokenFlags Title = TokenFlags.TitleAbbreviation;
    private const TokenFlags Num = TokenFlags.NumberAbbreviation;

    private static LanguageRules BuildEnglish()
    {
        var r = new LanguageRules("en") { SplitClitics = true, SplitHyphens = true, SplitSlashes = true };
        // Titles and ranks: they precede a name, so they never end a sentence.
        r.Add(Title, true, "Mr Mrs Ms Messrs Mmes Dr Drs Prof Gen Lt Col Maj Capt Cpt Sgt Cpl Pvt Pfc Adm Cmdr Cdr Brig Cmdt " +
                           "Gov Sen Sens Rep Reps Pres Rev Hon Fr Sr Sra Srta St Ste Ft Mt Supt Insp Det Amb Atty Gens Sgts " +
                           "Lt.-Gen Maj.-Gen Brig.-Gen Lt.-Col Lt.-Cmdr Vice-Adm Rear-Adm Mssrs Esq");
        // Abbreviations that may end a sentence ("… Inc. The company …").
        r.Add(TokenFlags.None, false, "etc vs approx appt dept est inc corp co ltd bros jr govt misc esp ext attn cf yrs mins hrs hr " +
                                      "min sec secs wk wks mos yr ft oz lb lbs tsp tbsp mph kg km cm mm mg pt pts qty tel fax mob " +
                                      "assn assoc univ intl natl dist div ave blvd rd hwy apt bldg ste mfg info");
        r.Add(TokenFlags.None, true, "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat " +
                                     "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont " +
                                     "Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo Ont Que Mex Arrv Conf Para Vol Vols Spec");
        // Only abbreviations when a number follows: "No. 5", "Fig. 2", "p. 12".
        r.Add(Num, true, "No Nos Fig Figs Art Ch Sec Ps");
        r.Add(Num, false, "no nos fig figs vol vols pp art ch sec para");
        AddAll(r._hyphenPrefixes, "e non pre post anti pro mid re co ex sub semi multi cross neo counter inter intra micro macro " +
                                  "socio psycho vice un bi tri quasi pseudo ultra mega mini over");
        AddAll(r._nameArticles, "al el ad ag ar as ash at ath az adh an ez es et bin ibn abu bani");
        AddAll(r._starters, "The A An He She It They We I You This That These Those There Here In On At By From To For With " +
                            "But And Or So If When While After Before Although Though Also However Meanwhile His Her Its Their " +
                            "Our My Your What Why How Who Where Which Yes No Now Then Today Yesterday Tomorrow As Some Many Most " +
                            "All One Two Three Each Every Both Please Thanks Thank Let Do Does Did Is Are Was Were Can Could Will " +
                            "Would Should Any Other Another Such According Since Because Despite During Under Last Next Once Still");
        // Split point k: word[..k] + word[k..]. From EWT's multiword tokens written without apostrophe.
        foreach (var (w, k) in new[]
                 {
                     ("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3), ("outta", 3), ("dont", 2), ("didnt", 3),
                     ("doesnt", 4), ("cant", 2), ("wont", 2), ("couldnt", 5), ("wouldnt", 5), ("shouldnt", 6), ("isnt", 2),
                     ("wasnt", 3), ("arent", 3), ("werent", 4), ("havent", 4), ("hasnt", 3), ("hadnt", 3), ("aint", 2),
                     ("im", 1), ("ive", 1), ("youre", 3), ("theyre", 4), ("thats", 4), ("whats", 4), ("theres", 5),
                 })
            r._fusedContractions[w] = k;
        return r;
    }

    private static LanguageRules BuildDutch()
    {
        var r = new LanguageRules("nl") { LeadingApostropheWords = true };
        r.Add(Title, false, "dhr dhrn mevr mw mej mr mrs dr drs ir ing ds prof mgr kard gen lt kol maj kapt sgt st zr br fr jhr");
        r.Add(TokenFlags.None, false, "enz jl bijv bv blz ca incl excl resp evt ev vnl vgl zgn afd jr sr ong tel tav max mln mld mrd " +
                                      "pag plm ned nl red ir adv rk bijz cfr etc vs gem mv ev e.v. st wetensch ver nat gebr int " +
                                      "jan feb febr mrt apr jun jul aug sep sept okt nov dec ma di wo vr za");
        r.Add(Num, false, "nr nrs no art hfst fig afb");
        AddAll(r._nameArticles, "al el ad ar as ash at az an ez es bin ibn abu");
        AddAll(r._starters, "De Het Een Hij Zij Ze Wij We Ik Jij Je U Dat Dit Die Deze Er Daar Hier In Op Bij Met Van Voor Na Uit " +
                            "Maar En Of Ook Toen Als Volgens Daarnaast Bovendien Verder Wat Waarom Hoe Wie Waar Welke Ja Nee Nu " +
                            "Vandaag Gisteren Morgen Zijn Haar Hun Onze Mijn Jouw Dan Sinds Tijdens Omdat Hoewel Terwijl Toch " +
                            "Alle Veel Enkele Sommige Elke Iedereen Niemand Niet Geen Zo Dus Daarom Wel The");
        AddAll(r._apostropheWords, "s t n k m r ns");
        return r;
    }
}
