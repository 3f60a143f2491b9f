using System.Text;
using Dyad.Corpus;
using Xunit;
using static Dyad.Tests.Corpus.CorpusTestData;

namespace Dyad.Tests.Analyze;

/// <summary>
/// Bad inputs at the `dyad analyze` level: each one is one clear line on stderr naming the file,
/// is listed in the summary, and does not stop the rest of the batch or lose what is stored.
/// </summary>
public class BadInputTests
{
    private static string BadFolder(out string dir)
    {
        dir = CliProcess.TempDir("bad-input");
        string pages = Path.Combine(dir, "pages");
        Directory.CreateDirectory(pages);
        File.WriteAllText(Path.Combine(pages, "good-1.txt"), RandomPage(21));
        File.WriteAllText(Path.Combine(pages, "good-2.txt"), RandomPage(22));
        File.WriteAllBytes(Path.Combine(pages, "empty.txt"), []);
        var binary = new byte[2048];
        new Random(5).NextBytes(binary);
        binary[10] = 0; binary[100] = 0; binary[500] = 0;
        File.WriteAllBytes(Path.Combine(pages, "binary.txt"), binary);
        File.WriteAllText(Path.Combine(pages, "huge.txt"), RandomPage(23, sentences: 400));
        File.WriteAllText(Path.Combine(pages, "report.docx"), "not really a word file");
        var jsonl = new StringBuilder();
        jsonl.Append("{\"text\": \"").Append(RandomPage(24).Replace("\n", " ")).Append("\", \"url\": \"https://example.org/a\"}\n");
        jsonl.Append("{\"text\": \"this line is broken\n");
        jsonl.Append("{\"text\": \"").Append(RandomPage(25).Replace("\n", " ")).Append("\", \"url\": \"https://example.org/b\"}\n");
        File.WriteAllText(Path.Combine(pages, "feed.jsonl"), jsonl.ToString());
        return pages;
    }

    [Fact]
    public void Each_bad_input_is_one_line_and_the_rest_is_stored()
    {
        BadFolder(out string dir);
        // Something stored before must survive a batch with bad inputs.
        File.WriteAllText(Path.Combine(dir, "earlier.txt"), RandomPage(20));
        Assert.Equal(0, CliProcess.Run(dir, "analyze", "earlier.txt", "--db", "c.db").ExitCode);

        var r = CliProcess.Run(dir, "analyze", "pages", "missing-folder", "--db", "c.db", "--max-bytes", "8KB");
        Assert.Equal(2, r.ExitCode);
        string[] errors = Problems(r);
        string Line(string name) => Assert.Single(errors, l => l.Contains(name));
        Line("empty.txt");
        Line("binary.txt");
        Assert.Contains("8", Line("huge.txt"));
        Line("report.docx");
        Assert.Matches(@"feed\.jsonl.*\b2\b", Line("feed.jsonl"));
        Line("missing-folder");
        Assert.Equal(6, errors.Length);
        Assert.DoesNotContain("   at ", r.Stderr);
        foreach (var name in new[] { "empty.txt", "binary.txt", "huge.txt", "report.docx", "feed.jsonl", "missing-folder" })
            Assert.Contains(name, r.Stdout);

        using var store = SqliteCorpusStore.Open(Path.Combine(dir, "c.db"));
        Assert.Equal(5, store.Stats().Documents); // earlier + 2 pages + 2 good JSONL lines
        Assert.NotNull(store.FindDocument("earlier.txt"));
        Assert.NotNull(store.FindDocument("good-2.txt"));
        Assert.NotNull(store.FindDocument("https://example.org/b"));
    }

    [Fact]
    public void Only_bad_inputs_give_exit_code_1()
    {
        string dir = CliProcess.TempDir("all-bad");
        File.WriteAllBytes(Path.Combine(dir, "empty.txt"), []);
        File.WriteAllText(Path.Combine(dir, "notes.pdf"), "%PDF-1.4");
        var r = CliProcess.Run(dir, "analyze", "empty.txt", "notes.pdf", "--db", "c.db");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(2, Problems(r).Length);
    }

    /// <summary>stderr without the periodic progress lines a slow (loaded) machine prints.</summary>
    private static string[] Problems(CliProcess.Result r) =>
        r.ErrorLines.Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @"^dyad analyze: [\d,]+ documents \(")).ToArray();
}
