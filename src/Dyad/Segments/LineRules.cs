using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Documents;

namespace Dyad.Segments;

/// <summary>What a line (block) of a page is, as far as page structure goes.</summary>
internal enum LineRole
{
    Text,
    /// <summary>A whole line that is a date ("October 3, 2017 at 12:58 pm", "donderdag 8 februari 2018").</summary>
    DateLine,
    /// <summary>"Monthly Archives: December 2015": the page is an archive of that month.</summary>
    ArchiveLine,
    /// <summary>A comment footer: "Posted by: NAME | Oct 5, 2017 3:55:27 AM | 1" (the comment is above it).</summary>
    Footer,
    /// <summary>A comment header: "NAME says:" / "NAME op 5 oktober 2017 om 12:30" (the comment is below it).</summary>
    CommentHeader,
    /// <summary>A byline ("By NAME –", "ByNews Desk-", "Written by NAME", "NAME @handle") or republication line.</summary>
    Byline,
    /// <summary>Captions, related-links headings, share/subscribe lines, disclaimers, comment-thread chrome.</summary>
    Boilerplate,
}

/// <summary>A classified line: role, and the date/author/number it carries.</summary>
internal readonly record struct LineInfo(LineRole Role, string? Date = null, string? Author = null, int? Number = null, string? What = null)
{
    public static readonly LineInfo Plain = new(LineRole.Text);
}

/// <summary>
/// The line patterns of pages in English and Dutch. Each rule is anchored on a whole line and
/// bounded in length, so body sentences that merely contain a date or start with "By" are text.
/// </summary>
internal static partial class LineRules
{
    private const RegexOptions O = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    // Comment footers (TypePad, Blogger and similar): the comment text is above.
    private static readonly Regex Footer = FooterRx();
    [GeneratedRegex(
        @"^(?:posted|geplaatst|gepost|written|geschreven|reactie)\s+(?:by|door|van)\s*:?\s*(?<author>[^|]{1,80}?)\s*(?:\||\s(?:on|at|op|om)\s|,)\s*(?<date>[^|]{6,60}?)\s*(?:\|\s*(?<num>\d{1,5})\s*)?$", O)]
    private static partial Regex FooterRx();
    private static readonly Regex FooterNoDate = FooterNoDateRx();
    [GeneratedRegex(
        @"^(?:posted|geplaatst|gepost)\s+(?:by|door)\s*:\s*(?<author>[^|]{1,80}?)\s*\|\s*(?<num>\d{1,5})?\s*$", O)]
    private static partial Regex FooterNoDateRx();

    // Comment headers (WordPress and similar): the comment text is below.
    private static readonly Regex HeaderSays = HeaderSaysRx();
    [GeneratedRegex(
        @"^(?<author>[^\s].{0,60}?)\s+(?:says|said|wrote|zegt|schreef|schrijft|reageerde)\s*:?\s*(?<date>.{0,50})$", O)]
    private static partial Regex HeaderSaysRx();
    private static readonly Regex HeaderOn = HeaderOnRx();
    [GeneratedRegex(
        @"^(?<author>[^\s][^,.!?]{0,50}?)\s+(?:on|op)\s+(?<date>.{6,50}?)\s*(?:said|zei|schreef|wrote)?\s*:?$", O)]
    private static partial Regex HeaderOnRx();

    private static readonly Regex Archive = ArchiveRx();
    [GeneratedRegex(
        @"^(?:monthly\s+archives?|archives?(?:\s+for)?|maandelijkse\s+archieven|maandarchief|archief(?:\s+van)?|posts\s+from|berichten\s+van)\s*:?\s*(?<date>.{4,30})$", O)]
    private static partial Regex ArchiveRx();

    private static readonly Regex DatePrefix = DatePrefixRx();
    [GeneratedRegex(
        @"^(?:posted|published|updated|last\s+updated|gepost|geplaatst|gepubliceerd|bijgewerkt|date|datum|dated|on|op)(?:\s+(?:on|op|at|om))?\s*:?\s*", O)]
    private static partial Regex DatePrefixRx();
    private static readonly Regex DateSuffixBy = DateSuffixByRx();
    [GeneratedRegex(@"(?:^|\s)(?:by|door)\s+(?<author>[\p{Lu}][^|,]{1,60})$", O & ~RegexOptions.IgnoreCase)]
    private static partial Regex DateSuffixByRx();
    private static readonly Regex Weekday = WeekdayRx();
    [GeneratedRegex(
        @"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b", O)]
    private static partial Regex WeekdayRx();

