using Dyad.Documents;

namespace Dyad.Segments;

/// <summary>Writing system of a block's letters (for cutting a page where the script changes).</summary>
internal enum BlockScript : byte { Unknown, Latin, Arabic, Cyrillic, Hebrew, Greek, Cjk, Other }

/// <summary>One block of a page (a line or paragraph of plain text, a paragraph/heading of HTML) and what the segmenter decided about it.</summary>
internal sealed class Block
{
    public int Start, End;
    public string Text = "";
    /// <summary>Blank lines before this block (plain text); 1 for HTML blocks.</summary>
    public int BlankBefore;
    public BlockKind Kind = BlockKind.Paragraph;
    public int Level;
    public int Article = -1;
    /// <summary>HTML comment id (≥ 0), −2: inside a comment thread but no comment, −1: not in a thread.</summary>
    public int Comment = -1;
    public LineInfo Info = LineInfo.Plain;
    public BlockScript Script;
    /// <summary>A later copy of an earlier block: kept in the text, not in any segment.</summary>
    public bool Dropped;
    public int Copies = 1;
    /// <summary>The language of this block alone, when it was identified (long blocks of multi-block articles).</summary>
    public LanguageGuess? Guess;

    public bool IsBoilerplate => Info.Role is LineRole.Boilerplate or LineRole.Byline or LineRole.ArchiveLine;
    public override string ToString() => $"[{Start},{End}) {Info.Role} {Text[..Math.Min(Text.Length, 40)]}";
}

internal static class BlockBuilder
{
    /// <summary>Plain text: each non-empty line is a block; hard-wrapped prose (short lines in
    /// blank-line-separated paragraphs) is joined into paragraph blocks, special lines kept apart.</summary>
    public static List<Block> FromPlainText(string text)
    {
        var lines = new List<Block>();
        int pos = 0, blanks = 0;
        while (pos <= text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            int a = pos, b = end;
            while (a < b && char.IsWhiteSpace(text[a])) a++;
            while (b > a && char.IsWhiteSpace(text[b - 1])) b--;
            if (b > a)
            {
                lines.Add(new Block { Start = a, End = b, Text = text.Substring(a, b - a), BlankBefore = lines.Count == 0 ? 0 : blanks });
                blanks = 0;
            }
            else blanks++;
            if (nl < 0) break;
            pos = nl + 1;
        }
        foreach (var l in lines) l.Info = LineRules.Classify(l.Text);
        if (!LooksWrapped(lines)) return lines;

        var merged = new List<Block>(lines.Count);
        foreach (var l in lines)
        {
            var last = merged.Count > 0 ? merged[^1] : null;
            if (last != null && l.BlankBefore == 0 && l.Info.Role == LineRole.Text && last.Info.Role == LineRole.Text)
            {
                last.End = l.End;
                last.Text = text.Substring(last.Start, last.End - last.Start);
            }
            else merged.Add(l);
        }
        return merged;
    }

    /// <summary>Hard-wrapped: most lines are short and sit in multi-line paragraphs separated by blank lines.</summary>
    private static bool LooksWrapped(List<Block> lines)
    {
        if (lines.Count < 6) return false;
        int shortLines = 0, paragraphs = 0, inner = 0, innerEnds = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Text.Length <= 100) shortLines++;
            if (l.BlankBefore > 0 || paragraphs == 0) paragraphs++;
            // A text line continued by another text line: wrapped prose breaks mid-sentence.
            if (i + 1 < lines.Count && lines[i + 1].BlankBefore == 0 && l.Info.Role == LineRole.Text && lines[i + 1].Info.Role == LineRole.Text)
            {
                inner++;
                if (l.Text[^1] is '.' or '!' or '?' or '"' or '”' or ':' or '…') innerEnds++;
            }
        }
        return shortLines >= lines.Count * 0.85 && lines.Count >= paragraphs * 2.5 && paragraphs >= 2
            && inner >= 4 && innerEnds < inner * 0.4;
    }

    public static List<Block> FromLayout(string text, PageLayout layout)
    {
        var list = new List<Block>(layout.Blocks.Count);
        foreach (var lb in layout.Blocks)
        {
            // Undelimited thread text is split into lines so footers ("Posted by: …") stand alone.
            if (lb.Comment == -2 && layout.Comments.Count == 0 && text.AsSpan(lb.Start, lb.End - lb.Start).Contains('\n'))
            {
                int p = lb.Start;
                while (p < lb.End)
                {
                    int nl = text.IndexOf('\n', p, lb.End - p);
                    int e = nl < 0 ? lb.End : nl;
                    if (e > p) list.Add(Make(text, p, e, lb));
                    p = e + 1;
                }
                continue;
            }
            list.Add(Make(text, lb.Start, lb.End, lb));
        }
        foreach (var b in list)
        {
            if (b.Comment >= 0) continue;
            b.Info = b.Kind switch
            {
                BlockKind.Caption => new LineInfo(LineRole.Boilerplate, What: "caption"),
                BlockKind.Boilerplate => new LineInfo(LineRole.Boilerplate, What: "markup"),
                _ => b.Text.Contains('\n') ? LineInfo.Plain : LineRules.Classify(b.Text),
            };
        }
        return list;
    }

    private static Block Make(string text, int a, int b, LayoutBlock lb) => new()
    {
        Start = a, End = b, Text = text.Substring(a, b - a), BlankBefore = 1, Kind = lb.Kind, Level = lb.Level,
        Article = lb.Article, Comment = lb.Comment,
    };

    /// <summary>The majority script of a span's letters, from the language identifier's per-character
    /// <see cref="Language.Scripts.Of"/> (one table of script ranges for the whole library), folded to the
    /// coarse classes the segmenter compares.</summary>
    public static BlockScript ScriptOf(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (System.Text.Ascii.IsValid(span))
            return Language.Scripts.AsciiLetters(span) < 8 ? BlockScript.Unknown : BlockScript.Latin;
        int latin = 0, arabic = 0, cyr = 0, heb = 0, greek = 0, cjk = 0, other = 0;
        for (int i = start; i < end; i++)
        {
            switch (Language.Scripts.Of(text[i]))
            {
                case Language.Script.None: break;
                case Language.Script.Latin: latin++; break;
                case Language.Script.Arabic: arabic++; break;
                case Language.Script.Cyrillic: cyr++; break;
                case Language.Script.Hebrew: heb++; break;
                case Language.Script.Greek: greek++; break;
                case Language.Script.Han or Language.Script.Hiragana or Language.Script.Katakana or Language.Script.Hangul: cjk++; break;
                default: other++; break;
            }
        }
        int total = latin + arabic + cyr + heb + greek + cjk + other;
        if (total < 8) return BlockScript.Unknown;
        int max = Math.Max(latin, Math.Max(arabic, Math.Max(cyr, Math.Max(heb, Math.Max(greek, Math.Max(cjk, other))))));
        if (max == latin) return BlockScript.Latin;
        if (max == arabic) return BlockScript.Arabic;
        if (max == cyr) return BlockScript.Cyrillic;
        if (max == heb) return BlockScript.Hebrew;
        if (max == greek) return BlockScript.Greek;
        if (max == cjk) return BlockScript.Cjk;
        return BlockScript.Other;
    }
}
