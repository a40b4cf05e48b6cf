using MimicEye.Samples;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Samples;

public class SamplesCommandTests
{
    [Fact]
    public void Samples_writes_a_tree_and_prints_its_counts()
    {
        using var dir = new TempDir("samples-cli");
        var to = Path.Combine(dir.Path, "tree");
        var result = CliRunner.Run("samples", "--to", to, "--lab-rows", "500", "--chart-rows", "400");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("14 cohort subjects", result.Out);
        Assert.Contains("labevents 500 rows, chartevents 400 rows", result.Out);
        Assert.True(File.Exists(Path.Combine(to, "physionet.org", "files", "mimiciv", "2.2", "hosp", "labevents.csv.gz")));
    }

    [Fact]
    public void Samples_refuses_a_non_empty_folder_that_holds_no_samples_tree()
    {
        using var dir = new TempDir("samples-refuse");
        var keep = Path.Combine(dir.Path, "notes.txt");
        File.WriteAllText(keep, "mine");
        var result = CliRunner.Run("samples", "--to", dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(dir.Path, result.Error);
        Assert.Contains("not empty", result.Error);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Samples_replaces_a_previous_samples_tree_and_leaves_other_files_alone()
    {
        using var dir = new TempDir("samples-replace");
        SampleGenerator.Generate(new SampleOptions(dir.Path) { Seed = 1, LabRows = 100, ChartRows = 100 });
        var firstMetadata = File.ReadAllBytes(Metadata(dir.Path));
        var firstJpgs = Jpgs(dir.Path);
        File.WriteAllText(Path.Combine(dir.Path, "notes.txt"), "mine");

        var result = CliRunner.Run("samples", "--to", dir.Path, "--seed", "2", "--lab-rows", "100", "--chart-rows", "100");
        Assert.Equal(0, result.ExitCode);
        Assert.NotEqual(firstMetadata, File.ReadAllBytes(Metadata(dir.Path)));
        Assert.Empty(firstJpgs.Intersect(Jpgs(dir.Path))); // nothing of the first tree is left behind
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir.Path, "notes.txt")));
        Assert.Contains("--seed 2 ", File.ReadAllText(Path.Combine(dir.Path, "README.md")));
    }

    [Fact]
    public void Samples_help_states_the_rule_for_the_target_folder()
    {
        var result = CliRunner.Run("samples", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--to", result.Out);
        Assert.Contains("previous samples tree", result.Out);
        Assert.Contains("refused", result.Out);
        Assert.Contains("--seed", result.Out);
    }

    [Fact]
    public void Samples_needs_at_least_the_scripted_subjects()
    {
        using var dir = new TempDir("samples-few");
        var result = CliRunner.Run("samples", "--to", Path.Combine(dir.Path, "t"), "--patients", "3");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--patients must be at least 12", result.Error);
    }

    [Fact]
    public void Samples_without_to_is_a_usage_error()
    {
        var result = CliRunner.Run("samples");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--to", result.Error);
    }

    [Fact]
    public void A_cancelled_run_leaves_no_half_written_file()
    {
        using var dir = new TempDir("samples-cancel");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => SampleGenerator.Generate(new SampleOptions(dir.Path), cancel: cancel.Token));
        var files = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories);
        Assert.DoesNotContain(files, f => f.EndsWith(SampleOutput.TempSuffix, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir.Path, "README.md"))); // so the next run may replace the tree
    }

    static string Metadata(string root) => Path.Combine(root, "physionet.org", "files", "mimic-cxr-jpg", "2.0.0", "mimic-cxr-2.0.0-metadata.csv.gz");

    static HashSet<string> Jpgs(string root) =>
        [.. Directory.GetFiles(root, "*.jpg", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f))];
}
