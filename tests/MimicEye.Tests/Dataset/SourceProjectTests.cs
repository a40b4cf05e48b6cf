using MimicEye.Dataset;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Dataset;

public class SourceProjectTests
{
    static SourceLayout Discover(string? source, Dictionary<ProjectKind, string>? overrides = null) =>
        SourceLayout.Discover(new SourceOptions(source, overrides ?? [], new Dictionary<ProjectKind, string>()));

    [Fact]
    public void A_gz_table_is_preferred_to_a_plain_csv_beside_it()
    {
        using var tmp = new TempDir("project");
        var root = new SourceTreeBuilder(tmp.Path).MimicIvEd();
        SourceTreeBuilder.WriteTable(root, "ed/edstays", SourceHeaders.Ed["ed/edstays"], gzip: false);
        var project = Discover(tmp.Path)[ProjectKind.MimicIvEd]!;
        Assert.Equal(Path.Combine(root, "ed", "edstays.csv.gz"), project.FindTable(SourceTables.EdStays));
        Assert.Equal(Path.Combine(root, "ed", "edstays.csv"), project.ShadowedTable(SourceTables.EdStays));
        Assert.Null(project.ShadowedTable(SourceTables.Find(ProjectKind.MimicIvEd, "ed/triage")));
    }

    [Fact]
    public void A_plain_csv_table_is_found_when_alone()
    {
        using var tmp = new TempDir("project");
        var root = new SourceTreeBuilder(tmp.Path) { Gzip = false }.MimicIvEd();
        var project = Discover(tmp.Path)[ProjectKind.MimicIvEd]!;
        Assert.Equal(Path.Combine(root, "ed", "edstays.csv"), project.FindTable(SourceTables.EdStays));
        File.Delete(Path.Combine(root, "ed", "edstays.csv"));
        Assert.Null(project.FindTable(SourceTables.EdStays));
    }

    [Fact]
    public void Reports_from_an_unzipped_mimic_cxr_reports_zip_are_found()
    {
        using var tmp = new TempDir("project");
        var root = new SourceTreeBuilder(tmp.Path).CxrReports(folder: tmp.Sub("mimic-cxr-reports"));
        var project = Discover(tmp.Path)[ProjectKind.CxrReports]!;
        Assert.Equal(root, project.Root);
        Assert.Null(project.Version);
        Assert.Equal(Path.Combine(root, "files"), project.FilesFolder);
    }

    [Fact]
    public void A_mimic_cxr_version_folder_with_dicoms_only_is_not_taken_for_the_reports()
    {
        using var tmp = new TempDir("project");
        var dicom = tmp.Sub("mimic-cxr", "2.0.0", "files", "p10", "p" + SourceTreeBuilder.SubjectId, "s" + SourceTreeBuilder.StudyId);
        Directory.CreateDirectory(dicom);
        File.WriteAllBytes(Path.Combine(dicom, SourceTreeBuilder.DicomId + ".dcm"), [0]);
        Assert.Null(Discover(tmp.Path)[ProjectKind.CxrReports]);

        var reports = new SourceTreeBuilder(tmp.Path).CxrReports(folder: tmp.Sub("mimic-cxr-reports"));
        Assert.Equal(reports, Discover(tmp.Path)[ProjectKind.CxrReports]!.Root);
    }

    [Fact]
    public void Reports_unzipped_inside_the_version_folder_keep_the_version()
    {
        using var tmp = new TempDir("project");
        var root = new SourceTreeBuilder(tmp.Path).CxrReports(folder: tmp.Sub("mimic-cxr", "2.0.0", "mimic-cxr-reports"));
        var project = Discover(tmp.Path)[ProjectKind.CxrReports]!;
        Assert.Equal((root, "2.0.0"), (project.Root, project.Version));
    }

    [Fact]
    public void Reports_in_the_files_tree_of_the_version_folder_are_found()
    {
        using var tmp = new TempDir("project");
        var root = new SourceTreeBuilder(tmp.Sub("physionet.org", "files")).CxrReports("2.1.0");
        var project = Discover(tmp.Path)[ProjectKind.CxrReports]!;
        Assert.Equal((root, "2.1.0"), (project.Root, project.Version));
    }

    [DemoFact]
    public void The_real_mimic_iv_demo_is_found_through_the_override_with_its_version()
    {
        var demo = RepoPaths.MimicIvDemo!;
        var project = Discover(null, new() { [ProjectKind.MimicIv] = demo })[ProjectKind.MimicIv]!;
        Assert.Equal("2.2", project.Version);
        Assert.NotNull(project.FindTable(SourceTables.Find(ProjectKind.MimicIv, "hosp/patients")));
        Assert.Null(project.FindTable(SourceTables.Find(ProjectKind.MimicIv, "icu/chartevents")));
    }
}
