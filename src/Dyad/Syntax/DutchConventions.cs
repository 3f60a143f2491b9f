using System.Text.RegularExpressions;
using Dyad.Formats;

namespace Dyad.Syntax;

/// <summary>
/// Maps older UD Dutch LassySmall annotation (no XPOS, "flat:name", possessives as DET, ordinals
/// as NUM, "als" as ADP, separable verbs without the particle in the lemma) to the conventions of
/// current UD Dutch Alpino (ALUD 2.12), which the shipped Dutch model is evaluated against.
/// Only deterministic, word-level differences are mapped; structural ones are left alone.
/// </summary>
public static partial class DutchConventions
{
    private static readonly Dictionary<string, string> Possessives = new(StringComparer.Ordinal)
    {
        ["mijn"] = "1", ["m'n"] = "1", ["onze"] = "1", ["ons"] = "1",
        ["jouw"] = "2", ["je"] = "2", ["uw"] = "2", ["jullie"] = "2",
        ["zijn"] = "3", ["z'n"] = "3", ["haar"] = "3", ["hun"] = "3", ["d'r"] = "3",
    };

    /// <summary>Particles of separable verbs (as in "valt … aan" → lemma "aan_vallen").</summary>
    internal static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "toe", "uit", "voor", "weg", "terug",
        "neer", "los", "vast", "samen", "tegen", "binnen", "buiten", "achter", "heen", "voort", "open", "dicht",
        "klaar", "tussen", "rond", "langs", "thuis", "teweeg", "vrij", "omhoog", "omlaag", "onder", "achteruit", "vooruit",
    };

    [GeneratedRegex("^(eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde|[a-z]+tiende|[a-z]+tigste|[a-z]*honderdste|[a-z]*duizendste|[0-9]+(e|ste|de))$")]
    private static partial Regex Ordinal();

    /// <summary>True when the sentences look like older LassySmall: no XPOS at all and "flat:name" relations.</summary>
    public static bool IsOldLassy(IReadOnlyList<ConlluSentence> sents)
    {
        bool anyX = false, flatName = false;
        foreach (var s in sents)
            foreach (var w in s.Words)
            {
                if (w.Xpos != "_") anyX = true;
                if (w.Deprel == "flat:name") flatName = true;
            }
        return !anyX && flatName;
    }

    public static void Convert(ConlluSentence s)
    {
        var ws = s.Words;
        foreach (var w in ws)
        {
            string lower = w.Form.ToLowerInvariant();
            if (w.Deprel == "flat:name") w.Deprel = "flat";
            if (w.Upos == "DET" && w.Deprel == "det" && Possessives.TryGetValue(lower, out var person))
            {
                w.Upos = "PRON"; w.Deprel = "nmod:poss"; w.Feats = $"Person={person}|Poss=Yes|PronType=Prs";
            }
            else if (w.Upos == "NUM" && Ordinal().IsMatch(lower))
            {
                w.Upos = "ADJ"; w.Feats = "_";
                if (w.Deprel == "nummod") w.Deprel = "amod";
            }
            else if (w.Upos == "ADP" && lower == "als" && w.Deprel == "mark") w.Upos = "SCONJ";
        }
        // Separable verbs: the particle goes into the verb's lemma ("stelde … op" → "op_stellen").
        foreach (var w in ws)
        {
            if (w.Deprel != "compound:prt" || w.Head <= 0) continue;
            var h = ws[w.Head - 1];
            string p = w.Form.ToLowerInvariant();
            if (h.Lemma.Contains('_')) continue;
            if (h.Lemma.StartsWith(p, StringComparison.Ordinal) && h.Lemma.Length > p.Length + 2) h.Lemma = p + "_" + h.Lemma[p.Length..];
            else h.Lemma = p + "_" + h.Lemma;
        }
        // Particle written inside the verb ("opgenomen", lemma "opnemen" → "op_nemen").
        foreach (var w in ws)
        {
            if (w.Upos != "VERB" || w.Lemma.Contains('_')) continue;
            string lower = w.Form.ToLowerInvariant();
            foreach (var p in Particles)
            {
                if (w.Lemma.Length <= p.Length + 2 || !w.Lemma.StartsWith(p, StringComparison.Ordinal) || !lower.StartsWith(p, StringComparison.Ordinal)) continue;
                // Evidence of separability: participle "op-ge-nomen" or "te" infinitive "op-te-nemen".
                string rest = lower[p.Length..];
                if (rest.StartsWith("ge", StringComparison.Ordinal) && !w.Lemma[p.Length..].StartsWith("ge", StringComparison.Ordinal) || rest.StartsWith("te", StringComparison.Ordinal) && !w.Lemma[p.Length..].StartsWith("te", StringComparison.Ordinal))
                {
                    w.Lemma = p + "_" + w.Lemma[p.Length..];
                    break;
                }
            }
        }
    }
}
