namespace Dyad.Syntax;

/// <summary>
/// Arc-eager transition system state with the child bookkeeping the feature templates need.
/// All arrays are reused between sentences.
/// </summary>
internal sealed class ParseState
{
    public const int SH = 0, RE = 1, LA = 2, RA = 3;
    public int N, Sp, B;
    public int[] Stack = new int[16], Head = new int[16], Label = new int[16];
    public int[] Lc1 = new int[16], Lc2 = new int[16], Rc1 = new int[16], Rc2 = new int[16], Nl = new int[16], Nr = new int[16];
    public ulong[] Lset = new ulong[16], Rset = new ulong[16];
    public bool[] InStack = new bool[16];

    public void Init(int n)
    {
        if (Stack.Length < n + 1)
        {
            int m = Math.Max(n + 1, Stack.Length * 2);
            Stack = new int[m]; Head = new int[m]; Label = new int[m];
            Lc1 = new int[m]; Lc2 = new int[m]; Rc1 = new int[m]; Rc2 = new int[m]; Nl = new int[m]; Nr = new int[m];
            Lset = new ulong[m]; Rset = new ulong[m]; InStack = new bool[m];
        }
        N = n; Sp = 0; B = 0;
        for (int i = 0; i < n; i++)
        {
            Head[i] = -1; Label[i] = -1; Lc1[i] = Lc2[i] = Rc1[i] = Rc2[i] = -1; Nl[i] = Nr[i] = 0;
            Lset[i] = Rset[i] = 0; InStack[i] = false;
        }
    }

    public int S0 => Sp > 0 ? Stack[Sp - 1] : -1;

    public bool Valid(int a) => a switch
    {
        SH => B < N,
        RE => Sp > 0 && Head[Stack[Sp - 1]] >= 0,
        LA => Sp > 0 && B < N && Head[Stack[Sp - 1]] < 0,
        RA => Sp > 0 && B < N,
        _ => false,
    };

    public void AddArc(int h, int d, int label)
    {
        Head[d] = h; Label[d] = label;
        ulong bit = 1UL << (label & 63);
        if (d < h) { Lc2[h] = Lc1[h]; Lc1[h] = d; Nl[h]++; Lset[h] |= bit; }
        else { Rc2[h] = Rc1[h]; Rc1[h] = d; Nr[h]++; Rset[h] |= bit; }
    }

    public void Apply(int a, int label)
    {
        switch (a)
        {
            case SH: InStack[B] = true; Stack[Sp++] = B++; break;
            case RE: InStack[Stack[--Sp]] = false; break;
            case LA: { int s = Stack[--Sp]; InStack[s] = false; AddArc(B, s, label); break; }
            case RA: { int s = Stack[Sp - 1]; AddArc(s, B, label); InStack[B] = true; Stack[Sp++] = B++; break; }
        }
    }

    /// <summary>Dynamic-oracle cost (Goldberg &amp; Nivre 2012): gold arcs made unreachable by action a.</summary>
    public int Cost(int a, ReadOnlySpan<int> gold)
    {
        int s = S0, b = B, c = 0;
        switch (a)
        {
            case LA:
                {
                    int g = gold[s];
                    if (g != b && (g < 0 || g > b)) c++;
                    for (int k = b; k < N; k++) if (gold[k] == s) c++;
                    return c;
                }
            case RA:
                {
                    int g = gold[b];
                    if (g != s && (g < 0 || g > b || (g >= 0 && InStack[g]))) c++;
                    for (int i = 0; i < Sp; i++) { int k = Stack[i]; if (gold[k] == b && Head[k] < 0) c++; }
                    return c;
                }
            case RE:
                for (int k = b; k < N; k++) if (gold[k] == s) c++;
                return c;
            default: // SH
                {
                    int g = gold[b];
                    if (g >= 0 && InStack[g]) c++;
                    for (int i = 0; i < Sp; i++) { int k = Stack[i]; if (gold[k] == b && Head[k] < 0) c++; }
                    return c;
                }
        }
    }
}

