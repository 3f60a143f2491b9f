using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Dyad.Pipeline;

namespace Dyad.Bench;

/// <summary>
/// Ingest benchmarks (reading + segmenting + storing).
/// <list type="bullet">
/// <item>`ingest-gen --out /tmp/dyad-ingest --mb 1024`: writes a synthetic page folder (.txt blog archives with
/// date lines and comment footers, .html pages with comment threads, .jsonl feeds; invented words) — never in the repo.</item>
/// <item>`ingest --input DIR [--jobs N] [--stop-after Segments|none] [--db FILE]`: runs the <see cref="Analyzer"/> in this
/// process into a fresh database and prints MB/s (wall), MB per CPU-second, documents/s and peak RSS (VmHWM).</item>
/// </list>
/// </summary>
public static class IngestBench
{
    [ModuleInitializer]
    internal static void Register()
    {
        Program.Throughput["ingest-gen"] = Generate;
        Program.Throughput["ingest"] = Run;
        Program.Throughput["ingest-parts"] = Parts;
    }

    /// <summary>`ingest-parts --input DIR [--limit-mb 100]`: single-threaded time of each ingest step, to see where the time goes.</summary>
    public static int Parts(string[] args)
    {
        string input = ExportBench.StrArg(args, "--input", "/tmp/dyad-ingest/000");
        long limit = (long)ExportBench.IntArg(args, "--limit-mb", 100) * 1_000_000;
        var reader = new Dyad.Documents.DocumentReader();
        var skipped = new List<Dyad.Documents.SkippedInput>();
        var items = new List<Dyad.Documents.InputItem>();
        long bytes = 0;
        foreach (var it in reader.Enumerate([input], skipped)) { if (bytes > limit) break; items.Add(it); bytes += it.Length; }
        var docs = new List<Dyad.Model.Document>();
        var sw = new CpuClock();
        foreach (var it in items) docs.AddRange(reader.Read(it, skipped));
        double read = sw.Seconds;
        sw.Restart();
        foreach (var d in docs) Dyad.Documents.DocumentReader.ContentId(d.Text);
        double hash = sw.Seconds;
        sw.Restart();
        foreach (var d in docs) d.SimHash = Dyad.Corpus.DocumentFingerprint.SimHash(d.Text);
        double simhash = sw.Seconds;
        var pipeline = DocumentPipeline.Create(new PipelineOptions { StopAfter = "Segments" });
        sw.Restart();
        foreach (var d in docs) pipeline.Process(d);
        double seg = sw.Seconds;
        string db = Path.Combine(Path.GetTempPath(), "dyad-bench-parts.db");
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        using var store = Dyad.Corpus.SqliteCorpusStore.Open(db);
        sw.Restart();
        for (int i = 0; i < docs.Count; i += 200) store.AddBatch(docs.GetRange(i, Math.Min(200, docs.Count - i)));
        double storeT = sw.Seconds;
        double mb = bytes / 1e6;
        Console.WriteLine($"ingest-parts {input}: {items.Count} inputs, {mb:0.0} MB, {docs.Count} documents, {skipped.Count} skipped");
        foreach (var (n, t) in new[] { ("read+decode+html", read), ("content hash", hash), ("simhash", simhash), ("segments stage", seg), ("store (AddBatch)", storeT) })
            Console.WriteLine($"  {n,-18} {t,7:0.000} s  {mb / t,8:0.0} MB/s");
        double total = read + hash + simhash + seg + storeT;
        Console.WriteLine($"  {"total",-18} {total,7:0.000} s  {mb / total,8:0.0} MB/s (one thread; CPU seconds, so other load on the machine does not count)");
        return 0;
    }

    public static int Run(string[] args)
    {
        string input = ExportBench.StrArg(args, "--input", "/tmp/dyad-ingest");
        int jobs = ExportBench.IntArg(args, "--jobs", Environment.ProcessorCount);
        string stop = ExportBench.StrArg(args, "--stop-after", "Segments");
        string db = ExportBench.StrArg(args, "--db", Path.Combine(Path.GetTempPath(), $"dyad-bench-ingest-j{jobs}.db"));
        if (!Directory.Exists(input) && !File.Exists(input)) { Console.Error.WriteLine($"ingest: no input at {input} (make one with ingest-gen)"); return 1; }
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        var options = new AnalyzerOptions { DatabasePath = db, Jobs = jobs, StopAfter = stop == "none" ? null : stop };
        var analyzer = new Analyzer(options);
        using var threads = new ThreadCpu();
        var s = analyzer.Run([input]);
        threads.Stop();
        double mb = s.BytesRead / 1e6;
        double wall = s.Elapsed.TotalSeconds, cpu = s.CpuTime.TotalSeconds;
        Console.WriteLine($"ingest {input}: stop after {stop}, --jobs {jobs}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  {s.InputsRead:N0} inputs, {mb:N1} MB, {s.DocumentsRead:N0} documents ({s.DocumentsAdded:N0} added, {s.NearDuplicates:N0} near-duplicates), " +
            $"{s.Segments:N0} segments, {s.Sentences:N0} sentences, {s.Events:N0} events, {s.Skipped.Count} skipped");
        Console.WriteLine($"  wall {wall:0.00} s → {mb / wall:0.0} MB/s, {s.DocumentsRead / wall:0.0} docs/s");
        Console.WriteLine($"  cpu  {cpu:0.00} s → {mb / cpu:0.0} MB per CPU-second (all threads: reader, {jobs} workers, writer)");
        Console.WriteLine($"  peak RSS {PeakRssMb():0} MB; database {new FileInfo(db).Length / 1e6:0} MB at {db}");
        Console.WriteLine($"  load average {LoadAverage()}");
        Console.WriteLine($"  CPU by thread: {threads.Summary()}");
        return 0;
    }

