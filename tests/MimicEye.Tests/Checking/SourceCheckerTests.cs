using MimicEye.Checking;
using MimicEye.Dataset;
using MimicEye.Pipeline;
using MimicEye.Tests.Support;

using Serilog.Core;

namespace MimicEye.Tests.Checking;

/// <summary>The checks of <see cref="SourceChecker"/>, read from its report rather than from printed text.</summary>
public class SourceCheckerTests
{
    static CheckReport Check(string? source, Dictionary<ProjectKind, string>? overrides = null, bool checksums = false) =>
        new SourceChecker(Logger.None).Check(
            SourceLayout.Discover(new SourceOptions(source, overrides ?? [], new Dictionary<ProjectKind, string>())),
            new CheckOptions(checksums), CancellationToken.None);

    static string Describe(CheckReport report) => string.Join('\n', CheckReportText.Lines(report));

    [Theory]
    [InlineData("2.0")]
    [InlineData("2.2")]
    [InlineData("3.1")]
    public void The_mimic_iv_column_sets_of_every_version_pass(string version)
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Path).All();
        Directory.Delete(tmp.Sub("mimiciv"), recursive: true);
        tree.MimicIv(version);
        var report = Check(tmp.Path);
        Assert.True(report.Ok, Describe(report));
        var mimic = report.Projects.Single(p => p.Kind == ProjectKind.MimicIv);
        Assert.Equal(version, mimic.Project!.Version);
        // 2.0 has no provider and caregiver tables: noted as absent, no problem.
        var absent = mimic.Tables.Where(t => t.Path is null).Select(t => t.Table.RelativePath).ToList();
        Assert.Equal(version == "2.0" ? ["hosp/provider", "icu/caregiver"] : [], absent);
    }

    [Fact]
    public void Headers_are_matched_ignoring_case()
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Path).All();
        var ed = Path.Combine(tree.FilesRoot, "mimic-iv-ed", "2.2");
        SourceTreeBuilder.WriteTable(ed, "ed/edstays", "SUBJECT_ID,hadm_id,Stay_Id,INTIME,OutTime,gender", gzip: true);
        var report = Check(tmp.Path);
        Assert.True(report.Ok, Describe(report));
    }

    [Fact]
    public void A_tree_of_plain_csv_files_passes_and_their_headers_are_checked()
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Path) { Gzip = false }.All();
        Assert.True(Check(tmp.Path).Ok);
        var patients = SourceTreeBuilder.WriteTable(Path.Combine(tree.FilesRoot, "mimiciv", "2.2"), "hosp/patients", "gender,anchor_age", gzip: false);
        var issue = Assert.Single(Check(tmp.Path).Issues);
        Assert.Equal((IssueCode.MissingColumn, patients), (issue.Code, issue.Where));
        Assert.Contains("'subject_id'", issue.Detail);
    }

    [Fact]
    public void Corrupt_gzip_data_is_reported_as_CorruptGzip()
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Path).All();
        var path = SourceTreeBuilder.WriteTable(Path.Combine(tree.FilesRoot, "mimiciv", "2.2"), "hosp/omr", SourceHeaders.MimicIv22["hosp/omr"], gzip: true, rows: 20000);
        var bytes = File.ReadAllBytes(path);
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++)
            bytes[i] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
        var issue = Assert.Single(Check(tmp.Path).Issues);
        Assert.Equal((IssueCode.CorruptGzip, path), (issue.Code, issue.Where));
    }

    [Fact]
    public void A_file_named_gz_that_is_not_gzip_is_reported()
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Path).All();
        var path = Path.Combine(tree.FilesRoot, "mimic-iv-ed", "2.2", "ed", "vitalsign.csv.gz");
        File.WriteAllText(path, SourceHeaders.Ed["ed/vitalsign"] + "\n1,2,3\n");
        var issue = Assert.Single(Check(tmp.Path).Issues);
        Assert.Equal((IssueCode.CorruptGzip, path), (issue.Code, issue.Where));
    }

    [Fact]
    public void An_empty_table_file_is_reported_as_lacking_its_header()
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Path).All();
        var path = Path.Combine(tree.FilesRoot, "egd-cxr", "1.0.0", "bounding_boxes.csv");
        File.WriteAllText(path, "");
        var issue = Assert.Single(Check(tmp.Path).Issues);
        Assert.Equal((IssueCode.MissingColumn, path), (issue.Code, issue.Where));
    }

    [Fact]
    public void A_header_that_is_not_valid_csv_is_reported_as_MalformedCsv()
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Path) { Gzip = false }.All();
        var hosp = Path.Combine(tree.FilesRoot, "mimiciv", "2.2", "hosp");
        File.WriteAllText(Path.Combine(hosp, "services.csv"), "subject_id,\"hadm_id\n1,2\n");
        // A binary file with no line break: the header exceeds the reader's record limit.
        File.WriteAllText(Path.Combine(hosp, "transfers.csv"), new string('a', 17 << 20));
        var issues = Check(tmp.Path).Issues;
        Assert.Equal(2, issues.Count);
        Assert.All(issues, i => Assert.Equal(IssueCode.MalformedCsv, i.Code));
        Assert.Equal(Path.Combine(hosp, "services.csv") + ", line 1", issues[0].Where);
        Assert.StartsWith(Path.Combine(hosp, "transfers.csv"), issues[1].Where);
    }

    [Fact]
    public void Index_html_files_left_by_wget_are_ignored()
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Sub("physionet.org", "files")).All();
        foreach (var dir in Directory.EnumerateDirectories(tmp.Path, "*", SearchOption.AllDirectories).Append(tmp.Path))
            File.WriteAllText(Path.Combine(dir, "index.html"), "<html></html>");
        var report = Check(tmp.Path);
        Assert.True(report.Ok, Describe(report));
        Assert.DoesNotContain("index.html", Describe(report));
    }

    [Fact]
    public void A_table_linked_to_a_file_outside_the_source_is_reported_and_not_read()
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Sub("src")).All();
        var outside = SourceTreeBuilder.WriteTable(tmp.Sub("outside"), "patients", SourceHeaders.MimicIv22["hosp/patients"], gzip: true);
        var link = Path.Combine(tree.FilesRoot, "mimiciv", "2.2", "hosp", "patients.csv.gz");
        File.Delete(link);
        File.CreateSymbolicLink(link, outside);
        // A link through a folder counts too.
        var edDir = Path.Combine(tree.FilesRoot, "mimic-iv-ed", "2.2", "ed");
        Directory.Move(edDir, tmp.Sub("outside", "ed"));
        Directory.CreateSymbolicLink(edDir, tmp.Sub("outside", "ed"));
        var report = Check(tmp.Sub("src"));
        var unsafeLinks = report.Issues.Where(i => i.Code == IssueCode.UnsafeSourceLink).Select(i => i.Where).ToList();
        Assert.Contains(link, unsafeLinks);
        Assert.Contains(Path.Combine(edDir, "edstays.csv.gz"), unsafeLinks);
        Assert.Equal(1 + SourceTables.Ed.Length, report.Issues.Count);
    }

    [Fact]
    public void A_link_inside_the_source_and_a_whole_project_folder_linked_from_another_disk_are_accepted()
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Sub("src")).All();
        var hosp = Path.Combine(tree.FilesRoot, "mimiciv", "2.2", "hosp");
        var copy = Path.Combine(tree.FilesRoot, "patients-copy.csv.gz");
        File.Move(Path.Combine(hosp, "patients.csv.gz"), copy);
        File.CreateSymbolicLink(Path.Combine(hosp, "patients.csv.gz"), Path.Combine("..", "..", "..", "patients-copy.csv.gz"));
        var egd = Path.Combine(tree.FilesRoot, "egd-cxr");
        Directory.CreateDirectory(tmp.Sub("bigdisk"));
        Directory.Move(egd, tmp.Sub("bigdisk", "egd-cxr"));
        Directory.CreateSymbolicLink(egd, tmp.Sub("bigdisk", "egd-cxr"));
        var report = Check(tmp.Sub("src"));
        Assert.True(report.Ok, Describe(report));
    }

    [Fact]
    public void Checksums_are_verified_with_one_or_two_spaces_and_a_binary_star()
    {
        using var tmp = new TempDir("checker");
        var tree = new SourceTreeBuilder(tmp.Path).All();
        var egd = Path.Combine(tree.FilesRoot, "egd-cxr", "1.0.0");
        var list = SourceTreeBuilder.WriteChecksums(egd);
        var lines = File.ReadAllLines(list);
        lines[0] = lines[0].Replace("  ", " ", StringComparison.Ordinal);
        lines[1] = lines[1].Replace("  ", " *", StringComparison.Ordinal);
        File.WriteAllLines(list, [.. lines, "not a checksum line", new string('0', 64) + "  ../outside.csv"]);
        var report = Check(tmp.Path, checksums: true);
        Assert.True(report.Ok, Describe(report));
        var notes = report.Projects.Single(p => p.Kind == ProjectKind.EyeGaze).Notes;
        Assert.Contains($"SHA256SUMS.txt: {lines.Length} files listed, {lines.Length} verified, 0 not downloaded", notes);
        Assert.Contains(notes, n => n.StartsWith("SHA256SUMS.txt: 2 lines ignored", StringComparison.Ordinal));
    }

    [DemoFact]
    public void The_real_mimic_iv_demo_passes_the_column_and_gzip_checks_for_every_table_present()
    {
        var demo = RepoPaths.MimicIvDemo!;
        var report = Check(null, new() { [ProjectKind.MimicIv] = demo }, checksums: true);
        var mimic = report.Projects.Single(p => p.Kind == ProjectKind.MimicIv);
        Assert.Equal("2.2", mimic.Project!.Version);
        Assert.Equal(30, mimic.Tables.Count(t => t.Path is not null));
        // The copy lacks chartevents (sources.md §6.2); every other problem is a project not given.
        var problems = report.Issues.Where(i => i.Code != IssueCode.MissingProject).ToList();
        var missing = Assert.Single(problems);
        Assert.Equal((IssueCode.MissingSourceFile, Path.Combine(demo, "icu", "chartevents.csv.gz")), (missing.Code, missing.Where));
        Assert.Equal(ProjectKinds.All.Length - 1, report.Issues.Count(i => i.Code == IssueCode.MissingProject));
        Assert.Contains(mimic.Notes, n => n.StartsWith("SHA256SUMS.txt: 34 files listed, 33 verified, 1 not downloaded", StringComparison.Ordinal));
    }
}
