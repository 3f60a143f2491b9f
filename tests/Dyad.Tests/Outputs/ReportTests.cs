using System.Text.RegularExpressions;
using Dyad.Corpus.Merging;
using Dyad.Model;
using Dyad.Outputs.Graph;
using Dyad.Outputs.Report;
using Xunit;
using static Dyad.Tests.Outputs.Ev;

namespace Dyad.Tests.Outputs;

public class ReportTests
{
    public const string ScriptPayload = "<script>window.__pwned=1;document.title='PWNED';document.documentElement.appendChild(document.createElement('pwned-marker'))</script>";
    public const string FetchPayload = "<img src=\"http://pwned.example/beacon.png\"><link rel=stylesheet href=\"https://pwned.example/x.css\"><script>fetch('http://pwned.example/f')</script>";
    public const string AttrPayload = "\"><img src=x onerror=\"window.__pwned=1;document.body.setAttribute('data-pwned','1')\">";
    public const string UriPayload = "javascript:window.__pwned=1";
    public const string JsonBreakout = "</script><script>window.__pwned=1</script>\u2028";

    /// <summary>Events whose page title, comment author, sentence and actor texts carry injection payloads.</summary>
    public static List<EventRecord> Hostile()
    {
        var list = Sample();
        list.Add(Make("x1", Actor(AttrPayload), "ASSAULT", Actor(JsonBreakout), title: ScriptPayload, doc: "evil", kind: "comment",
            author: AttrPayload + ScriptPayload, trigger: "shelled" + ScriptPayload) with { Document = new DocumentInfo { Id = "evil", Uri = UriPayload, Title = ScriptPayload, Published = "2017-10-05" } });
        list.Add(Make("x2", Actor("<b onmouseover=alert(1)>Militia</b>"), "THREATEN", Rus, title: "'single' & \"double\"", doc: "evil2", claimants: [Actor(ScriptPayload)]));
        list.Add(Make("x3", Actor(FetchPayload), "PROTEST", Actor("Town <svg onload=alert(1)>", "TWN"), title: FetchPayload, doc: "evil3", kind: "comment", author: FetchPayload,
            trigger: "marched" + FetchPayload));
        return list;
    }

    public static string Render(IEnumerable<EventRecord> events, bool merged = false)
    {
        var w = new StringWriter();
        var model = merged ? ReportModel.Build(EventMerger.Merge(events)) : ReportModel.Build(events);
        ReportWriter.Write(model, w, new ReportOptions { Title = "Test <report>" });
        return w.ToString();
    }

