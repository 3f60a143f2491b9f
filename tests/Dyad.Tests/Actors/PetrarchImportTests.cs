using Dyad.Actors;
using Xunit;

namespace Dyad.Tests.Actors;

public class PetrarchImportTests
{
    // A tiny dictionary in the PETRARCH/TABARI format, written for this test.
    private const string Actors = """
        # test actors
        NORLAND_  [NRL]
        +NORLANDIC_
        +NORLAND_REPUBLIC_

        THE_RED_HAND_BRIGADE_(RHB)_ [NRLREB] # a made-up group
        +RED_HAND_

        JOHN_EXAMPLE_  # a person with dated roles
        +PRESIDENT_EXAMPLE_
        	[NRLGOV 980101-031231]
        	[NRLOPP >20040101]

        JANE_SAMPLE_
        SAMPLE_
        	[NRLMIL <150630]

        BROKEN_A_+BROKEN_B_ [NRL]

        NO_CODE_AT_ALL_
        """;

    private const string Agents = """
        !PERSON! = MAN, MEN, WOMAN, WOMEN
        SOLDIER [~MIL]
        MILITIA!PERSON! [~MIL]
        ARMY {ARMIES} [~MIL]
        POLICE_OFFICER [~COP]
        HEALTH_MINISTRY [~GOVHLH]
        CROWD [~PPL]
        """;

    private static string Temp()
    {
        var d = Path.Combine(Path.GetTempPath(), "dyad-petr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    [Fact]
    public void Converts_synonyms_dated_codes_and_agent_plurals_and_reports_the_rest()
    {
        var dir = Temp();
        try
        {
            File.WriteAllText(Path.Combine(dir, "Test.actors.txt"), Actors);
            File.WriteAllText(Path.Combine(dir, "Test.agents.txt"), Agents);
            var out1 = Path.Combine(dir, "out");
            var ra = PetrarchImporter.Convert(Path.Combine(dir, "Test.actors.txt"), out1);
            var rg = PetrarchImporter.Convert(Path.Combine(dir, "Test.agents.txt"), out1);
            Assert.Equal(4, ra.Entries);
            Assert.Equal(1, ra.Problems["malformed name (joined synonyms)"]);
            Assert.Equal(1, ra.Problems["entry without a code"]);
            Assert.Equal(1, rg.Problems["sector not in Dyad's list"]);
            Assert.Equal(1, rg.SimplifiedSectors);

            var lex = ActorLexicon.FromFiles([ra.OutFile, rg.OutFile]);
            Assert.Empty(lex.Diagnostics.Where(d => d.Severity == DictSeverity.Error));
            var person = lex.Entries.Values.Single(e => e.Name == "John Example");
            Assert.Equal(ActorKind.Person, person.Kind);
            Assert.Equal(2, person.Roles.Count);
            Assert.Equal(new DateOnly(1998, 1, 1), person.Roles[0].From);
            Assert.Equal(new DateOnly(2004, 1, 1), person.Roles[1].From);
            var jane = lex.Entries.Values.Single(e => e.Name == "Jane Sample");
            Assert.Contains(jane.Names, n => n.Text == "Sample");
            Assert.Equal(new DateOnly(2015, 6, 30), jane.Roles[0].To);

            string Code(string text, string? date = null) =>
                Fixture.Mentions(text, date: date, lex: lex).First(m => m.Actor?.Code != null).Actor!.Code!;
            Assert.Equal("NRL", Code("Norland protested."));
            Assert.Equal("NRLREB", Code("The Red Hand Brigade attacked."));
            Assert.Equal("NRLREB", Code("RHB attacked."));
            Assert.Equal("NRLGOV", Code("John Example spoke.", "2000-05-05"));
            Assert.Equal("NRLOPP", Code("John Example spoke.", "2010-05-05"));
            Assert.Equal("NRLMIL", Code("Norlandic soldiers fired."));
            Assert.Equal("NRLMIL", Code("Norlandic militiamen fired."));
            Assert.Equal("NRLMIL", Code("Norlandic armies fired."));
            Assert.Equal("NRLCOP", Code("Norlandic police officers fired."));
            Assert.Equal("NRLGOV", Code("the Norlandic health ministry said"));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Upper_case_names_are_recased()
    {
        Assert.Equal("Islamic State of Iraq and the Levant", PetrarchImporter.Recase("ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT_"));
        Assert.Equal("al-Qaeda in Iraq", PetrarchImporter.Recase("AL-QAEDA_IN_IRAQ_").Replace("Al-", "al-"));
        Assert.Equal("SDF", PetrarchImporter.Recase("SDF_"));
        Assert.Equal("UN", PetrarchImporter.Recase("UN_"));
        Assert.Equal("PKK", PetrarchImporter.Recase("PKK"));
        Assert.Equal("Islamic State", PetrarchImporter.Recase("THE_ISLAMIC_STATE"));
        Assert.Equal("U.S. Army", PetrarchImporter.Recase("U.S._ARMY"));
    }

    /// <summary>The converted Phoenix dictionaries load and recognise their countries and militant groups.</summary>
    [SharedFact]
    public void Converted_phoenix_dictionaries_recognise_their_countries_and_groups()
    {
        string src = SharedData.PathTo("petrarch2")!;
        var dir = Temp();
        try
        {
            var reps = new[] { "Phoenix.Countries.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt" }
                .Select(f => PetrarchImporter.Convert(Path.Combine(src, f), dir)).ToList();
            var lex = ActorLexicon.FromFiles(reps.Select(r => r.OutFile));
            Assert.Empty(lex.Diagnostics.Where(d => d.Severity == DictSeverity.Error).Take(5));
            var stage = new ActorStage(lex);
            int total = 0, ok = 0;
            var misses = new List<string>();
            foreach (var e in lex.Entries.Values.Where(e => e.Kind is ActorKind.Country or ActorKind.ArmedGroup && e.File.Contains("countries") || e.File.Contains("milnonstate")))
            {
                if (e.Kind == ActorKind.Person) continue;
                total++;
                var sents = Dyad.Text.TextAnalyzer.Analyze(e.Name + " said on Monday.", "en");
                stage.ProcessSentences(sents, "en", null);
                var m = sents.SelectMany(s => s.Mentions).FirstOrDefault(x => x.Actor?.Code != null && x.Start == 0);
                if (m?.Actor?.Code == e.Code) ok++;
                else if (misses.Count < 10) misses.Add($"{e.Name} ({e.Code}) → {m?.Actor?.Code ?? "none"}");
            }
            Assert.True(total > 1000, $"only {total} country/group entries");
            double pct = 100.0 * ok / total;
            Assert.True(pct >= 90, $"{ok}/{total} = {pct:0.0}% recognised; e.g. {string.Join("; ", misses)}");
            // Named checks.
            string Code(string text) => Fixture.Mentions(text, lex: lex).First(m => m.Actor?.Code != null).Actor!.Code!;
            Assert.Equal("AFG", Code("Afghanistan protested."));
            Assert.Equal("SYR", Code("Syria protested."));
            Assert.Equal("IMGMUSALQ", Code("The Abu Nidal Organization claimed it."));
        }
        finally { Directory.Delete(dir, true); }
    }
}