    /// <summary>Samples /proc/self/task/*/stat (utime + stime, by thread name) every 100 ms, so finished threads are counted too.</summary>
    private sealed class ThreadCpu : IDisposable
    {
        private readonly Dictionary<int, (string Name, long Ticks)> _seen = new();
        private readonly Thread _t;
        private volatile bool _stop;

        public ThreadCpu()
        {
            _t = new Thread(() => { while (!_stop) { Sample(); Thread.Sleep(100); } }) { IsBackground = true, Name = "bench-sampler" };
            _t.Start();
        }

        private void Sample()
        {
            try
            {
                foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
                {
                    string stat;
                    try { stat = File.ReadAllText(Path.Combine(dir, "stat")); } catch (IOException) { continue; }
                    int open = stat.IndexOf('('), close = stat.LastIndexOf(')');
                    if (open < 0 || close < 0) continue;
                    string name = stat[(open + 1)..close];
                    var f = stat[(close + 2)..].Split(' ');
                    long ticks = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
                    int tid = int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                    lock (_seen) _seen[tid] = (name, ticks);
                }
            }
            catch (IOException) { }
        }

        public void Stop() { _stop = true; _t.Join(); Sample(); }

        public string Summary()
        {
            lock (_seen)
                return string.Join(", ", _seen.Values.GroupBy(v => v.Name.StartsWith("dyad-worker", StringComparison.Ordinal) ? "dyad-worker-*" : v.Name)
                    .Select(g => (g.Key, Sec: g.Sum(x => x.Ticks) / 100.0)).Where(x => x.Sec >= 0.05).OrderByDescending(x => x.Sec)
                    .Select(x => $"{x.Key} {x.Sec:0.0} s"));
        }

        public void Dispose() => _stop = true;
    }

    /// <summary>Process CPU time since the last Restart (single-threaded sections: their own CPU use).</summary>
    private sealed class CpuClock
    {
        private TimeSpan _start = Process.GetCurrentProcess().TotalProcessorTime;
        public void Restart() => _start = Process.GetCurrentProcess().TotalProcessorTime;
        public double Seconds => (Process.GetCurrentProcess().TotalProcessorTime - _start).TotalSeconds;
    }

