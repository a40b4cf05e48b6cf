using MimicEye.Dataset;
using MimicEye.Pipeline;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Dataset;

public class SourceLayoutTests
{
    static SourceLayout Discover(string? source, Dictionary<ProjectKind, string>? overrides = null, Dictionary<ProjectKind, string>? pins = null) =>
        SourceLayout.Discover(new SourceOptions(source, overrides ?? [], pins ?? []));

    static void AssertAllSix(SourceLayout layout)
    {
        foreach (var kind in ProjectKinds.All)
            Assert.True(layout[kind] is not null, $"{kind}: {layout.ProblemOf(kind)}");
    }

    [Fact]
    public void Project_folders_directly_under_source_are_found()
    {
        using var tmp = new TempDir("layout");
        new SourceTreeBuilder(tmp.Path).All();
        var layout = Discover(tmp.Path);
        AssertAllSix(layout);
        Assert.Equal(tmp.Sub("mimiciv", "2.2"), layout[ProjectKind.MimicIv]!.Root);
        Assert.Equal("2.0.0", layout[ProjectKind.CxrJpg]!.Version);
    }

    [Theory]
    [InlineData("physionet.org", "files")]
    [InlineData("files")]
    public void A_physionet_org_files_level_under_source_is_searched(params string[] level)
    {
        using var tmp = new TempDir("layout");
        new SourceTreeBuilder(tmp.Sub(level)).All();
        var layout = Discover(tmp.Path);
        AssertAllSix(layout);
        Assert.Equal(tmp.Sub([.. level, "mimic-iv-ed", "2.2"]), layout[ProjectKind.MimicIvEd]!.Root);
    }

    [Fact]
    public void Zip_style_slug_version_folders_are_found()
    {
        using var tmp = new TempDir("layout");
        var tree = new SourceTreeBuilder(tmp.Path);
        tree.MimicIv("2.2", tmp.Sub("mimic-iv-2.2"));
        tree.MimicIvEd("2.2", tmp.Sub("mimic-iv-ed-2.2"));
        tree.CxrJpg("2.1.0", tmp.Sub("mimic-cxr-jpg-2.1.0"));
        tree.CxrReports("2.0.0", tmp.Sub("mimic-cxr-reports"));
        tree.Reflacx("1.0.0", tmp.Sub("reflacx-xray-localization-1.0.0"));
        tree.EyeGaze("1.0.0", tmp.Sub("egd-cxr-1.0.0"));
        var layout = Discover(tmp.Path);
        AssertAllSix(layout);
        Assert.Equal(("2.2", tmp.Sub("mimic-iv-2.2")), (layout[ProjectKind.MimicIv]!.Version, layout[ProjectKind.MimicIv]!.Root));
        // mimic-iv-ed-2.2 is MIMIC-IV-ED's, not a MIMIC-IV folder named "mimic-iv" + "ed-2.2".
        Assert.Equal(tmp.Sub("mimic-iv-ed-2.2"), layout[ProjectKind.MimicIvEd]!.Root);
        Assert.Equal("2.1.0", layout[ProjectKind.CxrJpg]!.Version);
        Assert.Null(layout[ProjectKind.CxrReports]!.Version);
    }

    [Fact]
    public void The_newest_version_wins_and_the_others_are_kept_for_the_report()
    {
        using var tmp = new TempDir("layout");
        var tree = new SourceTreeBuilder(tmp.Path);
        tree.MimicIv("2.0");
        tree.MimicIv("3.1");
        tree.MimicIv("2.2");
        tree.CxrJpg("2.0.0");
        tree.CxrJpg("10.0.0");
        var layout = Discover(tmp.Path);
        Assert.Equal("3.1", layout[ProjectKind.MimicIv]!.Version);
        Assert.Equal(["2.2", "2.0"], layout[ProjectKind.MimicIv]!.OtherVersions);
        // Versions compare as numbers, not as text.
        Assert.Equal("10.0.0", layout[ProjectKind.CxrJpg]!.Version);
    }

    [Fact]
    public void Use_version_pins_an_older_version()
    {
        using var tmp = new TempDir("layout");
        var tree = new SourceTreeBuilder(tmp.Path);
        tree.MimicIv("2.2");
        tree.MimicIv("3.1");
        var layout = Discover(tmp.Path, pins: new() { [ProjectKind.MimicIv] = "2.2" });
        Assert.Equal(tmp.Sub("mimiciv", "2.2"), layout[ProjectKind.MimicIv]!.Root);
        Assert.Equal(["3.1"], layout[ProjectKind.MimicIv]!.OtherVersions);
    }

