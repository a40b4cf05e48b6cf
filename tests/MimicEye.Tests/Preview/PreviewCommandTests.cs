using MimicEye.Tests.Support;

namespace MimicEye.Tests.Preview;

public class PreviewCommandTests
{
    [Fact]
    public void Unknown_dicom_id_fails_with_exit_1_naming_the_id()
    {
        using var tree = new PreviewTreeFixture();
        const string id = "00000000-11111111-22222222-33333333-44444444";
        var result = CliRunner.Run("preview", "--out", tree.Out, "--dicom-id", id, "--to", tree.Sub("x.png"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(id, result.Error);
        Assert.Contains("cxr_meta.csv", result.Error);
        Assert.False(File.Exists(tree.Sub("x.png")));
    }

    [Fact]
    public void Malformed_dicom_id_is_refused_before_it_reaches_a_path()
    {
        using var tree = new PreviewTreeFixture();
        var result = CliRunner.Run("preview", "--out", tree.Out, "--dicom-id", "../../etc/passwd", "--to", tree.Sub("x.png"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a dicom_id", result.Error);
    }

    [Fact]
    public void Folder_without_cxr_meta_is_not_a_mimiceye_output()
    {
        using var dir = new TempDir("preview");
        var result = CliRunner.Run("preview", "--out", dir.Path, "--dicom-id", PreviewTreeFixture.DicomId, "--to", dir.Sub("x.png"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a mimiceye output folder", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Cohort_image_without_its_jpeg_names_the_missing_file()
    {
        using var tree = new PreviewTreeFixture();
        var result = CliRunner.Run("preview", "--out", tree.Out, "--dicom-id", PreviewTreeFixture.NoJpegDicomId, "--to", tree.Sub("x.png"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"patient_{PreviewTreeFixture.SubjectId}/CXR-JPG/s{PreviewTreeFixture.OtherStudyId}/{PreviewTreeFixture.NoJpegDicomId}.jpg is missing", result.Error);
    }

    [Fact]
    public void Corrupt_jpeg_fails_with_its_path_and_leaves_no_png()
    {
        using var tree = new PreviewTreeFixture();
        tree.Write($"patient_{PreviewTreeFixture.SubjectId}/CXR-JPG/s{PreviewTreeFixture.StudyId}/{PreviewTreeFixture.DicomId}.jpg", "not a jpeg");
        var result = CliRunner.Run("preview", "--out", tree.Out, "--dicom-id", PreviewTreeFixture.DicomId, "--to", tree.Sub("x.png"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{PreviewTreeFixture.DicomId}.jpg: not a readable image", result.Error);
        Assert.Empty(Directory.GetFiles(tree.Sub(), "x.png*"));
    }

    [Fact]
    public void All_writes_one_png_per_cohort_image_that_has_a_jpeg()
    {
        using var tree = new PreviewTreeFixture();
        var folder = tree.Sub("previews");
        var result = CliRunner.Run("preview", "--out", tree.Out, "--all", "--to", folder);
        Assert.True(result.ExitCode == 0, result.Error);
        var written = Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([PreviewTreeFixture.DicomId + ".png", PreviewTreeFixture.OtherDicomId + ".png"], written);
        Assert.Contains("2 previews written", result.Out);
        Assert.Contains("1 cohort images without a JPEG skipped", result.Out);
    }

    [Fact]
    public void All_with_one_bad_image_writes_the_others_and_exits_1()
    {
        using var tree = new PreviewTreeFixture();
        tree.Write($"patient_{PreviewTreeFixture.SubjectId}/CXR-JPG/s{PreviewTreeFixture.OtherStudyId}/{PreviewTreeFixture.OtherDicomId}.jpg", "broken");
        var folder = tree.Sub("previews");
        var result = CliRunner.Run("preview", "--out", tree.Out, "--all", "--to", folder);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([PreviewTreeFixture.DicomId + ".png"], Directory.GetFiles(folder).Select(f => Path.GetFileName(f)));
        Assert.Contains(PreviewTreeFixture.OtherDicomId, result.Error);
        Assert.Contains("1 failed", result.Out);
    }

    [Theory]
    [InlineData("--all")]
    [InlineData("--dicom-id", PreviewTreeFixture.DicomId, "--all", "--to", "x")]
    [InlineData("--dicom-id", PreviewTreeFixture.DicomId, "--max-size", "10")]
    public void Wrong_option_combinations_are_usage_errors(params string[] options)
    {
        var result = CliRunner.Run(["preview", "--out", "somewhere", .. options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: mimiceye preview", result.Error);
    }

    [Fact]
    public void Max_size_sets_the_long_side_of_the_xray()
    {
        using var tree = new PreviewTreeFixture();
        var png = tree.Sub("small.png");
        var result = CliRunner.Run("preview", "--out", tree.Out, "--dicom-id", PreviewTreeFixture.DicomId, "--to", png, "--max-size", "100");
        Assert.True(result.ExitCode == 0, result.Error);
        using var probe = new PngProbe(png, 100, 80);
        // Row 79 is the last X-ray row; the legend panel below the X-ray starts at row 80.
        Assert.True(PngProbe.Near(probe.Pixel(50, 40), new(128, 128, 128), 40), "X-ray centre");
        Assert.Equal(MimicEye.Preview.Palette.LegendBackground, probe.Pixel(50, 85));
    }
}
