using static MimicEye.Samples.EyeGazeWriter;

namespace MimicEye.Samples;

/// <summary>eye_gaze.csv and fixations.csv (the same 37 columns). Each EGD image is one recording in its
/// session, under the DICOM_ID form the plan gave it: full; trimmed plus the full id with more rows in a
/// later session; trimmed only; trimmed and ambiguous (the full id present with fewer rows). eye_gaze.csv
/// also holds the calibration recording <c>&lt;dicom_id&gt;_calibration</c>, longer than 44 characters.</summary>
static class EyeGazeRecordings
{
    public const int GazeRows = 30;

    public static readonly string[] Columns =
    [
        "SESSION_ID", "MEDIA_ID", "DICOM_ID", "CNT", "Time (in secs)", "TIMETICK(f=10000000)", "FPOGX", "FPOGY", "FPOGS", "FPOGD",
        "FPOGID", "FPOGV", "BPOGX", "BPOGY", "BPOGV", "LPCX", "LPCY", "LPD", "LPS", "LPV", "RPCX", "RPCY", "RPD", "RPS", "RPV",
        "BKID", "BKDUR", "BKPMIN", "LPMM", "LPMMV", "RPMM", "RPMMV", "SACCADE_MAG", "SACCADE_DIR", "VID_FRAME", "X_ORIGINAL", "Y_ORIGINAL",
    ];

    sealed record Recording(int Session, int Media, int Order, string DicomId, int Rows, ImagePlan Image, bool GazeOnly);

    public static void Write(SampleContext ctx, string root, List<EgdCase> cases)
    {
        var recordings = Recordings(cases);
        ctx.Output.WriteCsv($"{root}/eye_gaze.csv", Columns, crlf: false, w => Rows(ctx, w, recordings, fixations: false));
        ctx.Output.WriteCsv($"{root}/fixations.csv", Columns, crlf: false, w => Rows(ctx, w, recordings.Where(r => !r.GazeOnly), fixations: true));
    }

    static List<Recording> Recordings(List<EgdCase> cases)
    {
        var list = new List<Recording>();
        var reread = cases.Count == 0 ? 1 : cases.Max(c => c.Session) + 1; // the session where re-read images were recorded again
        var rereadMedia = 1;
        foreach (var c in cases)
        {
            var id = c.Image.DicomId;
            if (c.Calibration)
                list.Add(new(c.Session, c.Media, 0, id + "_calibration", 5, c.Image, GazeOnly: true));
            switch (c.Form)
            {
                case GazeIdForm.Full:
                    list.Add(new(c.Session, c.Media, 1, id, GazeRows, c.Image, false));
                    break;
                case GazeIdForm.TrimmedAndFullWithMoreRows:
                    list.Add(new(c.Session, c.Media, 1, id[..39], GazeRows / 3, c.Image, false));
                    list.Add(new(reread, rereadMedia++, 1, id, GazeRows, c.Image, false));
                    break;
                case GazeIdForm.TrimmedOnly:
                    list.Add(new(c.Session, c.Media, 1, id[..35], GazeRows, c.Image, false));
                    break;
                case GazeIdForm.TrimmedAmbiguous:
                    list.Add(new(c.Session, c.Media, 1, id[..39], GazeRows, c.Image, false));
                    list.Add(new(reread, rereadMedia++, 1, id, GazeRows / 3, c.Image, false));
                    break;
            }
        }
        return [.. list.OrderBy(r => r.Session).ThenBy(r => r.Media).ThenBy(r => r.Order)];
    }

    /// <summary>Gaze samples (or fixations, a quarter as many) of each recording; CNT counts within the
    /// session. X_ORIGINAL/Y_ORIGINAL are image pixels, negative when the gaze left the displayed image.</summary>
    static void Rows(SampleContext ctx, CsvRowWriter w, IEnumerable<Recording> recordings, bool fixations)
    {
        var count = 0;
        var session = -1;
        foreach (var r in recordings)
        {
            if (r.Session != session)
            {
                session = r.Session;
                count = 0;
            }
            var rng = ctx.Rng($"egd/{(fixations ? "fixations" : "gaze")}/{r.Session}/{r.Media}/{r.DicomId}");
            var (top, bottom, left, right) = Pads(r.Image);
            var rows = fixations ? Math.Max(2, r.Rows / 4) : r.Rows;
            var time = 0.0;
            for (var k = 0; k < rows; k++)
            {
                time += fixations ? rng.Range(150, 700) / 1000.0 : rng.Range(15, 18) / 1000.0;
                var x = rng.Range(0, 1000) / 1000.0;
                var y = rng.Range(0, 1000) / 1000.0;
                var px = (int)Math.Floor(((x * 1920) - left) / (1920 - left - right) * r.Image.Width);
                var py = (int)Math.Floor(((y * 1080) - top) / (1080 - top - bottom) * r.Image.Height);
                var inside = px >= 0 && px < r.Image.Width && py >= 0 && py < r.Image.Height;
                var duration = fixations ? rng.Range(100, 600) / 1000.0 : 0.0;
                w.Row(
                    r.Session.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Media.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    r.DicomId, (count++).ToString(System.Globalization.CultureInfo.InvariantCulture), F(time, 5),
                    ((long)(time * 1e7) + 1_000_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    F(x, 5), F(y, 5), F(time, 5), F(duration, 5), (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "1",
                    F(x, 5), F(y, 5), "1", F(0.3 + (x / 10), 5), F(0.5, 5), F(25 + (rng.Range(0, 500) / 100.0), 5), "1.00000", "1",
                    F(0.7 - (x / 10), 5), F(0.5, 5), F(25 + (rng.Range(0, 500) / 100.0), 5), "1.00000", "1",
                    "0", "0.00000", "0", F(3 + (rng.Range(0, 200) / 100.0), 5), "1", F(3 + (rng.Range(0, 200) / 100.0), 5), "1",
                    F(rng.Range(0, 3000) / 100.0, 5), F(rng.Range(-18000, 18000) / 100.0, 5), "0",
                    (inside ? px : -1 - rng.Next(2)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    (inside ? py : -1 - rng.Next(2)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
