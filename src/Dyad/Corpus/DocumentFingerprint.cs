namespace Dyad.Corpus;

/// <summary>
/// 64-bit SimHash over lower-cased 3-word shingles, used for near-duplicate documents when the
/// reader did not set <see cref="Model.Document.SimHash"/>. Two documents are near-duplicates when
/// their fingerprints differ in at most <see cref="NearDuplicateDistance"/> bits; the store finds
/// candidates through four 16-bit bands (pigeonhole: at distance ≤ 3 at least one band is equal).
/// </summary>
public static class DocumentFingerprint
{
    public const int NearDuplicateDistance = 3;

    /// <summary>Documents with fewer words than this are only deduplicated by exact content hash:
    /// a SimHash of a handful of shingles is too coarse to call two texts the same.</summary>
    public const int MinWords = 20;

    public static ulong SimHash(string text) => SimHash(text, out _);

    public static ulong SimHash(string text, out int words)
    {
        Span<int> weights = stackalloc int[64];
        weights.Clear();
        ulong w1 = 0, w2 = 0; // hashes of the previous two words
        words = 0;
        int i = 0, n = text.Length;
        while (i < n)
        {
            while (i < n && !char.IsLetterOrDigit(text[i])) i++;
            if (i >= n) break;
            ulong h = 14695981039346656037UL; // FNV-1a over lower-cased chars
            while (i < n && char.IsLetterOrDigit(text[i]))
            {
                h ^= char.ToLowerInvariant(text[i]);
                h *= 1099511628211UL;
                i++;
            }
            words++;
            if (words >= 3)
            {
                ulong s = Mix(w2 * 0x9E3779B97F4A7C15UL ^ Mix(w1 + 0x632BE59BD9B4E019UL) ^ h);
                for (int b = 0; b < 64; b++) weights[b] += (int)((s >> b) & 1) * 2 - 1;
            }
            w2 = w1;
            w1 = h;
        }
        if (words < 3 && words > 0)
        {
            ulong s = Mix(w2 ^ Mix(w1));
            for (int b = 0; b < 64; b++) weights[b] += (int)((s >> b) & 1) * 2 - 1;
        }
        ulong result = 0;
        for (int b = 0; b < 64; b++) if (weights[b] > 0) result |= 1UL << b;
        return result;
    }

    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    /// <summary>The four band keys of a fingerprint: band number in the top bits, 16-bit value below.</summary>
    public static long Band(ulong simhash, int band) => ((long)band << 16) | (long)((simhash >> (band * 16)) & 0xFFFF);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
