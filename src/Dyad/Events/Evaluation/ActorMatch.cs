using Dyad.Model;

namespace Dyad.Events.Evaluation;

/// <summary>A gold actor: its text in the sentence and its CAMEO code and sector (either may be missing).</summary>
public sealed record GoldActor(string Text, string? Code, string? Sector);

/// <summary>
/// Lenient actor matching. By code: the same code, or the same country and sector; a gold actor without a
/// sector matches any actor of its country; generic gold codes (IGO, NGO, IMG) match any code starting with
/// them. By span: the predicted text and the gold text share a content word (case-insensitive).
/// </summary>
public static class ActorMatch
{
    // Old CAMEO country codes that differ from ISO 3166 alpha-3.
    private static readonly Dictionary<string, string> CameoToIso = new(StringComparer.Ordinal)
    {
        ["JAP"] = "JPN", ["ITL"] = "ITA", ["VTN"] = "VNM", ["ROM"] = "ROU", ["YUG"] = "SRB", ["SCG"] = "SRB",
        ["ZAR"] = "COD", ["TMP"] = "TLS", ["BUR"] = "MMR", ["GER"] = "DEU", ["UK"] = "GBR",
    };

    private static readonly string[] Generic = ["IGO", "NGO", "IMG", "MNC", "UIS"];

    public static string? NormCountry(string? c)
    {
        if (string.IsNullOrEmpty(c)) return null;
        c = c.ToUpperInvariant();
        return CameoToIso.TryGetValue(c, out var iso) ? iso : c;
    }

    private static string? NormSector(string? s)
    {
        if (string.IsNullOrEmpty(s) || s.StartsWith('*')) return null;
        return s.Length > 3 ? s[..3].ToUpperInvariant() : s.ToUpperInvariant();
    }

    public static bool ByCode(GoldActor g, ActorRef? p)
    {
        if (p?.Code == null || string.IsNullOrEmpty(g.Code)) return false;
        string gc = g.Code.ToUpperInvariant();
        string pc = p.Code.ToUpperInvariant();
        string? gs = NormSector(g.Sector);
        if (Array.IndexOf(Generic, gc) >= 0)
            return pc.StartsWith(gc, StringComparison.Ordinal) || (p.Sector ?? "").Equals(gc, StringComparison.OrdinalIgnoreCase);
        string? gCountry = NormCountry(gc.Length >= 3 ? gc[..3] : gc);
        if (gc.Length > 3 && gs == null) gs = NormSector(gc[3..]);
        string? pCountry = NormCountry(p.Country ?? (pc.Length >= 3 ? pc[..3] : null));
        if (pc == gc + (gs ?? "")) return true;
        if (gCountry == null || pCountry != gCountry) return false;
        if (gs == null) return true;
        string? ps = NormSector(p.Sector ?? (pc.Length > 3 ? pc[3..] : null));
        return ps == gs;
    }

    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    { "the", "a", "an", "of", "and", "'s", "’s", "s", "in", "its", "their", "his", "her", "de", "het", "een", "van", "en" };

    private static IEnumerable<string> Words(string s) =>
        s.Split([' ', ',', '.', '(', ')', '"', '\'', '’', '-', ';', ':'], StringSplitOptions.RemoveEmptyEntries)
         .Where(w => !Stop.Contains(w)).Select(w => w.ToLowerInvariant());

    /// <summary>Span match: the texts share a content word.</summary>
    public static bool ByText(string gold, string? predicted)
    {
        if (string.IsNullOrWhiteSpace(gold) || string.IsNullOrWhiteSpace(predicted)) return false;
        var g = Words(gold).ToHashSet();
        foreach (var w in Words(predicted)) if (g.Contains(w)) return true;
        return false;
    }

    public static bool Any(IReadOnlyList<GoldActor> gold, ActorArg? p, bool byCode)
    {
        if (p == null) return false;
        foreach (var g in gold)
            if (byCode ? ByCode(g, p.Actor) : ByText(g.Text, p.Text)) return true;
        return false;
    }
}