    [Fact]
    public void Report_is_self_contained_under_a_strict_csp()
    {
        var html = Render(Sample());
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-", html);
        // no external references: no src/href attributes at all, no url(http…) in CSS, no @import
        Assert.DoesNotMatch(new Regex(@"\s(src|href)\s*="), html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(http", html);
        // the only scripts: the JSON data block and one nonce'd script
        var scripts = Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.Equal(2, scripts.Count);
        Assert.Equal("<script type=\"application/json\" id=\"dyad-data\">", scripts[0]);
        var nonce = Regex.Match(html, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Equal($"<script nonce=\"{nonce}\">", scripts[1]);
    }

    [Fact]
    public void Network_svg_has_one_element_per_actor_and_typed_edges()
    {
        var html = Render(Sample());
        var keys = Regex.Matches(html, "<g class=\"node[^\"]*\" data-n=\"\\d+\" data-key=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(["RUS", "RUSGOV", "SYRMIL", "USA", "unresolved:free hill brigade"], keys.Order(StringComparer.Ordinal));
        Assert.Contains("class=\"edge fam-mc st-asserted\"", html);
        Assert.Contains("class=\"edge fam-vc st-asserted\"", html);
        Assert.Contains("class=\"edge fam-co st-alleged\"", html);
        Assert.Contains("<h2>Top dyads</h2>", html);
        Assert.Contains("<h2>Who claims what</h2>", html);
        Assert.Contains("Timeline", html);
    }

    [Fact]
    public void Evidence_highlights_trigger_actors_cue_and_claimant_from_offsets()
    {
        var html = Render(Sample());
        // e5: "the Russian Defense Ministry said that the U.S. helped the Free Hill Brigade."
        Assert.Contains("<mark class=\"clm\">the Russian Defense Ministry</mark> <mark class=\"cue\">said</mark> that <mark class=\"src\">the U.S.</mark> <mark class=\"trg\">helped</mark> <mark class=\"tgt\">the Free Hill Brigade</mark>.", html);
        Assert.Contains("according to Russia (said)", html);
    }

    [Fact]
    public void Denied_edges_are_crossed_in_the_merged_view_when_denial_dominates()
    {
        var evs = new[]
        {
            Make("a", Tur, "ASSAULT", Rebels, status: "denied", doc: "d1", claimants: [Tur]),
            Make("b", Tur, "ASSAULT", Rebels, status: "denied", doc: "d2", claimants: [Tur]),
            Make("c", Tur, "ASSAULT", Rebels, status: "alleged", doc: "d3", claimants: [Syr]),
        };
        var html = Render(evs);
        Assert.Contains("st-denied", html);
        Assert.Contains("<path class=\"cross\"", html);
        var merged = Render(evs, merged: true);
        Assert.Contains("merged: 3 mention(s) in 3 document(s), 2 claimant(s): denied by Turkey; alleged by Syria", merged);
    }

    [Fact]
    public void Everything_from_pages_is_escaped()
    {
        var html = Render(Hostile());
        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<script>window", body);
        Assert.DoesNotContain("<img", body);
        Assert.DoesNotContain("<b onmouseover", body);
        Assert.DoesNotContain("<link", body);
        Assert.DoesNotContain("<svg onload", body);
        Assert.DoesNotContain("<pwned", body);
        var json = Regex.Match(html, "<script type=\"application/json\" id=\"dyad-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.DoesNotContain("\u2028", json);
        Assert.DoesNotContain("<", json);
        Assert.Contains("&lt;script&gt;window.__pwned=1;document.title=&#39;PWNED&#39;;document.documentElement.appendChild(", body);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=&quot;", body);
        // exactly two closing script tags: the data block and the real script
        Assert.Equal(2, Regex.Matches(html, "</script", RegexOptions.IgnoreCase).Count);
        Assert.Equal(2, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
        // the javascript: URI is text, never a link
        Assert.Contains("<span class=\"uri\">javascript:window.__pwned=1</span>", body);
        Assert.Contains("Test &lt;report&gt;", html);
    }

    [Fact]
    public void Script_json_escapes_markup_and_line_separators()
    {
        var json = Html.ScriptJson(new { t = "</script><!-- & \u2028\u2029 'x'" });
        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.DoesNotContain("&", json);
        Assert.DoesNotContain("\u2028", json);
        Assert.DoesNotContain("\u2029", json);
        Assert.Equal("</script><!-- & \u2028\u2029 'x'", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("t").GetString());
    }

    [Fact]
    public void Highlighting_survives_bad_offsets_and_surrogate_pairs()
    {
        var e = Make("s", Actor("😀 group"), "ASSAULT", Usa) with { Event = new EventInfo { Type = "ASSAULT", Trigger = new SpanInfo { Text = "x", Start = 101, End = 5000 } } };
        var w = new StringWriter();
        Html.WriteHighlighted(w, e);
        var s = w.ToString();
        Assert.Contains("😀", s);
        Assert.DoesNotContain("\uFFFD", s);
        Assert.StartsWith("<mark class=\"src\">😀</mark><mark class=\"trg\">", s);
        Assert.Equal("a&amp;b&lt;c&gt;&quot;&#39;d", Html.Escape("a&b<c>\"'\u0001d"));
    }

    [Fact]
    public void Large_graphs_are_capped_with_a_note()
    {
        var evs = Enumerable.Range(0, 600).Select(i => Make("c" + i, Actor("Group " + i % 300, "G" + i % 300), "ASSAULT", Actor("Town " + (i % 250), "T" + (i % 250)), doc: "d" + i));
        var w = new StringWriter();
        var r = ReportWriter.Write(ReportModel.Build(evs), w, new ReportOptions { MaxNodes = 200 });
        var html = w.ToString();
        Assert.Equal(200, Regex.Matches(html, "<g class=\"node[ \"]").Count);
        Assert.Contains("200 of 550 actors (the 200 with most events)", html);
        Assert.True(r.EvidenceItems > 0);
    }

    [Fact]
    public void Layout_is_deterministic_and_inside_the_frame()
    {
        var edges = Enumerable.Range(0, 60).Select(i => (i % 30, (i * 7 + 3) % 30, 1.0 + i % 4)).ToList();
        var a = new ForceLayout().Run(30, edges);
        var b = new ForceLayout().Run(30, edges);
        Assert.Equal(a, b);
        Assert.All(a, p => { Assert.InRange(p.X, 39.99, 960.01); Assert.InRange(p.Y, 39.99, 660.01); });
        // nodes do not collapse onto each other
        double minD = double.MaxValue;
        for (int i = 0; i < a.Length; i++)
            for (int j = i + 1; j < a.Length; j++)
                minD = Math.Min(minD, Math.Sqrt(Math.Pow(a[i].X - a[j].X, 2) + Math.Pow(a[i].Y - a[j].Y, 2)));
        Assert.True(minD > 5, $"closest pair {minD}");
    }

    [Fact]
    public void Empty_corpus_gives_a_report_that_says_so()
    {
        var html = Render([]);
        Assert.Contains("No events with both a source and a target match.", html);
        Assert.Contains("No dated events.", html);
    }

    [Fact]
    public void Actors_and_claimants_without_text_get_a_visible_name()
    {
        var blank = Actor(" ");
        var html = Render([Make("b1", blank, "ASSAULT", Usa, status: "reported", claimants: [Actor("")])]);
        Assert.Contains(Dyad.Outputs.ActorKeys.NoName, html);
        Assert.DoesNotMatch("<td>\\s*</td>", html);
        // arrowheads keep their size whatever the edge width
        Assert.Contains("markerUnits=\"userSpaceOnUse\"", html);
    }
}
