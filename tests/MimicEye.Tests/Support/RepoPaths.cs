namespace MimicEye.Tests.Support;

/// <summary>Finds the repository (the folder holding MimicEye.sln) and the shared folder beside it, so
/// fixtures and the real MIMIC-IV demo are read in place, never copied into bin/.</summary>
static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Fixtures => Path.Combine(Root, "tests", "MimicEye.Tests", "Fixtures");

    /// <summary>../shared/realdata/mimic-iv-demo-2.2 (present in CI and in the team's checkouts); null elsewhere.</summary>
    public static string? MimicIvDemo
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(Root, "..", "shared", "realdata", "mimic-iv-demo-2.2"));
            return Directory.Exists(Path.Combine(dir, "hosp")) ? dir : null;
        }
    }

    public const string NoDemoReason = "../shared/realdata/mimic-iv-demo-2.2 is absent (a clone outside the team's workspace); CI has it";

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MimicEye.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("MimicEye.sln not found above " + AppContext.BaseDirectory);
    }
}
