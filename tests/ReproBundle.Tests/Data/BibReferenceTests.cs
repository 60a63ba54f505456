using ReproBundle.Data;
using Xunit;

namespace ReproBundle.Tests.Data;

/// <summary>The one BibTeX reader: the keys the loader checks references against and the entries the site lists.</summary>
public class BibReferenceTests
{
    [Fact]
    public void The_loader_and_the_site_read_the_same_31_entries_of_references_bib()
    {
        // data/references.bib holds 31 entries (counted by hand: 31 lines start with '@').
        var path = Path.Combine(TestPaths.DataDir, "references.bib");
        var entries = BibReference.Load(path);

        Assert.Equal(31, entries.Count);
        Assert.Equal(entries.Select(e => e.Key).Order(StringComparer.Ordinal), PaperData.LoadReferenceKeys(path).Order(StringComparer.Ordinal));
        Assert.Equal("GQA: Training Generalized Multi-Query Transformer Models from Multi-Head Checkpoints", entries.Single(e => e.Key == "ainslie2023gqa")["title"]);
    }

    [Fact]
    public void An_entry_the_reader_cannot_take_apart_is_rejected_with_its_file_and_line()
    {
        using var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir.Path, "references.bib");
        File.WriteAllText(path, "@misc{good2024,\n  title = {Fine}\n}\n\n@misc{flat2024, title = {All on one line}}\n");

        var e = Assert.Throws<BundleInputException>(() => BibReference.Load(path));

        Assert.Contains("references.bib:5", e.Message);
        Assert.Contains("'flat2024'", e.Message);
    }
}
