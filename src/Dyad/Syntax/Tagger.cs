namespace Dyad.Syntax;

/// <summary>
/// Greedy left-to-right averaged-perceptron tagger. Classes are tag strings (UPOS, or
/// "UPOS\tXPOS" for a joint tag); features are hashed (word, affixes, shape, ±2 words,
/// previous two tags).
/// </summary>
internal sealed class Tagger
{
    public const int MaxFeatures = 48;
    public string[] Classes = [];

    /// <summary>Writes feature hashes for position i given tags already assigned to the left.</summary>
    public static int Features(ReadOnlySpan<Lex> lex, ReadOnlySpan<int> tags, int i, Span<ulong> f, bool amb = false)
    {
        int n = lex.Length, k = 0;
        ref readonly Lex w = ref lex[i];
        ulong lm1 = i > 0 ? lex[i - 1].Lower : Hashing.Bos, lm2 = i > 1 ? lex[i - 2].Lower : Hashing.Bos;
        ulong lp1 = i + 1 < n ? lex[i + 1].Lower : Hashing.Bos, lp2 = i + 2 < n ? lex[i + 2].Lower : Hashing.Bos;
        ulong t1 = i > 0 ? (ulong)tags[i - 1] + 1 : 0, t2 = i > 1 ? (ulong)tags[i - 2] + 1 : 0;
        f[k++] = Hashing.F(0, 1);
        f[k++] = Hashing.F(1, w.Lower);
        f[k++] = Hashing.F(2, w.Form);
        f[k++] = Hashing.F(3, w.S1);
        f[k++] = Hashing.F(4, w.S2);
        f[k++] = Hashing.F(5, w.S3);
        f[k++] = Hashing.F(6, w.S4);
        f[k++] = Hashing.F(7, w.P1);
        f[k++] = Hashing.F(8, w.P2);
        f[k++] = Hashing.F(9, w.P3);
        f[k++] = Hashing.F(10, w.Shape);
        f[k++] = Hashing.F(11, lm1);
        f[k++] = Hashing.F(12, lp1);
        f[k++] = Hashing.F(13, lm2);
        f[k++] = Hashing.F(14, lp2);
        f[k++] = Hashing.F(15, i > 0 ? lex[i - 1].S3 : Hashing.Bos);
        f[k++] = Hashing.F(16, i + 1 < n ? lex[i + 1].S3 : Hashing.Bos);
        f[k++] = Hashing.F(17, t1);
        f[k++] = Hashing.F(18, t1, t2);
        f[k++] = Hashing.F(19, t1, w.Lower);
        f[k++] = Hashing.F(20, lm1, w.Lower);
        f[k++] = Hashing.F(21, w.Lower, lp1);
        f[k++] = Hashing.F(22, i > 0 ? lex[i - 1].Shape : Hashing.Bos, w.Shape);
        f[k++] = Hashing.F(23, i + 1 < n ? lex[i + 1].S2 : Hashing.Bos);
        f[k++] = Hashing.F(24, i == 0 ? 1UL : 0UL, w.Flags);
        f[k++] = Hashing.F(25, t1, w.S3);
        f[k++] = Hashing.F(26, i > 0 ? lex[i - 1].S2 : Hashing.Bos, w.S3);
        f[k++] = Hashing.F(27, w.S3, i + 1 < n ? lex[i + 1].S2 : Hashing.Bos);
        f[k++] = Hashing.F(28, lm1, w.Lower, lp1);
        f[k++] = Hashing.F(29, t1, lp1);
        f[k++] = Hashing.F(30, i + 1 < n ? lex[i + 1].Shape : Hashing.Bos, w.Shape);
        f[k++] = Hashing.F(31, i + 1 < n ? lex[i + 1].S4 : Hashing.Bos);
        f[k++] = Hashing.F(32, i > 0 ? lex[i - 1].S4 : Hashing.Bos);
        f[k++] = Hashing.F(33, w.Lower, lp2);
        f[k++] = Hashing.F(34, lm2, lm1, w.Lower);
        f[k++] = Hashing.F(35, i == 0 ? 1UL : 0UL, w.Lower);
        f[k++] = Hashing.F(36, i + 2 >= n ? 1UL : 0UL, w.Lower);
        if (amb)
        {
            // Tags the next words can have (their tags are not known yet in left-to-right tagging).
            ulong a0 = w.Amb, a1 = i + 1 < n ? lex[i + 1].Amb : 1, a2 = i + 2 < n ? lex[i + 2].Amb : 1;
            f[k++] = Hashing.F(37, a0);
            f[k++] = Hashing.F(38, a1);
            f[k++] = Hashing.F(39, a0, a1);
            f[k++] = Hashing.F(40, t1, a0);
            f[k++] = Hashing.F(41, t1, a0, a1);
            f[k++] = Hashing.F(42, a1, a2);
            f[k++] = Hashing.F(43, w.Lower, a1);
            f[k++] = Hashing.F(44, a0 == 0 ? w.S3 : 0, a1);
        }
        return k;
    }
}