    private const string Name = @"(?<name>\p{Lu}[\p{L}.'’\-]*(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|de|van|der|den|ter|al-[\p{L}]+|el|bin|ibn|da|di|von|le|la))*)";
    private static readonly Regex BylineBy2 = BylineBy2Rx();
    [GeneratedRegex(@"^By\s*" + Name + @"\s*(?:[\-–—:|/(@,·•].*)?$", RegexOptions.CultureInvariant | RegexOptions.Compiled)]
    private static partial Regex BylineBy2Rx();
    private static readonly Regex BylineWritten = BylineWrittenRx();
    [GeneratedRegex(@"^(?:[Ww]ritten|[Gg]eschreven|[Pp]osted|[Gg]epost|[Gg]eplaatst|[Dd]oor|[Tt]ekst|[Tt]ext|[Rr]eport(?:ed)?)\s+(?:by|door)?\s*:?\s*" + Name + @"\s*(?:[\-–—|/(,·•].*)?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled)]
    private static partial Regex BylineWrittenRx();
    private static readonly Regex BylineHandle = BylineHandleRx();
    [GeneratedRegex(@"^" + Name + @"\s*[:–—\-]?\s*\(?@\w+\)?\s*[:–—\-]?$", RegexOptions.CultureInvariant | RegexOptions.Compiled)]
    private static partial Regex BylineHandleRx();
    private static readonly Regex NotAName = NotANameRx();
    [GeneratedRegex(
        @"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|the|then|now|contrast|comparison|far|then|late|early|noon|midnight|dawn|nightfall)\b", O)]
    private static partial Regex NotANameRx();
    private static readonly Regex Republished = RepublishedRx();
    [GeneratedRegex(
        @"^(?:published|original|originally\s+published|republished|first\s+published|reprinted|oorspronkelijk\s+verschenen|eerder\s+verschenen|bron|source|via)\b[^.!?]{0,80}$", O)]
    private static partial Regex RepublishedRx();

    private static readonly (Regex Rule, string What)[] Boilerplate =
    [
        (Boiler1(), "caption"),
        (Boiler2(), "caption"),
        (Boiler3(), "caption"),
        (Boiler4(), "caption"),
        (Boiler5(), "caption"),
        (Boiler6(), "caption"),
        (Boiler7(), "caption"),
        (Boiler8(), "caption"),
        (Boiler9(), "related"),
        (Boiler10(), "disclaimer"),
        (Boiler11(), "disclaimer"),
        (Boiler12(), "disclaimer"),
        (Boiler13(), "share"),
        (Boiler14(), "share"),
        (Boiler15(), "thread"),
        (Boiler16(), "tags"),
    ];

    private static readonly Regex[] Bylines = [BylineBy2, BylineWritten, BylineHandle];
    private static readonly Regex NeedsDash = Boiler2();
    private static readonly Regex NeedsParen1 = Boiler6(), NeedsParen2 = Boiler7();

    private static readonly string[] SaysWords = ["says", "said", "wrote", "zegt", "schreef", "schrijft", "reageerde"];

    /// <summary>Whether an ASCII line contains one of <see cref="HeaderSays"/>'s verbs (any case).</summary>
    private static bool HasSaysWord(string s)
    {
        foreach (var w in SaysWords) if (s.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Whether an ASCII line has white space, "on" or "op" (any case), white space — what <see cref="HeaderOn"/> needs.</summary>
    private static bool HasOnWord(string s)
    {
        for (int i = 1; i + 2 < s.Length; i++)
            if ((s[i] | 0x20) == 'o' && (s[i + 1] | 0x20) is 'n' or 'p' && char.IsWhiteSpace(s[i - 1]) && char.IsWhiteSpace(s[i + 2])) return true;
        return false;
    }

    /// <summary>Classifies one line or block (already trimmed).</summary>
    public static LineInfo Classify(string s)
    {
        if (s.Length == 0 || s.Length > 400) return LineInfo.Plain;
        if (s.Length <= 200)
        {
            var f = Footer.Match(s);
            if (f.Success && DateText.Find(f.Groups["date"].Value) is { } fd)
                return new LineInfo(LineRole.Footer, fd.Iso, Trim(f.Groups["author"].Value), Num(f.Groups["num"]));
            var f2 = FooterNoDate.Match(s);
            if (f2.Success) return new LineInfo(LineRole.Footer, null, Trim(f2.Groups["author"].Value), Num(f2.Groups["num"]));

            var a = Archive.Match(s);
            if (a.Success && DateText.Find(a.Groups["date"].Value, allowMonthOnly: true) is { } ad
                && a.Groups["date"].Value.Length - ad.Length <= 3)
                return new LineInfo(LineRole.ArchiveLine, ad.Iso);

            if (s.Length <= 100 && DateLine(s) is { } dl) return dl;

            // Prefilters (exact): the regexes below cannot match a line that lacks what they require.
            bool ascii = System.Text.Ascii.IsValid(s);
            var hs = ascii && !HasSaysWord(s) ? Match.Empty : HeaderSays.Match(s);
            if (hs.Success && s.Length <= 110)
            {
                string rest = hs.Groups["date"].Value;
                var hd = rest.Length > 0 ? DateText.Find(rest) : null;
                if (rest.Length == 0 || hd != null) return new LineInfo(LineRole.CommentHeader, hd?.Iso, Trim(hs.Groups["author"].Value));
            }
            var ho = ascii && !HasOnWord(s) ? Match.Empty : HeaderOn.Match(s);
            if (ho.Success && DateText.Find(ho.Groups["date"].Value) is { } hod && ho.Groups["date"].Value.Length - hod.Length <= 6
                && char.IsUpper(s[0]) && ho.Groups["author"].Value.Split(' ').Length <= 4)
                return new LineInfo(LineRole.CommentHeader, hod.Iso, Trim(ho.Groups["author"].Value));

            if (s.Length <= 120)
            {
                bool at = s.Contains('@');
                foreach (var r in Bylines)
                {
                    if (!at && ReferenceEquals(r, BylineHandle)) continue; // it needs an @handle
                    var m = r.Match(s);
                    if (m.Success && m.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6
                        && !NotAName.IsMatch(m.Groups["name"].Value) && !(s.EndsWith('.') && s.Split(' ').Length > 8))
                        return new LineInfo(LineRole.Byline, null, Trim(m.Groups["name"].Value), null, "byline");
                }
                if (Republished.IsMatch(s) && (s.Contains("article", StringComparison.OrdinalIgnoreCase) || s.Contains("via", StringComparison.OrdinalIgnoreCase)
                    || s.Contains("artikel", StringComparison.OrdinalIgnoreCase) || s.Contains('@') || s.Length <= 40))
                    return new LineInfo(LineRole.Byline, null, null, null, "republished");
            }
        }
        foreach (var (rule, what) in Boilerplate)
        {
            if (what == "caption" && s.Length > 320) continue;
            if (what is "related" or "share" or "thread" && s.Length > 120) continue;
            if (ReferenceEquals(rule, NeedsDash) && !s.Contains('-') && !s.Contains('–')) continue;
            if ((ReferenceEquals(rule, NeedsParen1) || ReferenceEquals(rule, NeedsParen2)) && !s.Contains('(')) continue;
            if (rule.IsMatch(s)) return new LineInfo(LineRole.Boilerplate, null, null, null, what);
        }
        return LineInfo.Plain;
    }

    /// <summary>A line that is a date and nothing more (allowing "Posted on", "by NAME", separators).</summary>
    private static LineInfo? DateLine(string s)
    {
        var d = DateText.Find(s);
        if (d == null) return null;
        string rest = s.Remove(d.Value.Index, d.Value.Length).Trim();
        string? author = null;
        var by = DateSuffixBy.Match(rest);
        if (by.Success)
        {
            author = Trim(by.Groups["author"].Value);
            rest = rest[..by.Index];
        }
        rest = DatePrefix.Replace(rest, "");
        rest = Separators().Replace(rest, " ").Trim();
        if (rest.Length > 0)
        {
            // Allow a few words ("Updated", "| 3 comments"), not a sentence.
            int words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words > 3 || rest.Length > 25) return null;
            if (!Regex.IsMatch(rest, @"^(?:\d+\s+(?:comments?|reacties?)|no\s+comments|geen\s+reacties|updated|bijgewerkt|[A-Z]{2,5}|uur|u)$", RegexOptions.IgnoreCase))
                return null;
        }
        return new LineInfo(LineRole.DateLine, d.Value.Iso, author, null, Weekday.IsMatch(s) && d.Value.Precision == DatePrecision.Day ? "day" : "stamp");
    }

    [GeneratedRegex(@"[\s|•·–—\-,:;()\[\]]+")]
    private static partial Regex Separators();

    private static string? Trim(string s)
    {
        s = s.Trim().TrimEnd(':', ',', '-', '–', '|').Trim();
        return s.Length == 0 ? null : s;
    }

    private static int? Num(Group g) => g.Success && int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;

    /// <summary>Short enough and shaped like a title: no sentence-final period (an ellipsis is fine), no URL.</summary>
    public static bool HeadlineLike(string s, int maxLength = 200)
    {
        if (s.Length < 3 || s.Length > maxLength) return false;
        if (s.Contains("http", StringComparison.OrdinalIgnoreCase) || s.Contains('@')) return false;
        char first = s[0];
        if (!(char.IsUpper(first) || char.IsDigit(first) || first is '"' or '“' or '‘' or '\'' or '«' or '„')) return false;
        char last = s[^1];
        if (last is ',' or ';' or ':') return false;
        if (last == '.' && !s.EndsWith("..", StringComparison.Ordinal) && !s.EndsWith('…')) return false;
        return s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 30;
    }

    [GeneratedRegex(@"^(?:map|photo|picture|image|graphic|infographic|map/infographic|foto|kaart|afbeelding|illustratie)\s*(?:by|credit|courtesy|:|van|door|\()", O)]
    private static partial Regex Boiler1();
    [GeneratedRegex(@"\s[\-–]\s*(?:bigger|larger|enlarge|groter|vergroten)\s*$", O)]
    private static partial Regex Boiler2();
    [GeneratedRegex(@"^(?:illustrative|illustration|file|archive|stock)\s+(?:image|photo|picture|foto)\b", O)]
    private static partial Regex Boiler3();
    [GeneratedRegex(@"^(?:click|tap)\s+(?:to|here\s+to)\s+(?:see|view|enlarge|open)\b", O)]
    private static partial Regex Boiler4();
    [GeneratedRegex(@"^in\s+(?:this|the)\s+(?:photo|image|picture|file\s+photo|undated\s+photo)\b", O)]
    private static partial Regex Boiler5();
    [GeneratedRegex(@"\((?:photo|image|foto|picture)(?:\s+credit)?\s*:[^)]{0,120}\)\s*$", O)]
    private static partial Regex Boiler6();
    [GeneratedRegex(@"\((?:getty(?:\s+images)?|afp|reuters|ap|anp|epa|sana|tass|ria\s+novosti|file)\)\s*$", O)]
    private static partial Regex Boiler7();
    [GeneratedRegex(@"^(?:source|bron|credit)\s*:\s*\S", O)]
    private static partial Regex Boiler8();
    [GeneratedRegex(@"^(?:related|related\s+(?:videos?|articles?|posts?|stories|news|content|links)|read\s+(?:also|more)|see\s+also|more\s+(?:on|in)\s+this|lees\s+(?:ook|meer|verder)|meer\s+lezen|gerelateerd(?:e\s+(?:artikelen|berichten))?|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|popular\s+posts|most\s+read|meest\s+gelezen|trending)\s*:?\s*$", O)]
    private static partial Regex Boiler9();
    [GeneratedRegex(@"^(?:the|all)\s+(?:views|opinions|statements)\s+(?:expressed|in\s+this)\b.*\b(?:not|don['’]t)\s+necessarily\b", O)]
    private static partial Regex Boiler10();
    [GeneratedRegex(@"^(?:de\s+)?(?:meningen|standpunten|opvattingen)\s+.*\bniet\s+(?:noodzakelijk|per\s+se)\b", O)]
    private static partial Regex Boiler11();
    [GeneratedRegex(@"^(?:disclaimer|copyright|all\s+rights\s+reserved|alle\s+rechten\s+voorbehouden|©)\b", O)]
    private static partial Regex Boiler12();
    [GeneratedRegex(@"^(?:share|share\s+this(?:\s+(?:article|post|story))?|share\s+on\s+\w+|delen|deel\s+(?:dit|dit\s+artikel|dit\s+bericht)|tweet|print|email|e-mail|like\s+this|vind\s+ik\s+leuk|loading\.*|advertisement|advertentie|sponsored|report\s+a\s+typo|permalink|home|menu|skip\s+to\s+(?:main\s+)?content|naar\s+(?:de\s+)?inhoud|back\s+to\s+top|terug\s+naar\s+boven)\s*[:.!]?\s*$", O)]
    private static partial Regex Boiler13();
    [GeneratedRegex(@"^(?:subscribe|follow\s+us|volg\s+ons|sign\s+up|schrijf\s+je\s+in|abonneer|join\s+our|support\s+us|donate|steun\s+ons)\b.{0,80}$", O)]
    private static partial Regex Boiler14();
    [GeneratedRegex(@"^(?:comments?|reacties?|discussion|responses?|\d+\s+(?:comments?|reacties?|responses?|replies)|(?:leave|post|add)\s+a\s+(?:reply|comment)|geef\s+een\s+reactie|reageer|plaats\s+een\s+reactie|comments\s+are\s+closed|reacties\s+zijn\s+gesloten|the\s+comments\s+to\s+this\s+entry\s+are\s+closed\.?|reply|beantwoorden|antwoord)\s*[:.!]?\s*(?:\(\d+\))?\s*$", O)]
    private static partial Regex Boiler15();
    [GeneratedRegex(@"^(?:tags?|labels?|categories|category|categorie(?:ën)?|filed\s+under|posted\s+in|gepost\s+in|trefwoorden)\s*:.{0,150}$", O)]
    private static partial Regex Boiler16();
}
