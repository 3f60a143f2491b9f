using Dyad.Corpus;
using Xunit;

namespace Dyad.Tests.Corpus;

public class FingerprintTests
{
    /// <summary>The plain definition: per shingle, +1/−1 on each of 64 bit positions; a bit is set when its sum is positive.</summary>
    private static ulong Reference(string text)
    {
        var words = new List<ulong>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            if (i >= text.Length) break;
            ulong h = 14695981039346656037UL;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) { h ^= char.ToLowerInvariant(text[i]); h *= 1099511628211UL; i++; }
            words.Add(h);
        }
        var weights = new int[64];
        void Add(ulong s) { for (int b = 0; b < 64; b++) weights[b] += (s >> b & 1) == 1 ? 1 : -1; }
        for (int k = 2; k < words.Count; k++) Add(Mix(words[k - 2] * 0x9E3779B97F4A7C15UL ^ Mix(words[k - 1] + 0x632BE59BD9B4E019UL) ^ words[k]));
        if (words.Count is 1 or 2) Add(Mix((words.Count == 2 ? words[0] : 0) ^ Mix(words[^1])));
        ulong r = 0;
        for (int b = 0; b < 64; b++) if (weights[b] > 0) r |= 1UL << b;
        return r;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 40)]
    [InlineData(5, 254)]
    [InlineData(6, 257)]
    [InlineData(7, 256 * 5 + 3)]
    [InlineData(8, 20000)]
    public void Fast_simhash_equals_the_definition(int seed, int words)
    {
        string[] vocab = ["army", "Village", "river", "raad", "ÉTAT", "minister", "convoy", "42", "border", "al-Qaeda", "talks", "x"];
        var rng = new Random(seed);
        string text = string.Join(rng.Next(2) == 0 ? " " : ", ", Enumerable.Range(0, words).Select(_ => vocab[rng.Next(vocab.Length)]));
        ulong fast = DocumentFingerprint.SimHash(text, out int counted);
        Assert.InRange(counted, words, words * 2); // "al-Qaeda" is two words
        Assert.Equal(Reference(text), fast);
    }
}
