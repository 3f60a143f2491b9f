namespace Dyad.Segments;

/// <summary>A language guess: ISO 639-1 code ("en", "nl", "de", "fr", "es", "ru", "ar", …, or "und") and a confidence in [0, 1].</summary>
public readonly record struct LanguageGuess(string Lang, double Confidence);

/// <summary>Language identification of a span of text. (Stub: the LID helper replaces the body.)</summary>
public sealed class LanguageIdentifier
{
    public static LanguageIdentifier Default { get; } = new();

    /// <summary>Identifies the language of text[start..end). Thread-safe.</summary>
    public LanguageGuess Identify(string text, int start, int end) => new("en", 0.0);

    public LanguageGuess Identify(string text) => Identify(text, 0, text.Length);
}
