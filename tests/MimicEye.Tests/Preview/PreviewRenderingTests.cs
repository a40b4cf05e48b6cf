using MimicEye.Preview;
using MimicEye.Tests.Support;

using SkiaSharp;

namespace MimicEye.Tests.Preview;

/// <summary>Renders the fixture tree through the CLI and probes the PNG where each mark must (and must not) be.
/// The 200x160 X-ray is scaled up to 512x410, so original pixel (x, y) is output pixel (2.56x, 2.5625y).</summary>
public class PreviewRenderingTests
{
    static readonly SKColor s_gray = new(PreviewTreeFixture.Gray, PreviewTreeFixture.Gray, PreviewTreeFixture.Gray);

    static PngProbe Render(PreviewTreeFixture tree, string dicomId = PreviewTreeFixture.DicomId, params string[] extra)
    {
        var png = tree.Sub(dicomId + ".png");
        var result = CliRunner.Run(["preview", "--out", tree.Out, "--dicom-id", dicomId, "--to", png, .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(png, result.Out.Trim());
        var size = PreviewRenderer.TargetSize(PreviewTreeFixture.Width, PreviewTreeFixture.Height, PreviewRenderer.DefaultMaxSize);
        return new PngProbe(png, size.Width, size.Height);
    }

    static void AssertColour(SKColor expected, SKColor actual, int tolerance, string where) =>
        Assert.True(PngProbe.Near(actual, expected, tolerance), $"{where}: expected about {expected}, got {actual}");

    [Fact]
    public void Small_xray_is_scaled_up_to_512_and_the_legend_sits_right_of_it()
    {
        using var tree = new PreviewTreeFixture();
        using var png = Render(tree);
        Assert.Equal((512, 410), (png.ImageWidth, png.ImageHeight));
        Assert.True(png.Width > 512 + 200, $"width {png.Width}: no room for a legend");
        Assert.True(png.Height >= 410);
    }

    [Fact]
    public void Ellipse_outline_has_its_label_colour_at_full_certainty()
    {
        using var tree = new PreviewTreeFixture();
        using var png = Render(tree);
        var atelectasis = Palette.Label("Atelectasis");
        // The ellipse's box is (20,20)-(100,80): its leftmost point is (20,50), its top (60,20).
        AssertColour(atelectasis, png.At(20, 50), 12, "left of the ellipse");
        AssertColour(atelectasis, png.At(60, 20), 12, "top of the ellipse");
        AssertColour(s_gray, png.At(60, 50), 4, "inside the ellipse");
    }

    [Fact]
    public void Pixels_away_from_the_marks_keep_the_xray_gray()
    {
        using var tree = new PreviewTreeFixture();
        using var png = Render(tree);
        AssertColour(s_gray, png.At(40, 110), 4, "open lung field");
        // The other image's EGD fixation and box are in the same patient files and must not be drawn here.
        AssertColour(s_gray, png.At(60, 130), 4, "where the other image's fixation is");
        AssertColour(s_gray, png.At(90, 120), 4, "on the other image's box edge");
        // The off-image EGD fixation (-1, 50) is skipped, not clamped to the border.
        AssertColour(s_gray, png.At(1, 50), 4, "left border");
    }

    [Fact]
    public void Fixations_are_drawn_at_their_centres_in_their_source_colour()
    {
        using var tree = new PreviewTreeFixture();
        using var png = Render(tree);
        AssertColour(PngProbe.Over(s_gray, Palette.ReflacxFixation, 115), png.At(150, 40), 8, "REFLACX fixation centre");
        AssertColour(PngProbe.Over(s_gray, Palette.EgdFixation, 115), png.At(150, 120), 8, "EGD fixation centre");
        // Radius grows with duration: 0.5 s gives 3 + 12 * sqrt(0.5) = 11.5 px; 16 px out is gray again.
        var centre = (X: (int)(150 * 2.56), Y: (int)(40 * 2.5625));
        AssertColour(PngProbe.Over(s_gray, Palette.ReflacxFixation, 115), png.Pixel(centre.X + 8, centre.Y), 8, "8 px right of the REFLACX fixation");
        AssertColour(s_gray, png.Pixel(centre.X + 16, centre.Y), 4, "16 px right of the REFLACX fixation");
    }

    [Fact]
    public void Egd_box_is_placed_by_its_x1_x2_y1_y2_columns_and_named()
    {
        using var tree = new PreviewTreeFixture();
        using var png = Render(tree);
        // x1=110, x2=140, y1=90, y2=110: the left edge at x=110, the right at x=140, halfway down.
        AssertColour(Palette.EgdBox, png.At(110, 100), 12, "left edge of the cardiac silhouette box");
        AssertColour(Palette.EgdBox, png.At(140, 100), 12, "right edge of the cardiac silhouette box");
        AssertColour(s_gray, png.At(125, 104), 4, "inside the box, below its name");
        // The name is drawn on a dark band in the box's top-left corner: text pixels in the box's colour.
        var band = new SKRectI((int)(110 * 2.56) + 3, (int)(90 * 2.5625) + 3, (int)(140 * 2.56), (int)(90 * 2.5625) + 16);
        Assert.True(png.Count(band, c => c.Green > 150 && c.Red < 200) > 10, "no text pixels of the box name");
    }

    [Fact]
    public void Chest_box_is_a_dashed_line_along_its_edges()
    {
        using var tree = new PreviewTreeFixture();
        using var png = Render(tree);
        // The chest box (10,10)-(190,150): its top edge runs along output row 25.6 from x=25.6 to 486.4.
        var top = new SKRectI(30, 25, 480, 26);
        var lit = png.Count(top, c => PngProbe.Near(c, Palette.ChestBox, 12));
        Assert.True(lit > 200, $"{lit} chest-box pixels on the top edge");
        Assert.True(lit < 400, $"{lit} of 450 pixels lit: the line is not dashed");
        AssertColour(Palette.ChestBox, png.At(10, 80), 40, "left edge of the chest box");
    }

    [Fact]
    public void Legend_text_is_drawn_with_the_embedded_font()
    {
        using var tree = new PreviewTreeFixture();
        using var png = Render(tree);
        // The first legend line is a title without swatch: anything lit there is glyphs.
        var title = new SKRectI(png.ImageWidth + 12, 12, png.Width - 12, 30);
        var text = png.Count(title, c => !PngProbe.Near(c, Palette.LegendBackground, 30));
        Assert.True(text > 100, $"{text} lit pixels in the legend title: the font did not load");
        var legend = new SKRectI(png.ImageWidth, 0, png.Width, png.Height);
        Assert.True(png.Count(legend, c => PngProbe.Near(c, Palette.Label("Atelectasis"), 12)) > 20, "no Atelectasis swatch in the legend");
        Assert.Equal(0, png.Count(legend, c => PngProbe.Near(c, Palette.Label("Pleural abnormality"), 12)));
    }

    [Fact]
    public void Compat_tree_with_leading_index_columns_gives_the_same_picture()
    {
        using var plain = new PreviewTreeFixture();
        using var compat = new PreviewTreeFixture(compat: true);
        Assert.StartsWith(",dicom_id", File.ReadAllText(Path.Combine(compat.Out, "spreadsheets", "cxr_meta.csv")));
        using var a = Render(plain);
        using var b = Render(compat);
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        var differing = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
                differing += a.Pixel(x, y) == b.Pixel(x, y) ? 0 : 1;
        }
        Assert.Equal(0, differing);
    }

    [Fact]
    public void Ellipse_with_two_labels_shows_both_colours_and_low_certainty_is_faint()
    {
        using var tree = new PreviewTreeFixture();
        tree.Raw($"patient_{PreviewTreeFixture.SubjectId}/REFLACX/main_data/{PreviewTreeFixture.ReadingId}/anomaly_location_ellipses.csv",
            "xmin,ymin,xmax,ymax,certainty,Atelectasis,Pleural abnormality", "20,20,100,80,5,True,True", "120,20,180,60,1,True,False");
        using var png = Render(tree);
        AssertColour(Palette.Label("Atelectasis"), png.At(20, 50), 12, "outer ring");
        // The second ring is inset by one stroke (3 output px).
        var inner = png.Pixel((int)(20 * 2.56) + 3, (int)(50 * 2.5625));
        AssertColour(Palette.Label("Pleural abnormality"), inner, 20, "inner ring");
        // Certainty 1 is drawn at opacity 0.2.
        AssertColour(PngProbe.Over(s_gray, Palette.Label("Atelectasis"), 51), png.At(120, 40), 10, "faint ellipse");
    }
}
