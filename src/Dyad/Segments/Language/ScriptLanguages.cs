namespace Dyad.Segments.Language;

/// <summary>
/// Letter statistics of a span gathered in one pass: letters per script plus counts of the letters
/// that tell languages sharing a script apart (Cyrillic: ru/uk/be/bg/sr/mk/kk/ky/mn; Arabic: ar/fa/ur;
/// Hebrew: he/yi; CJK: zh/ja/ko by Han, kana and Hangul).
/// </summary>
internal ref struct ScriptStats
{
    public Span<int> PerScript; // length Scripts.Count
    public int Letters;
    // Cyrillic markers
    public int Ukr, UkBe, Bel, RuBe, Hard, Srp, Mkd, SrMk, Kaz, KyMn, Ky;
    // Arabic markers
    public int Persian, Urdu, ArabicOnly;
    // Hebrew markers
    public int Yiddish;
    // Latin letters of languages outside the model (pl, cs, sk, hu, tr, ro, pt, vi, is, hr)
    public int Pl, CsSk, Hu, Tr, Ro, Pt, Vi, Is, Hr;
    /// <summary>Runs of letters, and those holding one of the Latin marker letters above (an all-ASCII
    /// span holds no marker letter and its words are not counted).</summary>
    public int Words, MarkedWords;
    private bool _inWord, _marked;

    public ScriptStats(Span<int> perScript)
    {
        PerScript = perScript;
        perScript.Clear();
        Letters = 0;
        Ukr = UkBe = Bel = RuBe = Hard = Srp = Mkd = SrMk = Kaz = KyMn = Ky = 0;
        Persian = Urdu = ArabicOnly = 0;
        Yiddish = 0;
        Pl = CsSk = Hu = Tr = Ro = Pt = Vi = Is = Hr = 0;
        Words = MarkedWords = 0;
        _inWord = _marked = false;
    }

    public void Count(ReadOnlySpan<char> text)
    {
        if (!_inWord && System.Text.Ascii.IsValid(text))
        {
            // All ASCII: Latin letters only and no marker letters, so MarkedWords stays 0 and the
            // word count (only its denominator) is not needed.
            int n = Scripts.AsciiLetters(text);
            PerScript[(int)Script.Latin] += n;
            Letters += n;
            return;
        }
        foreach (char c in text)
        {
            var s = Scripts.Of(c);
            if (s == Script.None)
            {
                if (_inWord && c != '\'' && c != '\u2019' && c is not (>= '\u0300' and <= '\u036F')) EndWord();
                continue;
            }
            if (!_inWord) { _inWord = true; Words++; }
            PerScript[(int)s]++;
            Letters++;
            switch (s)
            {
                case Script.Latin: if (c >= '\u00C0') LatinMarker(char.ToLowerInvariant(c)); break;
                case Script.Cyrillic: Cyrillic(c); break;
                case Script.Arabic: Arabic(c); break;
                case Script.Hebrew: if (c >= '\u05F0' && c <= '\u05F2') Yiddish++; break;
            }
        }
        if (_inWord) EndWord();
    }

    private void EndWord()
    {
        if (_marked) MarkedWords++;
        _inWord = _marked = false;
    }

    private void Cyrillic(char c)
    {
        if (c < '\u0400') return;
        // Fold the upper-case letters of the basic block onto lower case.
        if (c < '\u0410') c = (char)(c + 0x50);
        else if (c < '\u0430') c = (char)(c + 0x20);
        else if (c >= '\u0490' && c < '\u0500' && (c & 1) == 0) c = (char)(c + 1);
        switch (c)
        {
            case '\u0457': case '\u0454': case '\u0491': Ukr++; break;  // ї є ґ
            case '\u0456': UkBe++; break;                             // і
            case '\u045E': Bel++; break;                              // ў
            case '\u044B': case '\u044D': case '\u0451': RuBe++; break; // ы э ё
            case '\u044A': Hard++; break;                             // ъ
            case '\u0452': case '\u045B': Srp++; break;               // ђ ћ
            case '\u0453': case '\u045C': case '\u0455': Mkd++; break; // ѓ ќ ѕ
            case '\u0458': case '\u0459': case '\u045A': case '\u045F': SrMk++; break; // ј љ њ џ
            case '\u04D9': case '\u0493': case '\u049B': case '\u04B1': case '\u04BB': Kaz++; break; // ә ғ қ ұ һ
            case '\u04E9': case '\u04AF': KyMn++; break;              // ө ү
            case '\u04A3': Ky++; break;                               // ң
        }
    }

    private void LatinMarker(char c)
    {
        int before = Pl + CsSk + Hu + Tr + Ro + Pt + Vi + Is + Hr;
        LatinLetter(c);
        if (Pl + CsSk + Hu + Tr + Ro + Pt + Vi + Is + Hr != before) _marked = true;
    }

    private void LatinLetter(char c)
    {
        switch (c)
        {
            case '\u0105': case '\u0119': case '\u0142': case '\u015B': case '\u017A': case '\u017C': case '\u0144': Pl++; break; // ą ę ł ś ź ż ń
            case '\u0159': case '\u016F': case '\u011B': case '\u010F': case '\u0165': case '\u013E': case '\u0148': CsSk++; break; // ř ů ě ď ť ľ ň
            case '\u0151': case '\u0171': Hu++; break; // ő ű
            case '\u0131': case '\u011F': case '\u015F': Tr++; break; // ı ğ ş
            case '\u0103': case '\u0219': case '\u021B': case '\u0163': Ro++; break; // ă ș ț ţ
            case '\u00E3': case '\u00F5': Pt++; break; // ã õ
            case '\u01A1': case '\u01B0': Vi++; break; // ơ ư
            case '\u00FE': case '\u00F0': Is++; break; // þ ð
            case '\u0111': Hr++; break; // đ (hr, bs, sr-Latn; vi too)
            default: if (c >= '\u1EA0' && c <= '\u1EF9') Vi++; break; // Vietnamese tone-marked vowels
        }
    }

    /// <summary>
    /// A Latin-script language outside the n-gram model when at least two words and a fifth of all words
    /// hold letters peculiar to it, else null. Names such as "Erdoğan" or "Łódź" in an English or Dutch
    /// sentence stay under that share.
    /// </summary>
    public readonly string? OtherLatinLanguage()
    {
        string? best = null;
        int bestCount = 0;
        Check(Vi, "vi"); Check(Pl, "pl"); Check(CsSk, "cs"); Check(Hu, "hu"); Check(Tr, "tr");
        Check(Ro, "ro"); Check(Pt, "pt"); Check(Is, "is"); Check(Hr, "hr");
        return best != null && MarkedWords >= 2 && MarkedWords * 5 >= Words ? best : null;

        void Check(int n, string lang)
        {
            if (n > bestCount) { best = lang; bestCount = n; }
        }
    }

    private void Arabic(char c)
    {
        switch (c)
        {
            case '\u067E': case '\u0686': case '\u0698': case '\u06AF': case '\u06A9': case '\u06CC': Persian++; break; // پ چ ژ گ ک ی
            case '\u0679': case '\u0688': case '\u0691': case '\u06BA': case '\u06D2': case '\u06BE': Urdu++; break;   // ٹ ڈ ڑ ں ے ھ
            case '\u0629': case '\u064A': case '\u0643': case '\u0649': ArabicOnly++; break;                           // ة ي ك ى
        }
    }

    /// <summary>The language of a Cyrillic-script span other than Russian, or null for Russian.</summary>
    public readonly string? CyrillicLanguage()
    {
        int cyr = PerScript[(int)Script.Cyrillic];
        int t = cyr < 60 ? 1 : 2; // one marker letter suffices in short text, two in longer text (a quoted name)
        if (Srp >= t) return "sr";
        if (Mkd >= t) return "mk";
        if (SrMk >= t) return "sr";
        if (Kaz >= t) return "kk";
        if (Ky >= t && KyMn >= t) return "ky";
        if (KyMn >= t) return "mn";
        if (Bel >= t) return "be";
        if (Ukr >= t) return "uk";
        if (UkBe >= t && RuBe == 0) return "uk";
        if (RuBe == 0 && cyr >= 30 && Hard * 60 >= cyr) return "bg";
        return null;
    }

    public readonly string ArabicLanguage()
    {
        int t = PerScript[(int)Script.Arabic] < 60 ? 1 : 2;
        if (Urdu >= t) return "ur";
        if (Persian >= t && Persian > ArabicOnly) return "fa";
        return "ar";
    }

    public readonly string HebrewLanguage() => Yiddish >= 1 ? "yi" : "he";

    /// <summary>ja when kana make up 5% or more of the CJK letters, ko when Hangul dominates, else zh.</summary>
    public readonly string CjkLanguage()
    {
        int han = PerScript[(int)Script.Han], kana = PerScript[(int)Script.Hiragana] + PerScript[(int)Script.Katakana];
        int hangul = PerScript[(int)Script.Hangul];
        int all = han + kana + hangul;
        if (hangul > 0 && hangul >= kana && hangul * 5 >= all) return "ko";
        if (kana * 20 >= all && kana > 0) return "ja";
        return "zh";
    }
}
