using MimicEye.Tests.Support;

namespace MimicEye.Tests.Planning;

public class PlanCommandTests
{
    static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void Complete_samples_need_nothing()
    {
        var result = CliRunner.Run("plan", "--source", RepoPaths.Samples);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Out);
        Assert.Contains("Cohort: 21 images of 14 patients", result.Error);
    }

    [Fact]
    public void Plan_lists_exactly_the_missing_cohort_files_with_a_url_prefix()
    {
        using var temp = new TempDir("plan");
        CopyTree(RepoPaths.Samples, temp.Path);
        var files = Path.Combine(temp.Path, "physionet.org", "files");
        var jpgs = Directory.GetFiles(Path.Combine(files, "mimic-cxr-jpg", "2.0.0", "files"), "*.jpg", SearchOption.AllDirectories).Order().ToList();
        var reports = Directory.GetFiles(Path.Combine(files, "mimic-cxr", "2.0.0", "files"), "*.txt", SearchOption.AllDirectories).Order().ToList();
        var removed = new[] { jpgs[0], jpgs[^1], reports[1] };
        foreach (var file in removed)
            File.Delete(file);
        Directory.Delete(Directory.GetDirectories(Path.Combine(files, "egd-cxr", "1.0.0", "audio_segmentation_transcripts")).Order().First(), recursive: true);
        File.Delete(Path.Combine(files, "mimiciv", "2.2", "icu", "chartevents.csv.gz"));

        var result = CliRunner.Run("plan", "--source", temp.Path, "--url-prefix", "https://physionet.org/files/");
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = removed.Select(f => "https://physionet.org/files/" + Path.GetRelativePath(files, f).Replace('\\', '/')).ToList();
        Assert.All(expected, e => Assert.Contains(e, lines));
        Assert.Contains("https://physionet.org/files/mimiciv/2.2/icu/chartevents.csv.gz", lines);
        Assert.Single(lines, l => l.Contains("audio_segmentation_transcripts/", StringComparison.Ordinal));
        Assert.Equal(5, lines.Length);
        Assert.Contains("Study images: 29 needed, 27 present", result.Error);
    }
}
