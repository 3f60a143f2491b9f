using System.Text.Json;
using System.Xml.Linq;
using Dyad.Cli;
using Dyad.Cli.Commands;
using Dyad.Model;
using Dyad.Outputs.Exports;
using Dyad.Tests.Analyze;
using Xunit;

namespace Dyad.Tests.Outputs;

/// <summary>The query commands against a real SQLite corpus: the CLI's own store, real SQL filters, every format.</summary>
public class CliEndToEndTests : IClassFixture<StoredCorpus>
{
    private readonly StoredCorpus _c;
    public CliEndToEndTests(StoredCorpus c) => _c = c;

    private string Events(params string[] args)
    {
        var w = new StringWriter();
        Assert.Equal(0, EventsCommand.Run([.. args, "--db", _c.Db], w, OutputArgs.OpenStore));
        return w.ToString();
    }

    private static string[] Lines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private List<EventRecord> Records(params string[] args) => Lines(Events([.. args, "--format", "jsonl"])).Select(EventRecord.FromJson).ToList();

    private static string Sig(EventRecord e) => $"{e.Event.Type}/{e.Claim.Status}/{e.Document.Published}";

    [Fact]
    public void Commands_run_as_a_process_on_the_real_store()
    {
        var r = CliProcess.Run(_c.Dir, "events", "--db", _c.Db);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.All(Lines(r.Stdout), l => Assert.True(l.TrimEnd('\r').Length <= 80, $"{l.Length}: {l}"));
        Assert.Contains("6 events", r.Stdout);
        Assert.Contains("SYRMIL", r.Stdout);

        r = CliProcess.Run(_c.Dir, "events", "--db", _c.Db, "--merged");
        Assert.Equal(0, r.ExitCode);
        // the three October reports of the strike merge: 3 documents, 2 claimants (Southland, the capital)
        Assert.Contains("merged events from 6 mentions", r.Stdout);
        Assert.Contains("asserted/alleged/denied", r.Stdout);
        Assert.All(Lines(r.Stdout), l => Assert.True(l.TrimEnd('\r').Length <= 80, $"{l.Length}: {l}"));

        r = CliProcess.Run(_c.Dir, "actors", "--db", _c.Db);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("SYRMIL", r.Stdout);
        Assert.All(Lines(r.Stdout), l => Assert.True(l.TrimEnd('\r').Length <= 80, $"{l.Length}: {l}"));

        r = CliProcess.Run(_c.Dir, "actors", "--db", _c.Db, "--unresolved");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("the Free Hill Brigade", r.Stdout);
        Assert.Contains("1 unresolved name", r.Stdout);

        r = CliProcess.Run(_c.Dir, "show", "claims.txt", "--db", _c.Db, "--segments", "--format", "jsonl");
        Assert.Equal(0, r.ExitCode);
        var segs = Lines(r.Stdout).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["article", "comment"], segs.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal("reader42", segs[1].GetProperty("author").GetString());

        r = CliProcess.Run(_c.Dir, "show", "hill.html", "--db", _c.Db, "--events", "--format", "jsonl");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["ASSAULT", "ACCUSE"], Lines(r.Stdout).Select(l => EventRecord.FromJson(l).Event.Type));

