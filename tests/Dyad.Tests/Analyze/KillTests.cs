using System.Diagnostics;
using Dyad.Corpus;
using Microsoft.Data.Sqlite;
using Xunit;
using static Dyad.Tests.Corpus.CorpusTestData;

namespace Dyad.Tests.Analyze;

public class KillTests
{
    private const int Pages = 1200;

    /// <summary>
    /// Starts the real CLI on many pages, kills it with SIGKILL once some batches are committed,
    /// checks the database is consistent (whole documents only), reruns, and checks every page is
    /// stored exactly once.
    /// </summary>
    [Fact]
    public void Killed_run_leaves_a_consistent_database_and_a_rerun_finishes_exactly()
    {
        string dir = CliProcess.TempDir("kill");
        string pages = Path.Combine(dir, "pages");
        for (int f = 0; f < Pages / 100; f++)
        {
            string sub = Path.Combine(pages, $"part{f:D2}");
            Directory.CreateDirectory(sub);
            for (int i = 0; i < 100; i++)
                File.WriteAllText(Path.Combine(sub, $"page{i:D3}.txt"), RandomPage(10_000 + f * 100 + i, sentences: 8));
        }
        string db = Path.Combine(dir, "c.db");

        // Small batches and one job: the run commits early and often, so the kill lands midway.
        using (var p = Process.Start(CliProcess.StartInfo(dir, "analyze", "pages", "--db", db, "--jobs", "1", "--batch", "10"))!)
        {
            p.StandardInput.Close();
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            long stored = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(60) && !p.HasExited)
            {
                stored = CountDocuments(db);
                if (stored >= 30) break;
                Thread.Sleep(5);
            }
            Assert.False(p.HasExited, $"the run finished (or failed) before it could be killed; {stored} documents stored");
            p.Kill(entireProcessTree: true); // SIGKILL on Unix
            p.WaitForExit();
        }

        int afterKill;
        using (var store = SqliteCorpusStore.Open(db))
        {
            Assert.Empty(store.CheckConsistency());
            afterKill = store.Stats().Documents;
            Assert.InRange(afterKill, 30, Pages - 1);
            foreach (var d in store.Documents())
                Assert.True(d.Segments > 0, $"{d.Path} has no segments");
        }

        var rerun = CliProcess.Run(dir, "analyze", "pages", "--db", db, "--jobs", "2");
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{Pages - afterKill:N0} added, {afterKill:N0} already stored", rerun.Stdout.Replace(",", ","));
        using (var store = SqliteCorpusStore.Open(db))
        {
            Assert.Empty(store.CheckConsistency());
            Assert.Equal(Pages, store.Stats().Documents);
            Assert.Equal(Pages, store.Documents().Select(d => d.Path).Distinct().Count());
        }
    }

    private static long CountDocuments(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM documents";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created or not migrated yet
        }
    }
}
