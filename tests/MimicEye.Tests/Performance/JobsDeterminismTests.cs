using MimicEye.Samples;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Performance;

/// <summary>The parallel write phase over a generated source whose big tables span many 1 MiB chunks (so
/// rows are skipped by the record scanner, and per-patient buffers are flushed more than once): the
/// output does not depend on --jobs.</summary>
public class JobsDeterminismTests
{
    [Fact]
    public void Builds_of_a_generated_source_with_jobs_1_and_4_are_byte_identical()
    {
        using var temp = new TempDir("jobs");
        var source = temp.Sub("source");
        var summary = SampleGenerator.Generate(new SampleOptions(source) { Patients = 40, OtherPatients = 2000, LabRows = 60_000, ChartRows = 60_000 });
        var lab = Directory.GetFiles(source, "labevents.csv.gz", SearchOption.AllDirectories).Single();
        Assert.True(new FileInfo(lab).Length > 1 << 20, "labevents should span several chunks");
        Assert.Equal(60_000, summary.LabRows);

        Assert.Equal(0, CliRunner.Run("build", "--source", source, "--out", temp.Sub("a"), "--images", "none", "--jobs", "1").ExitCode);
        Assert.Equal(0, CliRunner.Run("build", "--source", source, "--out", temp.Sub("b"), "--images", "none", "--jobs", "4").ExitCode);

        // REPORT.md and build.json name the --jobs used; every other file must be the same, byte for byte.
        var a = Files(temp.Sub("a"));
        var b = Files(temp.Sub("b"));
        Assert.Equal(a.Keys, b.Keys);
        Assert.True(a.Count > 40 * 20, $"only {a.Count} files");
        foreach (var (path, bytes) in a)
            Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs");
        var labFiles = a.Keys.Count(k => k.EndsWith("/Hosp/labevents.csv", StringComparison.Ordinal));
        Assert.Equal(40, labFiles);
    }

    static SortedDictionary<string, byte[]> Files(string root) => new(
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".mimiceye/", StringComparison.Ordinal) && f is not ("REPORT.md" or "build.json" or "SHA256SUMS.txt"))
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(root, f))),
        StringComparer.Ordinal);
}
