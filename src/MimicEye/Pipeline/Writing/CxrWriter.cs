using System.Globalization;

using MimicEye.Csv;
using MimicEye.Dataset;

namespace MimicEye.Pipeline.Writing;

/// <summary>CXR-JPG and reports per patient (SPEC §8): the patient's cohort rows of cxr_meta; ALL of the
/// patient's rows of chexpert, negbio and split (also studies outside the cohort, as published); the whole
/// folder of each cohort study (laterals too); the report of each cohort study.</summary>
static class CxrWriter
{
    const string Module = "CXR-JPG";

    public static IEnumerable<WorkItem> Items(WriteContext context)
    {
        var output = context.Output;
        yield return new WorkItem("CXR-JPG/cxr_meta", new FileInfo(output.CxrMeta).Length, () =>
        {
            // The spreadsheet is already in the output dialect (with compat's index column): rows are copied as they are.
            var job = new FanOutJob(output.CxrMeta,
                reader => RowRouters.ByNumber(reader.Column("subject_id"), context.Patients.SlotBySubject),
                slot => output.PatientCxrJpg(context.Patients.Subjects[slot], "cxr_meta.csv"));
            context.Record(Module, "cxr_meta", TableFanOut.Run(job, context.Cancel, context.TableProgress(job.SourcePath)));
        });
        foreach (var (table, file) in new[] { (SourceTables.CxrChexpert, "cxr_chexpert.csv"), (SourceTables.CxrNegbio, "cxr_negbio.csv"), (SourceTables.CxrSplit, "cxr_split.csv") })
        {
            var path = context.Sources.RequireTable(table);
            yield return new WorkItem("CXR-JPG/" + file, new FileInfo(path).Length, () =>
            {
                var job = new FanOutJob(path,
                    reader => RowRouters.ByNumber(reader.Column("subject_id"), context.Patients.SlotBySubject),
                    slot => output.PatientCxrJpg(context.Patients.Subjects[slot], file))
                {
                    FullCopyPath = output.CxrJpgSheet(file),
                    IndexColumn = context.Options.Compat,
                };
                context.Record(Module, Path.GetFileNameWithoutExtension(file), TableFanOut.Run(job, context.Cancel, context.TableProgress(job.SourcePath)));
            });
        }

        var reports = context.Sources.Require(ProjectKind.CxrReports).FilesFolder;
        foreach (var batch in context.Patients.Studies.Chunk(64))
        {
            yield return new WorkItem("CXR-DICOM reports", batch.Length * 4096L, () =>
            {
                foreach (var (subject, study) in batch)
                    CopyReport(context, reports, subject, study);
            });
        }

        if (context.Options.Images == ImageMode.None)
            yield break;
        var images = new ImageWriter(context, ReadImageSizes(context));
        foreach (var batch in context.Patients.Studies.Chunk(16))
        {
            yield return new WorkItem("CXR-JPG images", batch.Length * (1L << 22), () =>
            {
                foreach (var (subject, study) in batch)
                    images.CopyStudy(subject, study);
            });
        }
    }

    static void CopyReport(WriteContext context, string root, string subject, string study)
    {
        var relative = Path.Combine(Ids.Bucket(subject), "p" + subject, "s" + study + ".txt");
        var source = Path.Combine(root, relative);
        if (!File.Exists(source))
        {
            context.AddIssue(IssueCode.MissingReport, source, $"study {study}", "no report text for this cohort study");
            return;
        }
        if (FolderCopier.Escapes(context.LinksOf(ProjectKind.CxrReports), source))
        {
            context.AddIssue(IssueCode.UnsafeSourceLink, source, $"study {study}", "a symlink leads outside the source folder; not copied");
            return;
        }
        Output.AtomicFile.Copy(source, context.Output.PatientReport(subject, study));
        context.RecordPatient("CXR-DICOM", context.Patients.SlotOf(subject));
    }

    /// <summary>Metadata Rows/Columns of every image of the cohort's studies (laterals included), from one
    /// pass over the CXR-JPG metadata.</summary>
    static Dictionary<string, (string Rows, string Columns)> ReadImageSizes(WriteContext context)
    {
        var studies = context.Patients.Studies.Select(s => s.Study).ToHashSet(StringComparer.Ordinal);
        using var reader = CsvFiles.Read(context.Sources.RequireTable(SourceTables.CxrMetadata));
        int dicom = reader.Column("dicom_id"), study = reader.Column("study_id"), rows = reader.Column("Rows"), columns = reader.Column("Columns");
        var sizes = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (studies.Contains(reader.GetString(study)))
                sizes[reader.GetString(dicom)] = (reader.GetString(rows), reader.GetString(columns));
        }
        return sizes;
    }

    public static string FormatSize(int width, int height) =>
        string.Create(CultureInfo.InvariantCulture, $"{width}x{height}");
}
