using Dyad.Corpus;
using Dyad.Model;
using Microsoft.Data.Sqlite;
using Xunit;
using static Dyad.Tests.Corpus.CorpusTestData;

namespace Dyad.Tests.Corpus;

public class SqliteCorpusStoreTests
{
    [Fact]
    public void Loaded_document_equals_the_one_stored()
    {
        var doc = FullDocument();
        string expected = Describe(doc);
        string db = TempDb("roundtrip");
        using (var store = SqliteCorpusStore.Open(db))
            Assert.Equal(AddOutcome.Added, store.AddBatch([doc])[0].Outcome);
        using (var store = SqliteCorpusStore.Open(db, create: false))
        {
            var loaded = store.LoadDocument(doc.Id);
            Assert.NotNull(loaded);
            Assert.Equal(expected, Describe(loaded));
            Assert.Same(loaded.Segments[0].Sentences[0].Mentions[0], loaded.Segments[1].Sentences[0].Mentions[0].Antecedent);
            Assert.Empty(store.CheckConsistency());
        }
    }

    [Fact]
    public void Stored_event_record_is_the_spec_record_of_the_event()
    {
        var doc = FullDocument();
        using var store = SqliteCorpusStore.Open(TempDb("record"));
        store.AddBatch([doc]);
        var records = store.Events(new EventFilter()).ToList();
        Assert.Equal(doc.Events.Select(e => EventRecord.From(doc, e).ToJson()), records.Select(r => r.ToJson()));
        Assert.Equal("alleged", records[0].Claim.Status);
        Assert.Equal("comment", records[1].Segment.Kind);
    }

    [Fact]
    public void Adding_a_stored_document_again_adds_nothing()
    {
        using var store = SqliteCorpusStore.Open(TempDb("idem"));
        var doc = FullDocument();
        store.AddBatch([doc]);
        var before = store.Stats();
        var again = FullDocument();
        var result = store.AddBatch([again, PlainDocument(RandomPage(1), "b.txt")]);
        Assert.Equal(AddOutcome.AlreadyStored, result[0].Outcome);
        Assert.Equal(AddOutcome.Added, result[1].Outcome);
        var after = store.Stats();
        Assert.Equal(before.Documents + 1, after.Documents);
        Assert.Equal(before.Events, after.Events);
        Assert.Equal(before.Sentences, after.Sentences);
        Assert.True(store.Contains(doc.Id));
        Assert.False(store.Contains("0000000000000000"));
    }

    [Fact]
    public void Near_duplicate_raises_the_copy_count_instead_of_storing()
    {
        using var store = SqliteCorpusStore.Open(TempDb("neardup"));
        string page = RandomPage(7, sentences: 40);
        string edited = page.Replace("Page 7.", "Page 7!") + " Updated.";
        var a = PlainDocument(page, "site-a/page.txt");
        var b = PlainDocument(edited, "site-b/page.txt");
        var c = PlainDocument(RandomPage(8, sentences: 40), "site-a/other.txt");
        Assert.NotEqual(a.Id, b.Id);
        var r = store.AddBatch([a, b, c]);
        Assert.Equal([AddOutcome.Added, AddOutcome.NearDuplicate, AddOutcome.Added], r.Select(x => x.Outcome));
        Assert.Equal(a.Id, r[1].DuplicateOf);
        Assert.Equal(2, store.FindDocument(a.Id)!.Copies);
        Assert.Equal(1, store.FindDocument(c.Id)!.Copies);
        // The folded document is known: adding it again changes nothing, and its path finds the original.
        Assert.True(store.Contains(b.Id));
        Assert.Equal(AddOutcome.AlreadyStored, store.AddBatch([PlainDocument(edited, "site-b/page.txt")])[0].Outcome);
        Assert.Equal(2, store.FindDocument(a.Id)!.Copies);
        Assert.Equal(a.Id, store.FindDocument("site-b/page.txt")!.Id);
        Assert.Equal(2, store.Stats().Documents);
    }

