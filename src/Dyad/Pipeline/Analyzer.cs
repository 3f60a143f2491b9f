using System.Collections.Concurrent;
using System.Diagnostics;
using Dyad.Corpus;
using Dyad.Documents;
using Dyad.Model;
using Microsoft.Data.Sqlite;

namespace Dyad.Pipeline;

/// <summary>Options of <see cref="Analyzer"/> (what <c>dyad analyze</c>'s flags set).</summary>
public sealed class AnalyzerOptions
{
    public string DatabasePath { get; set; } = "dyad.db";
    /// <summary>Worker threads that read and analyse documents. With more than one, one more thread
    /// writes the store; with one, that worker commits its own batches, so the run uses one core.</summary>
    public int Jobs { get; set; } = Environment.ProcessorCount;
    public string Lang { get; set; } = "auto";
    public List<string> DictFiles { get; } = new();
    public long MaxBytes { get; set; } = 20L << 20;
    /// <summary>Stop the pipeline after this stage (benchmarks): Segments, Text, Syntax, Actors, Events.</summary>
    public string? StopAfter { get; set; }
    /// <summary>A store transaction holds at most this many documents…</summary>
    public int BatchDocuments { get; set; } = 200;
    /// <summary>…or this much text (UTF-16 chars × 2), whichever comes first.</summary>
    public long BatchBytes { get; set; } = 8L << 20;
    /// <summary>A partial batch is committed after this long, so a slow run keeps its work.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    public PipelineOptions ToPipelineOptions()
    {
        var p = new PipelineOptions { Lang = Lang, StopAfter = StopAfter };
        p.DictFiles.AddRange(DictFiles);
        return p;
    }
}

/// <summary>A snapshot of a running analysis, reported a few times a second.</summary>
public sealed record AnalyzeProgress(long BytesRead, long BytesTotal, int InputsRead, int DocumentsDone, int DocumentsAdded)
{
    /// <summary>BytesTotal is -1 until known (see <see cref="Analyzer.MeasureInputs"/>).</summary>
    public double? Fraction => BytesTotal > 0 ? Math.Min(1.0, (double)BytesRead / BytesTotal) : null;
}

