using MimicEye.Dataset;

namespace MimicEye.Samples;

/// <summary>MIMIC-CXR-JPG 2.0.0: the four tables for every subject's images, and JPGs for the whole study
/// folders of the cohort's studies only (laterals included), since users download just those.</summary>
static class CxrWriter
{
    static readonly string[] LabelValues = ["", "", "", "", "1.0", "0.0", "-1.0"];

    public static int Write(SampleContext ctx)
    {
        var root = SampleContext.Project(ProjectKind.CxrJpg);
        var images = ctx.Plan.Images;
        ctx.Output.WriteGzipCsv(SampleContext.Table(ProjectKind.CxrJpg, "mimic-cxr-2.0.0-metadata"), SampleColumns.Split(SampleColumns.CxrMetadata), w =>
        {
            foreach (var image in images)
                Metadata(image, w, ctx.Rng("cxr/metadata/" + image.DicomId));
        });
        var studies = ctx.Plan.ById.SelectMany(s => s.Studies.OrderBy(st => st.StudyId).Select(st => (s, st))).ToList();
        foreach (var (name, stream) in new[] { ("mimic-cxr-2.0.0-chexpert", "cxr/chexpert"), ("mimic-cxr-2.0.0-negbio", "cxr/negbio") })
        {
            ctx.Output.WriteGzipCsv(SampleContext.Table(ProjectKind.CxrJpg, name), ["subject_id", "study_id", .. SampleColumns.ChexpertLabels], w =>
            {
                var rng = ctx.Rng(stream);
                foreach (var (s, study) in studies)
                {
                    w.Int(s.SubjectId);
                    w.Int(study.StudyId);
                    foreach (var _ in SampleColumns.ChexpertLabels)
                        w.Text(rng.Pick(LabelValues));
                    w.EndRow();
                }
            });
        }
        ctx.Output.WriteGzipCsv(SampleContext.Table(ProjectKind.CxrJpg, "mimic-cxr-2.0.0-split"), SampleColumns.Split(SampleColumns.CxrSplit), w =>
        {
            foreach (var image in images)
                w.Row(image.DicomId, image.Study.Id, image.Subject.Id, image.Split);
        });

        ctx.Output.WriteIndexHtml(root);
        var jpegs = 0;
        var studyNumber = 0;
        foreach (var (s, study) in studies.Where(x => x.st.InCohort))
        {
            ctx.Cancel.ThrowIfCancellationRequested();
            var folder = StudyFolder(root, s, study);
            foreach (var image in study.Images)
            {
                ctx.Output.WriteBytes($"{folder}/{image.DicomId}.jpg", SampleImages.Jpeg(image.Width, image.Height, ctx.Rng("cxr/jpg/" + image.DicomId)));
                jpegs++;
            }
            if (studyNumber++ % 3 == 0)
                ctx.Output.WriteIndexHtml(folder); // wget leaves one in every folder; a few are enough to trip a reader
        }
        return jpegs;
    }

    public static string StudyFolder(string projectRoot, SubjectPlan s, StudyPlan study) =>
        $"{projectRoot}/files/{Ids.Bucket(s.Id)}/p{s.Id}/s{study.Id}";

    static void Metadata(ImagePlan image, CsvRowWriter w, Prng rng)
    {
        var lateral = image.View == "LATERAL";
        var portable = image.View == "AP";
        w.Text(image.DicomId);
        w.Int(image.Subject.SubjectId);
        w.Int(image.Study.StudyId);
        // PerformedProcedureStepDescription and the orientation are missing on some real rows.
        w.Text(rng.Chance(0.1) ? null : portable ? "CHEST (PORTABLE AP)" : "CHEST (PA AND LAT)");
        w.Text(image.View);
        w.Int(image.Height);
        w.Int(image.Width);
        w.Text(SampleTime.StudyDate(image.Study.Time));
        w.Text(SampleTime.StudyTime(image.Study.Time));
        w.Text(portable ? "CHEST (PORTABLE AP)" : "CHEST (PA AND LAT)");
        w.Text(lateral ? "lateral" : portable ? "antero-posterior" : "postero-anterior");
        w.Text(rng.Chance(0.1) ? null : portable ? "Recumbent" : "Erect");
        w.EndRow();
    }
}
