using System.Globalization;
using System.Text;
using Dyad.Documents;
using Dyad.Model;
using Microsoft.Data.Sqlite;

namespace Dyad.Corpus;

/// <summary>
/// The default corpus store: one SQLite file in WAL mode with a versioned schema
/// (<see cref="SqliteSchema"/>). Writes go through <see cref="AddBatch"/>, one transaction per
/// batch, so a killed process leaves whole documents or none. <see cref="Contains"/> uses its own
/// connection and may be called from other threads while a batch is being written.
/// </summary>
public sealed partial class SqliteCorpusStore : ICorpusStore
{
    public string DatabasePath { get; }
    /// <summary>The schema version the file had before opening (0 for a new database).</summary>
    public int FoundSchemaVersion { get; }

    private readonly SqliteConnection _write;
    private readonly SqliteConnection _read;
    private readonly SqliteCommand _contains;
    private readonly object _writeLock = new();
    private readonly object _readLock = new();
    private readonly string _connectionString;
    private NearDuplicateIndex? _near;
    private WalCheckpointer? _checkpointer;
    private bool _disposed;

    private SqliteCorpusStore(string path, SqliteConnection write, SqliteConnection read, string cs, int found)
    {
        DatabasePath = path;
        _write = write;
        _read = read;
        _connectionString = cs;
        FoundSchemaVersion = found;
        _contains = read.CreateCommand();
        _contains.CommandText = "SELECT 1 FROM documents WHERE id = $id UNION ALL SELECT 1 FROM duplicates WHERE id = $id LIMIT 1";
        _contains.Parameters.Add("$id", SqliteType.Text);
    }

