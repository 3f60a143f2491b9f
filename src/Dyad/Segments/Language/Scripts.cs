namespace Dyad.Segments.Language;

/// <summary>Writing systems that the identifier tells apart before any n-gram model runs.</summary>
internal enum Script : byte
{
    None = 0, // not a letter (digits, punctuation, spaces, symbols, combining marks)
    Latin, Cyrillic, Greek, Armenian, Hebrew, Arabic, Syriac, Thaana,
    Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala,
    Thai, Lao, Tibetan, Myanmar, Georgian, Hangul, Ethiopic, Khmer, Mongolian,
    Hiragana, Katakana, Han,
    OtherLetter,
}

/// <summary>Script of a UTF-16 code unit (letters only; everything else is <see cref="Script.None"/>).</summary>
internal static class Scripts
{
    public const int Count = (int)Script.OtherLetter + 1;

    /// <summary>ISO 639-1 (or 639-3 where there is no 639-1 code) default language of a script, or null when the script needs more than a table look-up.</summary>
    public static string? DefaultLanguage(Script s) => s switch
    {
        Script.Greek => "el",
        Script.Armenian => "hy",
        Script.Hebrew => "he",
        Script.Arabic => "ar",
        Script.Syriac => "syr",
        Script.Thaana => "dv",
        Script.Devanagari => "hi",
        Script.Bengali => "bn",
        Script.Gurmukhi => "pa",
        Script.Gujarati => "gu",
        Script.Oriya => "or",
        Script.Tamil => "ta",
        Script.Telugu => "te",
        Script.Kannada => "kn",
        Script.Malayalam => "ml",
        Script.Sinhala => "si",
        Script.Thai => "th",
        Script.Lao => "lo",
        Script.Tibetan => "bo",
        Script.Myanmar => "my",
        Script.Georgian => "ka",
        Script.Hangul => "ko",
        Script.Ethiopic => "am",
        Script.Khmer => "km",
        Script.Mongolian => "mn",
        Script.Hiragana or Script.Katakana => "ja",
        Script.Han => "zh",
        _ => null,
    };

