using MimicEye.Samples;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Reliability;

/// <summary>One synthetic source tree (the samples generator's defaults) and one uninterrupted build of it,
/// made once per test run and shared by the reliability tests. Tests that change the source copy it first;
/// nothing here is ever modified after it is made.</summary>
static class ReliabilitySamples
{
    static readonly Lazy<(string Source, string Reference)> s_tree = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);
    const string Prefix = "reliability-";
    static readonly string s_parent = Path.Combine(Path.GetTempPath(), "mimiceye-tests");
    static readonly string s_root = Path.Combine(s_parent, Prefix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The source folder (holds physionet.org/files/...).</summary>
    public static string Source => s_tree.Value.Source;

    /// <summary>An uninterrupted default build of <see cref="Source"/>.</summary>
    public static string Reference => s_tree.Value.Reference;

    /// <summary>A copy of the source tree that a test may change.</summary>
    public static string CopySource(string destination)
    {
        CopyFolder(Source, destination);
        return destination;
    }

    /// <summary>The files of the cohort tables under the samples source, by their path relative to physionet.org/files.</summary>
    public static string Files(string sourceRoot, string relative) =>
        Path.Combine(sourceRoot, "physionet.org", "files", relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The cohort images of the reference build (spreadsheets/cxr_meta.csv, which has no quoted fields).</summary>
    public static IReadOnlyList<CohortImage> Cohort()
    {
        var lines = File.ReadAllLines(Path.Combine(Reference, "spreadsheets", "cxr_meta.csv"));
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        return [.. lines.Skip(1).Select(l => l.Split(',')).Select(f => new CohortImage(f[Column("dicom_id")], f[Column("subject_id")],
            f[Column("study_id")], f[Column("in_eye_gaze")] == "True", f[Column("in_reflacx")] == "True", f[Column("stay_id")]))];
    }

    static (string, string) Make()
    {
        // The test host may end without running exit handlers: trees of test runs that are gone are removed here.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(s_root);
        foreach (var stale in Directory.Exists(s_parent) ? Directory.GetDirectories(s_parent, Prefix + "*") : [])
        {
            var pid = Path.GetFileName(stale)[Prefix.Length..];
            if (stale == s_root || !Directory.Exists(Path.Combine("/proc", pid)))
                TryDelete(stale);
        }
        var source = Path.Combine(s_root, "source");
        SampleGenerator.Generate(new SampleOptions(source));
        var reference = Path.Combine(s_root, "reference");
        var result = CliRunner.Run("build", "--source", source, "--out", reference);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"the reference build of the samples failed ({result.ExitCode}):\n{result.Error}");
        return (source, reference);
    }

    static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

sealed record CohortImage(string DicomId, string SubjectId, string StudyId, bool InEyeGaze, bool InReflacx, string StayId);
