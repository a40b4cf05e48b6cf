using System.Globalization;

using MimicEye.Dataset;

namespace MimicEye.Samples;

/// <summary>REFLACX 1.0.0 as its generator wrote it: pandas CSVs with CRLF line endings, a header and no
/// index; <c>transcription.txt</c> one line without a newline. A discarded reading has only its ellipses
/// and chest box, and its <c>gaze_data/&lt;id&gt;/</c> folder holds nothing but wget's index.html (git cannot
/// keep an empty folder). Metadata certainties are the maximum over the reading's ellipses.</summary>
static class ReflacxWriter
{
    static readonly string[] Head = ["id", "split", "eye_tracking_data_discarded", "image", "dicom_id", "subject_id", "image_size_x", "image_size_y"];
    static readonly string[] OtherFindings = ["aortic calcification", "scoliosis", "degenerative changes of the spine", "old rib fracture"];

    public static int Write(SampleContext ctx)
    {
        var root = SampleContext.Project(ProjectKind.Reflacx);
        var count = 0;
        ctx.Output.WriteIndexHtml(root);
        ctx.Output.WriteIndexHtml(root + "/main_data");
        for (var phase = 1; phase <= 3; phase++)
        {
            var labels = ReflacxLabelSets.For(phase);
            var readings = ctx.Plan.Readings[phase].Select(r => (Reading: r, Labels: Draw(r, labels, ctx.Rng("reflacx/labels/" + r.Id)))).ToList();
            ctx.Output.WriteCsv($"{root}/main_data/metadata_phase_{phase}.csv", [.. Head, .. labels], crlf: true, w =>
            {
                foreach (var (r, drawn) in readings)
                    Metadata(w, r, labels, drawn);
            });
            foreach (var (r, drawn) in readings)
            {
                ctx.Cancel.ThrowIfCancellationRequested();
                ReflacxCaseWriter.Write(ctx, root, r, labels, drawn, count);
                count++;
            }
        }
        return count;
    }

    /// <summary>The reading's ellipses (each with a certainty 1–5 and one or two labels), quality flag and
    /// Other text. Discarded readings were labelled too; only their eye tracking was thrown away.</summary>
    static DrawnLabels Draw(ReflacxReading r, string[] labels, Prng rng)
    {
        var certaintyLabels = labels.Where(ReflacxLabelSets.IsCertainty).ToArray();
        var ellipses = new List<Ellipse>();
        var n = rng.Range(0, 3);
        for (var k = 0; k < n; k++)
        {
            var w = r.Image.Width;
            var h = r.Image.Height;
            var x0 = rng.Range(0, w / 2);
            var y0 = rng.Range(0, h / 2);
            var marked = new SortedSet<string>(StringComparer.Ordinal) { rng.Pick(certaintyLabels) };
            if (rng.Chance(0.3))
                marked.Add(rng.Pick(labels.Where(l => l != ReflacxLabelSets.QualityIssue).ToArray()));
            ellipses.Add(new Ellipse(x0, y0, x0 + rng.Range(4, w / 2), y0 + rng.Range(4, h / 2), rng.Range(1, 5), marked));
        }
        // Several Other findings are joined with '|'; the first reader of each image always names two.
        var findings = r.Reader == 1 ? 2 : ellipses.Exists(e => e.Labels.Contains(ReflacxLabelSets.Other)) || rng.Chance(0.2) ? 1 : 0;
        var other = string.Join('|', OtherFindings.OrderBy(_ => rng.NextUInt64()).Take(findings));
        return new DrawnLabels(ellipses, rng.Chance(0.1), other);
    }

    static void Metadata(CsvRowWriter w, ReflacxReading r, string[] labels, DrawnLabels drawn)
    {
        var image = r.Image;
        var s = image.Subject;
        w.Text(r.Id);
        w.Text(image.Split);
        w.Text(r.Discarded ? "True" : "False");
        w.Text($"physionet.org/files/mimic-cxr/2.0.0/files/{Ids.Bucket(s.Id)}/p{s.Id}/s{image.Study.Id}/{image.DicomId}.dcm");
        w.Text(image.DicomId);
        w.Int(s.SubjectId);
        w.Int(image.Width);
        w.Int(image.Height);
        foreach (var label in labels)
        {
            var marked = drawn.Ellipses.Where(e => e.Labels.Contains(label)).ToList();
            switch (label)
            {
                case ReflacxLabelSets.Other:
                    w.Text(drawn.Other);
                    break;
                case ReflacxLabelSets.QualityIssue:
                    w.Text(drawn.QualityIssue ? "True" : "False");
                    break;
                case ReflacxLabelSets.SupportDevices:
                    w.Text(marked.Count > 0 ? "True" : "False");
                    break;
                default:
                    w.Int(marked.Count == 0 ? 0 : marked.Max(e => e.Certainty));
                    break;
            }
        }
        w.EndRow();
    }

    public static string F(double v, int decimals) => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

sealed record Ellipse(int XMin, int YMin, int XMax, int YMax, int Certainty, SortedSet<string> Labels);

sealed record DrawnLabels(List<Ellipse> Ellipses, bool QualityIssue, string Other);