/// <summary>What one <see cref="Analyzer.Run(IReadOnlyList{string})"/> did.</summary>
public sealed class AnalyzeSummary
{
    /// <summary>Inputs (files, stdin) that were read, whether or not their documents were new.</summary>
    public int InputsRead { get; set; }
    public long BytesRead { get; set; }
    public int DocumentsRead { get; set; }
    public int DocumentsAdded { get; set; }
    public int AlreadyStored { get; set; }
    public int NearDuplicates { get; set; }
    /// <summary>Counts over the documents added by this run.</summary>
    public int Segments { get; set; }
    public int Sentences { get; set; }
    public int Events { get; set; }
    public Dictionary<string, int> SegmentsByKind { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> SegmentsByLanguage { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> EventsByType { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> EventsByStatus { get; } = new(StringComparer.Ordinal);
    public List<SkippedInput> Skipped { get; } = new();
    /// <summary>Documents in the corpus after the run.</summary>
    public int CorpusDocuments { get; set; }
    public TimeSpan Elapsed { get; set; }
    public TimeSpan CpuTime { get; set; }

    /// <summary>0: every input processed; 2: finished but some inputs skipped; 1: nothing processed.</summary>
    public int ExitCode => InputsRead == 0 ? 1 : Skipped.Count > 0 ? 2 : 0;
}

/// <summary>
/// <c>dyad analyze</c> as a library call: streams inputs through the pipeline into the store.
/// <para>
/// One thread enumerates inputs; <see cref="AnalyzerOptions.Jobs"/> workers read them, drop
/// documents whose content hash is already stored (before the expensive stages), and run the
/// pipeline; one writer thread commits batches (with a single worker, the worker commits them
/// itself). Workers hand analysed documents over in small chunks, not one by one, so the writer
/// wakes once per chunk. All queues are bounded, so memory does not grow with the corpus. Each
/// batch is one transaction: a killed run leaves whole documents, and a rerun skips what was
/// stored and finishes the rest.
/// </para>
/// </summary>
public sealed class Analyzer
{
    private readonly AnalyzerOptions _options;

    /// <summary>Called (from any thread) as soon as an input is skipped.</summary>
    public Action<SkippedInput>? InputSkipped { get; set; }
    /// <summary>Called from the thread that commits (the writer, or the only worker) about four times a second and at the end.</summary>
    public Action<AnalyzeProgress>? Progress { get; set; }
    /// <summary>Total input bytes, if the caller measured them (for a progress bar); -1 otherwise.</summary>
    public long BytesTotal { get; set; } = -1;

    public Analyzer(AnalyzerOptions options) => _options = options;

    /// <summary>Sums the sizes of the inputs (a directory walk, no reading).</summary>
    public long MeasureInputs(IEnumerable<string> paths)
    {
        long total = 0;
        var ignored = new List<SkippedInput>();
        foreach (var item in new DocumentReader { MaxBytes = _options.MaxBytes }.Enumerate(paths, ignored))
            if (item.Length > 0) total += item.Length;
        return total;
    }

    /// <summary>Opens the store at <see cref="AnalyzerOptions.DatabasePath"/> and analyses the inputs
    /// into it. A store that cannot be opened or written throws <see cref="CorpusException"/>.</summary>
    public AnalyzeSummary Run(IReadOnlyList<string> paths)
    {
        using var store = SqliteCorpusStore.Open(_options.DatabasePath);
        return Run(paths, store);
    }

    public AnalyzeSummary Run(IReadOnlyList<string> paths, ICorpusStore store)
    {
        var run = new RunState(this, store, paths);
        return run.Execute();
    }

    private sealed class RunState
    {
        private readonly Analyzer _a;
        private readonly AnalyzerOptions _o;
        private readonly ICorpusStore _store;
        private readonly IReadOnlyList<string> _paths;
        private readonly DocumentReader _reader;
        private readonly DocumentPipeline _pipeline;
        private readonly BlockingCollection<InputItem> _items;
        private readonly BlockingCollection<Document> _docs;
        private readonly BlockingCollection<List<Document>> _done;
        private readonly Committer _committer;
        private readonly bool _inline;
        private readonly ConcurrentQueue<DocumentAlias> _aliases = new();
        private List<DocumentAlias> _pendingAliases = new();
        private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _cancel = new();
        private readonly AnalyzeSummary _summary = new();
        private readonly object _skipLock = new();
        private Exception? _fatal;
        private long _bytesRead;
        private int _inputsRead, _docsRead, _alreadyStored;

        public RunState(Analyzer a, ICorpusStore store, IReadOnlyList<string> paths)
        {
            _a = a;
            _o = a._options;
            _store = store;
            _paths = paths;
            _reader = new DocumentReader { MaxBytes = _o.MaxBytes };
            _pipeline = DocumentPipeline.Create(_o.ToPipelineOptions());
            int jobs = Math.Max(1, _o.Jobs);
            _items = new BlockingCollection<InputItem>(256);
            _docs = new BlockingCollection<Document>(jobs * 2);
            _done = new BlockingCollection<List<Document>>(Math.Max(2, jobs));
            _committer = new Committer(this);
            _inline = jobs == 1;
        }

        public AnalyzeSummary Execute()
        {
            var clock = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            int jobs = Math.Max(1, _o.Jobs);
            var enumerator = Start("dyad-enumerate", Enumerate);
            var workers = new Thread[jobs];
            int running = jobs;
            for (int i = 0; i < jobs; i++)
                workers[i] = Start($"dyad-worker-{i}", () =>
                {
                    try { Work(); }
                    finally { if (Interlocked.Decrement(ref running) == 0) _done.CompleteAdding(); }
                });
            try
            {
                if (_inline) { foreach (var w in workers) w.Join(); _committer.Finish(); }
                else WriteLoop();
            }
            catch (Exception e)
            {
                Fail(e);
            }
            _cancel.Cancel();
            enumerator.Join();
            foreach (var w in workers) w.Join();
            if (_fatal != null)
            {
                if (_fatal is CorpusException) throw _fatal;
                throw new InvalidOperationException("analysis failed: " + _fatal.Message, _fatal);
            }

            ReportProgress();
            _summary.InputsRead = _inputsRead;
            _summary.BytesRead = Interlocked.Read(ref _bytesRead);
            _summary.DocumentsRead = _docsRead;
            _summary.AlreadyStored += _alreadyStored;
            _summary.CorpusDocuments = _store.Stats().Documents;
            _summary.Elapsed = clock.Elapsed;
            _summary.CpuTime = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            return _summary;
        }

        private Thread Start(string name, Action body)
        {
            var t = new Thread(() =>
            {
                try { body(); }
                catch (OperationCanceledException) when (_cancel.IsCancellationRequested) { }
                catch (Exception e) { Fail(e); }
            }) { IsBackground = true, Name = name };
            t.Start();
            return t;
        }

        private void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref _fatal, e, null);
            _cancel.Cancel();
        }

        private void Skip(SkippedInput s)
        {
            lock (_skipLock) _summary.Skipped.Add(s);
            _a.InputSkipped?.Invoke(s);
        }

        private void Enumerate()
        {
            var skipped = new List<SkippedInput>();
            int reported = 0;
            // The database may live inside an input folder; never read it (or its WAL) as input.
            var own = new HashSet<string>(StringComparer.Ordinal);
            if (_store is SqliteCorpusStore sq)
            {
                string full = Path.GetFullPath(sq.DatabasePath);
                foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) own.Add(full + suffix);
            }
            try
            {
                foreach (var item in _reader.Enumerate(_paths, skipped))
                {
                    while (reported < skipped.Count) Skip(skipped[reported++]);
                    if (!item.IsStdin && own.Count > 0 && own.Contains(Path.GetFullPath(item.Path))) continue;
                    _items.Add(item, _cancel.Token);
                }
                while (reported < skipped.Count) Skip(skipped[reported++]);
            }
            finally
            {
                _items.CompleteAdding();
            }
        }

        /// <summary>The analysed documents a worker has not handed over yet.</summary>
        private sealed class Chunk
        {
            public const int MaxDocuments = 32;
            public const long MaxChars = 256 << 10;
            public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(250);
            public List<Document> Docs = new();
            public long Chars;
            public readonly Stopwatch Age = new();
        }

        [ThreadStatic] private static Chunk? t_chunk;

        private void Work()
        {
            var ct = _cancel.Token;
            var skipped = new List<SkippedInput>();
            t_chunk = new Chunk();
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    // Documents waiting (e.g. lines of a big JSONL file another worker is reading) come first.
                    if (_docs.TryTake(out var queued)) { Analyse(queued); continue; }
                    if (_items.TryTake(out var item, 0)) { ReadItem(item, skipped); continue; }
                    // Nothing to do right now: hand over what is done before waiting.
                    HandOver(t_chunk);
                    if (_inline) _committer.Tick();
                    if (_items.TryTake(out item, 20, ct)) { ReadItem(item, skipped); continue; }
                    if (_items.IsCompleted && _docs.Count == 0) break;
                }
                if (!ct.IsCancellationRequested) HandOver(t_chunk);
            }
            finally
            {
                t_chunk = null;
            }
        }

        private void HandOver(Chunk chunk)
        {
            if (chunk.Docs.Count == 0) return;
            _done.Add(chunk.Docs, _cancel.Token);
            chunk.Docs = new List<Document>();
            chunk.Chars = 0;
            chunk.Age.Reset();
        }

        private void ReadItem(InputItem item, List<SkippedInput> skipped)
        {
            skipped.Clear();
            int docs = 0;
            long chars = 0;
            bool itemRefused = false;
            try
            {
                foreach (var doc in _reader.Read(item, skipped))
                {
                    _cancel.Token.ThrowIfCancellationRequested();
                    itemRefused |= ReportSkipped(skipped, item);
                    docs++;
                    chars += doc.Text.Length;
                    Interlocked.Increment(ref _docsRead);
                    if (string.IsNullOrEmpty(doc.Id)) doc.Id = DocumentReader.ContentId(doc.Text);
                    if (!_inFlight.TryAdd(doc.Id, 0)) { AlreadyStored(doc); continue; }
                    if (_store.Contains(doc.Id))
                    {
                        _inFlight.TryRemove(doc.Id, out _);
                        AlreadyStored(doc);
                        continue;
                    }
                    // Hand the document to an idle worker if there is room; otherwise do it here.
                    if (!_docs.TryAdd(doc)) Analyse(doc);
                }
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested) { throw; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedInput(item.Path, "cannot read: " + e.Message));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                skipped.Add(new SkippedInput(item.Path, $"cannot read: {e.GetType().Name}: {e.Message}"));
            }
            itemRefused |= ReportSkipped(skipped, item);
            if (docs > 0 || !itemRefused) Interlocked.Increment(ref _inputsRead);
            Interlocked.Add(ref _bytesRead, item.Length >= 0 ? item.Length : chars * 2);
        }

        private void AlreadyStored(Document doc)
        {
            Interlocked.Increment(ref _alreadyStored);
            if (doc.Path != null || doc.Uri != null) _aliases.Enqueue(new DocumentAlias(doc.Id, doc.Path, doc.Uri));
        }

        /// <summary>Reports and clears; true when one of them refuses the whole input (not just a line of it).</summary>
        private bool ReportSkipped(List<SkippedInput> skipped, InputItem item)
        {
            bool whole = false;
            foreach (var s in skipped)
            {
                whole |= s.Path == item.Path;
                Skip(s);
            }
            skipped.Clear();
            return whole;
        }

        private void Analyse(Document doc)
        {
            try
            {
                _pipeline.Process(doc);
                // the fingerprint for near-duplicate lookup, here on a worker rather than on the single writer thread
                if (doc.SimHash == 0) doc.SimHash = DocumentFingerprint.SimHash(doc.Text);
            }
            catch (Exception e) when (e is not OutOfMemoryException && e is not OperationCanceledException)
            {
                _inFlight.TryRemove(doc.Id, out _);
                Skip(new SkippedInput(doc.Path ?? doc.Id, $"analysis failed: {e.GetType().Name}: {e.Message}"));
                return;
            }
            if (_inline)
            {
                // the only worker: straight into the batch, no handoff
                _committer.Add(doc);
                _committer.Tick();
                return;
            }
            var chunk = t_chunk!;
            chunk.Docs.Add(doc);
            chunk.Chars += doc.Text.Length;
            if (chunk.Docs.Count == 1) chunk.Age.Restart();
            if (chunk.Docs.Count >= Chunk.MaxDocuments || chunk.Chars >= Chunk.MaxChars || chunk.Age.Elapsed >= Chunk.MaxAge)
                HandOver(chunk);
        }

        private void WriteLoop()
        {
            while (true)
            {
                if (_done.TryTake(out var docs, 100))
                    foreach (var doc in docs) _committer.Add(doc);
                else if (_done.IsCompleted) break;
                else if (_fatal != null) return;
                _committer.Tick();
            }
            _committer.Finish();
        }

        /// <summary>Collects analysed documents into store batches and commits them (on the writer
        /// thread, or on the only worker with <c>--jobs 1</c>).</summary>
        private sealed class Committer
        {
            private readonly RunState _r;
            private readonly List<Document> _batch;
            private long _batchBytes;
            private readonly Stopwatch _sinceFlush = Stopwatch.StartNew();
            private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();

            public Committer(RunState r)
            {
                _r = r;
                _batch = new List<Document>(r._o.BatchDocuments);
            }

            public void Add(Document doc)
            {
                _batch.Add(doc);
                _batchBytes += doc.Text.Length * 2L;
                if (_batch.Count >= _r._o.BatchDocuments || _batchBytes >= _r._o.BatchBytes) Flush();
            }

            /// <summary>Commits a partial batch once it is <see cref="AnalyzerOptions.FlushInterval"/> old, and reports progress.</summary>
            public void Tick()
            {
                if (_batch.Count > 0 && _sinceFlush.Elapsed >= _r._o.FlushInterval) Flush();
                if (_sinceProgress.ElapsedMilliseconds >= 250)
                {
                    _r.ReportProgress();
                    _sinceProgress.Restart();
                }
            }

            public void Finish()
            {
                if (_r._fatal != null) return;
                if (_batch.Count > 0) Flush();
                _r.FlushAliases(final: true);
            }

            private void Flush()
            {
                _r.Flush(_batch);
                _r.FlushAliases(final: false);
                _batch.Clear();
                _batchBytes = 0;
                _sinceFlush.Restart();
            }
        }

        private void FlushAliases(bool final)
        {
            while (_aliases.TryDequeue(out var al)) _pendingAliases.Add(al);
            if (_pendingAliases.Count == 0) return;
            // An alias can name a document still in flight; keep it for the next flush.
            var missing = _store.AddAliases(_pendingAliases);
            _pendingAliases = final ? new List<DocumentAlias>() : new List<DocumentAlias>(missing);
        }

        private void Flush(List<Document> batch)
        {
            IReadOnlyList<AddResult?> results;
            try
            {
                results = _store.AddBatch(batch);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19) // a constraint: find the document that breaks it
            {
                var list = new List<AddResult?>(batch.Count);
                foreach (var doc in batch)
                {
                    try { list.Add(_store.AddBatch([doc])[0]); }
                    catch (SqliteException e1) when (e1.SqliteErrorCode == 19)
                    {
                        Skip(new SkippedInput(doc.Path ?? doc.Id, "cannot store: " + SqliteCorpusStore.Reason(e1)));
                        list.Add(null);
                    }
                }
                results = list;
            }
            catch (SqliteException e)
            {
                string db = (_store as SqliteCorpusStore)?.DatabasePath ?? "database";
                throw new CorpusException($"{db}: cannot write: {SqliteCorpusStore.Reason(e)}", e);
            }
            for (int i = 0; i < batch.Count; i++)
            {
                var doc = batch[i];
                switch (results[i]?.Outcome)
                {
                    case AddOutcome.Added: Count(doc); break;
                    case AddOutcome.AlreadyStored: _summary.AlreadyStored++; break;
                    case AddOutcome.NearDuplicate: _summary.NearDuplicates++; break;
                }
                _inFlight.TryRemove(doc.Id, out _);
            }
        }

        private void Count(Document doc)
        {
            _summary.DocumentsAdded++;
            foreach (var seg in doc.Segments)
            {
                _summary.Segments++;
                Inc(_summary.SegmentsByKind, SqliteCorpusStore.KindName(seg.Kind));
                Inc(_summary.SegmentsByLanguage, seg.Language);
                _summary.Sentences += seg.Sentences.Count;
            }
            foreach (var ev in doc.Events)
            {
                _summary.Events++;
                Inc(_summary.EventsByType, ev.Type);
                Inc(_summary.EventsByStatus, ev.Claim.Status.Name());
            }
        }

        private static void Inc(Dictionary<string, int> d, string key)
        {
            d.TryGetValue(key, out int n);
            d[key] = n + 1;
        }

        private void ReportProgress()
        {
            _a.Progress?.Invoke(new AnalyzeProgress(Interlocked.Read(ref _bytesRead), _a.BytesTotal, Volatile.Read(ref _inputsRead),
                _summary.DocumentsAdded + _summary.AlreadyStored + _summary.NearDuplicates + Volatile.Read(ref _alreadyStored),
                _summary.DocumentsAdded));
        }
    }
}
