using Microsoft.Data.Sqlite;

namespace Dyad.Corpus;

/// <summary>
/// The SQLite schema as an ordered list of migrations. <c>PRAGMA user_version</c> holds the number
/// of migrations applied; opening a database applies the missing ones in one transaction each.
/// Never edit a released migration: append a new one.
/// </summary>
internal static class SqliteSchema
{
    public static readonly string[] Migrations =
    [
        // 1: initial schema. Child tables point at documents.key (an integer) rather than the
        // 16-hex-char id to keep rows and indexes small.
        """
        CREATE TABLE documents (
            key        INTEGER PRIMARY KEY,
            id         TEXT    NOT NULL UNIQUE,   -- content hash of text
            uri        TEXT,
            path       TEXT,                      -- as given: file path, "path:line" for JSONL, "-" for stdin
            abspath    TEXT,                      -- absolute form of path, for `dyad show PATH`
            title      TEXT,
            published  TEXT,
            source     TEXT,
            author     TEXT,
            format     TEXT    NOT NULL,
            text       TEXT    NOT NULL,          -- the text every offset refers to
            simhash    INTEGER NOT NULL,
            copies     INTEGER NOT NULL DEFAULT 1, -- 1 + near-duplicates folded into it
            warnings   TEXT,                      -- newline-separated reader warnings
            segments   INTEGER NOT NULL,
            sentences  INTEGER NOT NULL,
            events     INTEGER NOT NULL,
            added      TEXT    NOT NULL
        );
        CREATE INDEX documents_path ON documents(path);
        CREATE INDEX documents_abspath ON documents(abspath);
        CREATE INDEX documents_uri ON documents(uri);

        -- Four 16-bit bands of each SimHash (band number << 16 | value): candidate lookup for near-duplicates.
        CREATE TABLE simhash_bands (
            band INTEGER NOT NULL,
            doc  INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            PRIMARY KEY (band, doc)
        ) WITHOUT ROWID;
        CREATE INDEX simhash_bands_doc ON simhash_bands(doc);

        -- Documents not stored because they are near-duplicates of a stored one (keeps reruns idempotent).
        CREATE TABLE duplicates (
            id       TEXT    PRIMARY KEY,
            doc      INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            distance INTEGER NOT NULL,
            uri      TEXT,
            path     TEXT
        ) WITHOUT ROWID;
        CREATE INDEX duplicates_doc ON duplicates(doc);

        -- Other places the same content was seen (a copied file, a near-duplicate), so `dyad show`
        -- finds a document by any of its paths.
        CREATE TABLE aliases (
            doc      INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            path     TEXT    NOT NULL,
            abspath  TEXT,
            uri      TEXT,
            PRIMARY KEY (path, doc)
        );
        CREATE INDEX aliases_abspath ON aliases(abspath);
        CREATE INDEX aliases_doc ON aliases(doc);

        CREATE TABLE segments (
            doc        INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            idx        INTEGER NOT NULL,
            kind       TEXT    NOT NULL,           -- article, comment, quote, boilerplate
            start      INTEGER NOT NULL,
            "end"      INTEGER NOT NULL,
            headline   TEXT,
            author     TEXT,
            number     INTEGER,
            date       TEXT,
            language   TEXT    NOT NULL,
            confidence REAL    NOT NULL,
            copies     INTEGER NOT NULL,
            analysed   INTEGER NOT NULL,
            PRIMARY KEY (doc, idx)
        );

        -- One row per sentence; its tokens are packed into one text column (see TokenCodec).
        CREATE TABLE sentences (
            doc      INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            segment  INTEGER NOT NULL,
            idx      INTEGER NOT NULL,
            start    INTEGER NOT NULL,
            "end"    INTEGER NOT NULL,
            language TEXT    NOT NULL,
            parsed   INTEGER NOT NULL,
            text     TEXT,                         -- NULL when equal to the document text at [start, end)
            tokens   TEXT    NOT NULL,
            PRIMARY KEY (doc, segment, idx)
        );

        CREATE TABLE mentions (
            doc          INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            segment      INTEGER NOT NULL,
            sentence     INTEGER NOT NULL,
            idx          INTEGER NOT NULL,
            first_token  INTEGER NOT NULL,
            last_token   INTEGER NOT NULL,
            head_token   INTEGER NOT NULL,
            start        INTEGER NOT NULL,
            "end"        INTEGER NOT NULL,
            text         TEXT    NOT NULL,
            kind         TEXT    NOT NULL,
            has_actor    INTEGER NOT NULL,
            code         TEXT,
            country      TEXT,
            sector       TEXT,
            name         TEXT,
            wikidata     TEXT,
            entry_id     TEXT,
            actor_kind   TEXT,
            person       TEXT,
            plural       INTEGER NOT NULL,
            ante_segment INTEGER,                  -- antecedent mention (pronouns, short names)
            ante_sentence INTEGER,
            ante_idx     INTEGER,
            PRIMARY KEY (doc, segment, sentence, idx)
        );
        CREATE INDEX mentions_code ON mentions(code);

        CREATE TABLE events (
            key          INTEGER PRIMARY KEY,
            id           TEXT    NOT NULL UNIQUE,
            doc          INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            segment      INTEGER NOT NULL,
            sentence     INTEGER NOT NULL,
            type         TEXT    NOT NULL,
            mode         TEXT,
            cameo        TEXT,
            status       TEXT    NOT NULL,
            source_code  TEXT,
            source_text  TEXT,
            source_name  TEXT,
            target_code  TEXT,
            target_text  TEXT,
            target_name  TEXT,
            date         TEXT,
            language     TEXT,
            segment_kind TEXT,
            parent       TEXT,
            record       TEXT    NOT NULL,          -- EventRecord JSON (SPEC shape), what outputs read
            model        TEXT    NOT NULL           -- the Event model as JSON, for LoadDocument
        );
        CREATE INDEX events_doc ON events(doc);
        CREATE INDEX events_type ON events(type);
        CREATE INDEX events_status ON events(status);
        CREATE INDEX events_source ON events(source_code);
        CREATE INDEX events_target ON events(target_code);
        CREATE INDEX events_date ON events(date);

        CREATE TABLE claimants (
            event INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
            idx   INTEGER NOT NULL,
            code  TEXT,
            text  TEXT NOT NULL,
            name  TEXT,
            PRIMARY KEY (event, idx)
        );
        CREATE INDEX claimants_code ON claimants(code);
        """,
        // 2: each band row carries its fingerprint, so the near-duplicate lookup never reads
        // documents.simhash — a column after the page text, reached only by walking the text's overflow pages.
        """
        ALTER TABLE simhash_bands ADD COLUMN simhash INTEGER;
        UPDATE simhash_bands SET simhash = (SELECT d.simhash FROM documents d WHERE d.key = simhash_bands.doc);
        """,
        // 3: one append-only row per fingerprinted document; the band lookup is rebuilt in memory
        // (NearDuplicateIndex). The band table's random-order inserts made every commit rewrite
        // pages all over the file.
        """
        CREATE TABLE fingerprints (
            doc     INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
            simhash INTEGER NOT NULL
        );
        INSERT INTO fingerprints (doc, simhash)
            SELECT b.doc, coalesce(min(b.simhash), d.simhash) FROM simhash_bands b JOIN documents d ON d.key = b.doc GROUP BY b.doc;
        DROP TABLE simhash_bands;
        """,
    ];

    public static int Version => Migrations.Length;

    /// <summary>Brings the database up to <see cref="Version"/>; returns the version it found.</summary>
    public static int Migrate(SqliteConnection conn, string path)
    {
        int found = UserVersion(conn);
        if (found > Version)
            throw new CorpusException($"{path}: database schema version {found} is newer than this dyad understands ({Version}); use a newer dyad");
        for (int v = found; v < Version; v++)
        {
            using var tx = conn.BeginTransaction();
            using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Migrations[v] + $"\nPRAGMA user_version = {v + 1};";
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return found;
    }

    public static int UserVersion(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(cmd.ExecuteScalar());
    }
}