    /// <summary>ASCII letters in an all-ASCII span, 16 characters a step (the common case of
    /// English web text, where the per-character <see cref="Of"/> loop was a measurable cost).</summary>
    public static int AsciiLetters(ReadOnlySpan<char> text)
    {
        int i = 0, count = 0;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && text.Length >= 16)
        {
            var span = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(text);
            var fold = System.Runtime.Intrinsics.Vector256.Create((ushort)0x20);
            var a = System.Runtime.Intrinsics.Vector256.Create((ushort)'a');
            var range = System.Runtime.Intrinsics.Vector256.Create((ushort)('z' - 'a'));
            for (; i + 16 <= span.Length; i += 16)
            {
                var v = System.Runtime.Intrinsics.Vector256.Create(span.Slice(i, 16));
                var letter = System.Runtime.Intrinsics.Vector256.LessThanOrEqual((v | fold) - a, range);
                count += System.Numerics.BitOperations.PopCount(System.Runtime.Intrinsics.Vector256.ExtractMostSignificantBits(letter));
            }
        }
        for (; i < text.Length; i++)
            if ((uint)((text[i] | 0x20) - 'a') <= 'z' - 'a') count++;
        return count;
    }

    public static Script Of(char c)
    {
        if (c < 0x80)
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? Script.Latin : Script.None;
        if (c < 0x0250) return char.IsLetter(c) ? Script.Latin : Script.None; // Latin-1, Extended-A/B
        if (c < 0x0370) return Script.None; // IPA, spacing modifiers, combining diacritics
        if (c < 0x0400) return char.IsLetter(c) ? Script.Greek : Script.None;
        if (c < 0x0530) return char.IsLetter(c) ? Script.Cyrillic : Script.None;
        if (c < 0x0590) return char.IsLetter(c) ? Script.Armenian : Script.None;
        if (c < 0x0600) return char.IsLetter(c) ? Script.Hebrew : Script.None;
        if (c < 0x0700) return char.IsLetter(c) ? Script.Arabic : Script.None;
        if (c < 0x0750) return char.IsLetter(c) ? Script.Syriac : Script.None;
        if (c < 0x0780) return char.IsLetter(c) ? Script.Arabic : Script.None; // Arabic Supplement
        if (c < 0x07C0) return char.IsLetter(c) ? Script.Thaana : Script.None;
        if (c < 0x0900) return c >= 0x08A0 && char.IsLetter(c) ? Script.Arabic : (char.IsLetter(c) ? Script.OtherLetter : Script.None);
        if (c < 0x0E00)
        {
            if (!char.IsLetter(c)) return Script.None;
            return (c >> 7) switch
            {
                0x12 => Script.Devanagari, // 0900–097F
                0x13 => Script.Bengali,    // 0980–09FF
                0x14 => Script.Gurmukhi,   // 0A00–0A7F
                0x15 => Script.Gujarati,   // 0A80–0AFF
                0x16 => Script.Oriya,      // 0B00–0B7F
                0x17 => Script.Tamil,      // 0B80–0BFF
                0x18 => Script.Telugu,     // 0C00–0C7F
                0x19 => Script.Kannada,    // 0C80–0CFF
                0x1A => Script.Malayalam,  // 0D00–0D7F
                _ => Script.Sinhala,       // 0D80–0DFF
            };
        }
        if (c < 0x0E80) return char.IsLetter(c) ? Script.Thai : Script.None;
        if (c < 0x0F00) return char.IsLetter(c) ? Script.Lao : Script.None;
        if (c < 0x1000) return char.IsLetter(c) ? Script.Tibetan : Script.None;
        if (c < 0x10A0) return char.IsLetter(c) ? Script.Myanmar : Script.None;
        if (c < 0x1100) return char.IsLetter(c) ? Script.Georgian : Script.None;
        if (c < 0x1200) return char.IsLetter(c) ? Script.Hangul : Script.None; // Hangul Jamo
        if (c < 0x13A0) return char.IsLetter(c) ? Script.Ethiopic : Script.None;
        if (c < 0x1780) return char.IsLetter(c) ? Script.OtherLetter : Script.None;
        if (c < 0x1800) return char.IsLetter(c) ? Script.Khmer : Script.None;
        if (c < 0x18B0) return char.IsLetter(c) ? Script.Mongolian : Script.None;
        if (c < 0x1C80) return char.IsLetter(c) ? Script.OtherLetter : Script.None;
        if (c < 0x1C90) return char.IsLetter(c) ? Script.Cyrillic : Script.None; // Cyrillic Extended-C
        if (c < 0x1CC0) return char.IsLetter(c) ? Script.Georgian : Script.None; // Mtavruli
        if (c < 0x1D00) return char.IsLetter(c) ? Script.OtherLetter : Script.None;
        if (c < 0x1F00) return char.IsLetter(c) ? Script.Latin : Script.None; // phonetic ext., Latin Extended Additional
        if (c < 0x2000) return char.IsLetter(c) ? Script.Greek : Script.None; // Greek Extended
        if (c < 0x2C00) return Script.None; // punctuation, symbols, letterlike symbols
        if (c < 0x2E80)
        {
            if (!char.IsLetter(c)) return Script.None;
            if (c >= 0x2C60 && c < 0x2C80) return Script.Latin;
            if (c >= 0x2D00 && c < 0x2D30) return Script.Georgian;
            if (c >= 0x2DE0) return Script.Cyrillic;
            return Script.OtherLetter;
        }
        if (c < 0x3040) return c >= 0x3005 && c <= 0x3007 || c >= 0x2E80 && c < 0x3000 ? Script.Han : Script.None; // radicals, 々〆〇
        if (c < 0x30A0) return c <= 0x309F && char.IsLetter(c) ? Script.Hiragana : Script.None;
        if (c < 0x3100) return c != 0x30FB ? Script.Katakana : Script.None; // includes ー
        if (c < 0x3130) return Script.OtherLetter; // Bopomofo
        if (c < 0x3190) return Script.Hangul; // compatibility Jamo
        if (c < 0x31F0) return Script.None;
        if (c < 0x3200) return Script.Katakana; // phonetic extensions
        if (c < 0x3400) return Script.None; // enclosed, compatibility
        if (c < 0xA000) return Script.Han; // Ext A + unified ideographs
        if (c < 0xA640) return char.IsLetter(c) ? Script.OtherLetter : Script.None; // Yi, Lisu, Vai
        if (c < 0xA6A0) return char.IsLetter(c) ? Script.Cyrillic : Script.None;
        if (c < 0xA720) return char.IsLetter(c) ? Script.OtherLetter : Script.None;
        if (c < 0xA800) return char.IsLetter(c) ? Script.Latin : Script.None;
        if (c < 0xAC00) return char.IsLetter(c) ? Script.OtherLetter : Script.None;
        if (c < 0xD7B0) return Script.Hangul;
        if (c < 0xD800) return char.IsLetter(c) ? Script.Hangul : Script.None;
        if (c < 0xDC00) return c >= 0xD840 && c < 0xD8C0 ? Script.Han : Script.None; // high surrogate of planes 2–3 (CJK Ext B–H)
        if (c < 0xF900) return Script.None; // low surrogates, private use
        if (c < 0xFB00) return Script.Han; // compatibility ideographs
        if (c < 0xFB50) return char.IsLetter(c) ? (c < 0xFB1D ? Script.Latin : Script.Hebrew) : Script.None;
        if (c < 0xFE00) return char.IsLetter(c) ? Script.Arabic : Script.None;
        if (c < 0xFE70) return Script.None;
        if (c < 0xFF00) return char.IsLetter(c) ? Script.Arabic : Script.None;
        if (c < 0xFF66) return char.IsLetter(c) ? Script.Latin : Script.None; // fullwidth Latin
        if (c < 0xFFA0) return Script.Katakana; // halfwidth Katakana
        if (c < 0xFFE0) return char.IsLetter(c) ? Script.Hangul : Script.None;
        return Script.None;
    }
}
