namespace Dyad.Outputs;

/// <summary>The three families the report colours edges by, following CAMEO's quad classes
/// with verbal and material cooperation folded into one.</summary>
public enum TypeFamily { Cooperation, VerbalConflict, MaterialConflict }

public static class EventTypes
{
    public static readonly string[] All =
        ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

    public static TypeFamily Family(string type) => type.ToUpperInvariant() switch
    {
        "ACCUSE" or "REJECT" or "THREATEN" => TypeFamily.VerbalConflict,
        "PROTEST" or "SANCTION" or "MOBILIZE" or "COERCE" or "ASSAULT" => TypeFamily.MaterialConflict,
        _ => TypeFamily.Cooperation,
    };

    public static string FamilyName(TypeFamily f) => f switch
    {
        TypeFamily.MaterialConflict => "material-conflict",
        TypeFamily.VerbalConflict => "verbal-conflict",
        _ => "cooperation",
    };

    /// <summary>Claim statuses in SPEC order; index = (int)ClaimStatus.</summary>
    public static readonly string[] Statuses =
        ["asserted", "reported", "alleged", "hedged", "negated", "denied", "future", "hypothetical", "question"];

    public static int StatusIndex(string status)
    {
        int i = Array.IndexOf(Statuses, status.ToLowerInvariant());
        return i < 0 ? 0 : i;
    }
}
