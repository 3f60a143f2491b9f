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
        Span<int> acc = stackalloc int[c];
        var w = W;
        foreach (int r in rows)
        {
            var row = w.AsSpan(r, c);
            for (int k = 0; k < row.Length; k++) acc[k] += row[k];
        }
        for (int k = 0; k < c; k++) scores[k] = acc[k];
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

    public void Write(BinaryWriter w)
    {
        w.Write(Classes); w.Write(Bits); w.Write(Scale);
        int nz = 0;
        foreach (var x in W) if (x != 0) nz++;
        w.Write(nz);
        int last = 0;
        for (int i = 0; i < W.Length; i++)
        {
            if (W[i] == 0) continue;
            w.Write7BitEncodedInt(i - last); last = i;
            w.Write(W[i]);
        }
    }

    public static QWeights Read(BinaryReader r)
    {
        int classes = r.ReadInt32(), bits = r.ReadInt32();
        float scale = r.ReadSingle();
        int nz = r.ReadInt32();
        var w = new short[(long)classes << bits];
        int pos = 0;
        for (int k = 0; k < nz; k++) { pos += r.Read7BitEncodedInt(); w[pos] = r.ReadInt16(); }
        return new QWeights(classes, bits, scale, w);
    }
}
