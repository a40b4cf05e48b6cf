namespace MimicEye.Tests.Support;

/// <summary>Compares text with a golden file in the repository. With MIMICEYE_ACCEPT=1 the golden file is
/// rewritten from the actual text instead (then review the diff and commit it).</summary>
static class GoldenFile
{
    public static void AssertMatches(string goldenPath, string actual)
    {
        if (Environment.GetEnvironmentVariable("MIMICEYE_ACCEPT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual);
            return;
        }
        Assert.True(File.Exists(goldenPath), $"golden file {goldenPath} is missing: run the tests once with MIMICEYE_ACCEPT=1");
        var expected = File.ReadAllText(goldenPath);
        if (expected == actual)
            return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var differences = e.Except(a).Select(l => "- " + l).Concat(a.Except(e).Select(l => "+ " + l)).Take(40);
        Assert.Fail($"{goldenPath} differs from the actual output:\n{string.Join('\n', differences)}");
    }
}
