namespace Dyad.Segments.Language;

/// <summary>Training settings of the n-gram language model.</summary>
internal sealed record LidTrainOptions
{
    public int Bits { get; init; } = 16;
    public FeatureConfig Features { get; init; } = FeatureConfig.Default;
    public int Epochs { get; init; } = 8;
    /// <summary>Draws per language per epoch (class-balanced sampling with replacement).</summary>
    public int DrawsPerClass { get; init; } = 15000;
    /// <summary>Share of draws that are a random window of 2..9 words instead of the whole sentence.</summary>
    public double ShortShare { get; init; } = 0.5;
    public double LearningRate { get; init; } = 0.5;
    /// <summary>L2 penalty applied lazily to touched weights.</summary>
    public double L2 { get; init; } = 1e-6;
    public int Seed { get; init; } = 1;
}

/// <summary>
/// Multinomial logistic regression over hashed n-grams, trained with SGD on class-balanced draws
/// (whole sentences and short word windows), then quantised to one signed byte per weight.
/// </summary>
internal static class LidTrainer
{
    private struct ListSink : IFeatureSink
    {
        public List<int> Buckets;
        public int Mask;
        public void Add(uint hash) => Buckets.Add((int)(hash & (uint)Mask));
    }

    public static LidModel Train(string[] classes, IReadOnlyList<string>[] sentences, LidTrainOptions o, TextWriter? log = null)
    {
        int k = classes.Length;
        if (sentences.Length != k) throw new ArgumentException("one sentence list per class");
        for (int c = 0; c < k; c++)
            if (sentences[c].Count == 0) throw new ArgumentException($"no training text for '{classes[c]}'");
        int buckets = 1 << o.Bits;
        var w = new float[buckets * k];
        var b = new double[k];
        var rng = new Random(o.Seed);
        var sink = new ListSink { Buckets = new List<int>(1024), Mask = buckets - 1 };
        var p = new double[k];
        var g = new double[k];
        // Draw order: an interleaving of class labels, reshuffled each epoch.
        var order = new int[o.DrawsPerClass * k];
        for (int i = 0; i < order.Length; i++) order[i] = i % k;
        long steps = (long)o.Epochs * order.Length, t = 0;
        for (int epoch = 0; epoch < o.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double loss = 0;
            foreach (int y in order)
            {
                var list = sentences[y];
                string s = list[rng.Next(list.Count)];
                ReadOnlySpan<char> span = rng.NextDouble() < o.ShortShare ? Window(s, rng) : s.AsSpan();
                sink.Buckets.Clear();
                LidFeatures.Extract(span, o.Features, ref sink);
                var fs = sink.Buckets;
                if (fs.Count == 0) { t++; continue; }
                double x = 1.0 / Math.Sqrt(fs.Count);
                for (int c = 0; c < k; c++) p[c] = 0;
                foreach (int f in fs)
                {
                    int row = f * k;
                    for (int c = 0; c < k; c++) p[c] += w[row + c];
                }
                double max = double.NegativeInfinity;
                for (int c = 0; c < k; c++) { p[c] = b[c] + p[c] * x; if (p[c] > max) max = p[c]; }
                double z = 0;
                for (int c = 0; c < k; c++) { p[c] = Math.Exp(p[c] - max); z += p[c]; }
                for (int c = 0; c < k; c++) p[c] /= z;
                loss -= Math.Log(Math.Max(p[y], 1e-12));
                double lr = o.LearningRate / (1 + 4.0 * t / steps);
                for (int c = 0; c < k; c++) g[c] = (p[c] - (c == y ? 1 : 0)) * lr;
                double shrink = 1 - lr * o.L2;
                foreach (int f in fs)
                {
                    int row = f * k;
                    for (int c = 0; c < k; c++) w[row + c] = (float)(w[row + c] * shrink - g[c] * x);
                }
                for (int c = 0; c < k; c++) b[c] -= g[c] * 0.1;
                t++;
            }
            log?.WriteLine($"  epoch {epoch + 1}/{o.Epochs}: mean loss {loss / order.Length:F4}");
        }
        return Quantize(classes, o, w, b);
    }

    /// <summary>A random window of 2..9 words of <paramref name="s"/> (the whole sentence when shorter).</summary>
    internal static ReadOnlySpan<char> Window(string s, Random rng)
    {
        // word starts
        Span<int> starts = stackalloc int[128];
        int n = 0;
        bool inWord = false;
        for (int i = 0; i < s.Length && n < starts.Length; i++)
        {
            bool ws = char.IsWhiteSpace(s[i]);
            if (!ws && !inWord) starts[n++] = i;
            inWord = !ws;
        }
        if (n <= 2) return s;
        int len = rng.Next(2, 10);
        if (len >= n) return s;
        int first = rng.Next(n - len + 1);
        int start = starts[first];
        int end = first + len < n ? starts[first + len] : s.Length;
        return s.AsSpan(start, end - start);
    }

    private static LidModel Quantize(string[] classes, LidTrainOptions o, float[] w, double[] b)
    {
        // Clip at a high quantile of |w| so a few outliers do not waste the byte's resolution.
        var rng = new Random(7);
        var sample = new float[Math.Min(200_000, w.Length)];
        int m = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            float v = Math.Abs(w[rng.Next(w.Length)]);
            if (v > 0) sample[m++] = v;
        }
        Array.Sort(sample, 0, m);
        float clip = m == 0 ? 1f : sample[Math.Min(m - 1, (int)(m * 0.9995))];
        if (clip <= 0) clip = 1f;
        float scale = clip / 127f;
        var q = new sbyte[w.Length];
        for (int i = 0; i < w.Length; i++)
            q[i] = (sbyte)Math.Clamp((int)MathF.Round(w[i] / scale), -127, 127);
        var bias = new float[classes.Length];
        for (int c = 0; c < bias.Length; c++) bias[c] = (float)b[c];
        return new LidModel(classes, o.Features, o.Bits, scale, bias, q);
    }
}
