using Dyad.Segments.Language;

namespace Dyad.Segments;

/// <summary>A language guess: ISO 639-1 code ("en", "nl", "de", "fr", "es", "ru", "ar", …, or "und") and a confidence in [0, 1].</summary>
public readonly record struct LanguageGuess(string Lang, double Confidence);

/// <summary>
/// Language identification of a span of text. First the script: the letters of each writing system
/// are counted and the majority script decides (Arabic → ar/fa/ur, Hebrew → he/yi, Greek → el,
/// CJK → zh/ja/ko, Thai, Devanagari, Armenian, Georgian, …; Cyrillic → ru unless letters peculiar to
/// uk, be, bg, sr, mk, kk, ky or mn appear). Latin-script text goes to a linear model over hashed
/// character 1–5-grams and words (en, nl, de, fr, es) unless letters peculiar to pl, cs, hu, tr, ro,
/// pt, vi, is or hr occur in a fifth of the words; the model is shipped as the embedded resource
/// Dyad.models.lid.bin.gz and loaded on first use. Fewer than three letters gives "und" with
/// confidence 0. Thread-safe; allocates nothing per call once the model is loaded.
/// </summary>
public sealed class LanguageIdentifier
{
    /// <summary>Spans with fewer letters than this are "und".</summary>
    public const int MinLetters = 3;

    public static LanguageIdentifier Default { get; } = new();

    private readonly Lazy<Loaded?> _model;

    private sealed class Loaded
    {
        public readonly LidModel Model;
        public readonly int[] Latin; // indices of the Latin-script classes
        public readonly int Ru;

        public Loaded(LidModel m)
        {
            Model = m;
            Latin = Enumerable.Range(0, m.Classes.Length).Where(i => m.Classes[i] != "ru").ToArray();
            Ru = m.IndexOf("ru");
        }
    }

    /// <summary>The identifier with the model shipped in the assembly.</summary>
    public LanguageIdentifier() : this(LidModel.LoadEmbedded) { }

    internal LanguageIdentifier(LidModel model) : this(() => model) { }

    private LanguageIdentifier(Func<LidModel?> load) =>
        _model = new Lazy<Loaded?>(() => load() is { } m ? new Loaded(m) : null, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Identifies the language of text[start..end). Thread-safe.</summary>
    public LanguageGuess Identify(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        if ((uint)start > (uint)text.Length || end < start || end > text.Length)
            throw new ArgumentOutOfRangeException(nameof(start), $"span [{start}, {end}) is outside the text (length {text.Length})");
        return Identify(text.AsSpan(start, end - start));
    }

    public LanguageGuess Identify(string text) => Identify(text, 0, text?.Length ?? 0);

    internal LanguageGuess Identify(ReadOnlySpan<char> span)
    {
        Span<int> perScript = stackalloc int[Scripts.Count];
        var st = new ScriptStats(perScript);
        st.Count(span);
        int cjk = perScript[(int)Script.Han] + perScript[(int)Script.Hiragana] + perScript[(int)Script.Katakana] + perScript[(int)Script.Hangul];
        // Majority script, with Han, kana and Hangul counted together.
        Script best = Script.None;
        int bestCount = 0;
        for (int s = 1; s < Scripts.Count; s++)
        {
            var script = (Script)s;
            if (script is Script.Han or Script.Hiragana or Script.Katakana or Script.Hangul) continue;
            if (perScript[s] > bestCount) { best = script; bestCount = perScript[s]; }
        }
        if (cjk > bestCount) { best = Script.Han; bestCount = cjk; }
        int letters = st.Letters;
        if (letters < (best == Script.Han ? 2 : MinLetters) || best is Script.None or Script.OtherLetter)
            return new LanguageGuess("und", 0);
        double share = (double)bestCount / letters;
        double scriptConfidence = share * Math.Min(1.0, 0.6 + letters / 50.0);
        switch (best)
        {
            case Script.Latin:
                if (st.OtherLatinLanguage() is { } other) return new LanguageGuess(other, scriptConfidence * 0.8);
                return Latin(span, share, letters);
            case Script.Cyrillic:
                return new LanguageGuess(st.CyrillicLanguage() ?? "ru", scriptConfidence);
            case Script.Arabic:
                return new LanguageGuess(st.ArabicLanguage(), scriptConfidence);
            case Script.Hebrew:
                return new LanguageGuess(st.HebrewLanguage(), scriptConfidence);
            case Script.Han:
                return new LanguageGuess(st.CjkLanguage(), scriptConfidence);
            default:
                return Scripts.DefaultLanguage(best) is { } lang ? new LanguageGuess(lang, scriptConfidence) : new LanguageGuess("und", 0);
        }
    }

    private LanguageGuess Latin(ReadOnlySpan<char> span, double share, int letters)
    {
        var loaded = _model.Value;
        if (loaded == null) return new LanguageGuess("und", 0);
        var m = loaded.Model;
        Span<double> scores = stackalloc double[m.Classes.Length];
        m.Score(span, scores);
        // Softmax over the Latin-script classes.
        double max = double.NegativeInfinity;
        int arg = -1;
        foreach (int c in loaded.Latin)
            if (scores[c] > max) { max = scores[c]; arg = c; }
        double z = 0;
        foreach (int c in loaded.Latin) z += Math.Exp(scores[c] - max);
        double p = 1.0 / z;
        return new LanguageGuess(m.Classes[arg], p * share);
    }

    /// <summary>Posterior over the model's classes (all of them, Russian included), for evaluation and tests.</summary>
    internal bool TryScores(ReadOnlySpan<char> span, Span<double> scores)
    {
        var loaded = _model.Value;
        if (loaded == null) return false;
        loaded.Model.Score(span, scores);
        return true;
    }

    internal LidModel? Model => _model.Value?.Model;
}
