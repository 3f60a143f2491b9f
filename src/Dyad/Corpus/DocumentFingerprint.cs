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
        // Bit counts per position, SWAR: lane i of acc[j] counts the ones of bit 8j+i over up to 255
        // shingles, then spills into ones[]. Same result as a 64-way loop per shingle, ~8× fewer operations.
        Span<ulong> acc = stackalloc ulong[8];
        Span<int> ones = stackalloc int[64];
        acc.Clear();
        ones.Clear();
        int pending = 0, shingles = 0;
        ulong w1 = 0, w2 = 0; // hashes of the previous two words
        words = 0;
        var lower = AsciiLower;
        int i = 0, n = text.Length;
        while (i < n)
        {
            // ASCII through a table (0 = not a letter or digit), the rest through char's Unicode tables
            while (i < n && (text[i] < 128 ? lower[text[i]] == 0 : !char.IsLetterOrDigit(text[i]))) i++;
            if (i >= n) break;
            ulong h = 14695981039346656037UL; // FNV-1a over lower-cased chars
            while (i < n)
            {
                char ch = text[i];
                char lc;
                if (ch < 128) { lc = lower[ch]; if (lc == 0) break; }
                else if (char.IsLetterOrDigit(ch)) lc = char.ToLowerInvariant(ch);
                else break;
                h ^= lc;
                h *= 1099511628211UL;
                i++;
            }
            words++;
            if (words >= 3)
            {
                ulong sh = Mix(w2 * 0x9E3779B97F4A7C15UL ^ Mix(w1 + 0x632BE59BD9B4E019UL) ^ h);
                Count(sh, acc);
                shingles++;
                if (++pending == 255) { Spill(acc, ones); pending = 0; }
            }
            w2 = w1;
            w1 = h;
        }
        if (words < 3 && words > 0)
        {
            Count(Mix(w2 ^ Mix(w1)), acc);
            shingles++;
        }
        Spill(acc, ones);
        ulong result = 0;
        // weight = ones − zeros = 2·ones − shingles
        for (int b = 0; b < 64; b++) if (2 * ones[b] > shingles) result |= 1UL << b;
        return result;
    }

    private static readonly ulong[] Spread = BuildSpread();
    private static readonly char[] AsciiLower = BuildLower();

    private static char[] BuildLower()
    {
        var t = new char[128];
        for (char c = (char)0; c < 128; c++) if (char.IsLetterOrDigit(c)) t[c] = char.ToLowerInvariant(c);
        return t;
    }

    private static ulong[] BuildSpread()
    {
        var t = new ulong[256];
        for (int v = 0; v < 256; v++)
            for (int bit = 0; bit < 8; bit++)
                if ((v >> bit & 1) != 0) t[v] |= 1UL << (8 * bit);
        return t;
    }

    private static void Count(ulong sh, Span<ulong> acc)
    {
        var spread = Spread;
        for (int j = 0; j < 8; j++) acc[j] += spread[(int)(sh >> (8 * j)) & 0xFF];
    }

    private static void Spill(Span<ulong> acc, Span<int> ones)
    {
        for (int j = 0; j < 8; j++)
        {
            ulong a = acc[j];
            if (a == 0) continue;
            for (int lane = 0; lane < 8; lane++) ones[8 * j + lane] += (int)((a >> (8 * lane)) & 0xFF);
            acc[j] = 0;
        }
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
