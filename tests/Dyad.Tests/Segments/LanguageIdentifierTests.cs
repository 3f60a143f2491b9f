using Dyad.Segments;
using Dyad.Segments.Language;
using Xunit;

namespace Dyad.Tests.Segments;

public class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Lid = LanguageIdentifier.Default;

    // Sentences written for these tests.
    public static TheoryData<string, string> Sentences => new()
    {
        { "en", "The council said on Tuesday that the new bridge would not open before the end of the year." },
        { "en", "Residents complained that nobody had warned them about the road works outside their homes." },
        { "nl", "De gemeenteraad besloot gisteravond dat de nieuwe brug pas na de zomer open mag." },
        { "nl", "Bewoners klaagden dat niemand hen had gewaarschuwd voor de werkzaamheden aan de weg." },
        { "de", "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke erst im Herbst eröffnet wird." },
        { "de", "Die Anwohner beschwerten sich, dass niemand sie vor den Bauarbeiten gewarnt hatte." },
        { "fr", "Le conseil municipal a décidé mardi que le nouveau pont ne serait pas ouvert avant l'automne." },
        { "fr", "Les habitants se sont plaints que personne ne les avait prévenus des travaux dans leur rue." },
        { "es", "El ayuntamiento decidió el martes que el nuevo puente no se abrirá antes del otoño." },
        { "es", "Los vecinos se quejaron de que nadie les había avisado de las obras en su calle." },
        { "ru", "Городской совет во вторник решил, что новый мост откроется только осенью." },
        { "ru", "Жители жаловались, что никто не предупредил их о ремонте дороги возле домов." },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Identifies_sentences_in_the_six_model_languages(string lang, string sentence)
    {
        var g = Lid.Identify(sentence);
        Assert.Equal(lang, g.Lang);
        Assert.InRange(g.Confidence, 0.8, 1.0);
    }

    [Theory]
    [InlineData("en", "Where did they all go?")]
    [InlineData("nl", "Ik weet het echt niet.")]
    [InlineData("de", "Ich weiß es wirklich nicht.")]
    [InlineData("fr", "Je ne sais vraiment pas.")]
    [InlineData("es", "De verdad que no lo sé.")]
    [InlineData("nl", "Het regent al de hele dag.")]
    [InlineData("en", "It has been raining all day.")]
    public void Identifies_short_lines(string lang, string line) => Assert.Equal(lang, Lid.Identify(line).Lang);

    [Fact]
    public void Dutch_news_sentence_with_English_names_is_Dutch()
    {
        const string s = "Volgens de Amerikaanse minister Mike Pompeo wil de regering van Donald Trump de troepen in Noord-Syrië voorlopig laten zitten, meldt The New York Times.";
        var g = Lid.Identify(s);
        Assert.Equal("nl", g.Lang);
        Assert.True(g.Confidence > 0.8, $"confidence {g.Confidence}");
    }

    [Theory]
    [InlineData("ar", "قال المتحدث إن القوات دخلت المدينة صباح اليوم بعد معارك عنيفة.")]
    [InlineData("fa", "شورای شهر تصمیم گرفت که پل جدید در پاییز باز شود.")]
    [InlineData("he", "הממשלה הודיעה היום על תוכנית חדשה לבניית גשר.")]
    [InlineData("uk", "Міська рада ухвалила рішення про будівництво нового мосту.")]
    [InlineData("bg", "Общинският съвет реши, че новият мост ще бъде открит през есента на тази година.")]
    [InlineData("sr", "Градско веће је одлучило да се нови мост отвори на јесен.")]
    [InlineData("el", "Το δημοτικό συμβούλιο αποφάσισε ότι η νέα γέφυρα θα ανοίξει το φθινόπωρο.")]
    [InlineData("zh", "市议会周二决定新桥将在秋季开放。")]
    [InlineData("ja", "市議会は火曜日に新しい橋を秋に開通させると決めた。")]
    [InlineData("ko", "시의회는 화요일에 새 다리를 가을에 개통하기로 결정했다.")]
    [InlineData("th", "สภาเมืองตัดสินใจเปิดสะพานใหม่ในฤดูใบไม้ร่วง")]
    [InlineData("hi", "नगर परिषद ने नया पुल खोलने का फैसला किया")]
    [InlineData("hy", "Քաղաքային խորհուրդը որոշեց բացել նոր կամուրջը")]
    [InlineData("ka", "ქალაქის საბჭომ ახალი ხიდის გახსნა გადაწყვიტა")]
    public void Script_decides_for_other_writing_systems(string lang, string text)
    {
        var g = Lid.Identify(text);
        Assert.Equal(lang, g.Lang);
        Assert.InRange(g.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("pl", "Rząd nie zatwierdził wniosku, a mieszkańcy są zaniepokojeni sytuacją.")]
    [InlineData("tr", "Hükümet teklifi onaylamadı ve halk durumdan endişe duyuyor.")]
    [InlineData("pt", "O governo não aprovou a proposta e a população está preocupada com a situação.")]
    public void Letters_peculiar_to_other_Latin_script_languages_are_recognised(string lang, string text) =>
        Assert.Equal(lang, Lid.Identify(text).Lang);

    [Theory]
    [InlineData("en", "President Erdoğan said on Monday that Turkish troops would stay in northern Syria for now.")]
    [InlineData("nl", "De Poolse president Wałęsa bezocht in 1990 de haven van Gdańsk en sprak met de arbeiders.")]
    [InlineData("en", "São Paulo and Lisbon signed a trade agreement that will cut tariffs on both sides.")]
    public void Foreign_names_do_not_switch_the_language(string lang, string text) => Assert.Equal(lang, Lid.Identify(text).Lang);

    [Fact]
    public void Majority_script_wins_in_mixed_text()
    {
        Assert.Equal("en", Lid.Identify("The spokesman, whose name is written محمد in the statement, said the talks had failed again.").Lang);
        Assert.Equal("ar", Lid.Identify("قال المتحدث باسم الجيش إن القوات دخلت المدينة (AFP).").Lang);
        Assert.Equal("ru", Lid.Identify("Представитель НАТО заявил агентству Reuters, что переговоры продолжатся.").Lang);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12 345 678 !!! ...")]
    [InlineData("ok")]
    [InlineData("☺ ☺ ☺")]
    public void Too_few_letters_is_und_with_zero_confidence(string text)
    {
        var g = Lid.Identify(text);
        Assert.Equal("und", g.Lang);
        Assert.Equal(0, g.Confidence);
    }

    [Fact]
    public void Short_text_is_less_confident_than_long_text()
    {
        var shortGuess = Lid.Identify("in de stad");
        var longGuess = Lid.Identify("In de stad werd gisteren opnieuw gedemonstreerd tegen de plannen van het kabinet om de belastingen te verhogen.");
        Assert.Equal("nl", longGuess.Lang);
        Assert.True(shortGuess.Confidence < longGuess.Confidence, $"{shortGuess} vs {longGuess}");
    }

    [Fact]
    public void Identifies_a_span_inside_a_larger_text()
    {
        const string en = "The army said it had taken control of the airport after two days of heavy fighting. ";
        const string nl = "Het leger zegt dat het vliegveld na twee dagen van zware gevechten is ingenomen. ";
        string text = en + nl + en;
        Assert.Equal("nl", Lid.Identify(text, en.Length, en.Length + nl.Length).Lang);
        Assert.Equal("en", Lid.Identify(text, 0, en.Length).Lang);
        Assert.Equal("und", Lid.Identify(text, 5, 5).Lang);
        Assert.Throws<ArgumentOutOfRangeException>(() => Lid.Identify(text, 10, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lid.Identify(text, 0, text.Length + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lid.Identify(text, -1, 3));
    }

    [Theory]
    [InlineData("nl", 2)]
    [InlineData("en", 0)]
    [InlineData("de", 4)]
    public void Long_spans_are_identified_from_windows(string lang, int row)
    {
        // Two sentences of the language repeated well past the full-scoring length.
        var rows = Sentences.Select(r => (string)r[1]).ToArray();
        string text = string.Join(" ", Enumerable.Repeat(rows[row] + " " + rows[row + 1], 40));
        Assert.True(text.Length > LidModel.FullScoreChars * 2);
        var g = Lid.Identify(text);
        Assert.Equal(lang, g.Lang);
        Assert.True(g.Confidence > 0.95, g.ToString());
    }

    [Fact]
    public void Upper_case_and_extra_punctuation_do_not_change_the_answer()
    {
        const string s = "De burgemeester wil de haven uitbreiden, maar de provincie is tegen.";
        Assert.Equal("nl", Lid.Identify(s.ToUpperInvariant()).Lang);
        Assert.Equal("nl", Lid.Identify("*** " + s.Replace(" ", " -- ") + " !!! 2024").Lang);
    }

    [Fact]
    public void Identify_allocates_nothing_once_loaded()
    {
        var texts = Sentences.Select(r => (string)r[1]).Append("市议会周二决定新桥将在秋季开放。").Append("ok").ToArray();
        foreach (var t in texts) Lid.Identify(t);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
            foreach (var t in texts) Lid.Identify(t, 0, t.Length);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Is_thread_safe_and_deterministic()
    {
        var texts = Sentences.Select(r => (string)r[1]).ToArray();
        var expected = texts.Select(t => Lid.Identify(t)).ToArray();
        var got = new LanguageGuess[texts.Length * 50];
        Parallel.For(0, got.Length, i => got[i] = Lid.Identify(texts[i % texts.Length]));
        for (int i = 0; i < got.Length; i++) Assert.Equal(expected[i % texts.Length], got[i]);
    }

    [Fact]
    public void Model_file_round_trips_and_rejects_bad_files()
    {
        var model = Lid.Model;
        Assert.NotNull(model);
        Assert.Equal(["en", "nl", "de", "fr", "es", "ru"], model!.Classes);
        var ms = new MemoryStream();
        model.Write(ms);
        Assert.True(ms.Length < 1024 * 1024, $"model is {ms.Length} bytes");
        ms.Position = 0;
        var copy = new LanguageIdentifier(LidModel.Read(ms, "copy"));
        foreach (var row in Sentences) Assert.Equal(Lid.Identify((string)row[1]), copy.Identify((string)row[1]));

        var bad = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(bad, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
            gz.Write("not a model at all"u8);
        bad.Position = 0;
        var ex = Assert.Throws<InvalidDataException>(() => LidModel.Read(bad, "bad.bin.gz"));
        Assert.Contains("bad.bin.gz", ex.Message);
    }

    [Fact]
    public void Trainer_learns_a_toy_language_pair()
    {
        string[] a = ["the cat sat on the mat", "the dog ate the bone", "a cat and a dog", "the mat is on the floor"];
        string[] b = ["kala kivi talo", "talo on iso kivi", "iso kala uida", "kivi on talossa"];
        var m = LidTrainer.Train(["en", "fi"], [a, b], new LidTrainOptions { Bits = 12, Epochs = 3, DrawsPerClass = 300 });
        Span<double> s = stackalloc double[2];
        m.Score("the cat is on the floor", s);
        Assert.True(s[0] > s[1]);
        m.Score("iso talo on kivi", s);
        Assert.True(s[1] > s[0]);
    }

    [SharedFact]
    public void Held_out_accuracy_on_a_sample_meets_the_target()
    {
        string shared = SharedData.Root!;
        // The first 60 long (10+ words) and 30 short (3–9 words) held-out sentences per language.
        var data = LidCorpus.Languages.Select(l =>
        {
            var test = LidCorpus.Load(shared, l, LidCorpus.Split.Test);
            var longs = test.Where(s => LidCorpus.Words(s) >= 10).Take(60);
            var shorts = test.Where(s => LidCorpus.Words(s) is >= 3 and < 10).Take(30);
            return (l, (IReadOnlyList<string>)longs.Concat(shorts).ToList());
        }).ToList();
        var ev = LidEvaluation.Run(Lid, data);
        Assert.Equal(360, ev.AllLong.Total);
        Assert.True(ev.AllLong.Accuracy >= 0.98, $"10+ words: {ev.AllLong}");
        Assert.True(ev.AllShort.Accuracy >= 0.93, $"3-9 words: {ev.AllShort}");
    }

    [Fact]
    public void Ascii_letter_count_matches_a_plain_loop()
    {
        var rng = new Random(11);
        const string alphabet = "abcxyzABCXYZ@[`{ 09'-_\n";
        for (int n = 0; n < 200; n++)
        {
            var chars = new char[rng.Next(0, 90)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[rng.Next(alphabet.Length)];
            int expected = chars.Count(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');
            Assert.Equal(expected, Scripts.AsciiLetters(chars));
        }
    }

    [Fact]
    public void Long_spans_stop_scoring_once_decided_and_keep_the_answer()
    {
        string en = string.Join(" ", Enumerable.Repeat(
            "The council said on Tuesday that the new bridge would not open before the end of the year, and residents were angry.", 6));
        string nl = string.Join(" ", Enumerable.Repeat(
            "De gemeenteraad besloot gisteravond dat de nieuwe brug pas na de zomer open mag, tot ongenoegen van de bewoners.", 6));
        var model = Lid.Model!;
        Span<double> scores = stackalloc double[model.Classes.Length];
        foreach (var (lang, text) in new[] { ("en", en), ("nl", nl) })
        {
            Assert.True(text.Length > LidModel.EarlyStopChars);
            var guess = Lid.Identify(text);
            Assert.Equal(lang, guess.Lang);
            Assert.True(guess.Confidence > 0.95, $"{lang}: {guess.Confidence}");
            // Scored on a prefix only: far fewer features than the span has.
            int used = model.Score(text, scores);
            int all = model.Score(text.AsSpan(0, LidModel.EarlyStopChars), scores) * text.Length / LidModel.EarlyStopChars;
            Assert.True(used < all / 2, $"{lang}: {used} features of about {all}");
        }
        // A short English opening does not decide a span that is Dutch from then on.
        string mixed = "The minister said: " + nl;
        Assert.Equal("nl", Lid.Identify(mixed).Lang);
    }
}