    public static double PeakRssMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { }
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    }

    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); } catch (IOException) { return "?"; }
    }

    private static readonly string[] Words =
    [
        "army", "village", "river", "council", "minister", "convoy", "border", "rebels", "talks", "ceasefire", "bridge", "market",
        "hospital", "school", "airport", "province", "governor", "militia", "envoy", "summit", "shelling", "patrol", "checkpoint",
        "refugees", "supplies", "aid", "report", "statement", "spokesman", "officials", "north", "south", "east", "west", "morning",
        "evening", "week", "month", "year", "crossed", "reached", "left", "blamed", "denied", "promised", "warned", "opened", "closed",
        "visited", "the", "a", "near", "after", "before", "with", "without", "over", "under", "against", "quiet", "heavy", "small",
        "large", "local", "foreign", "new", "old", "second", "third", "water", "roads", "fuel", "food", "power", "lines", "trucks",
        "boats", "planes", "radios", "of", "and", "to", "in", "that", "was", "were", "had", "said", "on", "by", "from",
    ];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static int Generate(string[] args)
    {
        string outDir = ExportBench.StrArg(args, "--out", "/tmp/dyad-ingest");
        long target = (long)ExportBench.IntArg(args, "--mb", 1024) * 1_000_000;
        int seed = ExportBench.IntArg(args, "--seed", 1);
        Directory.CreateDirectory(outDir);
        var rng = new Random(seed);
        long written = 0;
        int files = 0;
        var sw = Stopwatch.StartNew();
        var sb = new StringBuilder(1 << 20);
        while (written < target)
        {
            string sub = Path.Combine(outDir, (files / 1000).ToString("000", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            sb.Clear();
            string ext;
            switch (files % 10)
            {
                case < 5: ext = ".txt"; TextPage(sb, rng); break;
                case < 9: ext = ".html"; HtmlPage(sb, rng); break;
                default: ext = ".jsonl"; JsonlFeed(sb, rng); break;
            }
            string path = Path.Combine(sub, $"page-{files:000000}{ext}");
            File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
            written += new FileInfo(path).Length;
            files++;
        }
        Console.WriteLine($"ingest-gen: {files:N0} files, {written / 1e6:N0} MB in {outDir} ({sw.Elapsed.TotalSeconds:0.0} s)");
        return 0;
    }

    public static string Word(Random rng) => Words[rng.Next(Words.Length)];

    private static void Sentence(StringBuilder sb, Random rng)
    {
        int n = 8 + rng.Next(18);
        for (int i = 0; i < n; i++)
        {
            string w = Words[rng.Next(Words.Length)];
            if (i == 0) { sb.Append(char.ToUpperInvariant(w[0])).Append(w, 1, w.Length - 1); }
            else sb.Append(w);
            sb.Append(i == n - 1 ? ". " : rng.Next(12) == 0 ? ", " : " ");
        }
    }

    private static void Paragraph(StringBuilder sb, Random rng, int sentences)
    {
        for (int i = 0; i < sentences; i++) Sentence(sb, rng);
        sb.Length--;
    }

    private static string Date(Random rng, out int day, out int month, out int year)
    {
        year = 2014 + rng.Next(6); month = rng.Next(12); day = 1 + rng.Next(28);
        return $"{Months[month]} {day}, {year}";
    }

    /// <summary>A blog archive: several dated posts, each followed by a few reader comments with footers.</summary>
    private static void TextPage(StringBuilder sb, Random rng)
    {
        sb.Append("Monthly Archives: ").Append(Months[rng.Next(12)]).Append(' ').Append(2014 + rng.Next(6)).Append("\n\n");
        int posts = 3 + rng.Next(6);
        for (int p = 0; p < posts; p++)
        {
            Paragraph(sb, rng, 1); sb.Length -= 1; sb.Append("\n\n"); // headline-ish line
            sb.Append(Date(rng, out _, out _, out _)).Append(" at ").Append(1 + rng.Next(12)).Append(':').Append(rng.Next(60).ToString("00", CultureInfo.InvariantCulture)).Append(" pm\n\n");
            int paras = 4 + rng.Next(10);
            for (int i = 0; i < paras; i++) { Paragraph(sb, rng, 2 + rng.Next(5)); sb.Append("\n\n"); }
            int comments = rng.Next(8);
            for (int c = 1; c <= comments; c++)
            {
                Paragraph(sb, rng, 1 + rng.Next(3));
                string d = Date(rng, out _, out int month, out int year);
                sb.Append("\n\nPosted by: reader").Append(rng.Next(500)).Append(" | ").Append(Months[month][..3]).Append(' ').Append(1 + rng.Next(28)).Append(", ").Append(year)
                  .Append(' ').Append(1 + rng.Next(12)).Append(":12:07 AM | ").Append(c).Append("\n\n");
                _ = d;
            }
        }
    }

    private static void HtmlPage(StringBuilder sb, Random rng)
    {
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>");
        Paragraph(sb, rng, 1);
        sb.Append("</title><meta property=\"article:published_time\" content=\"").Append(2014 + rng.Next(6)).Append("-0").Append(1 + rng.Next(9)).Append("-1").Append(rng.Next(10)).Append("\">");
        sb.Append("<style>body{font-family:sans-serif}</style><script>var x = 1;</script></head><body>");
        sb.Append("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/about\">About</a></li></ul></nav>");
        sb.Append("<article><h1>"); Paragraph(sb, rng, 1); sb.Append("</h1><time datetime=\"2017-10-05\">").Append(Date(rng, out _, out _, out _)).Append("</time>");
        int paras = 8 + rng.Next(25);
        for (int i = 0; i < paras; i++) { sb.Append("<p>"); Paragraph(sb, rng, 2 + rng.Next(5)); sb.Append("</p>\n"); }
        sb.Append("</article><aside><h3>Related</h3><p>More stories</p></aside><div id=\"comments\" class=\"comments\">");
        int comments = rng.Next(15);
        for (int c = 1; c <= comments; c++)
        {
            sb.Append("<div class=\"comment\"><span class=\"comment-author\">reader").Append(rng.Next(500)).Append("</span><time datetime=\"2017-10-0").Append(1 + rng.Next(9)).Append("\">")
              .Append(Date(rng, out _, out _, out _)).Append("</time><p>");
            Paragraph(sb, rng, 1 + rng.Next(4));
            sb.Append("</p></div>\n");
        }
        sb.Append("</div><footer><p>Copyright. All rights reserved.</p></footer></body></html>\n");
    }

    private static void JsonlFeed(StringBuilder sb, Random rng)
    {
        int docs = 20 + rng.Next(40);
        var para = new StringBuilder();
        for (int d = 0; d < docs; d++)
        {
            para.Clear();
            int paras = 3 + rng.Next(8);
            for (int i = 0; i < paras; i++) { Paragraph(para, rng, 2 + rng.Next(5)); para.Append("\\n\\n"); }
            sb.Append("{\"url\":\"https://example.org/feed/").Append(rng.Next()).Append("\",\"title\":\"");
            Paragraph(sb, rng, 1);
            sb.Append("\",\"published\":\"20").Append(14 + rng.Next(6)).Append("-1").Append(rng.Next(3)).Append("-0").Append(1 + rng.Next(9)).Append("\",\"text\":\"").Append(para).Append("\"}\n");
        }
    }
}
