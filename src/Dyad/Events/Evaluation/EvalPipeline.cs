using System.Security.Cryptography;
using System.Text;
using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Events.Evaluation;

/// <summary>
/// Runs one gold text through the real pipeline (Text → Syntax → Actors → Events) as a document with
/// one article segment in a known language, so evaluation sees exactly what <c>dyad analyze</c> produces.
/// </summary>
public sealed class EvalPipeline
{
    private readonly DocumentPipeline _pipeline;

    public EvalPipeline(PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        _pipeline = DocumentPipeline.Create(options);
    }

    /// <summary>True when a syntax model for the language is available (shipped or via DYAD_MODELS).</summary>
    public static bool HasModel(string lang) => Syntax.SyntaxModels.For(lang) != null;

    /// <summary>True when the Actors stage resolves at least one mention in a probe sentence (the stage may still be a stub).</summary>
    public bool ActorsActive(string lang)
    {
        var doc = Run(lang == "nl" ? "Rusland en Syrië vallen de rebellen aan." : "Russia and Syria attacked the rebels.", lang, null);
        return doc.Sentences.Any(s => s.Mentions.Any(m => m.Resolved));
    }

    public Document Run(string text, string lang, string? date)
    {
        var doc = new Document { Text = text, Published = date, Format = "txt", Path = "gold" };
        doc.Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..8]);
        doc.Segments.Add(new Segment
        {
            Index = 0, Kind = SegmentKind.Article, Start = 0, End = text.Length, Language = lang, LanguageConfidence = 1,
            Date = date,
        });
        _pipeline.Process(doc);
        return doc;
    }

    /// <summary>
    /// The event a one-event-per-sentence coder would report: the trigger closest to the root of the
    /// parse; ties go to the event with both arguments, then the leftmost trigger.
    /// </summary>
    public static Event? Primary(Document doc)
    {
        Event? best = null;
        (int, int, int) bestKey = default;
        foreach (var e in doc.Events)
        {
            var s = doc.Segments[e.SegmentIndex].Sentences[e.SentenceIndex];
            // The trigger's shallowest token ("hunger strike" is as deep as "strike", not as its compound "hunger").
            int depth = int.MaxValue;
            for (int tok = 0; tok < s.Tokens.Count; tok++)
            {
                if (s.Tokens[tok].Start < e.Trigger.Start || s.Tokens[tok].End > e.Trigger.End) continue;
                int d = 0;
                for (int i = tok; i >= 0 && d < 64; i = s.Tokens[i].Head) d++;
                depth = Math.Min(depth, d);
            }
            if (depth == int.MaxValue) depth = 64;
            // Missing arguments count 2, arguments that are no actor (unresolved phrase text) 1.
            int args = (e.Source == null ? 2 : e.Source.Actor?.Code == null ? 1 : 0) + (e.Target == null ? 2 : e.Target.Actor?.Code == null ? 1 : 0);
            var key = (e.SentenceIndex * 100 + depth, args, e.Trigger.Start);
            if (best == null || key.CompareTo(bestKey) < 0) { best = e; bestKey = key; }
        }
        // The event that carries it (ACCUSE over the alleged attack, AGREE over the promised aid) is what the sentence codes.
        for (int guard = 0; best?.ParentId != null && guard < 8; guard++)
        {
            var parent = doc.Events.Find(x => x.Id == best.ParentId);
            if (parent == null) break;
            best = parent;
        }
        return best;
    }
}

/// <summary>Counts for precision / recall / F1.</summary>
public sealed class Prf
{
    public int Tp, Predicted, Gold;
    public double P => Predicted == 0 ? 0 : (double)Tp / Predicted;
    public double R => Gold == 0 ? 0 : (double)Tp / Gold;
    public double F1 => P + R == 0 ? 0 : 2 * P * R / (P + R);
    public override string ToString() => $"P {P:F3} R {R:F3} F1 {F1:F3} (tp {Tp}, predicted {Predicted}, gold {Gold})";
}

/// <summary>Right / total.</summary>
public sealed class Acc
{
    public int Right, Total;
    public double Value => Total == 0 ? 0 : (double)Right / Total;
    public void Add(bool ok) { Total++; if (ok) Right++; }
    public override string ToString() => $"{Value:F3} ({Right}/{Total})";
}
