namespace Dyad.Text;

/// <summary>
/// Finds sentence ends in a run of words produced by <see cref="Tokenizer"/>. Rules, in order:
/// <list type="number">
/// <item>A blank line always ends a sentence.</item>
/// <item>A single newline ends a sentence when the next line starts with a bullet, or with anything but a
/// lower-case letter — unless the line before it is long (≥ 60 characters) and ends in a lower-case word or a
/// comma, which is hard-wrapped prose.</item>
/// <item>"." "!" "?" (and runs of them) end a sentence, together with any closing quotes and brackets that follow,
/// unless the next word is a comma-like mark (, ; : ) %). Web text often goes on in lower case ("kidding. i want"):
/// in EWT train 291 of 302 periods before a lower-case word end the sentence.</item>
/// <item>Ellipses ("...", "…", "......") end a sentence only before a capitalized word.</item>
/// <item>Abbreviations keep their period ("U.S.", "e.g.", "Gen."): they end a sentence only when the next word is a
/// capitalized sentence starter ("… in the U.S. The …"); titles and initials ("Mr.", "Gen.", "J.") never do.</item>
/// </list>
/// Stateless and thread-safe.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Appends to <paramref name="ends"/> the exclusive end index of each sentence in words [from, to).</summary>
    public static void Split(ReadOnlySpan<char> text, TokenBuffer buf, int from, int to, LanguageRules rules, List<int> ends, int textOffset = 0)
    {
        if (to <= from) return;
        var flags = buf.Flags;
        int sentStart = from;
        for (int i = from; i < to; i++)
        {
            if (i > sentStart && StartsHere(text, buf, i, rules, textOffset))
            {
                ends.Add(i);
                sentStart = i;
            }
            var f = flags[i];
            if ((f & (TokenFlags.Terminal | TokenFlags.Abbreviation)) == 0) continue;
            if ((f & TokenFlags.JoinsNext) != 0) continue;
            // Absorb closing quotes/brackets and further terminal marks that stick to the terminal.
            int j = i + 1;
            while (j < to && buf.NewlinesBefore[j] == 0 && IsCloser(text, buf, j, textOffset)) j++;
            if (j >= to) break;
            if (buf.NewlinesBefore[j] > 0) { i = j - 1; continue; } // the newline rules decide
            if (EndsBefore(text, buf, i, j, rules, textOffset))
            {
                ends.Add(j);
                sentStart = j;
                i = j - 1;
            }
        }
        ends.Add(to);
    }

    /// <summary>Does a sentence start at word i because of the line structure?</summary>
    private static bool StartsHere(ReadOnlySpan<char> text, TokenBuffer buf, int i, LanguageRules rules, int off)
    {
        int nl = buf.NewlinesBefore[i];
        if (nl == 0) return false;
        if (nl >= 2) return true;
        var f = buf.Flags[i];
        var p = buf.Flags[i - 1];
        if ((p & TokenFlags.JoinsNext) != 0) return false;
        if ((f & TokenFlags.Bullet) != 0) return true;
        if ((p & (TokenFlags.Terminal | TokenFlags.Closing)) != 0 && (p & TokenFlags.Ellipsis) == 0) return true;
        if ((f & TokenFlags.Lower) != 0) return false;
        // Hard-wrapped prose: a long line ending mid-phrase continues on the next line.
        var prev = text[(buf.Starts[i - 1] - off)..(buf.Ends[i - 1] - off)];
        bool midPhrase = (p & TokenFlags.Lower) != 0 || prev is "," or "-" or "(" || (p & TokenFlags.Opening) != 0;
        if (midPhrase)
        {
            int lineStart = buf.Starts[i - 1] - off;
            while (lineStart > 0 && text[lineStart - 1] != '\n') lineStart--;
            if (buf.Ends[i - 1] - off - lineStart >= 60) return false;
        }
        return true;
    }

    private static bool IsCloser(ReadOnlySpan<char> text, TokenBuffer buf, int j, int off)
    {
        var f = buf.Flags[j];
        if ((f & TokenFlags.Closing) != 0) return true;
        if ((f & TokenFlags.Terminal) != 0 && (f & TokenFlags.Ellipsis) == 0) return true;
        // A straight quote glued to the terminal before it closes a quotation: said "no." / ,,ja.''
        int s = buf.Starts[j] - off;
        if (buf.Starts[j] == buf.Ends[j - 1] && text[s] is '"' or '\'' or '’' or '`') return true;
        return false;
    }

    /// <summary>Decide whether the sentence ends after word i, given the next word j (after closers).</summary>
    private static bool EndsBefore(ReadOnlySpan<char> text, TokenBuffer buf, int i, int j, LanguageRules rules, int off)
    {
        var f = buf.Flags[i];
        var n = buf.Flags[j];
        var next = text[(buf.Starts[j] - off)..(buf.Ends[j] - off)];
        if ((f & TokenFlags.Abbreviation) != 0 && (f & TokenFlags.Terminal) == 0)
        {
            if ((f & TokenFlags.TitleAbbreviation) != 0) return false;
            return (n & TokenFlags.Upper) != 0 && rules.IsSentenceStarter(next);
        }
        // EWT train: an ellipsis before a capitalized word ends the sentence 4 times in 5, before a lower-case word
        // almost never; ". ! ?" end it even before lower-case words (web text: "...kidding. i want it").
        if ((f & TokenFlags.Ellipsis) != 0) return (n & TokenFlags.Upper) != 0;
        if ((n & TokenFlags.Opening) != 0) return true; // ,,Dat … / "The …
        char c = next[0];
        if (c is ',' or ';' or ':' or ')' or ']' or '}' or '%') return false;
        // "3.5" never reaches here; a period glued to a following word ("end.The") is rare: treat as a boundary.
        return true;
    }
}
