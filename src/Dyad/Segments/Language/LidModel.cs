using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Dyad.Segments.Language;

/// <summary>
/// A linear model over hashed character n-grams: one signed byte per (bucket, language), a global
/// scale and a bias per language. Score(lang) = bias + scale · Σ w[bucket(f), lang] / √(#features).
/// File: gzip of "DLID" magic, version, class count, class codes, feature config, bucket bits,
/// scale, biases, then the weight table bucket-major.
/// </summary>
internal sealed class LidModel
{
    private const uint Magic = 0x44494C44; // "DLID"
    private const int Version = 1;
    public const string ResourceName = "Dyad.models.lid.bin.gz";

    public string[] Classes { get; }
    public FeatureConfig Config { get; }
    public int Bits { get; }
    public float Scale { get; }
    public float[] Bias { get; }
    /// <summary>Weights, bucket-major: Weights[bucket * Classes.Length + class].</summary>
    public sbyte[] Weights { get; }

    public int Mask => (1 << Bits) - 1;

    public LidModel(string[] classes, FeatureConfig config, int bits, float scale, float[] bias, sbyte[] weights)
    {
        if (bias.Length != classes.Length) throw new ArgumentException("one bias per class");
        if (weights.Length != (1 << bits) * classes.Length) throw new ArgumentException("weight table size does not match bits × classes");
        Classes = classes; Config = config; Bits = bits; Scale = scale; Bias = bias; Weights = weights;
    }

    public int IndexOf(string lang) => Array.IndexOf(Classes, lang);

    private ulong[]? _packed;

    /// <summary>The weight table with each bucket's (≤ 8) class weights packed into one 64-bit word, zero-padded.</summary>
    private ulong[] Packed
    {
        get
        {
            if (_packed is { } p) return p;
            int k = Classes.Length, n = Weights.Length / k;
            var t = new ulong[n];
            for (int b = 0; b < n; b++)
            {
                ulong v = 0;
                for (int c = 0; c < k; c++) v |= (ulong)(byte)Weights[b * k + c] << (8 * c);
                t[b] = v;
            }
            return _packed = t;
        }
    }

