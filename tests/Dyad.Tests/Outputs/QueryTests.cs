using Dyad.Cli;
using Dyad.Cli.Commands;
using Dyad.Corpus;
using Dyad.Model;
using Dyad.Outputs;
using Xunit;
using static Dyad.Tests.Outputs.Ev;

namespace Dyad.Tests.Outputs;

public class QueryTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), "dyad-outputs-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly FakeStore _store = new(Sample());

    public QueryTests()
    {
        File.WriteAllText(_db, "");
        _store.MentionList.AddRange([
            new MentionRecord { DocumentId = "d1", Text = "the Free Hill Brigade", Kind = "unresolved" },
            new MentionRecord { DocumentId = "d2", Text = "Free Hill  Brigade", Kind = "unresolved" },
            new MentionRecord { DocumentId = "d2", Text = "the Blue Lake Militia", Kind = "unresolved" },
            new MentionRecord { DocumentId = "d2", Text = "they", Kind = "pronoun" },
            new MentionRecord { DocumentId = "d1", Text = "Turkey", Code = "TUR", Name = "Turkey", Kind = "name" },
        ]);
    }

    public void Dispose() { try { File.Delete(_db); } catch (IOException) { } }

    private (int Code, string Out) Events(params string[] args)
    {
        var w = new StringWriter();
        int rc = EventsCommand.Run([.. args, "--db", _db], w, _ => _store);
        return (rc, w.ToString());
    }

    [Fact]
    public void Event_table_fits_80_columns_and_truncates_with_an_ellipsis()
    {
        var longName = Actor("the Extraordinarily Long Named Coalition of Northern Hills", null);
        _store.EventList.Add(Make("long", longName, "PROTEST", Usa, doc: "d9"));
        var (rc, text) = Events();
        Assert.Equal(0, rc);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= 80, $"{l.Length}: {l}"));
        Assert.StartsWith("date", lines[0]);
        Assert.Contains(lines, l => l.Contains("?the Extraord…"));
        Assert.Contains("8 events", text);
    }

    [Fact]
    public void Filters_combine()
    {
        var (_, text) = Events("--type", "ASSAULT", "--status", "alleged", "--format", "jsonl");
        var ids = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => EventRecord.FromJson(l).Id);
        Assert.Equal(["e2"], ids);
        (_, text) = Events("--actor", "syr", "--from", "2017-10-05", "--to", "2017-10", "--format", "jsonl");
        Assert.Equal(["e2", "e3", "e7"], text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => EventRecord.FromJson(l).Id));
        (_, text) = Events("--kind", "comment", "--format", "jsonl");
        Assert.Equal(["e7"], text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => EventRecord.FromJson(l).Id));
        (_, text) = Events("--claimant", "turkey", "--format", "jsonl", "--limit", "5");
        Assert.Equal(["e2"], text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => EventRecord.FromJson(l).Id));
    }

    [Fact]
    public void Merged_table_shows_documents_claimants_and_disagreement()
    {
        var (rc, text) = Events("--merged");
        Assert.Equal(0, rc);
        Assert.Contains("   3/3 asserted/alleged/denied", text);
        Assert.Contains("5 merged events from 7 mentions", text);
        Assert.All(text.Split('\n'), l => Assert.True(l.Length <= 80));
    }

    [Theory]
    [InlineData("--type", "BOMB")]
    [InlineData("--status", "rumoured")]
    [InlineData("--from", "yesterday")]
    [InlineData("--kind", "tweet")]
    [InlineData("--format", "xml")]
    [InlineData("--bogus", "1")]
    public void Usage_mistakes_are_one_line_errors(string flag, string value)
    {
        var e = Assert.Throws<UsageException>(() => Events(flag, value));
        Assert.StartsWith("dyad events:", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(1, CliMain.Run(["events", flag, value, "--db", _db]));
    }

    [Fact]
    public void A_missing_database_is_named_in_one_line()
    {
        var e = Assert.Throws<UsageException>(() => EventsCommand.Run(["--db", "/nonexistent/x.db"], new StringWriter(), _ => _store));
        Assert.Contains("/nonexistent/x.db", e.Message);
        Assert.Equal(1, CliMain.Run(["actors", "--db", "/nonexistent/x.db"]));
    }

    [Fact]
    public void Help_exits_zero_for_every_output_command()
    {
        var w = new StringWriter();
        Assert.Equal(0, EventsCommand.Run(["--help"], w, _ => _store));
        Assert.Equal(0, ActorsCommand.Run(["--help"], w, _ => _store));
        Assert.Equal(0, GraphCommand.Run(["--help"], null, _ => _store, w));
        Assert.Equal(0, ReportCommand.Run(["--help"], _ => _store, w));
        Assert.Contains("--merged", w.ToString());
    }

    [Fact]
    public void Actors_counts_roles_and_mentions()
    {
        var w = new StringWriter();
        Assert.Equal(0, ActorsCommand.Run(["--db", _db, "--format", "csv"], w, _ => _store));
        var rows = Dyad.Outputs.Exports.Csv.Parse(w.ToString());
        var syr = rows.Single(r => r[0] == "SYRMIL");
        Assert.Equal(["0", "4", "1", "0"], syr[5..9]); // mentions, source, target, claimant
        var tur = rows.Single(r => r[0] == "TUR");
        Assert.Equal(["1", "0", "0", "1"], tur[5..9]);
        var brigade = rows.Single(r => r[0] == "unresolved:free hill brigade");
        Assert.Equal("2", brigade[5]);
        Assert.DoesNotContain(rows, r => r[0] == "unresolved:they");
    }

    [Fact]
    public void Unresolved_lists_unknown_names_by_frequency_with_a_sample_document()
    {
        var w = new StringWriter();
        Assert.Equal(0, ActorsCommand.Run(["--db", _db, "--unresolved"], w, _ => _store));
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("the Free Hill Brigade", lines[2]);
        Assert.Contains("Strike on the hill", lines[2]);
        Assert.Contains("Blue Lake Militia", lines[3]);
        Assert.DoesNotContain(lines, l => l.StartsWith("they"));
        Assert.Contains("2 unresolved names", lines[^1]);
    }

    [Fact]
    public void Graph_and_report_commands_write_their_files()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dyad-graph-" + Guid.NewGuid().ToString("N"));
        try
        {
            var log = new StringWriter();
            Assert.Equal(0, GraphCommand.Run(["--db", _db, "--format", "neo4j", "--out", dir], null, _ => _store, log));
            Assert.True(File.Exists(Path.Combine(dir, "nodes.csv")));
            Assert.True(File.Exists(Path.Combine(dir, "relationships.csv")));
            var ms = new MemoryStream();
            Assert.Equal(0, GraphCommand.Run(["--db", _db, "--format", "dot", "--merged"], ms, _ => _store, log));
            Assert.Contains("digraph", System.Text.Encoding.UTF8.GetString(ms.ToArray()));
            Assert.Throws<UsageException>(() => GraphCommand.Run(["--db", _db], null, _ => _store, log));
            Assert.Throws<UsageException>(() => GraphCommand.Run(["--db", _db, "--format", "neo4j"], null, _ => _store, log));
            string html = Path.Combine(dir, "r.html");
            Assert.Equal(0, ReportCommand.Run(["--db", _db, "--out", html, "--merged"], _ => _store, log));
            Assert.Contains("5 merged events from 7 mentions", File.ReadAllText(html));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
