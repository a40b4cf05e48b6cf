using MimicEye.Preview;

namespace MimicEye.Tests.Preview;

public class AnnotationSetTests
{
    static AnnotationSet Load(PreviewTreeFixture tree, string dicomId = PreviewTreeFixture.DicomId)
    {
        var preview = new PreviewTree(tree.Out);
        return AnnotationSet.Load(preview, preview.Find(dicomId));
    }

    [Fact]
    public void Only_the_rows_of_the_image_are_loaded_and_off_image_gaze_is_dropped()
    {
        using var tree = new PreviewTreeFixture();
        var set = Load(tree);
        var reading = Assert.Single(set.Readings);
        Assert.Equal(PreviewTreeFixture.ReadingId, reading.Id);
        var ellipse = Assert.Single(reading.Ellipses);
        Assert.Equal(new ImageBox(20, 20, 100, 80), ellipse.Box);
        Assert.Equal(5, ellipse.Certainty);
        Assert.Equal(["Atelectasis"], ellipse.Labels);
        Assert.Equal(new ImageBox(10, 10, 190, 150), reading.ChestBox);
        var fixation = Assert.Single(reading.Fixations);
        Assert.Equal((150, 40), (fixation.X, fixation.Y));
        Assert.Equal(0.5, fixation.Seconds, 6);
        Assert.Equal([new Fixation(150, 120, 0.4)], set.EgdFixations);
        var box = Assert.Single(set.EgdBoxes);
        Assert.Equal(new AnatomicalBox("cardiac silhouette", new ImageBox(110, 90, 140, 110)), box);
        Assert.Empty(set.Warnings);
    }

    [Fact]
    public void Merged_label_columns_are_whatever_follows_certainty()
    {
        using var tree = new PreviewTreeFixture();
        tree.Raw($"patient_{PreviewTreeFixture.SubjectId}/REFLACX/main_data/{PreviewTreeFixture.ReadingId}/anomaly_location_ellipses.csv",
            "xmin,ymin,xmax,ymax,certainty,Abnormal mediastinal contour,Lung nodule or mass,Support devices",
            "1,2,3,4,4.0,False,True,True");
        var ellipse = Assert.Single(Assert.Single(Load(tree).Readings).Ellipses);
        Assert.Equal(["Lung nodule or mass", "Support devices"], ellipse.Labels);
        Assert.Equal(4, ellipse.Certainty);
    }

    [Fact]
    public void Discarded_reading_without_fixations_has_its_ellipses_only()
    {
        using var tree = new PreviewTreeFixture();
        File.Delete(Path.Combine(tree.Out, $"patient_{PreviewTreeFixture.SubjectId}", "REFLACX", "main_data", PreviewTreeFixture.ReadingId, "fixations.csv"));
        var reading = Assert.Single(Load(tree).Readings);
        Assert.Empty(reading.Fixations);
        Assert.Single(reading.Ellipses);
    }

    [Fact]
    public void Unreadable_rows_are_skipped_with_a_warning_naming_the_file_not_the_values()
    {
        using var tree = new PreviewTreeFixture();
        tree.Csv($"patient_{PreviewTreeFixture.SubjectId}/EyeGaze/bounding_boxes.csv", "dicom_id,bbox_name,x1,x2,y1,y2",
            $"{PreviewTreeFixture.DicomId},left lung,abc,140.0,90.0,110.0",
            $"{PreviewTreeFixture.DicomId},right lung,10,20,30,40");
        var set = Load(tree);
        Assert.Equal("right lung", Assert.Single(set.EgdBoxes).Name);
        var warning = Assert.Single(set.Warnings);
        Assert.Contains($"patient_{PreviewTreeFixture.SubjectId}/EyeGaze/bounding_boxes.csv: 1 row", warning);
        Assert.DoesNotContain("abc", warning);
    }

    [Fact]
    public void Missing_reading_folder_is_a_warning_and_the_reading_stays_listed()
    {
        using var tree = new PreviewTreeFixture();
        Directory.Delete(Path.Combine(tree.Out, $"patient_{PreviewTreeFixture.SubjectId}", "REFLACX", "main_data", PreviewTreeFixture.ReadingId), recursive: true);
        var set = Load(tree);
        Assert.Equal(PreviewTreeFixture.ReadingId, Assert.Single(set.Readings).Id);
        Assert.Contains(PreviewTreeFixture.ReadingId, Assert.Single(set.Warnings));
    }

    [Theory]
    [InlineData(200, 160, 1024, 512, 410)]
    [InlineData(3056, 2544, 1024, 1024, 852)]
    [InlineData(2544, 3056, 1024, 852, 1024)]
    [InlineData(800, 600, 1024, 800, 600)]
    [InlineData(200, 160, 300, 300, 240)]
    public void Xray_long_side_is_clamped_between_512_and_max_size(int width, int height, int maxSize, int expectedWidth, int expectedHeight)
    {
        var size = PreviewRenderer.TargetSize(width, height, maxSize);
        Assert.Equal((expectedWidth, expectedHeight), (size.Width, size.Height));
    }
}