/// <summary>Feature templates for transitions (Zhang &amp; Nivre 2011 style) and for arc labels.</summary>
internal static class ParserFeatures
{
    public const int MaxTransition = 80, MaxLabel = 40;

    private static ulong W(ReadOnlySpan<Lex> lex, int i) => i >= 0 ? lex[i].Lower : Hashing.None;
    private static ulong P(ReadOnlySpan<int> tags, int i) => i >= 0 ? (ulong)tags[i] + 1 : 0;
    private static ulong L(ParseState st, int i) => i >= 0 ? (ulong)(st.Label[i] + 2) : 0;

    private static ulong Dist(int a, int b)
    {
        if (a < 0 || b < 0) return 0;
        int d = Math.Abs(a - b);
        return d <= 4 ? (ulong)d : d <= 6 ? 5UL : d <= 9 ? 6UL : 7UL;
    }

    public static int Transition(ParseState st, ReadOnlySpan<Lex> lex, ReadOnlySpan<int> tags, Span<ulong> f)
    {
        int n = st.N;
        int s0 = st.S0, s1 = st.Sp > 1 ? st.Stack[st.Sp - 2] : -1;
        int n0 = st.B < n ? st.B : -1, n1 = st.B + 1 < n ? st.B + 1 : -1, n2 = st.B + 2 < n ? st.B + 2 : -1;
        int s0h = s0 >= 0 ? st.Head[s0] : -1, s0h2 = s0h >= 0 ? st.Head[s0h] : -1;
        int s0l = s0 >= 0 ? st.Lc1[s0] : -1, s0l2 = s0 >= 0 ? st.Lc2[s0] : -1;
        int s0r = s0 >= 0 ? st.Rc1[s0] : -1, s0r2 = s0 >= 0 ? st.Rc2[s0] : -1;
        int n0l = n0 >= 0 ? st.Lc1[n0] : -1, n0l2 = n0 >= 0 ? st.Lc2[n0] : -1;
        ulong s0w = W(lex, s0), s0p = P(tags, s0), n0w = W(lex, n0), n0p = P(tags, n0);
        ulong n1w = W(lex, n1), n1p = P(tags, n1), n2w = W(lex, n2), n2p = P(tags, n2);
        ulong d = Dist(s0, n0);
        ulong s0vl = s0 >= 0 ? (ulong)st.Nl[s0] : 99, s0vr = s0 >= 0 ? (ulong)st.Nr[s0] : 99, n0vl = n0 >= 0 ? (ulong)st.Nl[n0] : 99;
        ulong s0sl = s0 >= 0 ? st.Lset[s0] : 1, s0sr = s0 >= 0 ? st.Rset[s0] : 1, n0sl = n0 >= 0 ? st.Lset[n0] : 1;
        ulong s0hp = P(tags, s0h), s0lp = P(tags, s0l), s0rp = P(tags, s0r), n0lp = P(tags, n0l);
        ulong hasHead = s0 >= 0 && st.Head[s0] >= 0 ? 1UL : 0UL;
        int k = 0;
        f[k++] = Hashing.F(0, 1);
        f[k++] = Hashing.F(1, s0w); f[k++] = Hashing.F(2, s0p); f[k++] = Hashing.F(3, s0w, s0p);
        f[k++] = Hashing.F(4, n0w); f[k++] = Hashing.F(5, n0p); f[k++] = Hashing.F(6, n0w, n0p);
        f[k++] = Hashing.F(7, n1w); f[k++] = Hashing.F(8, n1p); f[k++] = Hashing.F(9, n1w, n1p);
        f[k++] = Hashing.F(10, n2w); f[k++] = Hashing.F(11, n2p); f[k++] = Hashing.F(12, n2w, n2p);
        f[k++] = Hashing.F(13, s0w, s0p, n0w, n0p); f[k++] = Hashing.F(14, s0w, s0p, n0w); f[k++] = Hashing.F(15, s0w, n0w, n0p);
        f[k++] = Hashing.F(16, s0w, s0p, n0p); f[k++] = Hashing.F(17, s0p, n0w, n0p); f[k++] = Hashing.F(18, s0w, n0w);
        f[k++] = Hashing.F(19, s0p, n0p); f[k++] = Hashing.F(20, n0p, n1p);
        f[k++] = Hashing.F(21, n0p, n1p, n2p); f[k++] = Hashing.F(22, s0p, n0p, n1p); f[k++] = Hashing.F(23, s0hp, s0p, n0p);
        f[k++] = Hashing.F(24, s0p, s0lp, n0p); f[k++] = Hashing.F(25, s0p, s0rp, n0p); f[k++] = Hashing.F(26, s0p, n0p, n0lp);
        f[k++] = Hashing.F(27, s0w, d); f[k++] = Hashing.F(28, s0p, d); f[k++] = Hashing.F(29, n0w, d); f[k++] = Hashing.F(30, n0p, d);
        f[k++] = Hashing.F(31, s0w, n0w, d); f[k++] = Hashing.F(32, s0p, n0p, d);
        f[k++] = Hashing.F(33, s0w, s0vr); f[k++] = Hashing.F(34, s0p, s0vr); f[k++] = Hashing.F(35, s0w, s0vl);
        f[k++] = Hashing.F(36, s0p, s0vl); f[k++] = Hashing.F(37, n0w, n0vl); f[k++] = Hashing.F(38, n0p, n0vl);
        f[k++] = Hashing.F(39, W(lex, s0h)); f[k++] = Hashing.F(40, s0hp); f[k++] = Hashing.F(41, L(st, s0));
        f[k++] = Hashing.F(42, W(lex, s0l)); f[k++] = Hashing.F(43, s0lp); f[k++] = Hashing.F(44, L(st, s0l));
        f[k++] = Hashing.F(45, W(lex, s0r)); f[k++] = Hashing.F(46, s0rp); f[k++] = Hashing.F(47, L(st, s0r));
        f[k++] = Hashing.F(48, W(lex, n0l)); f[k++] = Hashing.F(49, n0lp); f[k++] = Hashing.F(50, L(st, n0l));
        f[k++] = Hashing.F(51, W(lex, s0h2)); f[k++] = Hashing.F(52, P(tags, s0h2)); f[k++] = Hashing.F(53, L(st, s0h));
        f[k++] = Hashing.F(54, W(lex, s0l2)); f[k++] = Hashing.F(55, P(tags, s0l2)); f[k++] = Hashing.F(56, L(st, s0l2));
        f[k++] = Hashing.F(57, W(lex, s0r2)); f[k++] = Hashing.F(58, P(tags, s0r2)); f[k++] = Hashing.F(59, L(st, s0r2));
        f[k++] = Hashing.F(60, W(lex, n0l2)); f[k++] = Hashing.F(61, P(tags, n0l2)); f[k++] = Hashing.F(62, L(st, n0l2));
        f[k++] = Hashing.F(63, s0p, s0lp, P(tags, s0l2)); f[k++] = Hashing.F(64, s0p, s0rp, P(tags, s0r2));
        f[k++] = Hashing.F(65, s0p, s0hp, P(tags, s0h2)); f[k++] = Hashing.F(66, n0p, n0lp, P(tags, n0l2));
        f[k++] = Hashing.F(67, s0w, s0sr); f[k++] = Hashing.F(68, s0p, s0sr); f[k++] = Hashing.F(69, s0w, s0sl);
        f[k++] = Hashing.F(70, s0p, s0sl); f[k++] = Hashing.F(71, n0w, n0sl); f[k++] = Hashing.F(72, n0p, n0sl);
        f[k++] = Hashing.F(73, W(lex, s1)); f[k++] = Hashing.F(74, P(tags, s1)); f[k++] = Hashing.F(75, P(tags, s1), s0p, n0p);
        f[k++] = Hashing.F(76, hasHead, s0p, n0p); f[k++] = Hashing.F(77, hasHead, s0w, n0p); f[k++] = Hashing.F(78, hasHead, L(st, s0), n0p);
        f[k++] = Hashing.F(79, n0 == n - 1 ? 1UL : 0UL, s0p, n0p);
        return k;
    }

