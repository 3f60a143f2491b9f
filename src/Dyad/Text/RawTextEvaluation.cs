using Dyad.Formats;
using Dyad.Model;
using Dyad.Syntax;

namespace Dyad.Text;

/// <summary>
/// Raw-text evaluation in the manner of the CoNLL 2018 shared task: rebuild the running text of a gold CoNLL-U file,
/// run Dyad's tokenizer and sentence splitter (and the tagger/parser when a model exists), and score the result
/// against the gold file with <see cref="Conll18Scorer"/>.
/// <para>
/// The text: each sentence is rebuilt from its tokens and their SpaceAfter=No marks (the same characters as its
/// `# text`, guaranteed to match the gold forms). Sentences are joined by one space; a `# newpar` or `# newdoc`
/// comment starts a new paragraph (a blank line). Files without any SpaceAfter information (the UD 2.2-era
/// LassySmall in ../shared has neither `# text` nor SpaceAfter) are detokenized with simple rules: no space before
/// , . ; : ! ? ) ] and closing quotes, none after ( [. Optionally (<see cref="ParagraphsFromIds"/>) paragraph breaks are
/// read from Alpino-style sentence ids "DOC.p.N.s.M" when the file has no `# newpar` lines.
/// </para>
/// </summary>
public sealed class RawTextEvaluation
{
    public bool ParagraphsFromIds { get; init; }
    /// <summary>Use the syntax models when available (false: tokens and sentences only).</summary>
    public bool Parse { get; init; } = true;

    public sealed record Result(Conll18Scores Scores, List<ConlluSentence> System, string Text, bool Parsed);

    public Result Run(IReadOnlyList<ConlluSentence> gold, string lang)
    {
        string text = BuildText(gold, ParagraphsFromIds);
        var sentences = TextAnalyzer.Analyze(text, lang);
        var annotator = Parse ? SyntaxModels.For(lang) : null;
        var sys = new List<ConlluSentence>(sentences.Count);
        int n = 0;
        foreach (var s in sentences)
        {
            if (annotator != null) { annotator.Annotate(s); s.Parsed = true; }
            sys.Add(ConlluSentences.FromSentence(s, (++n).ToString(System.Globalization.CultureInfo.InvariantCulture), text));
        }
        return new Result(Conll18Scorer.Score(gold, sys), sys, text, annotator != null);
    }

    public static string BuildText(IReadOnlyList<ConlluSentence> gold, bool paragraphsFromIds = false)
    {
        bool hasSpaceInfo = gold.Any(s => s.Words.Any(w => !w.SpaceAfter) || s.Multiwords.Any(m => m.Misc.Contains("SpaceAfter=No")));
        bool hasNewpar = gold.Any(s => s.NewPar);
        var sb = new System.Text.StringBuilder();
        string? prevPar = null;
        for (int i = 0; i < gold.Count; i++)
        {
            var s = gold[i];
            if (i > 0)
            {
                bool par = s.NewPar;
                if (!hasNewpar && paragraphsFromIds)
                {
                    string? p = ParagraphId(s.Id);
                    par = p != null && p != prevPar;
                }
                sb.Append(par ? "\n\n" : " ");
            }
            if (paragraphsFromIds) prevPar = ParagraphId(s.Id);
            AppendSentence(sb, s, hasSpaceInfo);
        }
        sb.Append('\n');
        return sb.ToString();
    }

    private static string? ParagraphId(string? id)
    {
        if (id == null) return null;
        int k = id.LastIndexOf(".s.", StringComparison.Ordinal);
        return k > 0 ? id[..k] : null;
    }

    private static void AppendSentence(System.Text.StringBuilder sb, ConlluSentence s, bool hasSpaceInfo)
    {
        int mw = 0;
        string? prev = null;
        for (int i = 0; i < s.Words.Count; i++)
        {
            string form;
            bool spaceAfter;
            if (mw < s.Multiwords.Count && s.Multiwords[mw].First == i + 1)
            {
                var m = s.Multiwords[mw++];
                form = m.Form;
                spaceAfter = !m.Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
                i = Math.Min(m.Last, s.Words.Count) - 1;
            }
            else
            {
                form = s.Words[i].Form;
                spaceAfter = s.Words[i].SpaceAfter;
            }
            if (!hasSpaceInfo && prev != null && !NoSpaceBetween(prev, form)) sb.Append(' ');
            sb.Append(form);
            if (hasSpaceInfo && spaceAfter && i + 1 < s.Words.Count) sb.Append(' ');
            prev = form;
        }
    }

    private static bool NoSpaceBetween(string prev, string next) =>
        next is "," or "." or ";" or ":" or "!" or "?" or ")" or "]" or "»" or "”" or "..." || prev is "(" or "[" or "«" or "“";
}
