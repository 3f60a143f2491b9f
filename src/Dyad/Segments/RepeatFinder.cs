using System.Numerics;
using System.Text;

namespace Dyad.Segments;

/// <summary>
/// Repeated blocks inside one page.
/// <para>
/// Exact repeats: every block of article text is reduced to a key (lower-cased letters and digits,
/// single spaces). A later block whose key was seen before is a copy; consecutive copies that
/// continue the earlier sequence block by block form a run. A run counts when it holds at least
/// <see cref="MinRunChars"/> characters of text (so a repeated heading or short line alone does not):
/// its blocks are dropped from segmentation and each block of the first occurrence has its
/// <see cref="Block.Copies"/> raised by one.
/// </para>
/// <para>
/// Near-duplicate articles: a 64-bit SimHash over the lower-cased word 3-shingles of each article
/// (≥ <see cref="MinWords"/> words); two articles within <see cref="MaxHamming"/> bits and with
/// lengths within 20% of each other are one article: the later one is dropped and the first one's
/// copies raised.
/// </para>
/// </summary>
internal static class RepeatFinder
{
    public const int MinRunChars = 100;
    public const int MinKeyChars = 8;
    public const int MinWords = 50;
    public const int MaxHamming = 3;

    /// <summary>Marks exact repeats among <paramref name="blocks"/> for which <paramref name="eligible"/> holds.</summary>
    public static int MarkExactRepeats(List<Block> blocks, Func<Block, bool> eligible)
    {
        var idx = new List<int>();
        var keys = new List<string>();
        foreach (var (b, i) in blocks.Select((b, i) => (b, i)))
        {
            if (!eligible(b)) continue;
            string k = Key(b.Text);
            if (k.Length < MinKeyChars) continue;
            idx.Add(i);
            keys.Add(k);
        }
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var dupOf = new int[idx.Count];
        for (int p = 0; p < idx.Count; p++)
        {
            if (first.TryGetValue(keys[p], out int q)) dupOf[p] = q;
            else { first[keys[p]] = p; dupOf[p] = -1; }
        }
        int dropped = 0;
        for (int p = 0; p < idx.Count;)
        {
            if (dupOf[p] < 0) { p++; continue; }
            int q = dupOf[p], len = 1;
            while (p + len < idx.Count && dupOf[p + len] == q + len && q + len < p) len++;
            int chars = 0;
            for (int k = 0; k < len; k++) chars += blocks[idx[p + k]].Text.Length;
            if (chars >= MinRunChars)
            {
                for (int k = 0; k < len; k++)
                {
                    blocks[idx[p + k]].Dropped = true;
                    blocks[idx[q + k]].Copies++;
                }
                dropped += len;
            }
            p += len;
        }
        return dropped;
    }

    public static string Key(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else space = true;
        }
        return sb.ToString();
    }

    /// <summary>SimHash of lower-cased word 3-shingles; <paramref name="words"/> is the word count.</summary>
    public static ulong SimHash(string text, out int words)
    {
        var hashes = new List<ulong>();
        foreach (var w in Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)) hashes.Add(Fnv(w));
        words = hashes.Count;
        if (words < 3) return 0;
        Span<int> v = stackalloc int[64];
        for (int i = 0; i + 2 < hashes.Count; i++)
        {
            ulong h = Mix(hashes[i] ^ BitOperations.RotateLeft(hashes[i + 1], 21) ^ BitOperations.RotateLeft(hashes[i + 2], 42));
            for (int bit = 0; bit < 64; bit++) v[bit] += ((h >> bit) & 1) == 1 ? 1 : -1;
        }
        ulong r = 0;
        for (int bit = 0; bit < 64; bit++) if (v[bit] > 0) r |= 1UL << bit;
        return r;
    }

    public static bool NearDuplicate(ulong a, int wordsA, ulong b, int wordsB)
    {
        if (wordsA < MinWords || wordsB < MinWords) return false;
        if (Math.Min(wordsA, wordsB) < 0.8 * Math.Max(wordsA, wordsB)) return false;
        return BitOperations.PopCount(a ^ b) <= MaxHamming;
    }

    private static ulong Fnv(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s) { h ^= c; h *= 1099511628211UL; }
        return h;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
