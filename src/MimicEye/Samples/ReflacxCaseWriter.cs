using static MimicEye.Samples.ReflacxWriter;

namespace MimicEye.Samples;

/// <summary>The files of one REFLACX reading: <c>main_data/&lt;id&gt;/</c> (ellipses, chest box, and when the
/// eye tracking was kept fixations, word timestamps, transcription) and <c>gaze_data/&lt;id&gt;/gaze.csv</c>.
/// Coordinates are pixels of the image; times are seconds from the start of the dictation.</summary>
static class ReflacxCaseWriter
{
    const int GazeRows = 25;

    static readonly string[] Sentences =
    [
        "Small left pleural effusion.", "Mild cardiomegaly, no pneumothorax.", "Right lower lobe consolidation, likely pneumonia.",
        "Lungs are clear.", "Support devices in standard position.", "Mild pulmonary edema, unchanged.",
    ];

    static readonly string[] FixationColumns =
    [
        "timestamp_start_fixation", "timestamp_end_fixation", .. ViewColumns(),
    ];

    static readonly string[] GazeColumns = ["timestamp_sample", .. ViewColumns()];

    public static void Write(SampleContext ctx, string root, ReflacxReading r, string[] labels, DrawnLabels drawn, int ordinal)
    {
        var main = $"{root}/main_data/{r.Id}";
        var gaze = $"{root}/gaze_data/{r.Id}";
        var image = r.Image;
        var rng = ctx.Rng("reflacx/case/" + r.Id);
        ctx.Output.WriteCsv($"{main}/anomaly_location_ellipses.csv", ["xmin", "ymin", "xmax", "ymax", "certainty", .. labels], crlf: true, w =>
        {
            foreach (var e in drawn.Ellipses)
            {
                w.Row([F(e.XMin, 0), F(e.YMin, 0), F(e.XMax, 0), F(e.YMax, 0), F(e.Certainty, 0), .. labels.Select(l => e.Labels.Contains(l) ? "True" : "False")]);
            }
        });
        ctx.Output.WriteCsv($"{main}/chest_bounding_box.csv", ["xmin", "ymin", "xmax", "ymax"], crlf: true, w =>
            w.Row(F(image.Width / 10, 0), F(image.Height / 8, 0), F(image.Width - (image.Width / 10), 0), F(image.Height - (image.Height / 12), 0)));
        if (ordinal % 4 == 0)
            ctx.Output.WriteIndexHtml(main);
        if (r.Discarded)
        {
            ctx.Output.WriteIndexHtml(gaze);
            return;
        }
        var view = View(image);
        ctx.Output.WriteCsv($"{main}/fixations.csv", FixationColumns, crlf: true, w =>
        {
            var t = rng.Range(200, 900) / 1000.0;
            var n = rng.Range(6, 10);
            for (var k = 0; k < n; k++)
            {
                var end = t + (rng.Range(80, 900) / 1000.0);
                w.Row([F(t, 3), F(end, 3), F(rng.Range(0, image.Width - 1), 0), F(rng.Range(0, image.Height - 1), 0), .. Eye(rng), .. view]);
                t = end + (rng.Range(20, 300) / 1000.0);
            }
        });
        var words = Transcription(rng);
        ctx.Output.WriteCsv($"{main}/timestamps_transcription.csv", ["word", "timestamp_start_word", "timestamp_end_word"], crlf: true, w =>
        {
            var t = rng.Range(500, 1500) / 1000.0;
            foreach (var word in Tokens(words))
            {
                var end = t + (word.Length == 1 ? 0.05 : rng.Range(150, 600) / 1000.0);
                w.Row(word, F(t, 3), F(end, 3));
                t = end + (rng.Range(0, 200) / 1000.0);
            }
        });
        ctx.Output.WriteText($"{main}/transcription.txt", words);
        ctx.Output.WriteCsv($"{gaze}/gaze.csv", GazeColumns, crlf: true, w =>
        {
            for (var k = 0; k < GazeRows; k++)
            {
                var t = F((k * 0.25) + (rng.Range(0, 3) / 1000.0), 3);
                if (k % 9 == 8)
                    w.Row([t, "", "", "", "", "", .. view]); // a blink: no position, pupil or angular values
                else
                    w.Row([t, F(rng.Range(0, image.Width - 1), 1), F(rng.Range(0, image.Height - 1), 1), .. Eye(rng), .. view]);
            }
        });
    }

    static IEnumerable<string> ViewColumns() =>
    [
        "x_position", "y_position", "pupil_area_normalized", "angular_resolution_x_pixels_per_degree",
        "angular_resolution_y_pixels_per_degree", "window_width", "window_level", "xmin_shown_from_image",
        "ymin_shown_from_image", "xmax_shown_from_image", "ymax_shown_from_image", "xmin_in_screen_coordinates",
        "ymin_in_screen_coordinates", "xmax_in_screen_coordinates", "ymax_in_screen_coordinates",
    ];

    /// <summary>pupil_area_normalized and the two angular resolutions.</summary>
    static string[] Eye(Prng rng) => [F(rng.Range(300, 1500) / 1000.0, 3), F(rng.Range(1000, 3000) / 1000.0, 3), F(rng.Range(1000, 3000) / 1000.0, 3)];

    /// <summary>Window settings and the whole image shown letterboxed on a 1920×1080 screen.</summary>
    static string[] View(ImagePlan image)
    {
        var screenWidth = image.Width * 1080 / image.Height;
        var left = (1920 - screenWidth) / 2;
        return ["1.00000", "0.50000", "0", "0", F(image.Width, 0), F(image.Height, 0), F(left, 0), "0", F(left + screenWidth, 0), "1080"];
    }

    static string Transcription(Prng rng)
    {
        var first = rng.Pick(Sentences);
        var second = rng.Pick(Sentences);
        return first == second ? first : first + " " + second;
    }

    /// <summary>Words, with "." and "," as words of their own (the "," cell is quoted in the CSV).</summary>
    static IEnumerable<string> Tokens(string text)
    {
        foreach (var word in text.Split(' '))
        {
            var bare = word.TrimEnd('.', ',');
            yield return bare;
            if (bare.Length < word.Length)
                yield return word[^1..];
        }
    }
}
