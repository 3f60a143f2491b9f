namespace Dyad.Corpus;

/// <summary>
/// The near-duplicate candidate lookup, in memory: every stored fingerprint under its four 16-bit
/// bands (pigeonhole: two fingerprints at Hamming distance ≤ 3 share at least one band).
/// <para>
/// The store persists one append-only row per fingerprint (<c>fingerprints</c>, keyed by the
/// document's integer key) and rebuilds this index from it. A persisted band table would be a
/// random-order B-tree — four inserts per document into pages all over the file — and every commit
/// would rewrite those pages into the WAL; on a 1 GB ingest that was most of what SQLite wrote.
/// Memory: about 40 bytes per fingerprint (a million documents ≈ 40 MB).
/// </para>
/// </summary>
internal sealed class NearDuplicateIndex
{
    private const int Buckets = 4 << 16;
    // head[bucket] → first entry + 1 (0 = empty); next[entry] → next entry + 1 in the same bucket
    private readonly int[] _head = new int[Buckets];
    private int[] _next = new int[1024];
    private long[] _keys = new long[256];
    private ulong[] _hashes = new ulong[256];
    private int _count;

    /// <summary>The largest document key added (rows after it are loaded by the next refresh).</summary>
    public long LastKey { get; private set; }

    public int Count => _count;

    public void Add(long key, ulong simhash)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _hashes, _count * 2);
            Array.Resize(ref _next, _count * 8);
        }
        int e = _count++;
        _keys[e] = key;
        _hashes[e] = simhash;
        for (int b = 0; b < 4; b++)
        {
            int bucket = (int)DocumentFingerprint.Band(simhash, b);
            int slot = e * 4 + b;
            _next[slot] = _head[bucket];
            _head[bucket] = slot + 1;
        }
        if (key > LastKey) LastKey = key;
    }

    /// <summary>Stored fingerprints within <see cref="DocumentFingerprint.NearDuplicateDistance"/> of
    /// <paramref name="simhash"/>, nearest first (ties: the earlier document first).</summary>
    public List<(long Key, int Distance)> Candidates(ulong simhash)
    {
        var found = new List<(long Key, int Distance)>();
        for (int b = 0; b < 4; b++)
        {
            int bucket = (int)DocumentFingerprint.Band(simhash, b);
            for (int slot = _head[bucket]; slot != 0; slot = _next[slot - 1])
            {
                int e = (slot - 1) >> 2;
                int d = DocumentFingerprint.Distance(_hashes[e], simhash);
                if (d > DocumentFingerprint.NearDuplicateDistance) continue;
                bool dup = false;
                foreach (var f in found) if (f.Key == _keys[e]) { dup = true; break; }
                if (!dup) found.Add((_keys[e], d));
            }
        }
        found.Sort((x, y) => x.Distance != y.Distance ? x.Distance.CompareTo(y.Distance) : x.Key.CompareTo(y.Key));
        return found;
    }
}
