using System.Text;
using Dyad.Model;
using Microsoft.Data.Sqlite;

namespace Dyad.Corpus;

public sealed partial class SqliteCorpusStore
{
    private const string StoredDocumentColumns = "d.key, d.id, d.uri, d.path, d.title, d.published, d.source, d.copies, d.segments, d.sentences, d.events";

    /// <summary>
    /// Finds the stored document a user means: its id (or an id prefix of 4+ characters), the id of a
    /// near-duplicate folded into it, its path or URI as stored, its absolute path, or a unique suffix
    /// of its path or URI ("003_comments.html"). Returns null when nothing matches; several matches
    /// are a <see cref="CorpusException"/> listing them.
    /// </summary>
    private long? ResolveKey(SqliteConnection c, string key)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        key = key.Trim();
        if (One(c, "SELECT key FROM documents WHERE id = $k", key) is { } byId) return byId;
        if (One(c, "SELECT doc FROM duplicates WHERE id = $k", key) is { } byDup) return byDup;

        string k2 = key.StartsWith("./", StringComparison.Ordinal) ? key[2..] : key;
        string? abs = AbsolutePath(key);
        var exact = Keys(c, """
            SELECT key FROM documents WHERE path = $k OR uri = $k OR path = $k2 OR abspath = $abs
            UNION SELECT doc FROM aliases WHERE path = $k OR uri = $k OR path = $k2 OR abspath = $abs
            """, ("$k", key), ("$k2", k2), ("$abs", abs));
        if (exact.Count == 1) return exact[0];
        if (exact.Count > 1) throw Ambiguous(c, key, exact);

        if (key.Length >= 4 && key.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0)
        {
            var prefix = Keys(c, "SELECT key FROM documents WHERE substr(id, 1, length($k)) = $k", ("$k", key));
            if (prefix.Count == 1) return prefix[0];
            if (prefix.Count > 1) throw Ambiguous(c, key, prefix);
        }

