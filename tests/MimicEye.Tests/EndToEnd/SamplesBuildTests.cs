using MimicEye.Tests.Support;

namespace MimicEye.Tests.EndToEnd;

/// <summary>The whole tree built from the shipped samples/, pinned by its own SHA256SUMS.txt (every file's
/// bytes) and REPORT.md (the funnel) as golden files. A change in any output byte shows up here; accept an
/// intended change with MIMICEYE_ACCEPT=1 and review the diff of the golden files.</summary>
public class SamplesBuildTests
{
    static string Golden(string name) => Path.Combine(RepoPaths.Root, "tests", "MimicEye.Tests", "EndToEnd", "expected", name);

    [Theory]
    [InlineData("default")]
    [InlineData("compat")]
    public void Build_of_the_samples_matches_the_golden_tree(string rules)
    {
        using var temp = new TempDir("e2e-" + rules);
        var args = new List<string> { "build", "--source", RepoPaths.Samples, "--out", temp.Sub("out") };
        if (rules == "compat")
            args.AddRange(["--compat", "mimic-eye-1.0"]);
        var result = CliRunner.Run([.. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        GoldenFile.AssertMatches(Golden($"{rules}.SHA256SUMS.txt"), File.ReadAllText(temp.Sub("out", "SHA256SUMS.txt")));
        GoldenFile.AssertMatches(Golden($"{rules}.REPORT.md"), File.ReadAllText(temp.Sub("out", "REPORT.md")));
        Assert.Equal(0, CliRunner.Run("verify", "--out", temp.Sub("out")).ExitCode);
    }

    [Fact]
    public void Two_builds_with_different_job_counts_are_byte_identical()
    {
        using var temp = new TempDir("e2e-jobs");
        Assert.Equal(0, CliRunner.Run("build", "--source", RepoPaths.Samples, "--out", temp.Sub("a"), "--jobs", "1").ExitCode);
        Assert.Equal(0, CliRunner.Run("build", "--source", RepoPaths.Samples, "--out", temp.Sub("b"), "--jobs", "4").ExitCode);
        Assert.Equal(File.ReadAllText(temp.Sub("a", "SHA256SUMS.txt")), File.ReadAllText(temp.Sub("b", "SHA256SUMS.txt")));
        var files = Directory.GetFiles(temp.Sub("a"), "*", SearchOption.AllDirectories).Where(f => !f.Contains(".mimiceye") && !f.EndsWith("build.json"));
        foreach (var file in files)
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(file.Replace(temp.Sub("a"), temp.Sub("b"))));
    }

    [Fact]
    public void Rerunning_one_phase_rewrites_only_its_own_files()
    {
        using var temp = new TempDir("e2e-rerun");
        var output = temp.Sub("out");
        Assert.Equal(0, CliRunner.Run("build", "--source", RepoPaths.Samples, "--out", output).ExitCode);
        var before = Snapshot(output);

        var result = CliRunner.Run("stays", "--source", RepoPaths.Samples, "--out", output, "--window-days", "7");
        Assert.True(result.ExitCode == 0, result.Error);
        var after = Snapshot(output);

        string[] phaseFiles = ["spreadsheets/cxr_meta.csv", "spreadsheets/cxr_meta_with_stay_id_only.csv", "spreadsheets/stay_matching.csv"];
        var changed = before.Keys.Where(k => after.TryGetValue(k, out var a) && a != before[k]).Order().ToList();
        Assert.Contains("spreadsheets/stay_matching.csv", changed);
        Assert.All(changed, c => Assert.True(phaseFiles.Contains(c) || c is "REPORT.md" or "SHA256SUMS.txt" or "build.json", $"{c} changed"));
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.Contains("window", File.ReadAllText(Path.Combine(output, "spreadsheets", "stay_matching.csv")));
        Assert.Contains("window-days=7", File.ReadAllText(Path.Combine(output, "REPORT.md")));
        Assert.Equal(0, CliRunner.Run("verify", "--out", output).ExitCode);
    }

    static Dictionary<string, (long, DateTime, string)> Snapshot(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/.mimiceye/"))
            .ToDictionary(f => Path.GetRelativePath(root, f), f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));
}
