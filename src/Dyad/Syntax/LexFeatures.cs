namespace Dyad.Syntax;

/// <summary>Per-token string hashes computed once per token and shared by the tagger and parser.</summary>
internal struct Lex
{
    public ulong Form, Lower, P1, P2, P3, S1, S2, S3, S4, Shape;
    /// <summary>Ambiguity class (hash of the tags the word had in training; 0 = unknown), filled by the model.</summary>
    public ulong Amb;
    public byte Flags; // 1 = has upper, 2 = all upper, 4 = has digit, 8 = has hyphen, 16 = first upper, 32 = has letter

    public static void Compute(string s, ref Lex x)
    {
        var span = s.AsSpan();
        x.Form = Hashing.Str(span);
        x.Lower = Hashing.Lower(span);
        int n = span.Length;
        x.P1 = Hashing.F(101, Hashing.Lower(span[..Math.Min(1, n)]));
        x.P2 = Hashing.F(102, Hashing.Lower(span[..Math.Min(2, n)]));
        x.P3 = Hashing.F(103, Hashing.Lower(span[..Math.Min(3, n)]));
        x.S1 = Hashing.F(111, Hashing.Lower(span[Math.Max(0, n - 1)..]));
        x.S2 = Hashing.F(112, Hashing.Lower(span[Math.Max(0, n - 2)..]));
        x.S3 = Hashing.F(113, Hashing.Lower(span[Math.Max(0, n - 3)..]));
        x.S4 = Hashing.F(114, Hashing.Lower(span[Math.Max(0, n - 4)..]));
        // Shape: X/x/d/other, runs collapsed, at most 6 symbols.
        ulong sh = 1469598103934665603UL; char last = '\0'; int len = 0;
        byte flags = 0; bool allUpper = true;
        for (int i = 0; i < n; i++)
        {
            char c = span[i], k;
            if (char.IsUpper(c)) { k = 'X'; flags |= 1 | 32; if (i == 0) flags |= 16; }
            else if (char.IsLower(c)) { k = 'x'; allUpper = false; flags |= 32; }
            else if (char.IsDigit(c)) { k = 'd'; flags |= 4; }
            else { k = c; if (c == '-') flags |= 8; }
            if (k != last && len < 6) { sh ^= k; sh *= 1099511628211UL; len++; last = k; }
        }
        if (allUpper && (flags & 1) != 0) flags |= 2;
        x.Shape = Hashing.F(120, sh);
        x.Flags = flags;
    }
}
