using MimicEye.Tests.Support;

namespace MimicEye.Tests.Reliability;

/// <summary>SPEC §8, issue 6 §4: every copied X-ray is checked. A truncated file or one that is not a JPEG
/// is a CorruptImage error, an image whose pixel size differs from the metadata's Columns x Rows an
/// ImageSizeMismatch warning; each is named by path and dicom_id and counted in REPORT.md, and the rest of
/// the tree is built.</summary>
public class ImageCheckTests
{
    static readonly CohortImage s_image = ReliabilitySamples.Cohort().First(i => i.InReflacx);

    static string Jpeg(BadSource bad) =>
        bad.File($"mimic-cxr-jpg/2.0.0/files/p{s_image.SubjectId[..2]}/p{s_image.SubjectId}/s{s_image.StudyId}/{s_image.DicomId}.jpg");

    [Theory]
    [InlineData("truncated", "the JPEG is truncated (no EOI marker at the end)")]
    [InlineData("not a JPEG", "not a JPEG (no SOI marker)")]
    [InlineData("too short", "the file is too short to be a JPEG")]
    public void A_broken_jpeg_is_a_corrupt_image_error_named_by_path_and_id(string damage, string message)
    {
        using var bad = new BadSource("jpeg");
        var path = Jpeg(bad);
        switch (damage)
        {
            case "truncated":
                SourceTreeBuilder.Truncate(path, 0.6);
                break;
            case "not a JPEG":
                File.WriteAllText(path, "<html>" + BadSource.Sentinel + "</html>");
                break;
            default:
                File.WriteAllBytes(path, [0xFF, 0xD8]);
                break;
        }

        var result = bad.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path} [{s_image.DicomId}]: {message}", result.Error);
        BadSource.AssertNoSentinel(result);
        Assert.Equal(1, bad.ReportedIssues()["CorruptImage"]);
        Assert.True(File.Exists(Path.Combine(bad.Out, "SHA256SUMS.txt")), "the rest of the tree is built");
    }

    [Fact]
    public void An_image_whose_size_differs_from_its_metadata_is_a_counted_warning()
    {
        using var bad = new BadSource("jpeg-size");
        bad.EditRow(BadSource.Metadata, "dicom_id", s_image.DicomId, (fields, at) => fields[at("Rows")] = "4096", "PerformedProcedureStepDescription");

        var result = bad.Build();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"{Jpeg(bad)} [{s_image.DicomId}]: the JPEG is ", result.Error);
        Assert.Contains("but the metadata says ", result.Error);
        Assert.Contains("x4096 (Columns x Rows)", result.Error);
        BadSource.AssertNoSentinel(result);
        Assert.Equal(1, bad.ReportedIssues()["ImageSizeMismatch"]);
    }
}
