using System.Security.Cryptography;

using MimicEye.Diffing;

namespace MimicEye.Tests.Diffing;

public class TreeDiffTests
{
    const string Image = "patient_10000032/CXR-JPG/s50414267/" + DiffTrees.DicomA + ".jpg";

    static DiffReport Compare(DiffTrees trees) => TreeDiff.Compare(trees.A, trees.B, new DiffOptions(20), CancellationToken.None);

    static void Sums(string root, params string[] relative) => File.WriteAllText(Path.Combine(root, "SHA256SUMS.txt"),
        string.Concat(relative.Select(r => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, r)))) + "  " + r + "\n")));

    [Fact]
    public void Binary_files_of_the_same_size_are_compared_by_bytes()
    {
        using var trees = new DiffTrees();
        var bytes = RandomNumberGenerator.GetBytes(3 << 20);
        DiffTrees.WriteBytes(trees.A, Image, bytes);
        bytes[^1] ^= 1;
        DiffTrees.WriteBytes(trees.B, Image, bytes);
        var report = Compare(trees);
        Assert.Equal(Image, Assert.Single(report.Differing).Path);
        Assert.Null(report.Differing[0].Csv);
    }

    [Fact]
    public void Symlinked_image_equals_a_copied_one()
    {
        using var trees = new DiffTrees();
        var bytes = RandomNumberGenerator.GetBytes(5000);
        DiffTrees.WriteBytes(trees.A, Image, bytes);
        var source = trees.Sub("source.jpg");
        File.WriteAllBytes(source, bytes);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(trees.B, Image))!);
        File.CreateSymbolicLink(Path.Combine(trees.B, Image), source);
        var report = Compare(trees);
        Assert.True(report.Equal);
        Assert.Equal(1, report.Identical);
    }

    [Fact]
    public void Listed_hashes_decide_when_both_trees_list_the_file()
    {
        using var trees = new DiffTrees();
        trees.Both("REPORT.md", "# same bytes");
        File.WriteAllText(Path.Combine(trees.A, "SHA256SUMS.txt"), new string('a', 64) + "  REPORT.md\n");
        File.WriteAllText(Path.Combine(trees.B, "SHA256SUMS.txt"), new string('b', 64) + "  REPORT.md\n");
        Assert.Contains(Compare(trees).Differing, d => d.Path == "REPORT.md");
    }

    [Fact]
    public void A_file_modified_after_its_tree_was_summed_is_read_not_trusted()
    {
        using var trees = new DiffTrees();
        trees.Both("REPORT.md", "# counts: 10");
        Sums(trees.A, "REPORT.md");
        Sums(trees.B, "REPORT.md");
        var sums = Path.Combine(trees.B, "SHA256SUMS.txt");
        File.SetLastWriteTimeUtc(sums, DateTime.UtcNow.AddMinutes(-5));
        trees.WriteB("REPORT.md", "# counts: 11");
        var report = Compare(trees);
        Assert.Equal(["REPORT.md"], report.Differing.Select(d => d.Path));
        Assert.Equal(1, report.Identical);
    }

    [Fact]
    public void Hash_listed_on_one_side_is_checked_against_the_other_file()
    {
        using var trees = new DiffTrees();
        trees.Both("REPORT.md", "# counts: 10");
        trees.WriteA("spreadsheets/ICU/d_items.csv", "itemid,label", "1,x");
        trees.WriteB("spreadsheets/ICU/d_items.csv", "itemid,label", "1,y");
        Sums(trees.A, "REPORT.md", "spreadsheets/ICU/d_items.csv");
        var report = Compare(trees);
        Assert.Equal(["SHA256SUMS.txt"], report.OnlyInA);
        Assert.Equal(["spreadsheets/ICU/d_items.csv"], report.Differing.Select(d => d.Path));
        Assert.Equal(1, report.Identical);
    }

    [Fact]
    public void Stay_section_is_absent_when_cxr_meta_is_identical()
    {
        using var trees = new DiffTrees();
        trees.Both("spreadsheets/cxr_meta.csv", "dicom_id,stay_id", $"{DiffTrees.DicomA},1");
        trees.WriteA("spreadsheets/stay_matching.csv", "dicom_id,rule,reason", $"{DiffTrees.DicomA},inside,");
        trees.WriteB("spreadsheets/stay_matching.csv", "dicom_id,rule,reason", $"{DiffTrees.DicomA},window,");
        var report = Compare(trees);
        Assert.Null(report.Stays);
        Assert.Equal(1, Assert.Single(report.Differing).Csv!.Changed);
    }
}
