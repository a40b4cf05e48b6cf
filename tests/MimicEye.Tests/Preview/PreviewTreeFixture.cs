using System.Text;

using MimicEye.Tests.Support;

using SkiaSharp;

namespace MimicEye.Tests.Preview;

/// <summary>A tiny built MIMIC-Eye tree: one patient, a 200x160 mid-gray X-ray with one REFLACX reading
/// (an ellipse, a chest box, a fixation) and EGD marks (a fixation, an off-image fixation, an anatomical box),
/// plus a second image of the same patient whose EGD fixation must never show on the first.
/// A compat tree (constructor flag) has the leading unnamed index column of a compat build.</summary>
sealed class PreviewTreeFixture : IDisposable
{
    public const string DicomId = "1e4d4d01-657d797c-f09f7a14-cc14e092-909e66b8";
    public const string OtherDicomId = "d3a43470-e8e4b5c1-c68c59e1-da71f25a-bdf01234";
    public const string NoJpegDicomId = "aaaa0000-bbbb1111-cccc2222-dddd3333-eeee4444";
    public const string SubjectId = "10000032";
    public const string StudyId = "50414267";
    public const string OtherStudyId = "50414268";
    public const string ReadingId = "P300R000001";
    public const int Width = 200, Height = 160;
    public const byte Gray = 128;

    readonly TempDir _dir = new("preview");
    readonly bool _compat;

    public PreviewTreeFixture(bool compat = false)
    {
        _compat = compat;
        Out = _dir.Sub("mimic-eye");
        var patient = Path.Combine(Out, "patient_" + SubjectId);
        Csv("spreadsheets/cxr_meta.csv",
            "dicom_id,subject_id,study_id,ViewPosition,Rows,Columns,in_eye_gaze,in_reflacx,stay_id",
            $"{DicomId},{SubjectId},{StudyId},PA,{Height},{Width},True,True,31293660",
            $"{OtherDicomId},{SubjectId},{OtherStudyId},PA,{Height},{Width},True,False,",
            $"{NoJpegDicomId},{SubjectId},{OtherStudyId},LATERAL,{Height},{Width},False,True,");
        WriteJpeg(Path.Combine(patient, "CXR-JPG", "s" + StudyId, DicomId + ".jpg"));
        WriteJpeg(Path.Combine(patient, "CXR-JPG", "s" + OtherStudyId, OtherDicomId + ".jpg"));

        var reflacx = $"patient_{SubjectId}/REFLACX";
        Csv(reflacx + "/metadata.csv",
            "id,split,eye_tracking_data_discarded,image,dicom_id,subject_id,image_size_x,image_size_y,Atelectasis,Pleural abnormality",
            $"{ReadingId},test,False,files/p10/p{SubjectId}/s{StudyId}/{DicomId}.dcm,{DicomId},{SubjectId},{Width},{Height},5.0,0.0",
            $"P300R000002,test,True,files/p10/p{SubjectId}/s{OtherStudyId}/{NoJpegDicomId}.dcm,{NoJpegDicomId},{SubjectId},{Width},{Height},0.0,3.0");
        // Per-reading files are copied verbatim from REFLACX: no index column in either mode, CRLF endings.
        var main = $"{reflacx}/main_data/{ReadingId}";
        Raw(main + "/anomaly_location_ellipses.csv", "xmin,ymin,xmax,ymax,certainty,Atelectasis,Pleural abnormality", "20,20,100,80,5,True,False");
        Raw(main + "/chest_bounding_box.csv", "xmin,ymin,xmax,ymax", "10,10,190,150");
        Raw(main + "/fixations.csv",
            "timestamp_start_fixation,timestamp_end_fixation,x_position,y_position,pupil_area_normalized,angular_resolution_x_pixels_per_degree,"
            + "angular_resolution_y_pixels_per_degree,window_width,window_level,xmin_shown_from_image,ymin_shown_from_image,xmax_shown_from_image,"
            + "ymax_shown_from_image,xmin_in_screen_coordinates,ymin_in_screen_coordinates,xmax_in_screen_coordinates,ymax_in_screen_coordinates",
            "1.000,1.500,150,40,0.512,40.1,40.1,4095.0,2047.5,0,0,200,160,0,0,1920,1080");

        var gaze = $"patient_{SubjectId}/EyeGaze";
        Csv(gaze + "/fixations.csv",
            "SESSION_ID,MEDIA_ID,DICOM_ID,CNT,Time (in secs),TIMETICK(f=10000000),FPOGX,FPOGY,FPOGS,FPOGD,FPOGID,FPOGV,BPOGX,BPOGY,BPOGV,"
            + "LPCX,LPCY,LPD,LPS,LPV,RPCX,RPCY,RPD,RPS,RPV,BKID,BKDUR,BKPMIN,LPMM,LPMMV,RPMM,RPMMV,SACCADE_MAG,SACCADE_DIR,VID_FRAME,X_ORIGINAL,Y_ORIGINAL",
            EgdFixation(DicomId, 150, 120, "0.40"),
            EgdFixation(DicomId, -1, 50, "0.90"),
            EgdFixation(OtherDicomId, 60, 130, "0.90"));
        // Published column order x1,x2,y1,y2.
        Csv(gaze + "/bounding_boxes.csv", "dicom_id,bbox_name,x1,x2,y1,y2",
            $"{DicomId},cardiac silhouette,110.0,140.0,90.0,110.0",
            $"{OtherDicomId},left lung,10.0,90.0,10.0,150.0");
    }

    public string Out { get; }

    public string Sub(params string[] parts) => _dir.Sub(parts);

    /// <summary>Writes a table the way the builder does; compat adds pandas' unnamed index column.</summary>
    public void Csv(string relative, string header, params string[] rows)
    {
        var lines = _compat ? [.. new[] { "," + header }.Concat(rows.Select((r, i) => $"{i},{r}"))] : new[] { header }.Concat(rows);
        Write(relative, string.Concat(lines.Select(l => l + "\n")));
    }

    /// <summary>A file copied verbatim from REFLACX (CRLF line endings, no index column).</summary>
    public void Raw(string relative, params string[] lines) => Write(relative, string.Concat(lines.Select(l => l + "\r\n")));

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Out, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    static string EgdFixation(string dicomId, int x, int y, string seconds) =>
        $"1,1,{dicomId},1,1.5,100,0.5,0.5,1.2,{seconds},1,1,0.5,0.5,1,0.1,0.1,5,1,1,0.1,0.1,5,1,1,0,0,0,3.1,1,3.1,1,0,0,0,{x},{y}";

    static void WriteJpeg(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(Gray, Gray, Gray));
        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        File.WriteAllBytes(path, jpeg.ToArray());
    }

    public void Dispose() => _dir.Dispose();
}
