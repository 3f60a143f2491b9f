using Dyad.Corpus;
using Dyad.Documents;
using Dyad.Pipeline;
using Xunit;
using static Dyad.Tests.Corpus.CorpusTestData;

namespace Dyad.Tests.Analyze;

public class AnalyzerTests
{
    private static string Folder(string name, int pages, int firstSeed = 0)
    {
        string dir = CliProcess.TempDir(name);
        for (int i = 0; i < pages; i++)
            File.WriteAllText(Path.Combine(dir, $"page{i:D3}.txt"), RandomPage(firstSeed + i));
        return dir;
    }

    [Fact]
    public void Analyzing_the_same_input_twice_adds_nothing()
    {
        string dir = Folder("twice", 6);
        File.Copy(Path.Combine(dir, "page000.txt"), Path.Combine(dir, "copy-of-page000.txt"));
        string db = Path.Combine(dir, "corpus.db");
        var first = new Analyzer(new AnalyzerOptions { DatabasePath = db, Jobs = 2 }).Run([dir]);
        Assert.Equal(7, first.InputsRead);
        Assert.Equal(6, first.DocumentsAdded);
        Assert.Equal(1, first.AlreadyStored);
        Assert.Equal(0, first.ExitCode);
        CorpusStats before;
        using (var store = SqliteCorpusStore.Open(db)) before = store.Stats();

        var second = new Analyzer(new AnalyzerOptions { DatabasePath = db, Jobs = 2 }).Run([dir]);
        Assert.Equal(0, second.DocumentsAdded);
        Assert.Equal(7, second.AlreadyStored);
        Assert.Equal(0, second.Segments);
        Assert.Equal(0, second.ExitCode);
        using (var store = SqliteCorpusStore.Open(db))
        {
            var after = store.Stats();
            Assert.Equal(6, after.Documents);
            Assert.Equal(before.Segments, after.Segments);
            Assert.Equal(before.Sentences, after.Sentences);
            Assert.Equal(before.Events, after.Events);
            // The copy is findable by its own path too.
            Assert.Equal(store.FindDocument("page000.txt")!.Id, store.FindDocument("copy-of-page000.txt")!.Id);
        }
    }

    [Fact]
    public void Summary_counts_segments_and_sentences_of_added_documents()
    {
        string dir = Folder("summary", 4, firstSeed: 50);
        string db = Path.Combine(dir, "corpus.db");
        var s = new Analyzer(new AnalyzerOptions { DatabasePath = db, Jobs = 1 }).Run([dir]);
        using var store = SqliteCorpusStore.Open(db);
        var st = store.Stats();
        Assert.Equal(4, s.DocumentsAdded);
        Assert.Equal(st.Segments, s.Segments);
        Assert.Equal(st.Sentences, s.Sentences);
        Assert.Equal(st.Segments, s.SegmentsByKind.Values.Sum());
        Assert.Equal(st.Segments, s.SegmentsByLanguage.Values.Sum());
        Assert.True(s.Segments >= 4);
        Assert.Equal(4, s.CorpusDocuments);
        Assert.True(s.BytesRead > 0);
    }

    [Fact]
    public void Many_small_batches_store_every_document_once()
    {
        string dir = Folder("batches", 40, firstSeed: 200);
        string db = Path.Combine(dir, "corpus.db");
        var s = new Analyzer(new AnalyzerOptions { DatabasePath = db, Jobs = 2, BatchDocuments = 3 }).Run([dir]);
        Assert.Equal(40, s.DocumentsAdded);
        using var store = SqliteCorpusStore.Open(db);
        Assert.Equal(40, store.Stats().Documents);
        Assert.Empty(store.CheckConsistency());
    }

    [Theory]
    [InlineData(1)] // the only worker commits its own batches
    [InlineData(3)] // workers hand chunks to the writer thread
    public void One_worker_and_many_store_the_same_documents_and_segments(int jobs)
    {
        string dir = Folder($"jobs{jobs}", 30, firstSeed: 400);
        File.WriteAllText(Path.Combine(dir, "feed.jsonl"), string.Join("\n",
            Enumerable.Range(0, 25).Select(i => System.Text.Json.JsonSerializer.Serialize(new { text = RandomPage(500 + i) }))));
        string db = Path.Combine(dir, "corpus.db");
        var s = new Analyzer(new AnalyzerOptions { DatabasePath = db, Jobs = jobs, BatchDocuments = 7 }).Run([dir]);
        Assert.Equal(55, s.DocumentsAdded);
        using var store = SqliteCorpusStore.Open(db);
        Assert.Empty(store.CheckConsistency());
        var st = store.Stats();
        Assert.Equal(55, st.Documents);
        Assert.Equal(s.Segments, st.Segments);
        // The same pages give the same segments whatever the number of workers.
        string reference = Path.Combine(CliProcess.TempDir($"jobs{jobs}-ref"), "ref.db");
        new Analyzer(new AnalyzerOptions { DatabasePath = reference, Jobs = 2 }).Run([dir]);
        using var refStore = SqliteCorpusStore.Open(reference);
        Assert.Equal(refStore.Stats().Segments, st.Segments);
        Assert.Equal(refStore.Stats().Sentences, st.Sentences);
    }

    [Fact]
    public void Missing_path_is_skipped_and_the_rest_is_stored()
    {
        string dir = Folder("missing", 2, firstSeed: 300);
        string db = Path.Combine(dir, "corpus.db");
        var skippedNow = new List<SkippedInput>();
        var analyzer = new Analyzer(new AnalyzerOptions { DatabasePath = db }) { InputSkipped = s => { lock (skippedNow) skippedNow.Add(s); } };
        string missing = Path.Combine(dir, "no-such-page.txt");
        var summary = analyzer.Run([dir, missing]);
        Assert.Equal(2, summary.DocumentsAdded);
        var sk = Assert.Single(summary.Skipped);
        Assert.Equal(missing, sk.Path);
        Assert.Equal(sk, Assert.Single(skippedNow));
        Assert.Equal(2, summary.ExitCode);
    }

    [Fact]
    public void Nothing_readable_gives_exit_code_1()
    {
        string dir = CliProcess.TempDir("nothing");
        var summary = new Analyzer(new AnalyzerOptions { DatabasePath = Path.Combine(dir, "c.db") }).Run([Path.Combine(dir, "absent.txt")]);
        Assert.Equal(0, summary.InputsRead);
        Assert.Equal(1, summary.ExitCode);
    }

    [Fact]
    public void Unwritable_database_fails_before_reading()
    {
        string dir = Folder("unwritable", 1, firstSeed: 400);
        var e = Assert.Throws<CorpusException>(() =>
            new Analyzer(new AnalyzerOptions { DatabasePath = Path.Combine(dir, "missing", "c.db") }).Run([dir]));
        Assert.Contains(Path.Combine(dir, "missing", "c.db"), e.Message);
    }
}
