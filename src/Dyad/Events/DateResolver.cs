using System.Globalization;

namespace Dyad.Events;

/// <summary>
/// Event dates: the segment date (post/comment) or the document's published date, moved by a
/// relative expression in the sentence ("yesterday", "on Wednesday", "last week", "gisteren",
/// "vorige week", "October 3", "3 oktober", "in 2015"), with a precision (day, week, month, year).
/// The expression nearest the trigger wins. No anchor and no absolute date → null.
/// </summary>
public static class DateResolver
{
    private static readonly string[] MonthsEn = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] MonthsNl = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] MonthsAbbr = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] DaysEn = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private static readonly string[] DaysNl = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
    private static readonly string[] Numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    private static readonly string[] NumbersNl = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"];

    public readonly record struct Anchor(DateTime Date, string Precision);

    /// <summary>Parses an ISO date or timestamp (yyyy, yyyy-MM, yyyy-MM-dd, yyyy-MM-ddTHH:mm…).</summary>
    public static Anchor? ParseAnchor(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso)) return null;
        var s = iso.Trim();
        if (s.Length >= 10 && DateTime.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new Anchor(d, "day");
        if (s.Length >= 7 && DateTime.TryParseExact(s[..7], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
            return new Anchor(d, "month");
        if (s.Length >= 4 && int.TryParse(s[..4], out int y) && y > 1000) return new Anchor(new DateTime(y, 1, 1), "year");
        return null;
    }

    public static string Format(DateTime d, string precision) => precision switch
    {
        "year" => d.ToString("yyyy", CultureInfo.InvariantCulture),
        "month" => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Date of an event whose trigger is token <paramref name="trigger"/> of the sentence (lower-cased words).</summary>
    public static (string? Date, string? Precision) Resolve(string? anchorIso, IReadOnlyList<string> lower, int trigger)
    {
        var anchor = ParseAnchor(anchorIso);
        int best = int.MaxValue;
        DateTime? date = null;
        string? prec = null;
        for (int i = 0; i < lower.Count; i++)
        {
            if (!TryAt(lower, i, anchor, out var d, out var p)) continue;
            int dist = Math.Abs(i - trigger);
            if (dist < best) { best = dist; date = d; prec = p; }
        }
        if (date is { } dd) return (Format(dd, prec!), prec);
        if (anchor is { } a) return (Format(a.Date, a.Precision), a.Precision);
        return (null, null);
    }

    private static string W(IReadOnlyList<string> w, int i) => i >= 0 && i < w.Count ? w[i] : "";

    private static bool TryAt(IReadOnlyList<string> w, int i, Anchor? anchor, out DateTime date, out string prec)
    {
        date = default;
        prec = "day";
        string t = w[i];
        string prev = W(w, i - 1), next = W(w, i + 1);
        // Absolute: "October 3(, 2017)", "Oct. 3", "3 October (2017)", "3 oktober".
        int month = Month(t);
        if (month > 0 && !(t == "may" && !IsDay(next)) && !(t == "march" && !IsDay(next) && !IsYear(next) && prev != "in"))
        {
            if (IsDay(next))
            {
                int day = int.Parse(next.TrimEnd('.').Replace("th", "").Replace("st", "").Replace("nd", "").Replace("rd", ""), CultureInfo.InvariantCulture);
                int year = YearAfter(w, i + 2);
                return MakeDay(anchor, year, month, day, out date);
            }
            if (IsDay(prev))
            {
                int day = int.Parse(prev.TrimEnd('.'), CultureInfo.InvariantCulture);
                int year = YearAfter(w, i + 1);
                return MakeDay(anchor, year, month, day, out date);
            }
            if (prev is "in" or "since" or "early" or "late" or "mid" or "begin" or "eind" or "half" or "until")
            {
                int year = YearAfter(w, i + 1);
                if (year == 0)
                {
                    if (anchor is not { } a) return false;
                    year = a.Date.Year;
                    if (month > a.Date.Month) year--;
                }
                date = new DateTime(year, month, 1);
                prec = "month";
                return true;
            }
            return false;
        }
        if (IsYear(t) && prev is "in" or "since" and not "")
        {
            if (Month(prev) > 0) return false;
            date = new DateTime(int.Parse(t, CultureInfo.InvariantCulture), 1, 1);
            prec = "year";
            return true;
        }
        if (anchor is not { } an) return false;
        var ad = an.Date;
        switch (t)
        {
            case "yesterday" or "gisteren" or "gisteravond" or "gistermiddag" or "gisterochtend": date = ad.AddDays(-1); return true;
            case "today" or "tonight" or "vandaag" or "vanavond" or "vanochtend" or "vanmorgen" or "vanmiddag": date = ad; return true;
            case "vannacht": date = ad; return true;
            case "tomorrow": date = ad.AddDays(1); return true;
            case "morgen" when next != "" && (prev is "" or "tot" or "vanaf" or "op" or "," ): date = ad.AddDays(1); return true;
            case "eergisteren": date = ad.AddDays(-2); return true;
            case "night" when prev == "last": date = ad.AddDays(-1); return true;
        }
        int dow = Array.IndexOf(DaysEn, t.TrimEnd('s'));
        if (dow < 0) dow = Array.IndexOf(DaysNl, t);
        if (dow < 0) dow = Array.IndexOf(DaysNl, t.EndsWith("avond") || t.EndsWith("ochtend") || t.EndsWith("middag") || t.EndsWith("nacht") ? StripDayPart(t) : "");
        if (dow >= 0)
        {
            int back = ((int)ad.DayOfWeek - dow + 7) % 7;
            if (prev is "next" or "volgende" or "komende" or "aanstaande") back = back == 0 ? -7 : back - 7;
            else if (prev is "last" or "vorige" or "afgelopen" && back == 0) back = 7;
            date = ad.AddDays(-back);
            return true;
        }
        bool last = prev is "last" or "past" or "vorige" or "afgelopen" or "vorig";
        bool thisP = prev is "this" or "deze" or "dit";
        if (t is "week" or "weekend")
        {
            if (!last && !thisP) return false;
            var monday = ad.AddDays(-(((int)ad.DayOfWeek + 6) % 7));
            date = last ? monday.AddDays(-7) : monday;
            prec = "week";
            return true;
        }
        if (t is "month" or "maand")
        {
            if (!last && !thisP) return false;
            var first = new DateTime(ad.Year, ad.Month, 1);
            date = last ? first.AddMonths(-1) : first;
            prec = "month";
            return true;
        }
        if (t is "year" or "jaar")
        {
            if (!last && !thisP) return false;
            date = new DateTime(last ? ad.Year - 1 : ad.Year, 1, 1);
            prec = "year";
            return true;
        }
        if (t is "ago" or "geleden")
        {
            string unit = prev;
            int n = Number(W(w, i - 2));
            if (n <= 0) return false;
            switch (unit)
            {
                case "day" or "days" or "dag" or "dagen": date = ad.AddDays(-n); return true;
                case "week" or "weeks" or "weken": date = ad.AddDays(-7 * n); prec = "week"; return true;
                case "month" or "months" or "maand" or "maanden": date = ad.AddMonths(-n); prec = "month"; return true;
                case "year" or "years" or "jaar" or "jaren": date = new DateTime(ad.Year - n, 1, 1); prec = "year"; return true;
            }
        }
        return false;
    }

    private static string StripDayPart(string t)
    {
        foreach (var s in new[] { "avond", "ochtend", "middag", "nacht" })
            if (t.EndsWith(s, StringComparison.Ordinal)) return t[..^s.Length];
        return t;
    }

    private static int Number(string s)
    {
        if (int.TryParse(s, out int n)) return n;
        int i = Array.IndexOf(Numbers, s);
        if (i < 0) i = Array.IndexOf(NumbersNl, s);
        return i;
    }

    private static int Month(string t)
    {
        string s = t.TrimEnd('.');
        int i = Array.IndexOf(MonthsEn, s);
        if (i < 0) i = Array.IndexOf(MonthsNl, s);
        if (i < 0 && s.Length >= 3 && s.Length <= 4) i = Array.IndexOf(MonthsAbbr, s[..3]) is var k && (s.Length == 3 || s == "sept") ? k : -1;
        return i + 1;
    }

    private static bool IsDay(string s)
    {
        s = s.TrimEnd('.');
        if (s.EndsWith("th") || s.EndsWith("st") || s.EndsWith("nd") || s.EndsWith("rd")) s = s[..^2];
        return s.Length is 1 or 2 && int.TryParse(s, out int d) && d >= 1 && d <= 31;
    }

    private static bool IsYear(string s) => s.Length == 4 && int.TryParse(s, out int y) && y >= 1900 && y <= 2100;

    private static int YearAfter(IReadOnlyList<string> w, int i)
    {
        if (W(w, i) == ",") i++;
        return IsYear(W(w, i)) ? int.Parse(W(w, i), CultureInfo.InvariantCulture) : 0;
    }

    private static bool MakeDay(Anchor? anchor, int year, int month, int day, out DateTime date)
    {
        date = default;
        if (year == 0)
        {
            if (anchor is not { } a) return false;
            year = a.Date.Year;
            if (new DateTime(year, month, 1) > a.Date.AddMonths(1)) year--;
        }
        if (day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateTime(year, month, day);
        return true;
    }
}