        string html = Path.Combine(_c.Dir, "proc-report.html");
        r = CliProcess.Run(_c.Dir, "report", "--db", _c.Db, "--out", html);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("6 events", r.Stdout);
        Assert.Contains("Content-Security-Policy", File.ReadAllText(html));
    }

    [Fact]
    public void Sqlite_filters_combine()
    {
        Assert.Equal(6, Records().Count);
        Assert.Equal(["ASSAULT/alleged/2017-10-05"], Records("--status", "alleged", "--claimant", "southland").Select(Sig));
        Assert.Equal(["ASSAULT/alleged/2017-10-05"], Records("--status", "alleged", "--claimant", "TUR", "--type", "assault").Select(Sig));
        Assert.Empty(Records("--status", "alleged", "--claimant", "SYRGOV"));
        Assert.Equal(["ASSAULT/asserted/2017-10-04", "ASSAULT/alleged/2017-10-05", "ASSAULT/denied/2017-10-06"],
            Records("--actor", "SYR", "--type", "ASSAULT", "--from", "2017-10", "--to", "2017-10").Select(Sig));
        Assert.Equal(["ASSAULT/asserted/2017-11-20"], Records("--actor", "free hill", "--from", "2017-11-01").Select(Sig));
        Assert.Equal(["ASSAULT/denied/2017-10-06"], Records("--lang", "nl").Select(Sig));
        Assert.Empty(Records("--lang", "nl", "--status", "asserted"));
        Assert.Equal(["SUPPORT/asserted/2017-10-05"], Records("--kind", "comment").Select(Sig));
        Assert.Equal(["ASSAULT/alleged/2017-10-05"], Records("--doc", "claims.txt", "--kind", "article").Select(Sig));
        Assert.Equal(["ACCUSE/asserted/2017-10-04"], Records("--doc", "pages/hill.html", "--actor", "westland").Select(Sig));
        Assert.Single(Records("--type", "ASSAULT", "--limit", "1"));
        // an unknown or ambiguous document is a one-line usage error naming it
        var e = Assert.Throws<UsageException>(() => Records("--doc", "nosuchpage.html"));
        Assert.StartsWith("dyad events: no document matches 'nosuchpage.html'", e.Message);
        e = Assert.Throws<UsageException>(() => Records("--doc", ".html"));
        Assert.Contains("matches 2 documents", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Merged_views_count_documents_claimants_and_statuses()
    {
        var merged = Lines(Events("--merged", "--type", "ASSAULT", "--format", "jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, merged.Count); // October (3 pages) and November
        var oct = merged.Single(m => m.GetRawText().Contains("2017-10-04"));
        Assert.Contains("\"denied\"", oct.GetRawText());
        Assert.Contains("\"alleged\"", oct.GetRawText());
        var csv = Csv.Parse(Events("--merged", "--format", "csv"));
        Assert.Equal(4 + 1, csv.Count); // ASSAULT Oct, ASSAULT Nov, ACCUSE, SUPPORT + header
    }

    [Fact]
    public void Every_export_format_is_written_from_the_store_and_parses_back()
    {
        var log = new StringWriter();
        string Out(string name) => Path.Combine(_c.Dir, name);
        int Graph(params string[] args) => GraphCommand.Run([.. args, "--db", _c.Db], null, OutputArgs.OpenStore, log);

        Assert.Equal(0, Graph("--format", "gexf", "--out", Out("g.gexf")));
        var gexf = XDocument.Load(Out("g.gexf"));
        XNamespace gx = "http://gexf.net/1.3";
        Assert.Equal(gx, gexf.Root!.Name.Namespace);
        Assert.Equal(5, gexf.Descendants(gx + "node").Count()); // SYRMIL, the brigade, RUSGOV, USA, RUS
        Assert.Contains(gexf.Descendants(gx + "edge"), e => (string?)e.Attribute("label") == "ASSAULT");

        Assert.Equal(0, Graph("--format", "graphml", "--out", Out("g.graphml"), "--type", "ASSAULT"));
        var gml = XDocument.Load(Out("g.graphml"));
        XNamespace gm = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(2, gml.Descendants(gm + "node").Count());
        Assert.Single(gml.Descendants(gm + "edge"));

        Assert.Equal(0, Graph("--format", "cytoscape", "--out", Out("g.json"), "--lang", "en"));
        using (var cy = JsonDocument.Parse(File.ReadAllText(Out("g.json"))))
        {
            var els = cy.RootElement.GetProperty("elements");
            Assert.True(els.GetProperty("nodes").GetArrayLength() >= 4);
            Assert.All(els.GetProperty("edges").EnumerateArray(), e => Assert.True(e.GetProperty("data").TryGetProperty("source", out _)));
        }

        Assert.Equal(0, Graph("--format", "neo4j", "--out", Out("neo")));
        var nodes = Csv.Parse(File.ReadAllText(Path.Combine(Out("neo"), "nodes.csv")));
        var rels = Csv.Parse(File.ReadAllText(Path.Combine(Out("neo"), "relationships.csv")));
        Assert.Contains(":ID", nodes[0][0]);
        Assert.Contains(rels[0], h => h.StartsWith(":START_ID"));
        var ids = nodes.Skip(1).Select(n => n[0]).ToHashSet();
        int startCol = rels[0].FindIndex(h => h.StartsWith(":START_ID")), endCol = rels[0].FindIndex(h => h.StartsWith(":END_ID"));
        Assert.All(rels.Skip(1), r => { Assert.Contains(r[startCol], ids); Assert.Contains(r[endCol], ids); });

        Assert.Equal(0, Graph("--format", "dot", "--out", Out("g.dot"), "--merged"));
        string dot = File.ReadAllText(Out("g.dot"));
        Assert.StartsWith("digraph", dot);
        Assert.Contains("\"SYRMIL\"", dot);
        Assert.Contains("from 6 events", log.ToString().Split('\n')[0]);

        var plover = Lines(Events("--format", "plover")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, plover.Count);
        Assert.All(plover, p => { Assert.True(p.TryGetProperty("claim", out _)); Assert.True(p.TryGetProperty("event", out _)); });
        var cameo = Lines(Events("--format", "cameo", "--type", "ASSAULT"));
        Assert.Equal(4, cameo.Length);
        Assert.All(cameo, l => Assert.Equal("SYRMIL", l.Split('\t')[1]));
        var csv = Csv.Parse(Events("--format", "csv", "--status", "denied"));
        Assert.Equal(2, csv.Count);
        Assert.Equal("Syria", csv[1][Array.IndexOf(CsvExporter.Header, "claimants")]);
        Assert.Contains("the Northland capital ontkende", csv[1][Array.IndexOf(CsvExporter.Header, "sentence")]);
    }

    [Fact]
    public void Report_from_the_store_draws_every_actor_and_keeps_the_evidence()
    {
        string html = Path.Combine(_c.Dir, "r.html");
        var log = new StringWriter();
        Assert.Equal(0, ReportCommand.Run(["--db", _c.Db, "--out", html, "--title", "E2E <test>"], OutputArgs.OpenStore, log));
        string text = File.ReadAllText(html);
        Assert.Contains("E2E &lt;test&gt;", text);
        Assert.DoesNotContain("E2E <test>", text);
        Assert.Contains("the Free Hill Brigade", text);
        Assert.Contains("reader42", text);
        Assert.Contains("6 events", log.ToString());
    }

    [Fact]
    public void Unusable_databases_are_one_line_errors()
    {
        var r = CliProcess.Run(_c.Dir, "events", "--db", Path.Combine(_c.Dir, "missing.db"));
        Assert.Equal(1, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains("missing.db", r.Stderr);

        string notDb = Path.Combine(_c.Dir, "notes.db");
        File.WriteAllText(notDb, "this is not a database, just some words that are long enough to fill a header page");
        foreach (var cmd in new[] { "events", "actors", "report" })
        {
            r = CliProcess.Run(_c.Dir, cmd, "--db", notDb, "--out", Path.Combine(_c.Dir, "x.html"));
            if (cmd != "report") r = CliProcess.Run(_c.Dir, cmd, "--db", notDb);
            Assert.Equal(1, r.ExitCode);
            Assert.Single(r.ErrorLines);
            Assert.Contains("notes.db", r.Stderr);
            Assert.DoesNotContain("   at ", r.Stderr);
        }
        Assert.Equal(1, CliMain.Run(["graph", "--db", notDb, "--format", "dot"]));
    }
}
