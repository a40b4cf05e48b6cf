using MimicEye.Dataset;
using MimicEye.Pipeline.Output;

namespace MimicEye.Tests.Reliability;

/// <summary>Comparisons of built trees. build.json (timings) and .mimiceye/ (mimiceye's own state) are left
/// out: every other file of two builds of the same sources must be byte-identical.</summary>
static class OutputTree
{
    /// <summary>Relative paths (forward slashes) of the compared files of a tree.</summary>
    public static SortedSet<string> Files(string root)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
            return files;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative != OutputLayout.BuildFile && !relative.StartsWith(OutputFolder.StateFolder + "/", StringComparison.Ordinal))
                files.Add(relative);
        }
        return files;
    }

    /// <summary>Temporary files (<c>*.mimiceye-tmp</c>) anywhere under the folder.</summary>
    public static List<string> TempFiles(string root) =>
        Directory.Exists(root) ? [.. Directory.EnumerateFiles(root, "*" + OutputLayout.TempSuffix, SearchOption.AllDirectories)] : [];

    /// <summary>The differences between a tree and the reference: missing, extra and differing files.</summary>
    public static List<string> Differences(string reference, string actual)
    {
        var (expected, found) = (Files(reference), Files(actual));
        var problems = new List<string>();
        problems.AddRange(expected.Except(found).Select(f => "missing " + f));
        problems.AddRange(found.Except(expected).Select(f => "extra " + f));
        problems.AddRange(expected.Intersect(found).Where(f => !SameBytes(reference, actual, f)).Select(f => "differs " + f));
        return problems;
    }

    /// <summary>Files of <paramref name="actual"/> under their final names whose bytes differ from the
    /// reference: a half-written file (files the reference lacks count too).</summary>
    public static List<string> Partial(string reference, string actual) =>
        [.. Files(actual).Where(f => !f.EndsWith(OutputLayout.TempSuffix, StringComparison.Ordinal) && !SameBytes(reference, actual, f))];

    static bool SameBytes(string a, string b, string relative)
    {
        var (x, y) = (Path.Combine(a, relative), Path.Combine(b, relative));
        return File.Exists(x) && File.Exists(y) && new FileInfo(x).Length == new FileInfo(y).Length
            && File.ReadAllBytes(x).AsSpan().SequenceEqual(File.ReadAllBytes(y));
    }
}
