using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Dyad.Tests.Outputs;

/// <summary>Runs when Chromium is installed; without it: skipped locally, but NOT skipped in CI (CI=true), where it then fails.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path == null && !Chromium.InCi)
            Skip = "chromium is not installed (apt-get install chromium); the report's browser test needs it and CI always runs it";
    }
}

public static class Chromium
{
    public static readonly string? Path = Find();
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Find()
    {
        foreach (var p in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
            if (File.Exists(p)) return p;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var p = System.IO.Path.Combine(dir, "chromium");
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>URLs of requests a file:// page started, from a Chromium net log (--log-net-log).</summary>
    public static List<string> PageRequests(string netLogPath)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(netLogPath));
        int startJob = doc.RootElement.GetProperty("constants").GetProperty("logEventTypes").GetProperty("URL_REQUEST_START_JOB").GetInt32();
        var urls = new List<string>();
        foreach (var e in doc.RootElement.GetProperty("events").EnumerateArray())
        {
            if (e.GetProperty("type").GetInt32() != startJob || !e.TryGetProperty("params", out var p)) continue;
            string url = p.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            string nik = p.TryGetProperty("network_isolation_key", out var k) ? k.GetString() ?? "" : "";
            string initiator = p.TryGetProperty("initiator", out var i) ? i.GetString() ?? "" : "";
            bool fromPage = nik.StartsWith("file://", StringComparison.Ordinal) || initiator is "null" || initiator.StartsWith("file:", StringComparison.Ordinal);
            if (fromPage && !url.StartsWith("file:", StringComparison.Ordinal)) urls.Add(url);
        }
        return urls;
    }

    /// <summary>Runs headless Chromium with a fresh profile, no background traffic, and DNS for every host mapped to nothing.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string workDir, TimeSpan timeout, params string[] extra)
    {
        var psi = new ProcessStartInfo(Path ?? throw new InvalidOperationException("chromium not found"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + System.IO.Path.Combine(workDir, "profile-" + Guid.NewGuid().ToString("N")),
        }) psi.ArgumentList.Add(a);
        foreach (var a in extra) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)timeout.TotalMilliseconds))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException($"chromium did not finish within {timeout.TotalSeconds} s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

public class ReportBrowserTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public void Report_runs_in_chromium_without_executing_page_content_or_touching_the_network()
    {
        Assert.True(Chromium.Path != null, "CI=true but chromium is not installed: install Debian's chromium package (.ci/run does)");
        var dir = Path.Combine(Path.GetTempPath(), "dyad-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string report = Path.Combine(dir, "report.html");
            File.WriteAllText(report, ReportTests.Render(ReportTests.Hostile()));
            string url = new Uri(report).AbsoluteUri;
            string netLog = Path.Combine(dir, "net.json");

            var (code, dom, err) = Chromium.Run(dir, TimeSpan.FromSeconds(90),
                "--log-net-log=" + netLog, "--net-log-capture-mode=Everything", "--virtual-time-budget=3000", "--dump-dom", url + "#node=0");
            Assert.True(code == 0 && dom.Length > 0, $"chromium --dump-dom failed ({code}): {Tail(err)}");

            // our nonce'd script ran (it marks the root element) — the CSP does not block the report itself
            Assert.Matches("<html[^>]*data-ready=\"1\"", dom);
            // none of the payloads ran: no title change, no marker element or attribute, no injected elements
            Assert.Equal("Test &lt;report&gt;", Regex.Match(dom, "<head>.*?<title>(.*?)</title>", RegexOptions.Singleline).Groups[1].Value);
            Assert.DoesNotContain("<pwned-marker", dom);
            Assert.DoesNotMatch("\\sdata-pwned=\"", dom);
            Assert.DoesNotMatch("<img[\\s>]", dom);
            Assert.DoesNotMatch("<link[\\s>]", dom);
            Assert.Equal(2, Regex.Matches(dom, "<script[\\s>]").Count);
            // a #node=N link selects that node and shows its evidence
            Assert.Matches("<g class=\"node[^\"]*\\bsel\\b[^\"]*\" data-n=\"0\"", dom);
            Assert.Matches("<li class=\"ev\"(?![^>]*hidden)", dom);
            // the payloads are there, as text
            Assert.Contains("&lt;script&gt;window.__pwned=1", dom);
            // the network has the expected actors as SVG node elements with data attributes
            var keys = Regex.Matches(dom, "<g class=\"node[^\"]*\" data-n=\"\\d+\" data-key=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToHashSet();
            foreach (var k in new[] { "SYRMIL", "RUSGOV", "USA", "RUS", "unresolved:free hill brigade", "TWN" })
                Assert.Contains(k, keys);
            // the hostile actor is a node too, its key an inert attribute value (Chromium re-escapes < > in attributes)
            Assert.True(keys.Any(k => k.StartsWith("unresolved:&gt;&lt;img src=x onerror=&quot;", StringComparison.Ordinal)), string.Join(" | ", keys));

            // no request left the page: the net log has no request started on behalf of the file:// page
            // (Chromium's own background requests — updater, clock — are not the page's and are ignored)
            var requests = Chromium.PageRequests(netLog);
            Assert.True(requests.Count == 0, "the report attempted network requests: " + string.Join(", ", requests.Take(10)));

            // control: the same detector does see a page that loads something (so the check above can fail)
            string control = Path.Combine(dir, "control.html");
            File.WriteAllText(control, "<!DOCTYPE html><html><body><img src=\"http://pwned.example/beacon.png\"></body></html>");
            string controlLog = Path.Combine(dir, "control-net.json");
            Chromium.Run(dir, TimeSpan.FromSeconds(90), "--log-net-log=" + controlLog, "--virtual-time-budget=2000", "--dump-dom", new Uri(control).AbsoluteUri);
            Assert.Contains("http://pwned.example/beacon.png", Chromium.PageRequests(controlLog));

            // a screenshot, for people
            string shot = Path.Combine(AppContext.BaseDirectory, "report-browser-test.png");
            File.Delete(shot);
            var (c2, _, err2) = Chromium.Run(dir, TimeSpan.FromSeconds(90), "--hide-scrollbars", "--window-size=1400,1000",
                "--virtual-time-budget=2000", "--screenshot=" + shot, url);
            Assert.True(c2 == 0 && File.Exists(shot), $"chromium --screenshot failed ({c2}): {Tail(err2)}");
            var png = File.ReadAllBytes(shot);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            Assert.True(png.Length > 10_000, $"screenshot is suspiciously small ({png.Length} bytes)");
            output.WriteLine("screenshot: " + shot);
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Tail(string s) => s.Length > 600 ? s[^600..] : s;
}
