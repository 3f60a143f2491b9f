using System.Globalization;

namespace Dyad.Actors;

/// <summary>What kind of actor a dictionary entry describes (DICT-FORMAT: country | igo | organisation | armed-group | person).</summary>
public enum ActorKind { Country, Igo, Organisation, ArmedGroup, Person }

/// <summary>A name, adjective or agent noun with the language it belongs to (null = valid in every language).</summary>
public sealed record NameForm(string Text, string? Lang, int Line);

/// <summary>A capital or seat of power standing for its state ("the Kremlin" → RUS GOV).</summary>
public sealed record Metonym(string Name, string Sector, string? Lang, int Line);

/// <summary>A person's actor code over a period. <see cref="From"/>/<see cref="To"/> null = open.</summary>
public sealed record ActorRole
{
    public string? Title { get; init; }
    public string? Code { get; init; }
    public string? Country { get; init; }
    public string? Sector { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Line { get; init; }

    /// <summary>The role's CAMEO code: <see cref="Code"/> if given, else country + sector.</summary>
    public string? EffectiveCode(string? entryCountry)
    {
        if (!string.IsNullOrEmpty(Code)) return Code;
        string? c = Country ?? entryCountry;
        if (c == null) return Sector;
        return c + (Sector ?? "");
    }

    public bool Covers(DateOnly d) => (From == null || From <= d) && (To == null || d <= To);
}

/// <summary>One actor entry (country, IGO, organisation, armed group or person).</summary>
public sealed class ActorEntry
{
    public required string Id { get; init; }
    public ActorKind Kind { get; set; }
    public string Code { get; set; } = "";
    public string? Wikidata { get; set; }
    public string Name { get; set; } = "";
    public string? Country { get; set; }
    public string? Sector { get; set; }
    public List<NameForm> Names { get; } = new();
    public List<NameForm> Adjectives { get; } = new();
    public List<Metonym> Metonyms { get; } = new();
    public List<ActorRole> Roles { get; } = new();
    /// <summary>m | f for people (pronoun coreference); null if unknown.</summary>
    public string? Gender { get; set; }
    public string? Note { get; set; }
    public string File { get; init; } = "";
    public int Line { get; init; }

    public static string KindName(ActorKind k) => k switch
    {
        ActorKind.Country => "country",
        ActorKind.Igo => "igo",
        ActorKind.Organisation => "organisation",
        ActorKind.ArmedGroup => "armed-group",
        ActorKind.Person => "person",
        _ => k.ToString().ToLowerInvariant(),
    };

    public static bool TryParseKind(string s, out ActorKind k)
    {
        switch (s.Trim().ToLowerInvariant())
        {
            case "country": k = ActorKind.Country; return true;
            case "igo": k = ActorKind.Igo; return true;
            case "organisation" or "organization": k = ActorKind.Organisation; return true;
            case "armed-group": k = ActorKind.ArmedGroup; return true;
            case "person": k = ActorKind.Person; return true;
            default: k = default; return false;
        }
    }

    /// <summary>
    /// The role that applies on a date: the one covering it (the latest-starting if several); else the
    /// most recent role that ended before it; else the earliest. Without a date: an ongoing role, else the latest.
    /// </summary>
    public ActorRole? RoleAt(DateOnly? date)
    {
        if (Roles.Count == 0) return null;
        if (date is { } d)
        {
            ActorRole? best = null;
            foreach (var r in Roles)
                if (r.Covers(d) && (best == null || (r.From ?? DateOnly.MinValue) > (best.From ?? DateOnly.MinValue))) best = r;
            if (best != null) return best;
            foreach (var r in Roles)
                if (r.To is { } t && t < d && (best == null || t > best.To)) best = r;
            if (best != null) return best;
            return Roles.OrderBy(r => r.From ?? DateOnly.MinValue).First();
        }
        var ongoing = Roles.Where(r => r.To == null).OrderByDescending(r => r.From ?? DateOnly.MinValue).FirstOrDefault();
        return ongoing ?? Roles.OrderByDescending(r => r.To ?? DateOnly.MaxValue).First();
    }

    public override string ToString() => $"{Id} ({KindName(Kind)}, {Code})";
}

/// <summary>A generic agent (sector noun): "troops" → MIL, "ministry" → GOV.</summary>
public sealed class AgentEntry
{
    public required string Id { get; init; }
    public string Sector { get; set; } = "";
    public List<NameForm> Names { get; } = new();
    public string? Note { get; set; }
    public string File { get; init; } = "";
    public int Line { get; init; }
    public override string ToString() => $"agent {Id} ({Sector})";
}

public enum DictSeverity { Error, Warning }

/// <summary>A validation message: "file:line: message".</summary>
public sealed record DictDiagnostic(string File, int Line, DictSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == DictSeverity.Warning ? "warning: " : "")}{Message}";
}

/// <summary>Date parsing for roles: yyyy, yyyy-MM or yyyy-MM-dd.</summary>
public static class DictDates
{
    public static bool TryParse(string s, bool end, out DateOnly d)
    {
        d = default;
        s = s.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, inv, out int y) && y >= 1)
        {
            d = end ? new DateOnly(y, 12, 31) : new DateOnly(y, 1, 1);
            return true;
        }
        if (s.Length == 7 && DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var m))
        {
            d = end ? m.AddMonths(1).AddDays(-1) : m;
            return true;
        }
        return s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out d);
    }

    /// <summary>The date part of an ISO-8601 date or timestamp ("2017-10-05", "2017-10-05T12:58"), if any.</summary>
    public static DateOnly? FromIso(string? s)
    {
        if (string.IsNullOrEmpty(s) || s.Length < 10) return null;
        return DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}

/// <summary>CAMEO sector codes accepted in dictionaries.</summary>
public static class Sectors
{
    public static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "GOV", "MIL", "REB", "INS", "OPP", "CVL", "COP", "SPY", "MED", "JUD", "LEG", "BUS", "REF", "UAF",
        "IGO", "NGO", "ELI", "HLH", "EDU", "AGR", "LAB", "CRM", "PTY", "MOS", "ENV", "DEV", "HRI", "RAD",
        "SEP", "REL", "CHR", "JEW", "BUD", "HIN", "MNC", "NGM", "IMG", "SET", "ATH", "MIN", "PRO", "RES",
        "CRY", "SOC", "JRN", "ALL",
    };

    public static bool IsKnown(string s) => Known.Contains(s);
}
