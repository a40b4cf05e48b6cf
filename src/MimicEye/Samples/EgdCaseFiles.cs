using System.Text.Json;

using static MimicEye.Samples.EyeGazeWriter;

namespace MimicEye.Samples;

/// <summary>Per-image EGD-CXR files: the anatomical boxes, and the <c>audio_segmentation_transcripts/&lt;dicom_id&gt;/</c>
/// folder (transcript.json, four segmentation masks the size of the image, with the real misspelling
/// "mediastanum", and a tiny audio.wav).</summary>
static class EgdCaseFiles
{
    static readonly string[] Boxes =
    [
        "aortic arch", "cardiac silhouette", "left clavicle", "left costophrenic angle", "left hilar structures",
        "left lower lung zone", "left lung", "left mid lung zone", "left upper lung zone", "mediastinum", "right clavicle",
        "right costophrenic angle", "right hilar structures", "right lower lung zone", "right lung", "right mid lung zone",
        "right upper lung zone",
    ];

    static readonly string[] Phrases =
    [
        "the heart size is normal", "there is mild pulmonary vascular congestion", "no focal consolidation",
        "small bilateral pleural effusions", "no pneumothorax", "the lungs are clear",
    ];

    /// <summary>About 17 boxes per image, floats in image pixels; the columns are x1,x2,y1,y2.</summary>
    public static void BoundingBoxes(CsvRowWriter w, ImagePlan image, Prng rng)
    {
        foreach (var name in Boxes)
        {
            var x1 = rng.Range(0, image.Width * 6) / 10.0;
            var y1 = rng.Range(0, image.Height * 6) / 10.0;
            w.Row(image.DicomId, name, F(x1, 1), F(Math.Min(image.Width, x1 + (rng.Range(20, image.Width * 4) / 10.0)), 1),
                F(y1, 1), F(Math.Min(image.Height, y1 + (rng.Range(20, image.Height * 4) / 10.0)), 1));
        }
    }

    public static void Write(SampleContext ctx, string folder, ImagePlan image, bool indexHtml)
    {
        var rng = ctx.Rng("egd/case/" + image.DicomId);
        ctx.Output.WriteBytes($"{folder}/transcript.json", Transcript(rng));
        ctx.Output.WriteBytes($"{folder}/left_lung.png", SampleImages.Mask(image.Width, image.Height, 0.7, 0.45, 0.16, 0.3));
        ctx.Output.WriteBytes($"{folder}/right_lung.png", SampleImages.Mask(image.Width, image.Height, 0.3, 0.45, 0.16, 0.3));
        ctx.Output.WriteBytes($"{folder}/mediastanum.png", SampleImages.Mask(image.Width, image.Height, 0.5, 0.4, 0.08, 0.3));
        ctx.Output.WriteBytes($"{folder}/aortic_knob.png", SampleImages.Mask(image.Width, image.Height, 0.55, 0.22, 0.05, 0.04));
        ctx.Output.WriteBytes($"{folder}/audio.wav", SampleImages.Wav(400, rng));
        if (indexHtml)
            ctx.Output.WriteIndexHtml(folder);
    }

    /// <summary><c>{"full_text": ..., "time_stamped_text": [{"phrase", "begin_time", "end_time"}]}</c>, times in seconds.</summary>
    static byte[] Transcript(Prng rng)
    {
        var phrases = Enumerable.Range(0, rng.Range(2, 3)).Select(_ => rng.Pick(Phrases)).Distinct().ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("full_text", string.Join(". ", phrases) + ".");
            json.WriteStartArray("time_stamped_text");
            var t = rng.Range(5, 20) / 10.0;
            foreach (var phrase in phrases)
            {
                var end = t + (rng.Range(10, 40) / 10.0);
                json.WriteStartObject();
                json.WriteString("phrase", phrase);
                json.WriteNumber("begin_time", t);
                json.WriteNumber("end_time", end);
                json.WriteEndObject();
                t = end + (rng.Range(2, 15) / 10.0);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
