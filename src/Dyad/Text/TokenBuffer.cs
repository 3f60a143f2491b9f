namespace Dyad.Text;

/// <summary>What the tokenizer knows about one word besides its span.</summary>
[Flags]
public enum TokenFlags : ushort
{
    None = 0,
    /// <summary>This word and the next one are written as one surface token (UD multiword token: "do|n't").</summary>
    JoinsNext = 1,
    /// <summary>An abbreviation or initial that carries its own period ("U.S.", "Gen.", "J.", "o.a.").</summary>
    Abbreviation = 2,
    /// <summary>"." "!" "?" and runs of them, "…", "......".</summary>
    Terminal = 4,
    /// <summary>A closing quote or bracket that may follow terminal punctuation.</summary>
    Closing = 8,
    /// <summary>An opening quote or bracket.</summary>
    Opening = 16,
    /// <summary>Abbreviation that is only one when a number follows ("No. 5", "nr. 3").</summary>
    NumberAbbreviation = 32,
    /// <summary>Abbreviation that usually precedes a name and never ends a sentence ("Mr.", "Gen.", "dhr.", initials).</summary>
    TitleAbbreviation = 64,
    /// <summary>A list/bullet marker at the start of a line ("-", "*", "•").</summary>
    Bullet = 128,
    /// <summary>URL, e-mail address, @handle or #hashtag.</summary>
    Web = 256,
    /// <summary>Token starts with an upper-case letter.</summary>
    Upper = 512,
    /// <summary>Token starts with a lower-case letter.</summary>
    Lower = 1024,
    /// <summary>Token starts with a digit.</summary>
    Digit = 2048,
    /// <summary>An ellipsis ("...", "…", "......"): ends a sentence only before a clear sentence start.</summary>
    Ellipsis = 4096,
}

/// <summary>
/// Reusable, growable arrays of word spans (offsets relative to the text the tokenizer was given).
/// One buffer per thread; <see cref="Clear"/> keeps the arrays so steady-state tokenizing allocates nothing.
/// </summary>
public sealed class TokenBuffer
{
    public int Count;
    public int[] Starts = new int[256];
    public int[] Ends = new int[256];
    public TokenFlags[] Flags = new TokenFlags[256];
    /// <summary>Newlines in the whitespace before the word (capped at 2: 2 means a blank line).</summary>
    public byte[] NewlinesBefore = new byte[256];

    public void Clear() => Count = 0;

    public void Add(int start, int end, TokenFlags flags, byte newlines)
    {
        if (Count == Starts.Length) Grow();
        Starts[Count] = start;
        Ends[Count] = end;
        Flags[Count] = flags;
        NewlinesBefore[Count] = newlines;
        Count++;
    }

    private void Grow()
    {
        int n = Starts.Length * 2;
        Array.Resize(ref Starts, n);
        Array.Resize(ref Ends, n);
        Array.Resize(ref Flags, n);
        Array.Resize(ref NewlinesBefore, n);
    }

    public ReadOnlySpan<char> Span(ReadOnlySpan<char> text, int i) => text[Starts[i]..Ends[i]];
}
