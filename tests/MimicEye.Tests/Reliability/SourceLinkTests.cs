using System.Text;

namespace MimicEye.Tests.Reliability;

/// <summary>SPEC §9, issue 6 §4: a symlink in a downloaded tree that leads out of the source (a file, a
/// study, patient, reading or transcript folder) is refused as UnsafeSourceLink: nothing it leads to is
/// copied into the dataset. A whole project folder kept on another disk (linked at the project level) is
/// an ordinary set-up and is read as usual.</summary>
public class SourceLinkTests
{
    static readonly IReadOnlyList<CohortImage> s_cohort = ReliabilitySamples.Cohort();

    [Theory]
    [InlineData("image file")]
    [InlineData("study folder")]
    [InlineData("patient folder")]
    [InlineData("report")]
    [InlineData("REFLACX reading folder")]
    [InlineData("EGD transcripts folder")]
    public void A_symlink_out_of_the_source_is_refused_and_nothing_it_leads_to_is_copied(string what)
    {
        using var bad = new BadSource("link");
        var outside = Path.Combine(bad.Root, "outside");
        Directory.CreateDirectory(outside);
        var image = s_cohort.First(i => i.InReflacx);
        var patient = bad.File($"mimic-cxr-jpg/2.0.0/files/p{image.SubjectId[..2]}/p{image.SubjectId}");
        var study = Path.Combine(patient, "s" + image.StudyId);
        switch (what)
        {
            case "image file":
                File.CreateSymbolicLink(Path.Combine(study, "00000000-00000000-00000000-00000000-00000000.jpg"), Secret(outside, "secret.jpg"));
                break;
            case "study folder":
                LinkFolder(study, outside);
                break;
            case "patient folder":
                LinkFolder(patient, outside);
                break;
            case "report":
                var report = bad.File($"mimic-cxr/2.0.0/files/p{image.SubjectId[..2]}/p{image.SubjectId}/s{image.StudyId}.txt");
                File.Delete(report);
                File.CreateSymbolicLink(report, Secret(outside, "report.txt"));
                break;
            case "REFLACX reading folder":
                LinkFolder(Directory.GetDirectories(bad.File("reflacx-xray-localization/1.0.0/main_data")).Order(StringComparer.Ordinal).First(), outside);
                break;
            default:
                var egd = s_cohort.First(i => i.InEyeGaze);
                LinkFolder(bad.File($"egd-cxr/1.0.0/audio_segmentation_transcripts/{egd.DicomId}"), outside);
                break;
        }

        var result = bad.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("UnsafeSourceLink: ", result.Error);
        Assert.Contains(bad.Source, result.Error.Split('\n').Single(l => l.Contains("UnsafeSourceLink: ", StringComparison.Ordinal)));
        Assert.True(bad.ReportedIssues()["UnsafeSourceLink"] >= 1);
        var leaked = bad.Written().Where(f => File.ReadAllText(Path.Combine(bad.Out, f), BadSource.Bytes).Contains(BadSource.Sentinel, StringComparison.Ordinal));
        Assert.Empty(leaked);
    }

    [Fact]
    public void A_project_folder_linked_from_another_disk_is_read_as_usual()
    {
        using var bad = new BadSource("project-link");
        var project = bad.File("mimic-cxr-jpg");
        var elsewhere = Path.Combine(bad.Root, "other-disk", "mimic-cxr-jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        Directory.Move(project, elsewhere);
        File.CreateSymbolicLink(project, elsewhere);

        var result = bad.Build();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(OutputTree.Differences(ReliabilitySamples.Reference, bad.Out));
    }

    /// <summary>Moves a folder out of the source (adding a secret file to it) and links it back in place.</summary>
    static void LinkFolder(string folder, string outside)
    {
        var target = Path.Combine(outside, Path.GetFileName(folder));
        Directory.Move(folder, target);
        Secret(target, "secret.txt");
        Directory.CreateSymbolicLink(folder, target);
    }

    static string Secret(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "a file of the machine, not of the download: " + BadSource.Sentinel, Encoding.ASCII);
        return path;
    }
}
