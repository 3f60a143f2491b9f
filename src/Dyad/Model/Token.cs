namespace Dyad.Model;

/// <summary>A word with its UD annotations. Offsets are into <see cref="Document.Text"/>.</summary>
public sealed class Token
{
    /// <summary>0-based index within the sentence.</summary>
    public int Index { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public string Text { get; set; } = "";
    public string Lemma { get; set; } = "_";
    public string Upos { get; set; } = "_";
    public string Xpos { get; set; } = "_";
    public string Feats { get; set; } = "_";
    /// <summary>0-based index of the head token in the sentence; -1 for the root.</summary>
    public int Head { get; set; } = -1;
    public string Deprel { get; set; } = "_";
    public bool SpaceAfter { get; set; } = true;
    /// <summary>
    /// When this word starts a UD multiword token (EWT "don't" = "do" + "n't", "Syria's" = "Syria" + "'s"), the number
    /// of words in it (≥ 2); 0 otherwise. The surface token spans this word's Start to the last word's End.
    /// </summary>
    public int MultiwordLength { get; set; }

    public override string ToString() => $"{Index}:{Text}/{Upos}->{Head}:{Deprel}";
}
