using MimicEye.Dataset;

namespace MimicEye.Tests.Dataset;

/// <summary>Relative paths (SHA256SUMS.txt, the phase lists, the journal) are what Path.GetRelativePath gives,
/// with forward slashes, also for the paths the quick way leaves to it.</summary>
public class OutputLayoutTests
{
    [Theory]
    [InlineData("/data/out")]
    [InlineData("/data/out/")]
    [InlineData("/")]
    public void Relative_paths_are_those_of_GetRelativePath(string root)
    {
        var layout = new OutputLayout(root);
        string[] paths =
        [
            Path.Combine(layout.Root, "patient_10000032", "Hosp", "labevents.csv"),
            Path.Combine(layout.Root, "SHA256SUMS.txt"),
            layout.Root + "/patient_1/./Hosp/x.csv",
            layout.Root + "/patient_1/../spreadsheets/x.csv",
            layout.Root + "//patient_1//x.csv",
            layout.Root + "/patient_1/x.csv/",
            layout.Root + "/..",
            layout.Root,
            "/elsewhere/file.csv",
            layout.Root + "-sibling/file.csv",
        ];
        foreach (var path in paths)
            Assert.Equal(Path.GetRelativePath(layout.Root, path).Replace(Path.DirectorySeparatorChar, '/'), layout.Relative(path));
        Assert.Equal("patient_10000032/Hosp/labevents.csv", layout.Relative(paths[0]));
    }
}
