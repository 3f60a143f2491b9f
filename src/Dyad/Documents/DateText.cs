using System.Globalization;
using System.Text.RegularExpressions;

namespace Dyad.Documents;

/// <summary>What a parsed date expression contained.</summary>
public enum DatePrecision { None, Year, Month, Day, Minute, Second }

/// <summary>A date found in text, as ISO-8601 (yyyy-MM, yyyy-MM-dd, yyyy-MM-ddTHH:mm[:ss]).</summary>
public readonly record struct TextDate(string Iso, DatePrecision Precision, int Index, int Length);

/// <summary>
/// Parses the date expressions pages print, in English and Dutch: "October 3, 2017 at 12:58 pm",
/// "Oct 5, 2017 3:55:27 AM", "Thursday 5 October 2017 14.42 AEDT", "donderdag 8 februari 2018",
/// "8 okt. 2017 om 14:05", "2017-10-05T14:42:00Z", and month-only forms ("December 2015").
/// Thread-safe (all state is static and read-only).
/// </summary>
public static partial class DateText
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string[][] names =
        [
            ["january", "jan", "januari"], ["february", "feb", "febr", "februari"], ["march", "mar", "maart", "mrt"],
            ["april", "apr"], ["may", "mei"], ["june", "jun", "juni"], ["july", "jul", "juli"],
            ["august", "aug", "augustus"], ["september", "sep", "sept"], ["october", "oct", "oktober", "okt"],
            ["november", "nov"], ["december", "dec"],
        ];
        for (int i = 0; i < names.Length; i++)
            foreach (var n in names[i]) d[n] = i + 1;
        return d;
    }

    private const string MonthAlt = "january|february|march|april|may|june|july|august|september|october|november|december|"
        + "januari|februari|maart|mei|juni|juli|augustus|oktober|"
        + "jan|febr|feb|mar|mrt|apr|jun|jul|aug|sept|sep|oct|okt|nov|dec";
    private const string Weekday = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
        + "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\\.?,?\\s+";
    private const string Time = @"(?:(?:,|\s)\s*(?:at|om|-|–|\|)?\s*(?<h>\d{1,2})[:.](?<mi>\d{2})(?:[:.](?<s>\d{2}))?\s*(?<ampm>[ap]\.?m\.?)?(?:\s*(?:uur|u\.|h|[A-Z]{2,5}|UTC[+-]?\d*|GMT[+-]?\d*))?)?";

    // Month-name first: "October 3, 2017", "Oct. 5th 2017 at 3:55 pm".
    private static readonly Regex MonthFirst = MonthFirstRx();
    [GeneratedRegex(
        "(?<wd>" + Weekday + ")?\\b(?<mo>" + MonthAlt + ")\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>(?:19|20)\\d{2})\\b" + Time,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled)]
    private static partial Regex MonthFirstRx();

    // Day first: "5 October 2017", "donderdag 8 februari 2018 om 12:58", "5th of May 2015".
    private static readonly Regex DayFirst = DayFirstRx();
    [GeneratedRegex(
        "(?<wd>" + Weekday + ")?\\b(?<d>\\d{1,2})(?:st|nd|rd|th|e|ste|de)?\\.?\\s+(?:of\\s+)?(?<mo>" + MonthAlt + ")\\.?,?\\s+(?<y>(?:19|20)\\d{2})\\b" + Time,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled)]
    private static partial Regex DayFirstRx();

    // ISO: "2017-10-05", "2017-10-05T14:42:00Z", "2017-10-05 14:42".
    private static readonly Regex Iso = IsoRx();
    [GeneratedRegex(
        @"\b(?<y>(?:19|20)\d{2})-(?<m>\d{2})-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b",
        RegexOptions.CultureInvariant | RegexOptions.Compiled)]
    private static partial Regex IsoRx();

    // Numeric day-month-year: "05-10-2017", "5/10/2017", "05.10.2017" (day first, as in Dutch and British use).
    private static readonly Regex Numeric = NumericRx();
    [GeneratedRegex(
        @"\b(?<d>\d{1,2})[-/.](?<m>\d{1,2})[-/.](?<y>(?:19|20)\d{2})\b" + Time,
        RegexOptions.CultureInvariant | RegexOptions.Compiled)]
    private static partial Regex NumericRx();

    // Month and year only: "December 2015", "dec. 2015".
    private static readonly Regex MonthYear = MonthYearRx();
    [GeneratedRegex(
        "\\b(?<mo>" + MonthAlt + ")\\.?,?\\s+(?<y>(?:19|20)\\d{2})\\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled)]
    private static partial Regex MonthYearRx();

    /// <summary>The first (left-most) full date in text, or null. Month-only dates only when <paramref name="allowMonthOnly"/>.</summary>
    public static TextDate? Find(string text, bool allowMonthOnly = false)
    {
        // Every pattern needs a year written "19xx" or "20xx": without either digit pair there is no date.
        if (!text.Contains("19", StringComparison.Ordinal) && !text.Contains("20", StringComparison.Ordinal)) return null;
        TextDate? best = null;
        Consider(ref best, Try(MonthFirst.Match(text), named: true));
        Consider(ref best, Try(DayFirst.Match(text), named: true));
        Consider(ref best, Try(Iso.Match(text), named: false));
        Consider(ref best, Try(Numeric.Match(text), named: false));
        if (best == null && allowMonthOnly)
        {
            var m = MonthYear.Match(text);
            if (m.Success && Months.TryGetValue(m.Groups["mo"].Value, out int mo))
            {
                int y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                best = new TextDate(string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{mo:D2}"), DatePrecision.Month, m.Index, m.Length);
            }
        }
        return best;
    }

    /// <summary>Parses a whole string as a date (metadata values: "2017-10-05T08:00:00+02:00", "Oct 5, 2017").</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var t = Find(value.Trim(), allowMonthOnly: true);
        if (t != null) return t.Value.Iso;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
            return dto.TimeOfDay == TimeSpan.Zero
                ? dto.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : dto.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        return null;
    }

    private static void Consider(ref TextDate? best, TextDate? cand)
    {
        if (cand == null) return;
        if (best == null || cand.Value.Index < best.Value.Index
            || (cand.Value.Index == best.Value.Index && cand.Value.Length > best.Value.Length))
            best = cand;
    }

    private static TextDate? Try(Match m, bool named)
    {
        if (!m.Success) return null;
        int month;
        if (named)
        {
            if (!Months.TryGetValue(m.Groups["mo"].Value, out month)) return null;
        }
        else if (!int.TryParse(m.Groups["m"].Value, CultureInfo.InvariantCulture, out month)) return null;
        int day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        string iso = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
        var precision = DatePrecision.Day;
        if (m.Groups["h"].Success)
        {
            int h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            int mi = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
            string ampm = m.Groups["ampm"].Success ? m.Groups["ampm"].Value.ToLowerInvariant() : "";
            if (ampm.StartsWith('p') && h < 12) h += 12;
            else if (ampm.StartsWith('a') && h == 12) h = 0;
            if (h < 24 && mi < 60)
            {
                iso += string.Create(CultureInfo.InvariantCulture, $"T{h:D2}:{mi:D2}");
                precision = DatePrecision.Minute;
                if (m.Groups["s"].Success)
                {
                    iso += ":" + m.Groups["s"].Value;
                    precision = DatePrecision.Second;
                }
            }
        }
        return new TextDate(iso, precision, m.Index, m.Length);
    }
}