    [Fact]
    public void Near_duplicates_are_found_after_reopening_and_across_two_open_stores()
    {
        string db = TempDb("neardup-reopen");
        string page = RandomPage(31, sentences: 40);
        using (var store = SqliteCorpusStore.Open(db))
            Assert.Equal(AddOutcome.Added, store.AddBatch([PlainDocument(page, "a.txt")])[0].Outcome);
        // A new process: the in-memory band index is rebuilt from the fingerprints table.
        using var first = SqliteCorpusStore.Open(db);
        Assert.Equal(AddOutcome.NearDuplicate, first.AddBatch([PlainDocument(page + " One more.", "b.txt")])[0].Outcome);
        // A second store on the same file adds a page; the first one sees its fingerprint on its next batch.
        string other = RandomPage(32, sentences: 40);
        using (var second = SqliteCorpusStore.Open(db))
            Assert.Equal(AddOutcome.Added, second.AddBatch([PlainDocument(other, "c.txt")])[0].Outcome);
        var r = first.AddBatch([PlainDocument(other + " Edited.", "d.txt")]);
        Assert.Equal(AddOutcome.NearDuplicate, r[0].Outcome);
        Assert.Equal(2, first.Stats().Documents);
    }

    [Fact]
    public void Version_1_database_migrates_and_still_finds_near_duplicates_and_copy_counts()
    {
        string db = TempDb("v1");
        string page = RandomPage(21, sentences: 40);
        ulong sh = DocumentFingerprint.SimHash(page);
        using (var conn = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = SqliteSchema.Migrations[0] + "\nPRAGMA user_version = 1;";
            cmd.ExecuteNonQuery();
            cmd.CommandText = """
                INSERT INTO documents (key, id, path, format, text, simhash, segments, sentences, events, added)
                VALUES (1, 'v1doc', 'old/page.txt', 'txt', $text, $sh, 0, 0, 0, '2017-10-05T00:00:00Z')
                """;
            cmd.Parameters.AddWithValue("$text", page);
            cmd.Parameters.AddWithValue("$sh", unchecked((long)sh));
            cmd.ExecuteNonQuery();
            for (int b = 0; b < 4; b++)
            {
                cmd.CommandText = $"INSERT INTO simhash_bands (band, doc) VALUES ({DocumentFingerprint.Band(sh, b)}, 1)";
                cmd.ExecuteNonQuery();
            }
        }
        using var store = SqliteCorpusStore.Open(db);
        Assert.Equal(1, store.FoundSchemaVersion);
        Assert.Empty(store.CopyCounts());
        var r = store.AddBatch([PlainDocument(page + " One more line.", "new/page.txt")]);
        Assert.Equal(AddOutcome.NearDuplicate, r[0].Outcome);
        Assert.Equal("v1doc", r[0].DuplicateOf);
        Assert.Equal(2, store.CopyCounts()["v1doc"]);
        Assert.Equal(store.Documents().Where(d => d.Copies > 1).ToDictionary(d => d.Id, d => d.Copies), store.CopyCounts());
    }

    [Fact]
    public void Short_documents_are_only_deduplicated_by_exact_content()
    {
        using var store = SqliteCorpusStore.Open(TempDb("short"));
        var r = store.AddBatch([PlainDocument("Troops left the town.", "a.txt"), PlainDocument("Troops left the city.", "b.txt")]);
        Assert.All(r, x => Assert.Equal(AddOutcome.Added, x.Outcome));
    }

    [Fact]
    public void New_database_gets_the_current_schema_and_reopens_with_its_data()
    {
        string db = TempDb("migrate");
        using (var store = SqliteCorpusStore.Open(db))
        {
            Assert.Equal(0, store.FoundSchemaVersion);
            store.AddBatch([PlainDocument(RandomPage(3), "p.txt")]);
        }
        using (var store = SqliteCorpusStore.Open(db))
        {
            Assert.Equal(SqliteSchema.Version, store.FoundSchemaVersion);
            Assert.Equal(1, store.Stats().Documents);
        }
        using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA user_version";
        Assert.Equal((long)SqliteSchema.Version, cmd.ExecuteScalar());
    }

