using System.Text;
using Dyad.Model;

namespace Dyad.Outputs;

/// <summary>
/// How outputs identify an actor: its code when the dictionary resolved it, otherwise
/// "unresolved:" + its normalised text, so "the rebels" and "The  Rebels" are one node.
/// </summary>
public static class ActorKeys
{
    public const string UnresolvedPrefix = "unresolved:";

    public static string Key(ActorInfo a) => a.Code is { Length: > 0 } c ? c : UnresolvedPrefix + Normalise(a.Text);
    public static string Key(ClaimantInfo a) => a.Code is { Length: > 0 } c ? c : UnresolvedPrefix + Normalise(a.Text);

    /// <summary>Readable name: canonical name, else the code, else the text as written.</summary>
    public static string Label(ActorInfo a) => NonEmpty(a.Name ?? (a.Code is { Length: > 0 } ? a.Code : Clean(a.Text)));
    public static string Label(ClaimantInfo a) => NonEmpty(a.Person ?? a.Name ?? (a.Code is { Length: > 0 } ? a.Code : Clean(a.Text)));

    /// <summary>
    /// A graph node's name: like <see cref="Label(ActorInfo)"/>, but a composed actor (country + sector,
    /// "SYRMIL") says which part of the country it is ("Syria MIL"), so it is not confused with the country node.
    /// </summary>
    public static string NodeLabel(ActorInfo a) =>
        a.Name is { Length: > 0 } && a.Sector is { Length: > 0 } sector && a.Code is { Length: > 0 } code && code != a.Country
            && code.EndsWith(sector, StringComparison.Ordinal) && !a.Name.Contains(sector, StringComparison.Ordinal)
            ? a.Name + " " + sector : Label(a);

    /// <summary>What a reader sees for an actor without any text (an upstream stage gave no span).</summary>
    public const string NoName = "(no name)";

    private static string NonEmpty(string s) => string.IsNullOrWhiteSpace(s) ? NoName : s;

    /// <summary>Lower-case, collapse whitespace, drop a leading English/Dutch article and surrounding punctuation.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char ch in text)
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(ch switch { '\u2019' => '\'', _ => ch }));
        }
        string s = sb.ToString().Trim('"', '\'', '“', '”', ',', '.', ';', ':', '(', ')');
        foreach (var art in Articles)
            if (s.Length > art.Length && s.StartsWith(art, StringComparison.Ordinal)) { s = s[art.Length..]; break; }
        return s;
    }

    private static readonly string[] Articles = ["the ", "de ", "het ", "een ", "a ", "an "];

    /// <summary>Collapses whitespace (text from pages may hold newlines).</summary>
    public static string Clean(string text)
    {
        if (text.AsSpan().IndexOfAny("\r\n\t") < 0 && !text.Contains("  ")) return text.Trim();
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char ch in text)
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
