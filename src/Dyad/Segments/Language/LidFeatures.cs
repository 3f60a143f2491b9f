using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dyad.Segments.Language;

/// <summary>Receives hashed features from <see cref="LidFeatures.Extract"/>.</summary>
internal interface IFeatureSink
{
    void Add(uint hash);
}

/// <summary>Which features the model was trained on (stored in the model file so inference matches).</summary>
internal readonly record struct FeatureConfig(int MaxOrder, bool Words)
{
    public static FeatureConfig Default => new(5, true);
}

/// <summary>
/// Character n-gram features of a text span, hashed, without allocating: letters are lower-cased,
/// apostrophes kept, everything else (digits, punctuation, spaces, symbols) becomes one word boundary,
/// combining marks are skipped. The stream " word word " yields every n-gram of 1..MaxOrder characters
/// ending at each position (boundary-only unigrams excepted) and, with Words, one feature per word of
/// 2..30 characters.
/// </summary>
internal static class LidFeatures
{
    private const uint FnvOffset = 2166136261, FnvPrime = 16777619, WordSeed = 0x5bd1e995;
    private static readonly uint Golden = 0x9E3779B9u;

    /// <summary>Normalised character: a lower-case letter, '\'' for apostrophes, ' ' for a boundary, '\0' to skip.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Normalize(char c)
    {
        if (c < 0x80)
        {
            if ((uint)(c - 'a') <= 'z' - 'a') return c;
            if ((uint)(c - 'A') <= 'Z' - 'A') return (char)(c | 0x20);
            return c == '\'' ? '\'' : ' ';
        }
        return NormalizeSlow(c);
    }

    private static char NormalizeSlow(char c)
    {
        if (char.IsLetter(c)) return char.ToLowerInvariant(c);
        if (c is '\u2019' or '\u02BC' or '\u2018') return '\'';
        var cat = char.GetUnicodeCategory(c);
        if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            return '\0';
        return ' ';
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint h)
    {
        h ^= h >> 16; h *= 0x85ebca6b;
        h ^= h >> 13; h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }

    /// <summary>Feeds every feature of <paramref name="text"/> to <paramref name="sink"/>.</summary>
    public static void Extract<TSink>(ReadOnlySpan<char> text, FeatureConfig config, ref TSink sink)
        where TSink : IFeatureSink, allows ref struct
    {
        int maxOrder = config.MaxOrder;
        bool words = config.Words;
        // The last five normalised characters, c0 the most recent; the stream starts with a boundary.
        uint c0 = ' ', c1 = 0, c2 = 0, c3 = 0, c4 = 0;
        int filled = 1;
        uint wordHash = FnvOffset;
        int wordLen = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char n = i < text.Length ? Normalize(text[i]) : ' ';
            if (n == '\0') continue;
            if (n == ' ')
            {
                if (c0 == ' ') continue; // collapse runs of boundaries
                if (words && wordLen >= 2 && wordLen <= 30) sink.Add(Mix((wordHash ^ WordSeed) + (uint)wordLen * Golden));
                wordHash = FnvOffset;
                wordLen = 0;
            }
            else
            {
                wordHash = (wordHash ^ n) * FnvPrime;
                wordLen++;
            }
            c4 = c3; c3 = c2; c2 = c1; c1 = c0; c0 = n;
            if (filled < 5) filled++;
            int top = Math.Min(filled, maxOrder);
            uint h = (FnvOffset ^ c0) * FnvPrime;
            if (c0 != ' ') sink.Add(Mix(h + Golden));
            if (top < 2) continue;
            h = (h ^ c1) * FnvPrime; sink.Add(Mix(h + 2u * Golden));
            if (top < 3) continue;
            h = (h ^ c2) * FnvPrime; sink.Add(Mix(h + 3u * Golden));
            if (top < 4) continue;
            h = (h ^ c3) * FnvPrime; sink.Add(Mix(h + 4u * Golden));
            if (top < 5) continue;
            h = (h ^ c4) * FnvPrime; sink.Add(Mix(h + 5u * Golden));
        }
    }
}