        var suffix = Keys(c, """
            SELECT key FROM documents WHERE substr(path, -length($k)) = $k OR substr(uri, -length($k)) = $k
            UNION SELECT doc FROM aliases WHERE substr(path, -length($k)) = $k OR substr(uri, -length($k)) = $k
            """, ("$k", k2));
        if (suffix.Count == 1) return suffix[0];
        if (suffix.Count > 1) throw Ambiguous(c, key, suffix);
        return null;
    }

    private static CorpusException Ambiguous(SqliteConnection c, string key, List<long> keys)
    {
        var names = new List<string>();
        foreach (var k in keys.Take(5))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT id, coalesce(path, uri, '') FROM documents WHERE key = $k";
            cmd.Parameters.AddWithValue("$k", k);
            using var r = cmd.ExecuteReader();
            if (r.Read()) names.Add($"{r.GetString(1)} ({r.GetString(0)})");
        }
        string more = keys.Count > 5 ? $", … {keys.Count - 5} more" : "";
        return new CorpusException($"'{key}' matches {keys.Count} documents: {string.Join(", ", names)}{more}; give the document id or more of the path");
    }

    private static long? One(SqliteConnection c, string sql, string k)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$k", k);
        return cmd.ExecuteScalar() is long l ? l : null;
    }

    private static List<long> Keys(SqliteConnection c, string sql, params (string Name, string? Value)[] ps)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql + " LIMIT 50";
        foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, (object?)v ?? DBNull.Value);
        var list = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(r.GetInt64(0));
        return list;
    }

    public StoredDocument? FindDocument(string key)
    {
        using var c = OpenQueryConnection();
        if (ResolveKey(c, key) is not { } k) return null;
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {StoredDocumentColumns} FROM documents d WHERE d.key = $k";
        cmd.Parameters.AddWithValue("$k", k);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadStored(r) : null;
    }

    private static StoredDocument ReadStored(SqliteDataReader r) => new()
    {
        Id = r.GetString(1),
        Uri = Str(r, 2),
        Path = Str(r, 3),
        Title = Str(r, 4),
        Published = Str(r, 5),
        Source = Str(r, 6),
        Copies = r.GetInt32(7),
        Segments = r.GetInt32(8),
        Sentences = r.GetInt32(9),
        Events = r.GetInt32(10),
    };

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static int? Int(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    public IEnumerable<StoredDocument> Documents()
    {
        using var c = OpenQueryConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {StoredDocumentColumns} FROM documents d ORDER BY d.key";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return ReadStored(r);
    }

    /// <summary>From the duplicates table (copies = 1 + folded near-duplicates), so the page texts are not read.</summary>
    public IReadOnlyDictionary<string, int> CopyCounts()
    {
        using var c = OpenQueryConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT d.id, 1 + count(*) FROM duplicates u JOIN documents d ON d.key = u.doc GROUP BY u.doc";
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        using var r = cmd.ExecuteReader();
        while (r.Read()) map[r.GetString(0)] = r.GetInt32(1);
        return map;
    }

    public Document? LoadDocument(string key)
    {
        using var c = OpenQueryConnection();
        if (ResolveKey(c, key) is not { } k) return null;
        using var tx = c.BeginTransaction(); // one consistent snapshot while a writer may be running
        Document doc;
        using (var cmd = Cmd(c, tx, "SELECT id, uri, path, title, published, source, author, format, text, simhash, warnings FROM documents WHERE key = $k", k))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            doc = new Document
            {
                Id = r.GetString(0), Uri = Str(r, 1), Path = Str(r, 2), Title = Str(r, 3), Published = Str(r, 4),
                Source = Str(r, 5), Author = Str(r, 6), Format = r.GetString(7), Text = r.GetString(8),
                SimHash = unchecked((ulong)r.GetInt64(9)),
            };
            if (Str(r, 10) is { } warnings) doc.Warnings.AddRange(warnings.Split('\n'));
        }
        using (var cmd = Cmd(c, tx, """
            SELECT idx, kind, start, "end", headline, author, number, date, language, confidence, copies, analysed
            FROM segments WHERE doc = $k ORDER BY idx
            """, k))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                doc.Segments.Add(new Segment
                {
                    Index = r.GetInt32(0),
                    Kind = Enum.TryParse<SegmentKind>(r.GetString(1), ignoreCase: true, out var kind) ? kind : SegmentKind.Article,
                    Start = r.GetInt32(2), End = r.GetInt32(3), Headline = Str(r, 4), Author = Str(r, 5), Number = Int(r, 6),
                    Date = Str(r, 7), Language = r.GetString(8), LanguageConfidence = r.GetDouble(9), Copies = r.GetInt32(10),
                    Analysed = r.GetInt32(11) != 0,
                });
        using (var cmd = Cmd(c, tx, """
            SELECT segment, idx, start, "end", language, parsed, text, tokens
            FROM sentences WHERE doc = $k ORDER BY segment, idx
            """, k))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var s = new Sentence
                {
                    Index = r.GetInt32(1), Start = r.GetInt32(2), End = r.GetInt32(3), Language = r.GetString(4),
                    Parsed = r.GetInt32(5) != 0,
                };
                s.Text = Str(r, 6) ?? doc.Text.Substring(s.Start, s.End - s.Start);
                TokenCodec.Decode(doc.Text, s, r.GetString(7));
                doc.Segments[r.GetInt32(0)].Sentences.Add(s);
            }
        var antecedents = new List<(Mention M, int Seg, int Sent, int Idx)>();
        using (var cmd = Cmd(c, tx, """
            SELECT segment, sentence, idx, first_token, last_token, head_token, start, "end", text, kind, has_actor,
                   code, country, sector, name, wikidata, entry_id, actor_kind, person, plural, ante_segment, ante_sentence, ante_idx
            FROM mentions WHERE doc = $k ORDER BY segment, sentence, idx
            """, k))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var m = new Mention
                {
                    FirstToken = r.GetInt32(3), LastToken = r.GetInt32(4), HeadToken = r.GetInt32(5), Start = r.GetInt32(6),
                    End = r.GetInt32(7), Text = r.GetString(8),
                    Kind = Enum.TryParse<MentionKind>(r.GetString(9), ignoreCase: true, out var mk) ? mk : MentionKind.Unresolved,
                    Plural = r.GetInt32(19) != 0,
                };
                if (r.GetInt32(10) != 0)
                    m.Actor = new ActorRef
                    {
                        Code = Str(r, 11), Country = Str(r, 12), Sector = Str(r, 13), Name = Str(r, 14), Wikidata = Str(r, 15),
                        EntryId = Str(r, 16), Kind = Str(r, 17), Person = Str(r, 18),
                    };
                doc.Segments[r.GetInt32(0)].Sentences[r.GetInt32(1)].Mentions.Add(m);
                if (!r.IsDBNull(20)) antecedents.Add((m, r.GetInt32(20), r.GetInt32(21), r.GetInt32(22)));
            }
        foreach (var (m, seg, sent, idx) in antecedents)
            m.Antecedent = doc.Segments[seg].Sentences[sent].Mentions[idx];
        using (var cmd = Cmd(c, tx, "SELECT model FROM events WHERE doc = $k ORDER BY key", k))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) doc.Events.Add(EventModelJson.Deserialize(r.GetString(0)));
        tx.Commit();
        return doc;
    }

    private static SqliteCommand Cmd(SqliteConnection c, SqliteTransaction tx, string sql, long k)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$k", k);
        return cmd;
    }

    public IEnumerable<EventRecord> Events(EventFilter filter)
    {
        using var c = OpenQueryConnection();
        using var cmd = c.CreateCommand();
        var where = new List<string>();
        int n = 0;
        string P(object value)
        {
            string name = "$p" + n++;
            cmd.Parameters.AddWithValue(name, value);
            return name;
        }
        static string Like(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            string a = filter.Actor.Trim();
            string pre = P(Like(a) + "%"), sub = P("%" + Like(a) + "%");
            where.Add($"""
                (e.source_code LIKE {pre} ESCAPE '\' OR e.target_code LIKE {pre} ESCAPE '\'
                 OR e.source_name LIKE {sub} ESCAPE '\' OR e.target_name LIKE {sub} ESCAPE '\'
                 OR e.source_text LIKE {sub} ESCAPE '\' OR e.target_text LIKE {sub} ESCAPE '\')
                """);
        }
        if (!string.IsNullOrWhiteSpace(filter.Claimant))
        {
            string a = filter.Claimant.Trim();
            string pre = P(Like(a) + "%"), sub = P("%" + Like(a) + "%");
            where.Add($"""
                EXISTS (SELECT 1 FROM claimants c WHERE c.event = e.key
                        AND (c.code LIKE {pre} ESCAPE '\' OR c.name LIKE {sub} ESCAPE '\' OR c.text LIKE {sub} ESCAPE '\'))
                """);
        }
        AddIn(where, "e.type", filter.Type, P);
        AddIn(where, "e.status", filter.Status, P);
        AddIn(where, "e.language", filter.Language, P);
        AddIn(where, "e.segment_kind", filter.SegmentKind, P);
        if (!string.IsNullOrWhiteSpace(filter.Document))
        {
            long? k = ResolveKey(c, filter.Document);
            if (k == null) throw new CorpusException($"no document matches '{filter.Document}' in {DatabasePath}");
            where.Add($"e.doc = {P(k.Value)}");
        }
        if (!string.IsNullOrWhiteSpace(filter.From)) where.Add($"e.date >= {P(filter.From.Trim())}");
        // "--to 2017-10" includes every date in October: compare the date's prefix of the bound's length.
        if (!string.IsNullOrWhiteSpace(filter.To)) { string to = P(filter.To.Trim()); where.Add($"substr(e.date, 1, length({to})) <= {to}"); }

        var sql = new StringBuilder("SELECT e.record FROM events e");
        if (where.Count > 0) sql.Append(" WHERE ").AppendJoin(" AND ", where);
        sql.Append(" ORDER BY e.key");
        if (filter.Limit is { } limit) sql.Append(" LIMIT ").Append(Math.Max(0, limit));
        cmd.CommandText = sql.ToString();
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return EventRecord.FromJson(r.GetString(0));
    }

    /// <summary>Equality, case-insensitive; "A,B" means either.</summary>
    private static void AddIn(List<string> where, string column, string? value, Func<object, string> p)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return;
        where.Add($"{column} COLLATE NOCASE IN ({string.Join(", ", parts.Select(x => p(x)))})");
    }

    public IEnumerable<MentionRecord> Mentions()
    {
        using var c = OpenQueryConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT d.id, m.segment, m.sentence, m.text, m.start, m."end", m.kind, m.code, m.country, m.sector, m.name, m.wikidata
            FROM mentions m JOIN documents d ON d.key = m.doc
            ORDER BY m.doc, m.segment, m.sentence, m.idx
            """;
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return new MentionRecord
            {
                DocumentId = r.GetString(0), SegmentIndex = r.GetInt32(1), SentenceIndex = r.GetInt32(2), Text = r.GetString(3),
                Start = r.GetInt32(4), End = r.GetInt32(5), Kind = r.GetString(6), Code = Str(r, 7), Country = Str(r, 8),
                Sector = Str(r, 9), Name = Str(r, 10), Wikidata = Str(r, 11),
            };
    }

    public CorpusStats Stats()
    {
        using var c = OpenQueryConnection();
        using var tx = c.BeginTransaction();
        int Count(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            return Convert.ToInt32(cmd.ExecuteScalar());
        }
        Dictionary<string, int> Group(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            var d = new Dictionary<string, int>(StringComparer.Ordinal);
            using var r = cmd.ExecuteReader();
            while (r.Read()) d[r.IsDBNull(0) ? "und" : r.GetString(0)] = r.GetInt32(1);
            return d;
        }
        var stats = new CorpusStats
        {
            Documents = Count("SELECT count(*) FROM documents"),
            Segments = Count("SELECT count(*) FROM segments"),
            Sentences = Count("SELECT count(*) FROM sentences"),
            Events = Count("SELECT count(*) FROM events"),
            SegmentsByKind = Group("SELECT kind, count(*) FROM segments GROUP BY kind ORDER BY count(*) DESC"),
            SegmentsByLanguage = Group("SELECT language, count(*) FROM segments GROUP BY language ORDER BY count(*) DESC"),
            EventsByType = Group("SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC"),
            EventsByStatus = Group("SELECT status, count(*) FROM events GROUP BY status ORDER BY count(*) DESC"),
        };
        tx.Commit();
        return stats;
    }

    /// <summary>Checks the store's invariants; returns one line per problem (empty when consistent).
    /// Used by tests (after a killed run) and available to users' own tooling.</summary>
    public IReadOnlyList<string> CheckConsistency()
    {
        using var c = OpenQueryConnection();
        var problems = new List<string>();
        void Check(string what, string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            long n = Convert.ToInt64(cmd.ExecuteScalar());
            if (n != 0) problems.Add($"{n} {what}");
        }
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "PRAGMA integrity_check";
            var res = cmd.ExecuteScalar() as string;
            if (res != "ok") problems.Add("integrity_check: " + res);
        }
        Check("documents whose segment count differs from their segments rows",
            "SELECT count(*) FROM documents d WHERE d.segments <> (SELECT count(*) FROM segments s WHERE s.doc = d.key)");
        Check("documents whose sentence count differs from their sentences rows",
            "SELECT count(*) FROM documents d WHERE d.sentences <> (SELECT count(*) FROM sentences s WHERE s.doc = d.key)");
        Check("documents whose event count differs from their events rows",
            "SELECT count(*) FROM documents d WHERE d.events <> (SELECT count(*) FROM events e WHERE e.doc = d.key)");
        Check("foreign key violations", "SELECT count(*) FROM pragma_foreign_key_check");
        return problems;
    }
}
