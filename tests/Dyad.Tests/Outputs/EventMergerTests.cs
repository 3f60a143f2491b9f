using Dyad.Corpus.Merging;
using Xunit;
using static Dyad.Tests.Outputs.Ev;

namespace Dyad.Tests.Outputs;

public class EventMergerTests
{
    [Fact]
    public void Same_strike_on_three_pages_becomes_one_event_with_each_claimants_status()
    {
        var merged = EventMerger.Merge(Sample());
        var strike = Assert.Single(merged, m => m.Type == "ASSAULT" && m.Mentions.Any(x => x.Id == "e1"));
        Assert.Equal(["e1", "e2", "e3"], strike.Mentions.Select(m => m.Id));
        Assert.Equal(3, strike.Documents);
        Assert.Equal(3, strike.Claimants);
        Assert.True(strike.Contested);
        Assert.Equal("1 asserted, 1 alleged, 1 denied", strike.StatusSummary());
        Assert.Equal("aerial", strike.Mode);
        Assert.Equal("2017-10-04", strike.FirstDate);
        Assert.Equal("2017-10-06", strike.LastDate);
        var byLabel = strike.ClaimantStatuses.ToDictionary(c => c.Label, c => c.Status);
        Assert.Equal("alleged", byLabel["Turkey"]);
        Assert.Equal("denied", byLabel["Syria"]);
        Assert.Equal("asserted", byLabel["author of Strike on the hill"]);
    }

    [Fact]
    public void A_strike_a_month_later_stays_separate()
    {
        var merged = EventMerger.Merge(Sample());
        Assert.Equal(2, merged.Count(m => m.Type == "ASSAULT"));
        Assert.Contains(merged, m => m.Mentions.Count == 1 && m.Mentions[0].Id == "e6");
        Assert.Equal(Sample().Count, merged.Sum(m => m.Mentions.Count)); // every mention kept exactly once
    }

    [Fact]
    public void Window_is_anchored_at_the_earliest_date_so_mentions_do_not_chain()
    {
        var evs = new[]
        {
            Make("a", Syr, "ASSAULT", Rebels, date: "2017-10-01", doc: "d1"),
            Make("b", Syr, "ASSAULT", Rebels, date: "2017-10-03", doc: "d2"),
            Make("c", Syr, "ASSAULT", Rebels, date: "2017-10-06", doc: "d3"),
        };
        var merged = EventMerger.Merge(evs);
        Assert.Equal(2, merged.Count);
        Assert.Equal(["a", "b"], merged[0].Mentions.Select(m => m.Id));
        Assert.Equal(["c"], merged[1].Mentions.Select(m => m.Id));
    }

    [Fact]
    public void Different_modes_and_types_do_not_merge_but_a_missing_mode_does()
    {
        var evs = new[]
        {
            Make("a", Syr, "ASSAULT", Rebels, mode: "aerial", doc: "d1"),
            Make("b", Syr, "ASSAULT", Rebels, mode: "firearms", doc: "d2"),
            Make("c", Syr, "ASSAULT", Rebels, mode: null, doc: "d3"),
            Make("d", Syr, "COERCE", Rebels, doc: "d4"),
        };
        var merged = EventMerger.Merge(evs);
        Assert.Equal(3, merged.Count);
        Assert.Contains(merged, m => m.Mentions.Select(x => x.Id).SequenceEqual(["a", "c"]));
    }

    [Fact]
    public void Unresolved_actors_match_by_normalised_text_and_unknown_dates_only_with_each_other()
    {
        var evs = new[]
        {
            Make("a", Syr, "ASSAULT", Actor("the Free  Hill Brigade"), date: null, doc: "d1"),
            Make("b", Syr, "ASSAULT", Actor("Free Hill Brigade,"), date: null, doc: "d2"),
            Make("c", Syr, "ASSAULT", Actor("free hill brigade"), date: "2017-10-01", doc: "d3"),
        };
        var merged = EventMerger.Merge(evs);
        Assert.Equal(2, merged.Count);
        Assert.Equal(["c"], merged[0].Mentions.Select(m => m.Id));
        Assert.Equal(["a", "b"], merged[1].Mentions.Select(m => m.Id));
        Assert.Null(merged[1].FirstDate);
    }

    [Fact]
    public void Syndicated_copies_count_once_as_documents_and_are_reported_as_pages()
    {
        var evs = new[]
        {
            Make("a", Syr, "ASSAULT", Rebels, doc: "wire"),
            Make("b", Syr, "ASSAULT", Rebels, doc: "wire"), // the same page repeating itself
            Make("c", Syr, "ASSAULT", Rebels, doc: "blog", status: "hedged"),
        };
        var m = Assert.Single(EventMerger.Merge(evs, new Dictionary<string, int> { ["wire"] = 4 }));
        Assert.Equal(2, m.Documents);
        Assert.Equal(5, m.Pages);
        Assert.Equal(3, m.Mentions.Count);
        Assert.Equal("asserted", m.Status);
    }

    [Fact]
    public void Merged_ids_are_stable_whatever_the_input_order()
    {
        var a = EventMerger.Merge(Sample());
        var b = EventMerger.Merge(Enumerable.Reverse(Sample()));
        Assert.Equal(a.Select(m => m.Id).Order(), b.Select(m => m.Id).Order());
        Assert.All(a, m => Assert.StartsWith("m", m.Id));
    }
}