    /// <summary>Accumulates the weight rows of each feature into per-class integer sums (up to 8 classes):
    /// each bucket's row is one 64-bit word, widened to eight 16-bit lanes and added; the lanes are
    /// flushed into 32-bit sums every <see cref="FlushEvery"/> features, before they could overflow.</summary>
    internal ref struct ScoreSink : IFeatureSink
    {
        private const int FlushEvery = 256; // 256 × 127 < 32,768
        private readonly ref ulong _w;
        private readonly uint _mask;
        private Vector128<short> _lanes;
        private Vector128<int> _lo, _hi;
        private int _pending;
        public int Count;

        public ScoreSink(LidModel m)
        {
            if (m.Classes.Length > 8) throw new NotSupportedException("at most 8 classes");
            _w = ref MemoryMarshal.GetArrayDataReference(m.Packed);
            _mask = (uint)m.Mask;
            _lanes = Vector128<short>.Zero; _lo = _hi = Vector128<int>.Zero;
            _pending = 0; Count = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(uint hash)
        {
            ulong row = Unsafe.Add(ref _w, (nint)(hash & _mask));
            _lanes += Vector128.WidenLower(Vector128.CreateScalarUnsafe(row).AsSByte());
            Count++;
            if (++_pending == FlushEvery) Flush();
        }

        private void Flush()
        {
            var (lo, hi) = Vector128.Widen(_lanes);
            _lo += lo; _hi += hi;
            _lanes = Vector128<short>.Zero;
            _pending = 0;
        }

        public int Sum(int c)
        {
            if (_pending > 0) Flush();
            return c < 4 ? _lo.GetElement(c) : _hi.GetElement(c - 4);
        }
    }

    /// <summary>Spans longer than <see cref="EarlyStopChars"/> (up to <see cref="FullScoreChars"/>) are
    /// scored in chunks of about <see cref="ChunkChars"/> characters (the first one half of
    /// EarlyStopChars), and scoring stops once the best class leads the runner-up by
    /// <see cref="StopMargin"/> (odds above 400 : 1). A paragraph is usually decided by its first
    /// two or three chunks; the answer is the one the whole span would give except in the rare span
    /// whose later part is in another language — which the segmenter cuts into blocks anyway.</summary>
    public const int EarlyStopChars = 128, ChunkChars = 64;
    public const double StopMargin = 6.0;

    private bool Decided(ref ScoreSink sink)
    {
        if (sink.Count == 0) return false;
        double norm = Scale / Math.Sqrt(sink.Count);
        double best = double.NegativeInfinity, second = double.NegativeInfinity;
        for (int c = 0; c < Classes.Length; c++)
        {
            double v = Bias[c] + sink.Sum(c) * norm;
            if (v > best) { second = best; best = v; }
            else if (v > second) second = v;
        }
        return best - second >= StopMargin;
    }

    /// <summary>Spans longer than this are scored on <see cref="Windows"/> windows of <see cref="WindowChars"/> characters spread over the span.</summary>
    public const int FullScoreChars = 2048, Windows = 4, WindowChars = 512;

    /// <summary>Class scores of a span into <paramref name="scores"/> (length = class count); returns the feature count.</summary>
    public int Score(ReadOnlySpan<char> text, Span<double> scores)
    {
        int k = Classes.Length;
        var sink = new ScoreSink(this);
        if (text.Length <= EarlyStopChars)
            LidFeatures.Extract(text, Config, ref sink);
        else if (text.Length <= FullScoreChars)
        {
            // Sequential: chunks that end at a space, stopping as soon as the leader is certain.
            int a = 0;
            while (a < text.Length)
            {
                int b = a == 0 ? EarlyStopChars / 2 : a + ChunkChars;
                if (b >= text.Length - ChunkChars / 2) b = text.Length;
                else while (b < text.Length && !char.IsWhiteSpace(text[b])) b++;
                LidFeatures.Extract(text[a..b], Config, ref sink);
                a = b;
                if (a < text.Length && Decided(ref sink)) break;
            }
        }
        else
        {
            // Evenly spaced windows, each starting after and ending before a space so no word is cut.
            long step = (text.Length - WindowChars) / (Windows - 1);
            for (int i = 0; i < Windows; i++)
            {
                int a = (int)(i * step), b = a + WindowChars;
                while (a < b && !char.IsWhiteSpace(text[a])) a++;
                while (b > a && !char.IsWhiteSpace(text[b - 1])) b--;
                if (b - a < WindowChars / 4) { a = (int)(i * step); b = a + WindowChars; }
                LidFeatures.Extract(text[a..b], Config, ref sink);
            }
        }
        double norm = sink.Count == 0 ? 0 : Scale / Math.Sqrt(sink.Count);
        for (int c = 0; c < k; c++) scores[c] = Bias[c] + sink.Sum(c) * norm;
        return sink.Count;
    }

    public void Write(Stream output)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic); w.Write(Version);
        w.Write(Classes.Length);
        foreach (var c in Classes) w.Write(c);
        w.Write(Config.MaxOrder); w.Write(Config.Words);
        w.Write(Bits); w.Write(Scale);
        foreach (var b in Bias) w.Write(b);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Weights.AsSpan()));
    }

    public void Save(string path)
    {
        using var f = File.Create(path);
        Write(f);
    }

    public static LidModel Read(Stream input, string what)
    {
        using var gz = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gz, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadUInt32() != Magic) throw new InvalidDataException($"{what}: not a language-identifier model (bad magic)");
            int version = r.ReadInt32();
            if (version != Version) throw new InvalidDataException($"{what}: unsupported model version {version}");
            int k = r.ReadInt32();
            if (k <= 0 || k > 64) throw new InvalidDataException($"{what}: bad class count {k}");
            var classes = new string[k];
            for (int i = 0; i < k; i++) classes[i] = r.ReadString();
            var config = new FeatureConfig(r.ReadInt32(), r.ReadBoolean());
            int bits = r.ReadInt32();
            if (bits < 8 || bits > 24) throw new InvalidDataException($"{what}: bad bucket bits {bits}");
            float scale = r.ReadSingle();
            var bias = new float[k];
            for (int i = 0; i < k; i++) bias[i] = r.ReadSingle();
            var weights = new sbyte[(1 << bits) * k];
            r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(weights.AsSpan()));
            return new LidModel(classes, config, bits, scale, bias, weights);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{what}: truncated language-identifier model");
        }
    }

    public static LidModel Load(string path)
    {
        using var f = File.OpenRead(path);
        return Read(f, path);
    }

    /// <summary>The model shipped inside the Dyad assembly, or null when the build has none.</summary>
    public static LidModel? LoadEmbedded()
    {
        using var s = typeof(LidModel).Assembly.GetManifestResourceStream(ResourceName);
        return s == null ? null : Read(s, ResourceName);
    }
}
