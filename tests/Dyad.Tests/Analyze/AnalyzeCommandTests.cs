using System.Diagnostics;
using Dyad.Corpus;
using Xunit;
using static Dyad.Tests.Corpus.CorpusTestData;

namespace Dyad.Tests.Analyze;

/// <summary>The real `dyad analyze` and `dyad show` as a user runs them (child processes).</summary>
public class AnalyzeCommandTests
{
    [Fact]
    public void Analyze_prints_a_summary_and_show_finds_the_page()
    {
        string dir = CliProcess.TempDir("cli");
        Directory.CreateDirectory(Path.Combine(dir, "pages"));
        File.WriteAllText(Path.Combine(dir, "pages", "first.txt"), RandomPage(1));
        File.WriteAllText(Path.Combine(dir, "pages", "second.txt"), RandomPage(2));
        var r = CliProcess.Run(dir, "analyze", "pages", "--db", "c.db", "--jobs", "2");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("2 added", r.Stdout);
        Assert.Contains("sentences", r.Stdout);
        Assert.Equal("", r.ErrorsWithoutProgress);

        var again = CliProcess.Run(dir, "analyze", "pages", "--db", "c.db");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 added, 2 already stored", again.Stdout);

        var text = CliProcess.Run(dir, "show", "first.txt", "--db", "c.db", "--text");
        Assert.Equal(0, text.ExitCode);
        Assert.Equal(RandomPage(1), text.Stdout);

        var segs = CliProcess.Run(dir, "show", "pages/second.txt", "--db", "c.db", "--segments", "--format", "jsonl");
        Assert.Equal(0, segs.ExitCode);
        var lines = segs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        using var json = System.Text.Json.JsonDocument.Parse(lines[0]);
        foreach (var field in new[] { "kind", "language", "author", "number", "date", "copies", "first_words", "start", "end" })
            Assert.True(json.RootElement.TryGetProperty(field, out _), field);

        var table = CliProcess.Run(dir, "show", "second.txt", "--db", "c.db", "--segments");
        Assert.All(table.Stdout.Split('\n'), l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));

        var header = CliProcess.Run(dir, "show", "second.txt", "--db", "c.db");
        Assert.Contains("copies", header.Stdout);
        Assert.Contains("segments", header.Stdout);
    }

    [Fact]
    public void Stop_after_runs_only_the_first_stages_and_names_bad_stages()
    {
        string dir = CliProcess.TempDir("stop-after");
        File.WriteAllText(Path.Combine(dir, "a.txt"), RandomPage(11));
        var r = CliProcess.Run(dir, "analyze", "a.txt", "--db", "c.db", "--stop-after", "segments");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("1 added", r.Stdout);
        using (var store = SqliteCorpusStore.Open(Path.Combine(dir, "c.db")))
        {
            var doc = store.LoadDocument("a.txt")!;
            Assert.NotEmpty(doc.Segments);
            Assert.All(doc.Segments.SelectMany(s => s.Sentences), s => Assert.All(s.Tokens, t => Assert.Null(t.Upos))); // no Syntax stage ran
            Assert.Empty(doc.Events);
        }
        var bad = CliProcess.Run(dir, "analyze", "a.txt", "--db", "d.db", "--stop-after", "Parsing");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--stop-after", Assert.Single(bad.ErrorLines));
        Assert.False(File.Exists(Path.Combine(dir, "d.db")));
    }

    [Fact]
    public void Show_of_an_unknown_document_is_one_line_and_exit_1()
    {
        string dir = CliProcess.TempDir("show-missing");
        File.WriteAllText(Path.Combine(dir, "a.txt"), RandomPage(3));
        Assert.Equal(0, CliProcess.Run(dir, "analyze", "a.txt", "--db", "c.db").ExitCode);
        var r = CliProcess.Run(dir, "show", "zzz.txt", "--db", "c.db");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("zzz.txt", Assert.Single(r.ErrorLines));
        var nodb = CliProcess.Run(dir, "show", "a.txt", "--db", "absent.db");
        Assert.Equal(1, nodb.ExitCode);
        Assert.Contains("absent.db", Assert.Single(nodb.ErrorLines));
        Assert.False(File.Exists(Path.Combine(dir, "absent.db")));
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("missing-folder")]
    [InlineData("not-a-database")]
    public void Unwritable_db_is_one_clear_line_and_exit_1(string kind)
    {
        string dir = CliProcess.TempDir("baddb");
        File.WriteAllText(Path.Combine(dir, "a.txt"), RandomPage(4));
        string db = kind switch
        {
            "folder" => dir,
            "missing-folder" => Path.Combine(dir, "nope", "c.db"),
            _ => Path.Combine(dir, "a.txt"),
        };
        var r = CliProcess.Run(dir, "analyze", "a.txt", "--db", db);
        Assert.Equal(1, r.ExitCode);
        string line = Assert.Single(r.ErrorLines);
        Assert.Contains(db, line);
        Assert.DoesNotContain(" at ", r.Stderr.Replace(db, ""));
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Missing_input_is_reported_and_the_rest_continues_with_exit_2()
    {
        string dir = CliProcess.TempDir("missing-input");
        File.WriteAllText(Path.Combine(dir, "a.txt"), RandomPage(5));
        var r = CliProcess.Run(dir, "analyze", "a.txt", "gone.txt", "--db", "c.db");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("gone.txt", Assert.Single(r.ErrorLines));
        Assert.Contains("1 added", r.Stdout);
        Assert.Contains("gone.txt: ", r.Stdout);

        var none = CliProcess.Run(dir, "analyze", "gone.txt", "--db", "c.db");
        Assert.Equal(1, none.ExitCode);
        using var store = SqliteCorpusStore.Open(Path.Combine(dir, "c.db"));
        Assert.Equal(1, store.Stats().Documents); // nothing already stored is lost
    }

    [Fact]
    public void Usage_errors_are_one_line_and_exit_1()
    {
        string dir = CliProcess.TempDir("usage");
        var noPath = CliProcess.Run(dir, "analyze");
        Assert.Equal(1, noPath.ExitCode);
        Assert.Single(noPath.ErrorLines);
        var badJobs = CliProcess.Run(dir, "analyze", "x", "--jobs", "many");
        Assert.Equal(1, badJobs.ExitCode);
        Assert.Contains("--jobs", Assert.Single(badJobs.ErrorLines));
        var help = CliProcess.Run(dir, "analyze", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--max-bytes", help.Stdout);
        Assert.Contains("exit codes", help.Stdout);
    }

    [Fact]
    public void Stdin_is_an_input()
    {
        string dir = CliProcess.TempDir("stdin");
        var r = CliProcess.RunWithInput(dir, RandomPage(6), "analyze", "-", "--db", "c.db");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("1 added", r.Stdout);
    }
}
