namespace Dyad.Model;

public sealed class Sentence
{
    /// <summary>Index within its segment.</summary>
    public int Index { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public string Text { get; set; } = "";
    public string Language { get; set; } = "und";
    public List<Token> Tokens { get; } = new();
    /// <summary>Actor mentions found by the Actors stage, in text order.</summary>
    public List<Mention> Mentions { get; } = new();
    /// <summary>True when the Syntax stage has filled tags, lemmas and heads.</summary>
    public bool Parsed { get; set; }
}
