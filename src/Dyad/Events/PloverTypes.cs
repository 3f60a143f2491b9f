namespace Dyad.Events;

/// <summary>PLOVER event types, their CAMEO root codes and the ConfliBERT quad classes.</summary>
public static class PloverTypes
{
    public static readonly string[] All =
        ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

    public static bool IsType(string t) => Array.IndexOf(All, t) >= 0;

    /// <summary>
    /// Older PLOVER (GSR v0.5) names → the 16 current types: DEMAND → REQUEST,
    /// DISAPPROVE and INVESTIGATE → ACCUSE (modes disapprove, investigate), FIGHT → ASSAULT.
    /// </summary>
    public static string? Normalize(string? t) => t?.ToUpperInvariant() switch
    {
        null or "" => null,
        "DEMAND" => "REQUEST",
        "DISAPPROVE" or "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        var u when IsType(u) => u,
        _ => null,
    };

    /// <summary>The CAMEO root (01–20) as a number, or 0 when the code is missing.</summary>
    public static int CameoRoot(string? cameo) =>
        cameo is { Length: >= 2 } && char.IsAsciiDigit(cameo[0]) && char.IsAsciiDigit(cameo[1]) ? (cameo[0] - '0') * 10 + (cameo[1] - '0') : 0;

    /// <summary>PLOVER type of a CAMEO root code (documented in docs/notes/events.md).</summary>
    public static string? FromCameoRoot(int root) => root switch
    {
        2 => "REQUEST", 3 => "AGREE", 4 => "CONSULT", 5 => "SUPPORT", 6 => "COOPERATE", 7 => "AID", 8 => "CONCEDE",
        9 => "ACCUSE", 10 => "REQUEST", 11 => "ACCUSE", 12 => "REJECT", 13 => "THREATEN", 14 => "PROTEST",
        15 => "MOBILIZE", 16 => "SANCTION", 17 => "COERCE", 18 or 19 or 20 => "ASSAULT", _ => null,
    };

    /// <summary>
    /// ConfliBERT / Phoenix quad class from the CAMEO root: 01–02 → 0 neutral statement, 03–05 → 1 verbal
    /// cooperation, 06–08 → 2 material cooperation, 09–13 → 3 verbal conflict, 14–20 → 4 material conflict.
    /// </summary>
    public static int QuadFromCameo(int root) => root switch
    {
        <= 2 => 0, <= 5 => 1, <= 8 => 2, <= 13 => 3, _ => 4,
    };

    /// <summary>Quad class of a PLOVER type when no CAMEO code is known.</summary>
    public static int QuadFromType(string type) => type switch
    {
        "REQUEST" => 0,
        "AGREE" or "CONSULT" or "SUPPORT" => 1,
        "COOPERATE" or "AID" or "CONCEDE" or "RETREAT" => 2,
        "ACCUSE" or "REJECT" or "THREATEN" => 3,
        _ => 4,
    };

    /// <summary>
    /// The quad class ConfliBERT's CAMEO data gives each PLOVER type, derived from its training file
    /// (cameo_joined_train.csv: the majority gold class of the sentences whose primary event has the type;
    /// counts in docs/notes/events.md). It differs from the CAMEO-root mapping for SANCTION (3, not 4) and
    /// MOBILIZE (2, not 4); REQUEST is split by mode: appeals are 0, demands and orders 3.
    /// </summary>
    public static int ConfliBertQuad(string type, string? mode) => type switch
    {
        "REQUEST" => mode is "demand" or "order" ? 3 : 0,
        "AGREE" or "CONSULT" or "SUPPORT" => 1,
        "COOPERATE" or "AID" or "CONCEDE" or "RETREAT" or "MOBILIZE" => 2,
        "ACCUSE" or "REJECT" or "THREATEN" or "SANCTION" => 3,
        _ => 4, // ASSAULT, COERCE, PROTEST
    };

    public static int Quad(string type, string? cameo)
    {
        int root = CameoRoot(cameo);
        return root > 0 ? QuadFromCameo(root) : QuadFromType(type);
    }
}
