namespace Dyad.Documents;

/// <summary>One input as found on disk or stdin, before decoding.</summary>
public sealed record InputItem(string Path, string Extension, long Length, bool IsStdin = false);

/// <summary>An input that could not be read or was refused, with one clear reason.</summary>
public sealed record SkippedInput(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
