using MimicEye.Dataset;
using MimicEye.Pipeline.Output;

namespace MimicEye.Tests.Dataset;

/// <summary>Relative paths (SHA256SUMS.txt, the phase lists, the journal) are what Path.GetRelativePath gives,
/// with forward slashes, also for the paths the quick way leaves to it; and a line of a list read back is the full
/// path GetFullPath gives, or nothing when it leads out of the output.</summary>
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

    [Theory]
    [InlineData("/data/out")]
    [InlineData("/data/out/")]
    [InlineData("/")]
    public void A_list_line_is_the_full_path_GetFullPath_gives_inside_the_output(string root)
    {
        var layout = new OutputLayout(root);
        string[] lines =
        [
            "patient_10000032/Hosp/labevents.csv",
            "SHA256SUMS.txt",
            "patient_1/./Hosp/x.csv",
            "patient_1/../spreadsheets/x.csv",
            "patient_1//x.csv",
            "patient_1/x.csv/",
            "..",
            "../elsewhere/file.csv",
            "patient_1/../../elsewhere/file.csv",
            "/elsewhere/file.csv",
            ".",
            "...",
            "..a/b",
        ];
        foreach (var line in lines)
        {
            var full = Path.GetFullPath(Path.Combine(layout.Root, line));
            var expected = full.StartsWith(layout.RootPrefix, StringComparison.Ordinal) ? full : null;
            Assert.Equal(expected, OutputFolder.Inside(layout, line));
        }
        Assert.Null(OutputFolder.Inside(layout, ""));
    }
}