    [Fact]
    public void Database_from_a_newer_dyad_is_refused_with_its_path()
    {
        string db = TempDb("newer");
        using (var conn = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"PRAGMA user_version = {SqliteSchema.Version + 5}";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<CorpusException>(() => SqliteCorpusStore.Open(db));
        Assert.Contains(db, e.Message);
        Assert.Contains("newer", e.Message);
    }

    [Theory]
    [InlineData("not-a-database")]
    [InlineData("folder")]
    [InlineData("missing-folder")]
    [InlineData("missing-file-read")]
    public void Unusable_database_path_is_one_clear_error(string kind)
    {
        string dir = Path.GetDirectoryName(TempDb("bad"))!;
        string path = kind switch
        {
            "not-a-database" => Path.Combine(dir, "notes.db"),
            "folder" => dir,
            "missing-folder" => Path.Combine(dir, "no", "such", "x.db"),
            _ => Path.Combine(dir, "absent.db"),
        };
        if (kind == "not-a-database") File.WriteAllText(path, new string('x', 4096));
        var e = Assert.Throws<CorpusException>(() => SqliteCorpusStore.Open(path, create: kind != "missing-file-read"));
        Assert.StartsWith(path, e.Message);
        Assert.DoesNotContain("\n", e.Message);
        Assert.DoesNotContain("   at ", e.Message);
    }

    [Fact]
    public void Documents_are_found_by_id_prefix_path_and_unique_suffix()
    {
        using var store = SqliteCorpusStore.Open(TempDb("lookup"));
        var a = PlainDocument(RandomPage(11), "corpus/2017/003_comments.html");
        var b = PlainDocument(RandomPage(12), "corpus/2017/004_blog.html");
        var c = PlainDocument(RandomPage(13), "feed.jsonl:12");
        c.Uri = "https://example.org/news/item-12";
        store.AddBatch([a, b, c]);
        Assert.Equal(a.Id, store.LoadDocument(a.Id)!.Id);
        Assert.Equal(a.Id, store.LoadDocument(a.Id[..6])!.Id);
        Assert.Equal(a.Id, store.LoadDocument("corpus/2017/003_comments.html")!.Id);
        Assert.Equal(a.Id, store.LoadDocument("003_comments.html")!.Id);
        Assert.Equal(b.Id, store.LoadDocument("blog.html")!.Id);
        Assert.Equal(c.Id, store.LoadDocument("feed.jsonl:12")!.Id);
        Assert.Equal(c.Id, store.LoadDocument("https://example.org/news/item-12")!.Id);
        Assert.Equal(c.Id, store.LoadDocument("item-12")!.Id);
        Assert.Null(store.LoadDocument("005_missing.html"));
        var e = Assert.Throws<CorpusException>(() => store.LoadDocument(".html"));
        Assert.Contains("003_comments.html", e.Message);
        Assert.Contains("004_blog.html", e.Message);
    }

    [Fact]
    public void Event_filters_combine()
    {
        using var store = SqliteCorpusStore.Open(TempDb("filters"));
        var d1 = EventDoc(1, "en", SegmentKind.Article,
            ("ASSAULT", ClaimStatus.Asserted, "SYRMIL", "Syria", "REB", "rebels", null, "2017-10-01"),
            ("ACCUSE", ClaimStatus.Asserted, "RUSGOV", "Russia", "USA", "United States", null, "2017-10-04"),
            ("AID", ClaimStatus.Alleged, "USA", "United States", "IMGMUSAQ", "al-Qaeda", "RUSGOV", "2017-10-04"));
        var d2 = EventDoc(2, "nl", SegmentKind.Comment,
            ("ASSAULT", ClaimStatus.Reported, "RUSMIL", "Russia", "SYRCVL", "Syria", "SYRREB", "2017-11-20"),
            ("ASSAULT", ClaimStatus.Denied, "TURMIL", "Turkey", null, "Kurdish fighters", "TURGOV", "2018-02-08"));
        store.AddBatch([d1, d2]);

        IEnumerable<string> Ids(EventFilter f) => store.Events(f).Select(r => r.Id);
        Assert.Equal(5, Ids(new EventFilter()).Count());
        Assert.Equal(["d1-0", "d2-0", "d2-1"], Ids(new EventFilter { Type = "assault" }));
        Assert.Equal(["d1-0", "d2-0"], Ids(new EventFilter { Actor = "SYR" }).Order());   // code prefix
        Assert.Equal(["d1-1", "d2-0"], Ids(new EventFilter { Actor = "russia" }).Order());        // name, any case
        Assert.Equal(["d2-1"], Ids(new EventFilter { Actor = "kurdish" }));                          // unresolved text
        Assert.Equal(["d2-0"], Ids(new EventFilter { Actor = "Russia", Type = "ASSAULT" }));
        Assert.Equal(["d1-2"], Ids(new EventFilter { Claimant = "RUS" }));
        Assert.Equal(["d1-2", "d2-1"], Ids(new EventFilter { Status = "alleged,denied" }));
        Assert.Equal(["d2-0", "d2-1"], Ids(new EventFilter { Language = "nl" }));
        Assert.Equal(["d2-0", "d2-1"], Ids(new EventFilter { SegmentKind = "comment" }));
        Assert.Equal(["d1-0", "d1-1", "d1-2"], Ids(new EventFilter { Document = d1.Id }));
        Assert.Equal(["d1-1", "d1-2", "d2-0"], Ids(new EventFilter { From = "2017-10-02", To = "2017-11" }));
        Assert.Equal(["d1-0", "d1-1"], Ids(new EventFilter { Document = "doc1.txt", Limit = 2 }));
        Assert.Empty(Ids(new EventFilter { Type = "ASSAULT", Status = "alleged" }));
        Assert.Throws<CorpusException>(() => Ids(new EventFilter { Document = "nowhere.txt" }).ToList());
    }

    [Fact]
    public void Stats_and_mentions_count_what_was_stored()
    {
        using var store = SqliteCorpusStore.Open(TempDb("stats"));
        store.AddBatch([FullDocument(), PlainDocument(RandomPage(5), "x.txt")]);
        var st = store.Stats();
        Assert.Equal(2, st.Documents);
        Assert.Equal(4, st.Segments);
        Assert.Equal(3, st.Sentences);
        Assert.Equal(2, st.Events);
        Assert.Equal(2, st.SegmentsByKind["article"]);
        Assert.Equal(1, st.SegmentsByKind["comment"]);
        Assert.Equal(1, st.EventsByStatus["denied"]);
        var mentions = store.Mentions().ToList();
        Assert.Equal(3, mentions.Count);
        Assert.Equal("SYRMIL", mentions[0].Code);
        Assert.Null(mentions[1].Code);
        Assert.Equal("unresolved", mentions[1].Kind);
        var docs = store.Documents().ToList();
        Assert.Equal([3, 1], docs.Select(d => d.Segments));
    }

    private static Document EventDoc(int n, string lang, SegmentKind kind,
        params (string Type, ClaimStatus Status, string? SrcCode, string Src, string? TgtCode, string Tgt, string? Claimant, string Date)[] events)
    {
        var doc = PlainDocument(RandomPage(100 + n), $"doc{n}.txt");
        var seg = doc.Segments[0];
        seg.Kind = kind;
        seg.Language = lang;
        seg.Sentences.Add(new Sentence { Index = 0, Start = 0, End = 10, Text = doc.Text[..10], Language = lang });
        for (int i = 0; i < events.Length; i++)
        {
            var e = events[i];
            var ev = new Event
            {
                Id = $"d{n}-{i}", Type = e.Type, Trigger = new TextSpan("x", 0, 1), Date = e.Date,
                Source = new ActorArg { Text = e.Src, Actor = e.SrcCode == null ? null : new ActorRef { Code = e.SrcCode, Name = e.Src } },
                Target = new ActorArg { Text = e.Tgt, Actor = e.TgtCode == null ? null : new ActorRef { Code = e.TgtCode, Name = e.Tgt } },
            };
            ev.Claim.Status = e.Status;
            if (e.Claimant != null)
                ev.Claim.Claimants.Add(new Claimant { Actor = new ActorArg { Text = "the ministry", Actor = new ActorRef { Code = e.Claimant } } });
            doc.Events.Add(ev);
        }
        return doc;
    }
}
