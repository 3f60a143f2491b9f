using Dyad.Events.Evaluation;
using Xunit;
using Xunit.Abstractions;

namespace Dyad.Tests.ClaimSuite;

/// <summary>Skips (with a message) when the English or Dutch syntax model is not available.</summary>
public sealed class ModelFactAttribute : FactAttribute
{
    public ModelFactAttribute()
    {
        if (!EvalPipeline.HasModel("en") || !EvalPipeline.HasModel("nl"))
            Skip = "no shipped syntax models for en and nl (src/Dyad/models/ not merged yet, DYAD_MODELS not set): the claim suite needs real parses";
    }
}

/// <summary>
/// The claim suite (ClaimSuite/*.yaml) through the whole pipeline: Text → Syntax → Actors → Events on a
/// one-segment document with the shipped models. Asserts claim-status accuracy ≥ 90% over matched events,
/// that every word-order pair gives the same answer, and a floor on matched events.
/// </summary>
public class ClaimSuiteTests
{
    private readonly ITestOutputHelper _out;
    public ClaimSuiteTests(ITestOutputHelper output) => _out = output;

    private static string SuiteDir => Path.Combine(AppContext.BaseDirectory, "ClaimSuite");

    private static readonly Lazy<Dyad.Events.Evaluation.ClaimSuite.Scores> Scores = new(() =>
        Dyad.Events.Evaluation.ClaimSuite.Run(Dyad.Events.Evaluation.ClaimSuite.Load(SuiteDir), new EvalPipeline()));

    [Fact]
    public void Suite_files_load_and_cover_every_status_in_both_languages()
    {
        var cases = Dyad.Events.Evaluation.ClaimSuite.Load(SuiteDir);
        Assert.True(cases.Count >= 150, $"only {cases.Count} cases");
        Assert.Contains(cases, c => c.Lang == "nl");
        var statuses = cases.SelectMany(c => c.Events).Select(e => e.Status).ToHashSet();
        foreach (var s in Enum.GetValues<Dyad.Model.ClaimStatus>())
            Assert.Contains(Dyad.Model.ClaimStatusNames.Name(s), statuses);
        foreach (var lang in new[] { "en", "nl" })
            Assert.True(cases.Where(c => c.Lang == lang && c.Pair != null).GroupBy(c => c.Pair).Count(g => g.Count() > 1) >= 5,
                $"fewer than 5 word-order pairs in {lang}");
        Assert.Contains(cases, c => c.Events.Any(e => e.Parent != null));
        Assert.Contains(cases, c => c.Events.Any(e => e.Claimants is { Count: >= 2 }));
    }

    [Fact]
    public void Bad_suite_file_names_file_and_problem()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dyad-claims-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "bad.yaml"), "lang: en\ncases:\n  - {id: x, text: \"A attacked B.\", events: [{type: BOMB, status: asserted}]}\n");
            var e = Assert.Throws<InvalidDataException>(() => Dyad.Events.Evaluation.ClaimSuite.Load(dir));
            Assert.Contains("bad.yaml", e.Message);
            Assert.Contains("BOMB", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [ModelFact]
    public void Claim_status_accuracy_is_at_least_90_percent_and_word_order_never_changes_the_answer()
    {
        var s = Scores.Value;
        _out.WriteLine(Dyad.Events.Evaluation.ClaimSuite.Report(s, details: true));
        Assert.True(s.All.Status.Value >= 0.90, $"claim-status accuracy {s.All.Status} < 0.90");
        // Word order never changes the answer for an event found in every order (status and claimants identical).
        Assert.True(s.PairFailures.Count == 0, "word-order pairs disagree:\n" + string.Join("\n", s.PairFailures));
        // An event missed in one order only is a parse failure; at most one pair may be incomplete (1/21 measured).
        Assert.True(s.PairsIncomplete.Count <= 1, "word-order pairs missing an event in one order:\n" + string.Join("\n", s.PairsIncomplete));
        // Floor on recall so that a stage that finds nothing cannot pass (measured 0.82 on the models of 2026-12-04).
        Assert.True(s.All.Recall >= 0.70, $"only {s.All.Matched}/{s.All.Expected} expected events found");
    }
}
