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

    public ScriptStats(Span<int> perScript)
    {
        PerScript = perScript;
        perScript.Clear();
        Letters = 0;
        Ukr = UkBe = Bel = RuBe = Hard = Srp = Mkd = SrMk = Kaz = KyMn = Ky = 0;
        Persian = Urdu = ArabicOnly = 0;
        Yiddish = 0;
    }

    public void Count(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            var s = Scripts.Of(c);
            if (s == Script.None) continue;
            PerScript[(int)s]++;
            Letters++;
            switch (s)
            {
                case Script.Cyrillic: Cyrillic(c); break;
                case Script.Arabic: Arabic(c); break;
                case Script.Hebrew: if (c >= '\u05F0' && c <= '\u05F2') Yiddish++; break;
            }
        }
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
