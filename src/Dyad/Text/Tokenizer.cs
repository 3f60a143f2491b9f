namespace Dyad.Text;

/// <summary>
/// A span-based word tokenizer. It walks the text once, cuts it at whitespace into chunks and peels each chunk:
/// web forms first (URLs, e-mail addresses, @handles, #hashtags), then opening punctuation, then closing
/// punctuation and clitics from the end, and finally splits what is left at infixes (dash runs, ellipses,
/// EWT-style hyphens and slashes). Offsets are UTF-16 indices into the span given. Nothing is allocated per
/// token: words are written into a reusable <see cref="TokenBuffer"/>; word lists are looked up by span.
/// Thread-safe: instances hold only immutable rules.
/// </summary>
public sealed class Tokenizer
{
    public static readonly Tokenizer English = new(LanguageRules.English);
    public static readonly Tokenizer Dutch = new(LanguageRules.Dutch);

    public static Tokenizer For(string? lang) => lang == "nl" ? Dutch : English;

    public LanguageRules Rules { get; }

    public Tokenizer(LanguageRules rules) => Rules = rules;

    private const int MaxSuffixes = 24;

    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="buf"/>; offsets are relative to <paramref name="text"/> plus <paramref name="offset"/>.</summary>
    public void Tokenize(ReadOnlySpan<char> text, TokenBuffer buf, int offset = 0)
    {
        var st = new State { Offset = offset, LineStart = true };
        int i = 0, n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n' || c == '\u2029' || c == '\u2028')
                {
                    if (st.Newlines < 2) st.Newlines++;
                    st.LineStart = true;
                    st.OpenSingle = false;
                }
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && !char.IsWhiteSpace(text[j])) j++;
            Chunk(text, i, j, buf, ref st);
            st.LineStart = false;
            i = j;
        }
    }

    private struct State
    {
        public int Offset;
        public byte Newlines;
        public bool LineStart;
        /// <summary>An opening single quote is open on this line (so a final "s'" closes it, not a possessive).</summary>
        public bool OpenSingle;
    }

    private static void Emit(TokenBuffer buf, ref State st, int s, int e, TokenFlags f, ReadOnlySpan<char> text)
    {
        char c = text[s];
        if (char.IsUpper(c)) f |= TokenFlags.Upper;
        else if (char.IsLower(c)) f |= TokenFlags.Lower;
        else if (char.IsDigit(c)) f |= TokenFlags.Digit;
        buf.Add(s + st.Offset, e + st.Offset, f, st.Newlines);
        st.Newlines = 0;
    }

    private void Chunk(ReadOnlySpan<char> text, int a, int b, TokenBuffer buf, ref State st)
    {
        // A bullet on its own at the start of a line.
        if (st.LineStart && b - a == 1 && text[a] is '-' or '*' or '•' or '·' or '–' or '—' or '●' or '▪' or '>')
        {
            Emit(buf, ref st, a, b, TokenFlags.Bullet, text);
            return;
        }
        if (IsEmoticon(text[a..b])) { Emit(buf, ref st, a, b, TokenFlags.None, text); return; }

        // E-mail address anywhere in the chunk: "<john.doe@example.org>,".
        int at = text[a..b].IndexOf('@');
        if (at > 0)
        {
            at += a;
            if (TryEmail(text, a, b, at, out int es, out int ee))
            {
                if (es > a) Chunk(text, a, es, buf, ref st);
                Emit(buf, ref st, es, ee, TokenFlags.Web, text);
                if (ee < b) Chunk(text, ee, b, buf, ref st);
                return;
            }
        }

        // Opening punctuation.
        while (a < b)
        {
            char c = text[a];
            int rest = b - a;
            if (IsUrlStart(text[a..b]))
            {
                int ue = UrlEnd(text, a, b);
                Emit(buf, ref st, a, ue, TokenFlags.Web, text);
                a = ue;
                continue;
            }
            if ((c == '@' || c == '#') && rest > 1 && (char.IsLetterOrDigit(text[a + 1]) || text[a + 1] == '_'))
            {
                int k = a + 1;
                while (k < b && (char.IsLetterOrDigit(text[k]) || text[k] == '_')) k++;
                if (c == '@' || !char.IsDigit(text[a + 1]) || k - a > 2 && char.IsLetter(text[k - 1]))
                {
                    Emit(buf, ref st, a, k, TokenFlags.Web, text);
                    a = k;
                    continue;
                }
            }
            if (rest >= 2 && IsEmoticonPrefix(text, a, b, out int emLen))
            {
                Emit(buf, ref st, a, a + emLen, TokenFlags.None, text);
                a += emLen;
                continue;
            }
            if (c is '<' or '>' or '$' && rest >= 2 && text[a + 1] == c)
            {
                int k = a + 2;
                while (k < b && text[k] == c) k++;
                Emit(buf, ref st, a, k, TokenFlags.None, text); // "<<", ">>", "$$$"
                a = k;
                continue;
            }
            if (c is '(' or '[' or '{' or '“' or '‘' or '«' or '„' or '‚' or '¿' or '¡' or '‹' or '<')
            {
                Emit(buf, ref st, a, a + 1, TokenFlags.Opening, text);
                a++;
                continue;
            }
            if (c == '"')
            {
                Emit(buf, ref st, a, a + 1, TokenFlags.Opening, text);
                a++;
                continue;
            }
            if (c == ',' && rest >= 2 && text[a + 1] == ',')
            {
                // Dutch typographic opening quote ",,".
                Emit(buf, ref st, a, a + 2, TokenFlags.Opening, text);
                a += 2;
                continue;
            }
            if (c is '\'' or '’' or '`')
            {
                if (rest >= 2 && text[a + 1] == c)
                {
                    // `` opens, '' closes (PTB and Dutch ,,…'' conventions).
                    Emit(buf, ref st, a, a + 2, c == '`' ? TokenFlags.Opening : TokenFlags.Closing, text);
                    a += 2;
                    continue;
                }
                if (rest >= 2 && IsLeadingApostropheWord(text, a, b)) break;
                Emit(buf, ref st, a, a + 1, TokenFlags.Opening, text);
                st.OpenSingle = true;
                a++;
                continue;
            }
            if (c is '-' or '.' or '—' or '–' or '*' or '=' or '~' or '_' or '!' or '?' or '…' or ':' or ';' or ',' or '|' or '+' or '/' or '\\' or '^')
            {
                if (c == '-' && Rules.LeadingApostropheWords && rest == 3 && text[a + 1] == 'i' && text[a + 2] == 'e')
                {
                    Emit(buf, ref st, a, b, TokenFlags.None, text); // Dutch "-ie" (= hij): "krijgt -ie"
                    a = b;
                    continue;
                }
                // Runs of the same mark: "--", "......", "***", "!!!". A minus before a digit stays with the number.
                if (c == '-' && rest >= 2 && char.IsDigit(text[a + 1])) break; // "-5"
                if (c == '.' && rest >= 2 && char.IsDigit(text[a + 1])) break; // ".5"
                int k = a + 1;
                while (k < b && text[k] == c) k++;
                if (c is '!' or '?') while (k < b && text[k] is '!' or '?') k++;
                var f = c switch
                {
                    '.' when k - a >= 2 => TokenFlags.Terminal | TokenFlags.Ellipsis,
                    '.' or '!' or '?' => TokenFlags.Terminal,
                    '…' => TokenFlags.Terminal | TokenFlags.Ellipsis,
                    _ => TokenFlags.None,
                };
                if (c is '-' or '*' or '•' && st.LineStart && k == b) f |= TokenFlags.Bullet;
                Emit(buf, ref st, a, k, f, text);
                a = k;
                continue;
            }
            if (c is '$' or '£' or '€' or '¥' or '&' or '%' or '#' or '@' or ')' or ']' or '}' or '>' or '”' or '»' or '›' or '•' or '°' or '§' or '·')
            {
                var f = c is ')' or ']' or '}' or '”' or '»' or '›' ? TokenFlags.Closing : TokenFlags.None;
                Emit(buf, ref st, a, a + 1, f, text);
                a++;
                continue;
            }
            break;
        }
        if (a >= b) return;

        // Closing punctuation and clitics, collected from the end.
        int chunkEnd = b;
        Span<int> sufS = stackalloc int[MaxSuffixes];
        Span<int> sufE = stackalloc int[MaxSuffixes];
        Span<TokenFlags> sufF = stackalloc TokenFlags[MaxSuffixes];
        int ns = 0;
        TokenFlags coreFlags = TokenFlags.None;
        bool coreJoins = false;
        while (b > a && ns < MaxSuffixes)
        {
            char c = text[b - 1];
            int k = b - 1;
            TokenFlags f;
            if (c == '.')
            {
                while (k > a && text[k - 1] == '.') k--;
                if (b - k == 2 && k > a && Rules.AbbreviationFlags(text[a..(k + 1)]) is var ab && ab != TokenFlags.None)
                {
                    // "Inc.." = "Inc." + "."
                    coreFlags |= ab;
                    sufS[ns] = k + 1; sufE[ns] = b; sufF[ns] = TokenFlags.Terminal; ns++;
                    b = k + 1;
                    break;
                }
                if (b - k >= 2)
                {
                    if (k == a) break;
                    f = TokenFlags.Terminal | TokenFlags.Ellipsis;
                }
                else
                {
                    if (k == a) break;
                    var af = Rules.AbbreviationFlags(text[a..b]);
                    if ((af & TokenFlags.NumberAbbreviation) != 0 && !DigitFollows(text, chunkEnd)) af = TokenFlags.None;
                    if (af != TokenFlags.None)
                    {
                        coreFlags |= af;
                        break;
                    }
                    f = TokenFlags.Terminal;
                }
            }
            else if (c is '!' or '?')
            {
                while (k > a && text[k - 1] is '!' or '?' or '.') k--;
                if (k == a) break;
                f = TokenFlags.Terminal;
            }
            else if (c == '…') f = TokenFlags.Terminal | TokenFlags.Ellipsis;
            else if (c is ',' or ';' or ':' or '%' or '*' or '‰' or '°' or '|' or '\\' or '=' or '~' or '$' or '#' or '+' or '^')
            {
                if (c == ',' && k > a && text[k - 1] == ',') k--;
                else if (c is '*' or '=' or '~' or '$' or '#' or '+' or '^') while (k > a && text[k - 1] == c) k--;
                if (c is '$' or '#' or '+' or '^' && (k == a || char.IsLetterOrDigit(text[k - 1]) && b - k == 1)) break; // "Duns#", "C++" stay
                if (k == a) break;
                f = TokenFlags.None;
            }
            else if (c is ')' or ']' or '}' or '”' or '»' or '›' or '"' or '>')
            {
                if (c == ')' && k > a && (IsEmoticon(text[a..b]) || HasOpenParen(text, a, k))) break; // "word(s)", ":-)"
                if (k == a) break;
                f = TokenFlags.Closing;
            }
            else if (c is '\'' or '’' or '`')
            {
                if (k == a) break;
                if (text[k - 1] == c) { k--; if (k == a) break; f = TokenFlags.Closing; } // ''
                else if (Rules.SplitClitics && !st.OpenSingle && (text[k - 1] is 's' or 'S') && k - a >= 2 && char.IsLetter(text[k - 2]))
                {
                    // Plural possessive: "Edwards'" → "Edwards" + "'" (one surface token).
                    coreJoins = true;
                    f = TokenFlags.None;
                }
                else
                {
                    f = TokenFlags.Closing;
                    st.OpenSingle = false;
                }
            }
            else if (Rules.SplitClitics && TryClitic(text, a, b, out int cs))
            {
                k = cs;
                f = TokenFlags.None;
                // The base gets JoinsNext; "n't" etc. stay separate words in one surface token.
                sufS[ns] = k; sufE[ns] = b; sufF[ns] = f; ns++;
                b = k;
                coreJoins = true;
                break;
            }
            else break;
            sufS[ns] = k; sufE[ns] = b; sufF[ns] = f; ns++;
            if (coreJoins) { b = k; break; }
            b = k;
        }

        if (b > a)
        {
            if (coreFlags != TokenFlags.None) Emit(buf, ref st, a, b, coreFlags, text);
            else EmitCore(text, a, b, buf, ref st);
            if (coreJoins) buf.Flags[buf.Count - 1] |= TokenFlags.JoinsNext;
        }
        for (int s = ns - 1; s >= 0; s--) Emit(buf, ref st, sufS[s], sufE[s], sufF[s], text);
    }

    private static bool DigitFollows(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\u00A0') i++;
        return i < text.Length && char.IsDigit(text[i]);
    }

    /// <summary>"word(s)": a ')' at the end closes a '(' inside the chunk.</summary>
    private static bool HasOpenParen(ReadOnlySpan<char> text, int a, int k)
    {
        int depth = 0;
        for (int i = a; i < k; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
        }
        return depth > 0;
    }

    /// <summary>English clitic at the end of [a,b): "n't", "'s", "'re", "'ve", "'m", "'ll", "'d" (straight, curly or backtick apostrophe).</summary>
    private static bool TryClitic(ReadOnlySpan<char> text, int a, int b, out int start)
    {
        start = b;
        int len = b - a;
        if (len >= 4 && IsApos(text[b - 2]) && (text[b - 1] is 't' or 'T') && (text[b - 3] is 'n' or 'N') && char.IsLetter(text[b - 4]))
        {
            start = b - 3;
            return true;
        }
        if (len >= 3 && IsApos(text[b - 2]) && text[b - 1] is 's' or 'S' or 'm' or 'M' or 'd' or 'D' && char.IsLetterOrDigit(text[b - 3]))
        {
            start = b - 2;
            return true;
        }
        if (len >= 4 && IsApos(text[b - 3]) && char.IsLetter(text[b - 4]))
        {
            char x = char.ToLowerInvariant(text[b - 2]), y = char.ToLowerInvariant(text[b - 1]);
            if (x == 'r' && y == 'e' || x == 'v' && y == 'e' || x == 'l' && y == 'l')
            {
                start = b - 3;
                return true;
            }
        }
        return false;
    }

    private static bool IsApos(char c) => c is '\'' or '’' or '`';

    /// <summary>Dutch "'s", "'t", "'n", and years "'80" (both languages) keep the apostrophe.</summary>
    private bool IsLeadingApostropheWord(ReadOnlySpan<char> text, int a, int b)
    {
        int k = a + 1;
        if (char.IsDigit(text[k]))
        {
            int d = k;
            while (d < b && char.IsDigit(text[d])) d++;
            return d - k == 2 && (d == b || !char.IsLetterOrDigit(text[d]) || text[d] == 's');
        }
        if (!Rules.LeadingApostropheWords) return false;
        int e = k;
        while (e < b && char.IsLetter(text[e])) e++;
        if (e == k) return false;
        if (e < b && text[e] == '-' && e - k == 1) return true; // 's-Hertogenbosch
        return Rules.IsApostropheWord(text[k..e]);
    }

    /// <summary>The word core: split at dash runs, ellipses, and (English) hyphens and slashes between letters.</summary>
    private void EmitCore(ReadOnlySpan<char> text, int a, int b, TokenBuffer buf, ref State st)
    {
        if (Rules.SplitClitics)
        {
            int split = Rules.FusedContractionSplit(text[a..b]);
            if (split > 0)
            {
                Emit(buf, ref st, a, a + split, TokenFlags.JoinsNext, text);
                Emit(buf, ref st, a + split, b, TokenFlags.None, text);
                return;
            }
        }
        int s = a;
        for (int k = a; k < b; k++)
        {
            char c = text[k];
            int runEnd;
            switch (c)
            {
                case '-':
                    if (k + 1 < b && text[k + 1] == '-')
                    {
                        runEnd = k + 2;
                        while (runEnd < b && text[runEnd] == '-') runEnd++;
                        break;
                    }
                    if (Rules.SplitHyphens && k > s && k + 1 < b && char.IsLetterOrDigit(text[k - 1]) && char.IsLetterOrDigit(text[k + 1])
                        && (char.IsLetter(text[k - 1]) || char.IsLetter(text[k + 1])) && !KeepHyphen(text, s, k, b))
                    {
                        runEnd = k + 1;
                        break;
                    }
                    continue;
                case '—':
                case '–':
                    if (k > s && k + 1 < b && char.IsDigit(text[k - 1]) && char.IsDigit(text[k + 1])) continue; // 1990–1995
                    runEnd = k + 1;
                    while (runEnd < b && text[runEnd] == c) runEnd++;
                    break;
                case '…':
                    runEnd = k + 1;
                    break;
                case '.':
                    if (k + 2 < b && text[k + 1] == '.' && text[k + 2] == '.')
                    {
                        runEnd = k + 3;
                        while (runEnd < b && text[runEnd] == '.') runEnd++;
                        break;
                    }
                    continue;
                case '/':
                    if (Rules.SplitSlashes && k > s && k + 1 < b && char.IsLetter(text[k - 1]) && char.IsLetter(text[k + 1]) && !(k - s == 1 && (k + 2 == b || !char.IsLetter(text[k + 2]))))
                    {
                        runEnd = k + 1;
                        break;
                    }
                    continue;
                case '"':
                case '“':
                case '”':
                case '(':
                case ')':
                case ';':
                    if (c == '(' && k + 2 < b && text[k + 2] == ')' && char.IsLetter(text[k + 1])) { k += 2; continue; } // "word(s)"
                    if (c == ')' && HasOpenParen(text, s, k)) continue;
                    runEnd = k + 1;
                    break;
                case ',':
                    if (k + 1 < b && text[k + 1] == ',')
                    {
                        runEnd = k + 2 < b && text[k + 2] == ',' ? k + 1 : k + 2; // ",,," = "," + ",,"
                        break;
                    }
                    if (k > s && k + 1 < b && char.IsLetter(text[k - 1]) && char.IsLetter(text[k + 1])) { runEnd = k + 1; break; }
                    continue;
                case ':':
                    if (k > s && k + 1 < b && text[k + 1] is ',' or '"' or '“' or '\'' or '(') { runEnd = k + 1; break; }
                    continue;
                default:
                    continue;
            }
            if (k > s) Emit(buf, ref st, s, k, TokenFlags.None, text);
            var f = c is '.' or '…' ? TokenFlags.Ellipsis | TokenFlags.Terminal : c is '(' or '“' || runEnd - k == 2 && c == ',' ? TokenFlags.Opening : c is ')' or '”' ? TokenFlags.Closing : TokenFlags.None;
            Emit(buf, ref st, k, runEnd, f, text);
            s = runEnd;
            k = runEnd - 1;
        }
        if (b > s)
        {
            var f = TokenFlags.None;
            // A piece that ends in a period after infix splitting ("well-known." never reaches here) may still be an abbreviation.
            if (text[b - 1] == '.' && b - s > 1) f = Rules.AbbreviationFlags(text[s..b]);
            Emit(buf, ref st, s, b, f, text);
        }
    }

    /// <summary>EWT keeps "non-stop", "e-mail", "anti-American"; Dyad also keeps "al-Qaeda", "ez-Zor".</summary>
    private bool KeepHyphen(ReadOnlySpan<char> text, int s, int k, int b)
    {
        var left = text[s..k];
        if (Rules.IsHyphenPrefix(left)) return true;
        if (Rules.IsNameArticle(left) && char.IsUpper(text[k + 1])) return true;
        return false;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> w)
    {
        if (w.Length < 5) return false;
        return w.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || w.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && w.Length > 6;
    }

    /// <summary>A URL runs to the end of the chunk minus trailing punctuation (a ')' stays if the URL opened one).</summary>
    private static int UrlEnd(ReadOnlySpan<char> text, int a, int b)
    {
        int e = b;
        while (e > a + 4)
        {
            char c = text[e - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or '”' or '’' or '»' or ']' or '>') { e--; continue; }
            if (c == ')' && !HasOpenParen(text, a, e - 1)) { e--; continue; }
            break;
        }
        return e;
    }

    private static bool IsEmailChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool TryEmail(ReadOnlySpan<char> text, int a, int b, int at, out int s, out int e)
    {
        s = at; e = at;
        if (at + 1 >= b || !IsEmailChar(text[at - 1]) || !char.IsAsciiLetterOrDigit(text[at + 1])) return false;
        while (s > a && IsEmailChar(text[s - 1])) s--;
        while (s < at && !char.IsAsciiLetterOrDigit(text[s])) s++;
        e = at + 1;
        bool dot = false;
        while (e < b && (char.IsAsciiLetterOrDigit(text[e]) || text[e] is '.' or '-' or '_'))
        {
            if (text[e] == '.') dot = true;
            e++;
        }
        while (e > at + 1 && text[e - 1] is '.' or '-') e--;
        return dot && e > at + 3 || e == b && e - at > 1;
    }

    private static readonly string[] Emoticons =
    [
        ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":-/", ":'(", ":-O", ":-o", ":-|", ":-*",
        ":)", ":(", ";)", ":D", ":P", ":p", ":/", ":O", ":o", ":|", ":*", ":]", ":[", "=)", "=(", "=D", ";P", ";D",
        "<3", "^_^", "^^", "o_O", "O_o", "-_-", "xD", "XD",
    ];

    private static bool IsEmoticon(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || w.Length > 3) return false;
        foreach (var e in Emoticons) if (w.SequenceEqual(e)) return true;
        return false;
    }

    /// <summary>An emoticon at the start of [a,b) followed by the chunk end or punctuation (":)," ":-)!").</summary>
    private static bool IsEmoticonPrefix(ReadOnlySpan<char> text, int a, int b, out int len)
    {
        len = 0;
        char c = text[a];
        if (c is not (':' or ';' or '=' or '<' or '^')) return false;
        var w = text[a..b];
        foreach (var e in Emoticons)
        {
            if (e.Length > w.Length || e[0] != c || !w.StartsWith(e, StringComparison.Ordinal)) continue;
            if (e.Length < w.Length && char.IsLetterOrDigit(w[e.Length])) continue;
            if (char.IsLetter(e[^1]) && e.Length < w.Length && w[e.Length] is not ('.' or ',' or '!' or '?' or ')')) continue;
            len = e.Length;
            return true;
        }
        return false;
    }
}