    [Fact]
    public void A_pin_ignores_trailing_zero_components()
    {
        using var tmp = new TempDir("layout");
        new SourceTreeBuilder(tmp.Path).EyeGaze("1.0.0");
        var layout = Discover(tmp.Path, pins: new() { [ProjectKind.EyeGaze] = "1.0" });
        Assert.Equal("1.0.0", layout[ProjectKind.EyeGaze]!.Version);
    }

    [Fact]
    public void A_pinned_version_that_is_absent_is_a_problem_naming_the_versions_present()
    {
        using var tmp = new TempDir("layout");
        var tree = new SourceTreeBuilder(tmp.Path);
        tree.MimicIv("2.2");
        tree.MimicIv("3.1");
        var layout = Discover(tmp.Path, pins: new() { [ProjectKind.MimicIv] = "2.0" });
        Assert.Null(layout[ProjectKind.MimicIv]);
        var error = Assert.Throws<MimicEyeException>(() => layout.Require(ProjectKind.MimicIv));
        Assert.Contains("--use-version mimic-iv=2.0", error.Message);
        Assert.Contains("3.1, 2.2", error.Message);
    }

    [Fact]
    public void An_override_folder_is_used_instead_of_the_search()
    {
        using var tmp = new TempDir("layout");
        var tree = new SourceTreeBuilder(tmp.Sub("src"));
        tree.MimicIv("3.1");
        var elsewhere = tree.MimicIv("2.2", tmp.Sub("elsewhere", "mimic-iv-clinical-database-demo-2.2"));
        var layout = Discover(tmp.Sub("src"), new() { [ProjectKind.MimicIv] = elsewhere });
        Assert.Equal(elsewhere, layout[ProjectKind.MimicIv]!.Root);
        Assert.Equal("2.2", layout[ProjectKind.MimicIv]!.Version);
    }

    [Fact]
    public void An_override_pointing_at_the_slug_folder_chooses_among_its_versions()
    {
        using var tmp = new TempDir("layout");
        var tree = new SourceTreeBuilder(tmp.Path);
        tree.MimicIvEd("2.0");
        tree.MimicIvEd("2.2");
        var overrides = new Dictionary<ProjectKind, string> { [ProjectKind.MimicIvEd] = tmp.Sub("mimic-iv-ed") };
        Assert.Equal("2.2", Discover(null, overrides)[ProjectKind.MimicIvEd]!.Version);
        var pinned = Discover(null, overrides, new() { [ProjectKind.MimicIvEd] = "2.0" });
        Assert.Equal(tmp.Sub("mimic-iv-ed", "2.0"), pinned[ProjectKind.MimicIvEd]!.Root);
    }

    [Fact]
    public void An_override_folder_that_does_not_exist_is_a_problem_naming_the_option()
    {
        using var tmp = new TempDir("layout");
        var layout = Discover(null, new() { [ProjectKind.Reflacx] = tmp.Sub("nope") });
        Assert.Contains("--reflacx", layout.ProblemOf(ProjectKind.Reflacx));
        Assert.Contains(tmp.Sub("nope"), layout.ProblemOf(ProjectKind.Reflacx));
    }

    [Fact]
    public void A_missing_project_names_the_folders_searched_and_the_option()
    {
        using var tmp = new TempDir("layout");
        new SourceTreeBuilder(tmp.Sub("physionet.org", "files")).MimicIv();
        var layout = Discover(tmp.Path);
        var problem = layout.ProblemOf(ProjectKind.EyeGaze)!;
        Assert.Contains("egd-cxr", problem);
        Assert.Contains(tmp.Sub("physionet.org", "files"), problem);
        Assert.Contains("--eyegaze DIR", problem);
    }

    [Fact]
    public void A_source_folder_that_does_not_exist_is_an_error()
    {
        using var tmp = new TempDir("layout");
        var error = Assert.Throws<MimicEyeException>(() => Discover(tmp.Sub("missing")));
        Assert.Contains("--source", error.Message);
    }

    [Fact]
    public void Odd_folder_names_beside_the_versions_are_ignored()
    {
        using var tmp = new TempDir("layout");
        new SourceTreeBuilder(tmp.Path).MimicIv("2.2");
        Directory.CreateDirectory(tmp.Sub("mimiciv", "99999999999"));
        Directory.CreateDirectory(tmp.Sub("mimiciv", "latest"));
        File.WriteAllText(tmp.Sub("mimiciv", "index.html"), "<html></html>");
        Assert.Equal("2.2", Discover(tmp.Path)[ProjectKind.MimicIv]!.Version);
    }
}