    public static int Label(ParseState st, ReadOnlySpan<Lex> lex, ReadOnlySpan<int> tags, int h, int dep, Span<ulong> f)
    {
        int n = st.N;
        ulong hw = W(lex, h), hp = P(tags, h), dw = W(lex, dep), dp = P(tags, dep);
        ulong dir = dep < h ? 1UL : 2UL, dist = Dist(h, dep);
        int dl = st.Lc1[dep], dr = st.Rc1[dep], hl = st.Lc1[h], hr = st.Rc1[h];
        int hh = st.Head[h];
        int k = 0;
        f[k++] = Hashing.F(200, 1, dir);
        f[k++] = Hashing.F(201, hw); f[k++] = Hashing.F(202, hp); f[k++] = Hashing.F(203, dw); f[k++] = Hashing.F(204, dp);
        f[k++] = Hashing.F(205, hw, dp); f[k++] = Hashing.F(206, hp, dw); f[k++] = Hashing.F(207, hp, dp);
        f[k++] = Hashing.F(208, hp, dp, dir); f[k++] = Hashing.F(209, hp, dp, dist); f[k++] = Hashing.F(210, hw, dw);
        f[k++] = Hashing.F(211, dw, dir); f[k++] = Hashing.F(212, dp, dir);
        f[k++] = Hashing.F(213, L(st, h), dp, dir); f[k++] = Hashing.F(214, st.Lset[dep] | (st.Rset[dep] << 1), dp);
        f[k++] = Hashing.F(215, W(lex, dl), dp); f[k++] = Hashing.F(216, P(tags, dl), dp, hp);
        f[k++] = Hashing.F(217, st.Lset[h], st.Rset[h], dp, dir);
        f[k++] = Hashing.F(218, dep > 0 ? P(tags, dep - 1) : 0, dp, dir); f[k++] = Hashing.F(219, dep + 1 < n ? P(tags, dep + 1) : 0, dp, dir);
        f[k++] = Hashing.F(220, h > 0 ? P(tags, h - 1) : 0, hp, dp); f[k++] = Hashing.F(221, h + 1 < n ? P(tags, h + 1) : 0, hp, dp);
        f[k++] = Hashing.F(222, W(lex, dr), dp); f[k++] = Hashing.F(223, lex[dep].S3, dp);
        f[k++] = Hashing.F(224, hw, dp, dir); f[k++] = Hashing.F(225, dw, hp, dir);
        f[k++] = Hashing.F(226, L(st, dl), dp); f[k++] = Hashing.F(227, (ulong)Math.Min(st.Nl[h], 3), dir, dp, hp);
        f[k++] = Hashing.F(228, P(tags, hh), hp, dp, dir); f[k++] = Hashing.F(229, W(lex, hl), L(st, hl), dp);
        f[k++] = Hashing.F(230, W(lex, hr), L(st, hr), dp); f[k++] = Hashing.F(231, dw, hw, dir);
        f[k++] = Hashing.F(232, W(lex, dl), hw, dp); f[k++] = Hashing.F(233, lex[dep].Flags, dp, hp);
        f[k++] = Hashing.F(234, lex[h].S3, hp, dp); f[k++] = Hashing.F(235, W(lex, dl), W(lex, st.Lc2[dep]), dp);
        return k;
    }
}