    /// <summary>
    /// Opens (and with <paramref name="create"/> creates) the database at <paramref name="path"/>,
    /// bringing its schema up to date. Any problem is a <see cref="CorpusException"/> whose message
    /// is one line naming the path.
    /// </summary>
    public static SqliteCorpusStore Open(string path, bool create = true)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new CorpusException("--db: empty database path");
        if (Directory.Exists(path)) throw new CorpusException($"{path}: is a folder, not a database file");
        if (!File.Exists(path))
        {
            if (!create) throw new CorpusException($"{path}: no such database (create one with: dyad analyze PATH --db {path})");
            string? dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (dir != null && !Directory.Exists(dir)) throw new CorpusException($"{path}: cannot create database: folder {dir} does not exist");
        }
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        SqliteConnection? write = null, read = null;
        try
        {
            write = new SqliteConnection(cs);
            write.Open();
            Exec(write, "PRAGMA journal_mode = WAL");
            // Checkpoint when the WAL passes 32 MB rather than 4 MB: a page that several batches touch
            // (an index leaf) is copied into the database once per checkpoint, and fsync runs 8× less often.
            Exec(write, "PRAGMA wal_autocheckpoint = 8192");
            Configure(write);
            int found = SqliteSchema.Migrate(write, path);
            read = new SqliteConnection(cs);
            read.Open();
            Configure(read);
            return new SqliteCorpusStore(path, write, read, cs, found);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            read?.Dispose();
            write?.Dispose();
            throw new CorpusException($"{path}: cannot open database: {Reason(e)}", e);
        }
        catch
        {
            read?.Dispose();
            write?.Dispose();
            throw;
        }
    }

    private static void Configure(SqliteConnection c)
    {
        // NORMAL is safe in WAL mode against a killed process (only power loss may drop the last
        // commits, never corrupt); it saves an fsync per transaction.
        Exec(c, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16000");
    }

    internal static string Reason(Exception e)
    {
        if (e is SqliteException se)
        {
            // "SQLite Error 26: 'file is not a database'." → "file is not a database"
            string m = se.Message;
            int a = m.IndexOf('\''), b = m.LastIndexOf('\'');
            return a >= 0 && b > a ? m[(a + 1)..b] : m;
        }
        return e.Message;
    }

    private static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public bool Contains(string documentId)
    {
        lock (_readLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _contains.Parameters[0].Value = documentId;
            return _contains.ExecuteScalar() != null;
        }
    }

    public IReadOnlyList<AddResult> AddBatch(IReadOnlyList<Document> docs)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var results = new List<AddResult>(docs.Count);
            StartCheckpointer();
            using var tx = _write.BeginTransaction();
            try
            {
                var near = RefreshNearIndex(tx);
                using var w = new BatchWriter(_write, tx, near);
                foreach (var doc in docs) results.Add(w.Add(doc));
                tx.Commit();
            }
            catch
            {
                _near = null; // it may hold fingerprints of the rolled-back documents: rebuild on the next batch
                throw;
            }
            AfterCommit();
            return results;
        }
    }

    /// <summary>From the first batch on, checkpoints run on a background thread (<see cref="WalCheckpointer"/>).</summary>
    private void StartCheckpointer()
    {
        if (_checkpointer != null) return;
        try
        {
            _checkpointer = new WalCheckpointer(_connectionString, DatabasePath);
            Exec(_write, "PRAGMA wal_autocheckpoint = 0");
        }
        catch (SqliteException)
        {
            _checkpointer = null; // keep SQLite's own checkpoints
        }
    }

    private void AfterCommit()
    {
        if (_checkpointer is not { } cp) return;
        cp.Committed();
        if (cp.WalBytes > WalCheckpointer.LimitBytes)
            try { Exec(_write, "PRAGMA wal_checkpoint(PASSIVE)"); } catch (SqliteException) { }
    }

    /// <summary>Loads the fingerprints stored since the last batch (all of them the first time; rows
    /// another process added in between too).</summary>
    private NearDuplicateIndex RefreshNearIndex(SqliteTransaction tx)
    {
        var near = _near ??= new NearDuplicateIndex();
        using var cmd = _write.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT doc, simhash FROM fingerprints WHERE doc > $last ORDER BY doc";
        cmd.Parameters.AddWithValue("$last", near.LastKey);
        using var r = cmd.ExecuteReader();
        while (r.Read()) near.Add(r.GetInt64(0), unchecked((ulong)r.GetInt64(1)));
        return near;
    }

    public IReadOnlyList<DocumentAlias> AddAliases(IReadOnlyList<DocumentAlias> aliases)
    {
        var missing = new List<DocumentAlias>();
        if (aliases.Count == 0) return missing;
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _write.BeginTransaction();
            using var find = _write.CreateCommand();
            find.Transaction = tx;
            find.CommandText = """
                SELECT key, path FROM documents WHERE id = $id
                UNION ALL SELECT u.doc, d.path FROM duplicates u JOIN documents d ON d.key = u.doc WHERE u.id = $id
                LIMIT 1
                """;
            var fid = find.Parameters.Add("$id", SqliteType.Text);
            using var add = _write.CreateCommand();
            add.Transaction = tx;
            add.CommandText = "INSERT OR IGNORE INTO aliases (doc, path, abspath, uri) VALUES ($doc, $path, $abspath, $uri)";
            foreach (var n in new[] { "$doc", "$path", "$abspath", "$uri" }) add.Parameters.Add(new SqliteParameter { ParameterName = n });
            foreach (var al in aliases)
            {
                string? path = al.Path ?? al.Uri;
                if (path == null) continue;
                fid.Value = al.DocumentId;
                long key;
                string? own;
                using (var r = find.ExecuteReader())
                {
                    if (!r.Read()) { missing.Add(al); continue; }
                    key = r.GetInt64(0);
                    own = r.IsDBNull(1) ? null : r.GetString(1);
                }
                if (path == own) continue;
                add.Parameters[0].Value = key;
                add.Parameters[1].Value = path;
                add.Parameters[2].Value = Db(AbsolutePath(al.Path));
                add.Parameters[3].Value = Db(al.Uri);
                add.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return missing;
    }

    public void Dispose()
    {
        lock (_writeLock)
            lock (_readLock)
            {
                if (_disposed) return;
                _disposed = true;
                _checkpointer?.Dispose();
                _contains.Dispose();
                _read.Dispose();
                try { Exec(_write, "PRAGMA optimize"); } catch (SqliteException) { }
                _write.Dispose();
            }
    }

    /// <summary>A connection of its own for a streaming query, so results can be enumerated
    /// lazily without holding the store's locks.</summary>
    private SqliteConnection OpenQueryConnection()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY");
        return c;
    }

    internal static object Db(string? s) => s is null ? DBNull.Value : s;
    internal static object Db(int? i) => i is null ? DBNull.Value : i.Value;

    internal static string? AbsolutePath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-") return null;
        try
        {
            // "file.jsonl:12" → absolute file path + ":12"
            int colon = path.LastIndexOf(':');
            if (colon > 0 && colon < path.Length - 1 && path.AsSpan(colon + 1).IndexOfAnyExceptInRange('0', '9') < 0
                && !File.Exists(path))
                return System.IO.Path.GetFullPath(path[..colon]) + path[colon..];
            return System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>Inserts documents inside one transaction with prepared commands.</summary>
    private sealed class BatchWriter : IDisposable
    {
        private readonly SqliteCommand _alias, _exists, _dupOf, _candidate, _bump, _dup, _doc, _fingerprint, _seg, _sent, _mention, _event, _claimant;
        private readonly List<SqliteCommand> _all = new();
        private readonly StringBuilder _sb = new();
        private readonly NearDuplicateIndex _near;

        public BatchWriter(SqliteConnection c, SqliteTransaction tx, NearDuplicateIndex near)
        {
            _near = near;
            SqliteCommand Cmd(string sql, params string[] ps)
            {
                var cmd = c.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                foreach (var p in ps) cmd.Parameters.Add(new SqliteParameter { ParameterName = "$" + p });
                _all.Add(cmd);
                return cmd;
            }
            _exists = Cmd("SELECT 1 FROM documents WHERE id = $id", "id");
            _alias = Cmd("INSERT OR IGNORE INTO aliases (doc, path, abspath, uri) VALUES ($doc, $path, $abspath, $uri)", "doc", "path", "abspath", "uri");
            _dupOf = Cmd("SELECT d.id FROM duplicates u JOIN documents d ON d.key = u.doc WHERE u.id = $id", "id");
            _candidate = Cmd("SELECT id FROM documents WHERE key = $key", "key");
            _bump = Cmd("UPDATE documents SET copies = copies + 1 WHERE key = $key", "key");
            _dup = Cmd("INSERT INTO duplicates (id, doc, distance, uri, path) VALUES ($id, $doc, $distance, $uri, $path)",
                "id", "doc", "distance", "uri", "path");
            _doc = Cmd("""
                INSERT INTO documents (id, uri, path, abspath, title, published, source, author, format, text, simhash,
                                       copies, warnings, segments, sentences, events, added)
                VALUES ($id, $uri, $path, $abspath, $title, $published, $source, $author, $format, $text, $simhash,
                        1, $warnings, $segments, $sentences, $events, $added)
                RETURNING key
                """, "id", "uri", "path", "abspath", "title", "published", "source", "author", "format", "text", "simhash",
                "warnings", "segments", "sentences", "events", "added");
            _fingerprint = Cmd("INSERT OR REPLACE INTO fingerprints (doc, simhash) VALUES ($doc, $simhash)", "doc", "simhash");
            _seg = Cmd("""
                INSERT INTO segments (doc, idx, kind, start, "end", headline, author, number, date, language, confidence, copies, analysed)
                VALUES ($doc, $idx, $kind, $start, $end, $headline, $author, $number, $date, $language, $confidence, $copies, $analysed)
                """, "doc", "idx", "kind", "start", "end", "headline", "author", "number", "date", "language", "confidence", "copies", "analysed");
            _sent = Cmd("""
                INSERT INTO sentences (doc, segment, idx, start, "end", language, parsed, text, tokens)
                VALUES ($doc, $segment, $idx, $start, $end, $language, $parsed, $text, $tokens)
                """, "doc", "segment", "idx", "start", "end", "language", "parsed", "text", "tokens");
            _mention = Cmd("""
                INSERT INTO mentions (doc, segment, sentence, idx, first_token, last_token, head_token, start, "end", text, kind,
                                      has_actor, code, country, sector, name, wikidata, entry_id, actor_kind, person, plural,
                                      ante_segment, ante_sentence, ante_idx)
                VALUES ($doc, $segment, $sentence, $idx, $first, $last, $head, $start, $end, $text, $kind,
                        $has_actor, $code, $country, $sector, $name, $wikidata, $entry, $actor_kind, $person, $plural,
                        $ante_segment, $ante_sentence, $ante_idx)
                """, "doc", "segment", "sentence", "idx", "first", "last", "head", "start", "end", "text", "kind",
                "has_actor", "code", "country", "sector", "name", "wikidata", "entry", "actor_kind", "person", "plural",
                "ante_segment", "ante_sentence", "ante_idx");
            _event = Cmd("""
                INSERT INTO events (id, doc, segment, sentence, type, mode, cameo, status, source_code, source_text, source_name,
                                    target_code, target_text, target_name, date, language, segment_kind, parent, record, model)
                VALUES ($id, $doc, $segment, $sentence, $type, $mode, $cameo, $status, $source_code, $source_text, $source_name,
                        $target_code, $target_text, $target_name, $date, $language, $segment_kind, $parent, $record, $model)
                RETURNING key
                """, "id", "doc", "segment", "sentence", "type", "mode", "cameo", "status", "source_code", "source_text", "source_name",
                "target_code", "target_text", "target_name", "date", "language", "segment_kind", "parent", "record", "model");
            _claimant = Cmd("INSERT INTO claimants (event, idx, code, text, name) VALUES ($event, $idx, $code, $text, $name)",
                "event", "idx", "code", "text", "name");
        }

        private static void Set(SqliteCommand c, params object?[] values)
        {
            for (int i = 0; i < values.Length; i++) c.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        public AddResult Add(Document doc)
        {
            if (string.IsNullOrEmpty(doc.Id)) doc.Id = DocumentReader.ContentId(doc.Text);
            Set(_exists, doc.Id);
            if (_exists.ExecuteScalar() != null) return new AddResult(AddOutcome.AlreadyStored, doc.Id);
            Set(_dupOf, doc.Id);
            if (_dupOf.ExecuteScalar() is string of) return new AddResult(AddOutcome.AlreadyStored, doc.Id, of);

            ulong simhash = doc.SimHash;
            int words;
            if (simhash == 0) { simhash = DocumentFingerprint.SimHash(doc.Text, out words); doc.SimHash = simhash; }
            else words = CountWords(doc.Text, DocumentFingerprint.MinWords);
            bool banded = words >= DocumentFingerprint.MinWords;
            if (banded && FindNearDuplicate(simhash) is { } near)
            {
                Set(_bump, near.Key);
                _bump.ExecuteNonQuery();
                Set(_dup, doc.Id, near.Key, near.Distance, doc.Uri, doc.Path);
                _dup.ExecuteNonQuery();
                if ((doc.Path ?? doc.Uri) is { } aliasPath)
                {
                    Set(_alias, near.Key, aliasPath, AbsolutePath(doc.Path), doc.Uri);
                    _alias.ExecuteNonQuery();
                }
                return new AddResult(AddOutcome.NearDuplicate, doc.Id, near.Id);
            }

            // Events pointing outside the document would make the record unbuildable; keep the
            // document and say what was dropped rather than losing it all.
            var events = new List<Event>(doc.Events.Count);
            foreach (var ev in doc.Events)
            {
                if (ev.SegmentIndex < 0 || ev.SegmentIndex >= doc.Segments.Count
                    || ev.SentenceIndex < 0 || ev.SentenceIndex >= doc.Segments[ev.SegmentIndex].Sentences.Count)
                    doc.Warnings.Add($"event {ev.Id} {ev.Type} dropped: sentence {ev.SegmentIndex}/{ev.SentenceIndex} does not exist");
                else events.Add(ev);
            }
            int sentences = 0;
            foreach (var s in doc.Segments) sentences += s.Sentences.Count;

            Set(_doc, doc.Id, doc.Uri, doc.Path, AbsolutePath(doc.Path), doc.Title, doc.Published, doc.Source, doc.Author,
                doc.Format, doc.Text, unchecked((long)simhash), doc.Warnings.Count == 0 ? null : string.Join('\n', doc.Warnings),
                doc.Segments.Count, sentences, events.Count, DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            long key = (long)_doc.ExecuteScalar()!;

            if (banded)
            {
                Set(_fingerprint, key, unchecked((long)simhash));
                _fingerprint.ExecuteNonQuery();
                _near.Add(key, simhash);
            }

            Dictionary<Mention, (int, int, int)>? mentionIds = null;
            for (int si = 0; si < doc.Segments.Count; si++)
                for (int ti = 0; ti < doc.Segments[si].Sentences.Count; ti++)
                {
                    var ms = doc.Segments[si].Sentences[ti].Mentions;
                    for (int mi = 0; mi < ms.Count; mi++)
                        if (ms[mi].Antecedent != null)
                        {
                            mentionIds ??= BuildMentionIds(doc);
                            break;
                        }
                }

            for (int si = 0; si < doc.Segments.Count; si++)
            {
                var seg = doc.Segments[si];
                Set(_seg, key, si, KindName(seg.Kind), seg.Start, seg.End, seg.Headline, seg.Author, seg.Number, seg.Date,
                    seg.Language, seg.LanguageConfidence, seg.Copies, seg.Analysed ? 1 : 0);
                _seg.ExecuteNonQuery();
                for (int ti = 0; ti < seg.Sentences.Count; ti++)
                {
                    var s = seg.Sentences[ti];
                    bool sameText = s.Start >= 0 && s.End <= doc.Text.Length && s.End >= s.Start
                        && doc.Text.AsSpan(s.Start, s.End - s.Start).SequenceEqual(s.Text);
                    Set(_sent, key, si, ti, s.Start, s.End, s.Language, s.Parsed ? 1 : 0, sameText ? null : s.Text,
                        TokenCodec.Encode(doc.Text, s, _sb));
                    _sent.ExecuteNonQuery();
                    for (int mi = 0; mi < s.Mentions.Count; mi++)
                    {
                        var m = s.Mentions[mi];
                        var a = m.Actor;
                        (int, int, int)? ante = m.Antecedent != null && mentionIds!.TryGetValue(m.Antecedent, out var id) ? id : null;
                        Set(_mention, key, si, ti, mi, m.FirstToken, m.LastToken, m.HeadToken, m.Start, m.End, m.Text,
                            m.Kind.ToString().ToLowerInvariant(), a != null ? 1 : 0, a?.Code, a?.Country, a?.Sector, a?.Name,
                            a?.Wikidata, a?.EntryId, a?.Kind, a?.Person, m.Plural ? 1 : 0,
                            ante?.Item1, ante?.Item2, ante?.Item3);
                        _mention.ExecuteNonQuery();
                    }
                }
            }

            HashSet<string>? seen = null;
            for (int i = 0; i < events.Count; i++)
            {
                var ev = events[i];
                if (string.IsNullOrEmpty(ev.Id)) ev.Id = $"{doc.Id}-{i}";
                seen ??= new HashSet<string>(StringComparer.Ordinal);
                if (!seen.Add(ev.Id)) { ev.Id = $"{ev.Id}-{i}"; seen.Add(ev.Id); }
                var seg = doc.Segments[ev.SegmentIndex];
                var rec = EventRecord.From(doc, ev);
                Set(_event, ev.Id, key, ev.SegmentIndex, ev.SentenceIndex, ev.Type, ev.Mode, ev.Cameo, ev.Claim.Status.Name(),
                    ev.Source?.Actor?.Code, ev.Source?.Text, ev.Source?.Actor?.Name,
                    ev.Target?.Actor?.Code, ev.Target?.Text, ev.Target?.Actor?.Name,
                    ev.Date, seg.Language, KindName(seg.Kind), ev.ParentId, rec.ToJson(), EventModelJson.Serialize(ev));
                long ekey = (long)_event.ExecuteScalar()!;
                for (int c = 0; c < ev.Claim.Claimants.Count; c++)
                {
                    var cl = ev.Claim.Claimants[c].Actor;
                    Set(_claimant, ekey, c, cl.Actor?.Code, cl.Text, cl.Actor?.Name);
                    _claimant.ExecuteNonQuery();
                }
            }
            return new AddResult(AddOutcome.Added, doc.Id);
        }

        private (long Key, string Id, int Distance)? FindNearDuplicate(ulong simhash)
        {
            foreach (var (key, distance) in _near.Candidates(simhash))
            {
                Set(_candidate, key);
                if (_candidate.ExecuteScalar() is string id) return (key, id, distance);
            }
            return null;
        }

        private static Dictionary<Mention, (int, int, int)> BuildMentionIds(Document doc)
        {
            var map = new Dictionary<Mention, (int, int, int)>(ReferenceEqualityComparer.Instance);
            for (int si = 0; si < doc.Segments.Count; si++)
                for (int ti = 0; ti < doc.Segments[si].Sentences.Count; ti++)
                {
                    var ms = doc.Segments[si].Sentences[ti].Mentions;
                    for (int mi = 0; mi < ms.Count; mi++) map[ms[mi]] = (si, ti, mi);
                }
            return map;
        }

        private static int CountWords(string text, int enough)
        {
            int words = 0;
            bool inWord = false;
            foreach (char c in text)
            {
                bool w = char.IsLetterOrDigit(c);
                if (w && !inWord && ++words >= enough) return words;
                inWord = w;
            }
            return words;
        }

        public void Dispose()
        {
            foreach (var c in _all) c.Dispose();
        }
    }

    /// <summary>The lower-case name used in the store and in event records ("article", "comment", …).</summary>
    public static string KindName(SegmentKind k) => k switch
    {
        SegmentKind.Article => "article",
        SegmentKind.Comment => "comment",
        SegmentKind.Quote => "quote",
        SegmentKind.Boilerplate => "boilerplate",
        _ => k.ToString().ToLowerInvariant(),
    };
}
