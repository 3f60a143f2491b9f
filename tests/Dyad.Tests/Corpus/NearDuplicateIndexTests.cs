using Dyad.Corpus;
using Xunit;

namespace Dyad.Tests.Corpus;

public class NearDuplicateIndexTests
{
    [Fact]
    public void Finds_fingerprints_within_three_bits_nearest_first_and_nothing_farther()
    {
        var index = new NearDuplicateIndex();
        const ulong baseHash = 0x0123_4567_89AB_CDEFUL;
        index.Add(1, baseHash ^ 0b111);              // distance 3
        index.Add(2, baseHash ^ 0b1);                // distance 1
        index.Add(3, baseHash ^ 0b1111);             // distance 4: too far
        index.Add(4, ~baseHash);                     // unrelated
        // distance 2, with one flipped bit in each of two different bands
        index.Add(5, baseHash ^ (1UL << 20) ^ (1UL << 50));
        var found = index.Candidates(baseHash);
        Assert.Equal(new long[] { 2, 5, 1 }, found.Select(f => f.Key).ToArray());
        Assert.Equal(new[] { 1, 2, 3 }, found.Select(f => f.Distance).ToArray());
        Assert.Equal(5, index.LastKey);
    }

    [Fact]
    public void A_match_sharing_only_one_band_is_still_found()
    {
        var index = new NearDuplicateIndex();
        const ulong h = 0xFFFF_0000_FFFF_0000UL;
        // bits flipped in bands 0, 1 and 3: only band 2 is equal
        ulong other = h ^ 1UL ^ (1UL << 16) ^ (1UL << 48);
        index.Add(7, other);
        Assert.Equal((7L, 3), Assert.Single(index.Candidates(h)));
    }

    [Fact]
    public void Grows_past_its_initial_capacity()
    {
        var index = new NearDuplicateIndex();
        var rng = new Random(5);
        var hashes = new ulong[5000];
        for (int i = 0; i < hashes.Length; i++)
        {
            hashes[i] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
            index.Add(i + 1, hashes[i]);
        }
        Assert.Equal(5000, index.Count);
        for (int i = 0; i < hashes.Length; i += 97)
            Assert.Contains(index.Candidates(hashes[i]), f => f.Key == i + 1 && f.Distance == 0);
    }
}
