using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.IO.Compression;

namespace Dyad.Syntax;

/// <summary>
/// Multi-class averaged perceptron over hashed features: each feature hash selects a row of
/// <see cref="Classes"/> weights. Training keeps float weights plus the averaging accumulator
/// (Daumé's trick: avg = w - u / c); <see cref="Freeze"/> yields quantized 16-bit weights.
/// </summary>
internal sealed class Perceptron : IScorer
{
    public int Classes { get; }
    public readonly int Bits;
    private readonly float[] _w;
    private readonly double[] _u;
    private long _c = 1;

    public Perceptron(int classes, int bits)
    {
        Classes = classes; Bits = bits;
        _w = new float[(long)classes << bits];
        _u = new double[_w.Length];
    }

    public int Row(ulong h) => (int)(h >> (64 - Bits)) * Classes;

    public void Score(ReadOnlySpan<int> rows, Span<float> scores)
    {
        scores[..Classes].Clear();
        var w = _w;
        foreach (int r in rows)
            for (int k = 0; k < Classes; k++) scores[k] += w[r + k];
    }

    public void Update(ReadOnlySpan<int> rows, int gold, int pred, float amount = 1f)
    {
        double cu = _c * (double)amount;
        foreach (int r in rows)
        {
            _w[r + gold] += amount; _u[r + gold] += cu;
            _w[r + pred] -= amount; _u[r + pred] -= cu;
        }
    }

    public void Tick() => _c++;

    /// <summary>Averaged weights, quantized to 16 bits.</summary>
    public QWeights Freeze()
    {
        float max = 1e-6f;
        var avg = new float[_w.Length];
        for (int i = 0; i < _w.Length; i++)
        {
            float a = (float)(_w[i] - _u[i] / _c);
            avg[i] = a;
            float ab = Math.Abs(a);
            if (ab > max) max = ab;
        }
        float scale = max / 32000f;
        var q = new short[_w.Length];
        for (int i = 0; i < avg.Length; i++) q[i] = (short)Math.Round(avg[i] / scale);
        return new QWeights(Classes, Bits, scale, q);
    }
}

/// <summary>Frozen, quantized perceptron weights used at run time (integer scoring).</summary>
internal sealed class QWeights : IScorer
{
    public int Classes { get; }
    public readonly int Bits;
    public readonly float Scale;
    public readonly short[] W;

    public QWeights(int classes, int bits, float scale, short[] w) { Classes = classes; Bits = bits; Scale = scale; W = w; }

    public int Row(ulong h) => (int)(h >> (64 - Bits)) * Classes;

    public void Score(ReadOnlySpan<int> rows, Span<float> scores)
    {
        int c = Classes;
        if (c >= 16 && Vector256.IsHardwareAccelerated) { ScoreSimd(rows, scores); return; }
        Span<int> acc = stackalloc int[c];
        var w = W;
        foreach (int r in rows)
        {
            var row = w.AsSpan(r, c);
            for (int k = 0; k < row.Length; k++) acc[k] += row[k];
        }
        for (int k = 0; k < c; k++) scores[k] = acc[k];
    }

    /// <summary>Row sums with 256-bit vectors: 16 weights widened to two int vectors per step.</summary>
    private void ScoreSimd(ReadOnlySpan<int> rows, Span<float> scores)
    {
        int c = Classes, chunks = c / 16, tail = chunks * 16;
        Span<Vector256<int>> acc = stackalloc Vector256<int>[chunks * 2];
        acc.Clear();
        Span<int> rest = stackalloc int[16];
        rest.Clear();
        ref short w0 = ref MemoryMarshal.GetArrayDataReference(W);
        foreach (int r in rows)
        {
            ref short row = ref Unsafe.Add(ref w0, r);
            for (int k = 0; k < chunks; k++)
            {
                var v = Vector256.LoadUnsafe(ref row, (nuint)(k * 16));
                var (lo, hi) = Vector256.Widen(v);
                acc[2 * k] += lo; acc[2 * k + 1] += hi;
            }
            for (int k = tail; k < c; k++) rest[k - tail] += Unsafe.Add(ref row, k);
        }
        for (int k = 0; k < chunks; k++)
        {
            var lo = Vector256.ConvertToSingle(acc[2 * k]);
            var hi = Vector256.ConvertToSingle(acc[2 * k + 1]);
            lo.CopyTo(scores.Slice(k * 16, 8));
            hi.CopyTo(scores.Slice(k * 16 + 8, 8));
        }
        for (int k = tail; k < c; k++) scores[k] = rest[k - tail];
    }

    /// <summary>Zeroes weights whose magnitude is below <paramref name="threshold"/> (in original units).</summary>
    public int Prune(float threshold)
    {
        int t = (int)(threshold / Scale), nz = 0;
        for (int i = 0; i < W.Length; i++)
        {
            if (Math.Abs(W[i]) <= t) W[i] = 0; else nz++;
        }
        return nz;
    }

    /// <summary>Nonzero weights: delta-coded positions (varint bytes) then the values, each as one block.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Classes); w.Write(Bits); w.Write(Scale);
        var pos = new MemoryStream();
        var vals = new List<short>();
        int last = 0;
        Span<byte> tmp = stackalloc byte[5];
        for (int i = 0; i < W.Length; i++)
        {
            if (W[i] == 0) continue;
            uint d = (uint)(i - last); last = i;
            int k = 0;
            while (d >= 0x80) { tmp[k++] = (byte)(d | 0x80); d >>= 7; }
            tmp[k++] = (byte)d;
            pos.Write(tmp[..k]);
            vals.Add(W[i]);
        }
        w.Write(vals.Count);
        w.Write((int)pos.Length);
        w.Write(pos.GetBuffer(), 0, (int)pos.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(vals)));
    }

    public static QWeights Read(BinaryReader r)
    {
        int classes = r.ReadInt32(), bits = r.ReadInt32();
        float scale = r.ReadSingle();
        int nz = r.ReadInt32();
        int plen = r.ReadInt32();
        var pos = new byte[plen];
        r.BaseStream.ReadExactly(pos);
        var vals = new short[nz];
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vals.AsSpan()));
        if (!BitConverter.IsLittleEndian) for (int i = 0; i < nz; i++) vals[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(vals[i]);
        var w = new short[(long)classes << bits];
        int p = 0, at = 0;
        for (int k = 0; k < nz; k++)
        {
            uint d = 0; int shift = 0; byte b;
            do { b = pos[p++]; d |= (uint)(b & 0x7F) << shift; shift += 7; } while (b >= 0x80);
            at += (int)d;
            w[at] = vals[k];
        }
        return new QWeights(classes, bits, scale, w);
    }
}
