namespace Dyad.Syntax;

/// <summary>64-bit hashing for feature strings and feature conjunctions (no allocations).</summary>
internal static class Hashing
{
    public const ulong None = 0x5bd1e9955bd1e995UL;
    public const ulong Bos = 0x1b873593cc9e2d51UL;

    public static ulong Mix(ulong x)
    {
        x ^= x >> 30; x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27; x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }

    public static ulong Str(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s) { h ^= c; h *= 1099511628211UL; }
        return Mix(h ^ (ulong)s.Length);
    }

    public static ulong Lower(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s) { h ^= char.ToLowerInvariant(c); h *= 1099511628211UL; }
        return Mix(h ^ (ulong)s.Length);
    }

    public static ulong F(int t, ulong a) => Mix(a ^ ((ulong)(t + 1) * 0x9E3779B97F4A7C15UL));
    public static ulong F(int t, ulong a, ulong b) => Mix(F(t, a) + b * 0xC2B2AE3D27D4EB4FUL);
    public static ulong F(int t, ulong a, ulong b, ulong c) => Mix(F(t, a, b) + c * 0x165667B19E3779F9UL);
    public static ulong F(int t, ulong a, ulong b, ulong c, ulong d) => Mix(F(t, a, b, c) + d * 0x27D4EB2F165667C5UL);
}
