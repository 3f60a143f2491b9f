using Dyad.Events;
using Dyad.Events.Evaluation;
using Dyad.Model;
using Xunit;

namespace Dyad.Tests.Events;

public class EvaluationTests
{
    private static ActorRef Ref(string code, string? country, string? sector) => new() { Code = code, Country = country, Sector = sector };

    [Theory]
    [InlineData("USA", null, "USAGOV", "USA", "GOV", true)]      // gold without sector: any sector of the country
    [InlineData("RUS", "GOV", "RUSGOV", "RUS", "GOV", true)]
    [InlineData("RUS", "GOV", "RUSMIL", "RUS", "MIL", false)]
    [InlineData("JAP", "GOV", "JPNGOV", "JPN", "GOV", true)]     // old CAMEO country code
    [InlineData("IGO", null, "IGOUNO", null, null, true)]        // generic prefix
    [InlineData("PSE", "CVLalb", "PSECVL", "PSE", "CVL", true)]  // sector suffixes beyond three letters
    [InlineData("ISR", "***", "ISRMIL", "ISR", "MIL", true)]
    [InlineData("SYR", null, "TURMIL", "TUR", "MIL", false)]
    public void Lenient_code_matching(string gold, string? goldSector, string code, string? country, string? sector, bool expected)
    {
        Assert.Equal(expected, ActorMatch.ByCode(new GoldActor("x", gold, goldSector), Ref(code, country, sector)));
    }

    [Fact]
    public void Unresolved_prediction_never_matches_by_code_but_can_by_span()
    {
        var g = new GoldActor("Israeli soldiers", "ISR", "MIL");
        Assert.False(ActorMatch.ByCode(g, null));
        Assert.True(ActorMatch.ByText(g.Text, "the soldiers"));
        Assert.False(ActorMatch.ByText(g.Text, "the village"));
        Assert.False(ActorMatch.ByText("the army", "the")); // stop words alone do not match
    }

    [Fact]
    public void Csv_reader_handles_quotes_commas_and_newlines()
    {
        var rows = Csv.Read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], rows[1]);
        Assert.Equal(["1", "", "3"], rows[2]);
    }

    [Theory]
    [InlineData("ASSAULT", null, 4)]
    [InlineData("SANCTION", null, 3)]
    [InlineData("MOBILIZE", "troops", 2)]
    [InlineData("REQUEST", "appeal", 0)]
    [InlineData("REQUEST", "demand", 3)]
    [InlineData("AGREE", "intent", 1)]
    [InlineData("AID", "humanitarian", 2)]
    public void ConfliBert_quad_mapping(string type, string? mode, int quad) =>
        Assert.Equal(quad, PloverTypes.ConfliBertQuad(type, mode));

    [SharedFact]
    public void Gsr_loader_reads_every_record_with_normalised_types()
    {
        var recs = PloverGsrEval.Load(SharedData.PathTo("gold", "plover_gsr", "PLOVER_GSR_CAMEO.json")!);
        Assert.Equal(322, recs.Count); // the DOCUMENT record is skipped
        Assert.All(recs, r => Assert.True(PloverTypes.IsType(r.Type), r.RawType));
        Assert.Contains(recs, r => r.RawType == "DEMAND" && r.Type == "REQUEST");
        Assert.True(recs.Count(r => r.Sources.Count > 0) > 300);
        Assert.True(recs.Count(r => r.EventWords.Count > 0) > 300);
    }

    [SharedFact]
    public void ConfliBert_loader_skips_rows_without_a_class()
    {
        var test = ConfliBertEval.Load(SharedData.PathTo("gold", "conflibert_cameo", "cameo_joined_test.csv")!);
        Assert.Equal(451, test.Count);
        var train = ConfliBertEval.Load(SharedData.PathTo("gold", "conflibert_cameo", "cameo_joined_train.csv")!);
        Assert.Equal(935, train.Count); // 218 of 1153 rows have no quad class
        Assert.All(train, r => Assert.InRange(r.Quad, 0, 4));
    }

    [Fact]
    public void Bad_gold_json_is_an_error_naming_the_file()
    {
        var f = Path.Combine(Path.GetTempPath(), "dyad-gsr-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(f, "{\"not\": \"an array\"}");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => PloverGsrEval.Load(f));
            Assert.Contains(Path.GetFileName(f), e.Message);
        }
        finally { File.Delete(f); }
    }
}
