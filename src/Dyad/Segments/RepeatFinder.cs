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
/// Near-duplicate articles: the set of lower-cased word 3-shingles of each article's body (its
/// text blocks, not headline, date or byline lines; ≥ <see cref="MinWords"/> words); two articles
/// whose sets have a Jaccard similarity ≥ <see cref="MinJaccard"/> are one article: the later one
/// is dropped and the first one's copies raised. (Exact Jaccard: a page holds few articles, so
/// MinHash/SimHash approximations are not needed; the store's SimHash handles whole documents.)
/// </para>
/// </summary>
internal static class RepeatFinder
{
    public const int MinRunChars = 100;
    public const int MinKeyChars = 8;
    public const int MinWords = 50;
    public const double MinJaccard = 0.8;

    /// <summary>Marks exact repeats among <paramref name="blocks"/> for which <paramref name="eligible"/> holds.</summary>
    public static int MarkExactRepeats(List<Block> blocks, Func<Block, bool> eligible)
    {
        var idx = new List<int>();
        var keys = new List<ulong>();
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (!eligible(b)) continue;
            ulong k = KeyHash(b.Text, out int length);
            if (length < MinKeyChars) continue;
            idx.Add(i);
            keys.Add(k);
        }
        var first = new Dictionary<ulong, int>();
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

    /// <summary>A 64-bit hash of <see cref="Key"/> without building it; <paramref name="length"/> is the key's length.</summary>
    public static ulong KeyHash(string s, out int length)
    {
        ulong h = 14695981039346656037UL;
        bool space = false;
        length = 0;
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && length > 0) { h = (h ^ ' ') * 1099511628211UL; length++; }
                space = false;
                h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                length++;
            }
            else space = true;
        }
        return Mix(h ^ (ulong)length);
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

    /// <summary>The set of hashed lower-cased word 3-shingles of a text; <paramref name="words"/> is the word count.</summary>
    public static HashSet<ulong> Shingles(string text, out int words)
    {
        var hashes = new List<ulong>();
        foreach (var w in Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)) hashes.Add(Fnv(w));
        words = hashes.Count;
        var set = new HashSet<ulong>();
        for (int i = 0; i + 2 < hashes.Count; i++)
            set.Add(Mix(hashes[i] ^ BitOperations.RotateLeft(hashes[i + 1], 21) ^ BitOperations.RotateLeft(hashes[i + 2], 42)));
        return set;
    }

    /// <summary><paramref name="count"/> MinHash values of a shingle set (one per seeded remix).</summary>
    public static ulong[] MinHashes(HashSet<ulong> shingles, int count)
    {
        var mins = new ulong[count];
        Array.Fill(mins, ulong.MaxValue);
        foreach (var h in shingles)
            for (int k = 0; k < count; k++)
            {
                ulong v = Mix(h ^ (0x9E3779B97F4A7C15UL * (ulong)(k + 1)));
                if (v < mins[k]) mins[k] = v;
            }
        return mins;
    }

    /// <summary>Two articles are one when both have ≥ <see cref="MinWords"/> words and the Jaccard
    /// similarity of their shingle sets is at least <see cref="MinJaccard"/>.</summary>
    public static bool NearDuplicate(HashSet<ulong> a, int wordsA, HashSet<ulong> b, int wordsB)
    {
        if (wordsA < MinWords || wordsB < MinWords) return false;
        if (Math.Min(wordsA, wordsB) < MinJaccard * Math.Max(wordsA, wordsB)) return false;
        int common = 0;
        foreach (var h in a) if (b.Contains(h)) common++;
        int union = a.Count + b.Count - common;
        return union > 0 && common >= MinJaccard * union;
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
