using MimicEye.Dataset;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Checking;

/// <summary><c>mimiceye check</c> end to end, through the parser, over small synthetic trees.</summary>
public class CheckCommandTests
{
    /// <summary>A complete tree under tmp/physionet.org/files; --source is tmp.</summary>
    static SourceTreeBuilder CompleteTree(TempDir tmp) => new SourceTreeBuilder(tmp.Sub("physionet.org", "files")).All();

    [Fact]
    public void A_complete_tree_passes_and_lists_all_six_projects_with_their_tables()
    {
        using var tmp = new TempDir("check");
        CompleteTree(tmp);
        var result = CliRunner.Run("check", "--source", tmp.Path);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        foreach (var kind in ProjectKinds.All)
            Assert.Contains(ProjectKinds.Title(kind) + ": version ", result.Out);
        Assert.Contains("ed/edstays.csv.gz", result.Out);
        Assert.Contains("icu/procedureevents.csv.gz", result.Out);
        Assert.Contains("main_data/metadata_phase_3.csv", result.Out);
        Assert.Contains("files/ (images): present", result.Out);
        Assert.EndsWith("check: OK", result.Out.TrimEnd());
    }

    [Fact]
    public void A_missing_edstays_fails_and_names_the_file()
    {
        using var tmp = new TempDir("check");
        var tree = CompleteTree(tmp);
        File.Delete(Path.Combine(tree.FilesRoot, "mimic-iv-ed", "2.2", "ed", "edstays.csv.gz"));
        var result = CliRunner.Run("check", "--source", tmp.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MissingSourceFile: " + Path.Combine(tree.FilesRoot, "mimic-iv-ed", "2.2", "ed", "edstays.csv.gz"), result.Out);
        Assert.EndsWith("check: 1 problem", result.Out.TrimEnd());
    }

    [Fact]
    public void A_truncated_gz_fails_and_names_the_file()
    {
        using var tmp = new TempDir("check");
        var tree = CompleteTree(tmp);
        var labevents = Path.Combine(tree.FilesRoot, "mimiciv", "2.2", "hosp", "labevents.csv.gz");
        SourceTreeBuilder.WriteTable(Path.Combine(tree.FilesRoot, "mimiciv", "2.2"), "hosp/labevents", SourceHeaders.MimicIv22["hosp/labevents"], gzip: true, rows: 5000);
        SourceTreeBuilder.Truncate(labevents, 0.6);
        var result = CliRunner.Run("check", "--source", tmp.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CorruptGzip: " + labevents, result.Out);
    }

    [Fact]
    public void A_column_removed_from_a_header_fails_naming_file_and_column()
    {
        using var tmp = new TempDir("check");
        var tree = CompleteTree(tmp);
        var root = Path.Combine(tree.FilesRoot, "mimic-cxr-jpg", "2.0.0");
        var header = SourceHeaders.CxrJpg["mimic-cxr-2.0.0-metadata"].Replace(",StudyTime", "", StringComparison.Ordinal);
        var path = SourceTreeBuilder.WriteTable(root, "mimic-cxr-2.0.0-metadata", header, gzip: true);
        var result = CliRunner.Run("check", "--source", tmp.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"MissingColumn: {path}: the header has no column 'StudyTime'", result.Out);
    }

    [Fact]
    public void A_missing_project_fails_naming_the_folders_searched_and_the_option()
    {
        using var tmp = new TempDir("check");
        var tree = CompleteTree(tmp);
        Directory.Delete(Path.Combine(tree.FilesRoot, "reflacx-xray-localization"), recursive: true);
        var result = CliRunner.Run("check", "--source", tmp.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("REFLACX: NOT FOUND", result.Out);
        var line = result.Out.Split('\n').Single(l => l.Contains("MissingProject", StringComparison.Ordinal));
        Assert.Contains("reflacx-xray-localization", line);
        Assert.Contains(tree.FilesRoot, line);
        Assert.Contains("--reflacx DIR", line);
    }

    [Fact]
    public void A_checksum_mismatch_fails_only_with_the_checksums_option()
    {
        using var tmp = new TempDir("check");
        var tree = CompleteTree(tmp);
        var ed = Path.Combine(tree.FilesRoot, "mimic-iv-ed", "2.2");
        SourceTreeBuilder.WriteChecksums(ed);
        var triage = SourceTreeBuilder.WriteTable(ed, "ed/triage", SourceHeaders.Ed["ed/triage"], gzip: true, rows: 7);

        var without = CliRunner.Run("check", "--source", tmp.Path);
        Assert.Equal(0, without.ExitCode);
        Assert.Contains("SHA256SUMS.txt: present (verify the files against it with --checksums)", without.Out);

        var with = CliRunner.Run("check", "--source", tmp.Path, "--checksums");
        Assert.Equal(1, with.ExitCode);
        Assert.Contains("ChecksumMismatch: " + triage, with.Out);
        Assert.EndsWith("check: 1 problem", with.Out.TrimEnd());
    }

    [Fact]
    public void Files_listed_in_the_checksums_but_not_downloaded_are_information_not_problems()
    {
        using var tmp = new TempDir("check");
        var tree = CompleteTree(tmp);
        var jpg = Path.Combine(tree.FilesRoot, "mimic-cxr-jpg", "2.0.0");
        SourceTreeBuilder.WriteChecksums(jpg, new string('a', 64) + "  files/p19/p19999999/s59999999/" + SourceTreeBuilder.DicomId + ".jpg");
        var result = CliRunner.Run("check", "--source", tmp.Path, "--checksums");
        Assert.True(result.ExitCode == 0, result.Out);
        Assert.Contains("SHA256SUMS.txt: 6 files listed, 5 verified, 1 not downloaded", result.Out);
        Assert.Contains("not downloaded: files/p19/p19999999/s59999999/", result.Out);
    }

    [Fact]
    public void Versions_that_lost_to_the_newest_or_to_a_pin_are_listed()
    {
        using var tmp = new TempDir("check");
        var tree = CompleteTree(tmp);
        tree.MimicIv("3.1");
        var newest = CliRunner.Run("check", "--source", tmp.Path);
        Assert.Equal(0, newest.ExitCode);
        Assert.Contains("MIMIC-IV: version 3.1 at " + Path.Combine(tree.FilesRoot, "mimiciv", "3.1"), newest.Out);
        Assert.Contains("other versions present, not used: 2.2 (choose one with --use-version mimic-iv=VERSION)", newest.Out);

        var pinned = CliRunner.Run("check", "--source", tmp.Path, "--use-version", "mimic-iv=2.2");
        Assert.Equal(0, pinned.ExitCode);
        Assert.Contains("MIMIC-IV: version 2.2 at ", pinned.Out);
        Assert.Contains("other versions present, not used: 3.1", pinned.Out);
    }

    [Fact]
    public void Check_without_source_or_project_folders_is_a_usage_error()
    {
        var result = CliRunner.Run("check");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--source", result.Error);
    }

    [Fact]
    public void The_output_is_the_same_on_every_run()
    {
        using var tmp = new TempDir("check");
        var tree = CompleteTree(tmp);
        File.Delete(Path.Combine(tree.FilesRoot, "mimiciv", "2.2", "icu", "chartevents.csv.gz"));
        SourceTreeBuilder.Truncate(Path.Combine(tree.FilesRoot, "mimiciv", "2.2", "hosp", "emar.csv.gz"));
        SourceTreeBuilder.Truncate(Path.Combine(tree.FilesRoot, "mimic-iv-ed", "2.2", "ed", "pyxis.csv.gz"));
        var first = CliRunner.Run("check", "--source", tmp.Path);
        var second = CliRunner.Run("check", "--source", tmp.Path);
        Assert.Equal(1, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.EndsWith("check: 3 problems", first.Out.TrimEnd());
    }

    [Fact]
    public void Check_writes_nothing_in_the_source()
    {
        using var tmp = new TempDir("check");
        var tree = CompleteTree(tmp);
        SourceTreeBuilder.WriteChecksums(Path.Combine(tree.FilesRoot, "mimiciv", "2.2"));
        static string Snapshot(string dir) => string.Join('\n', Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(p => $"{p} {File.GetLastWriteTimeUtc(p):O} {(File.Exists(p) ? new FileInfo(p).Length : -1)}"));
        var before = Snapshot(tmp.Path);
        CliRunner.Run("check", "--source", tmp.Path, "--checksums");
        Assert.Equal(before, Snapshot(tmp.Path));
    }
}
