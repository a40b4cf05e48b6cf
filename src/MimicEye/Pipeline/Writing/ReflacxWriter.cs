using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Pipeline.Output;
using MimicEye.Pipeline.ReflacxMerge;

namespace MimicEye.Pipeline.Writing;

/// <summary>REFLACX per patient (SPEC §8): the patient's rows of spreadsheets/REFLACX/metadata.csv and every
/// reading's <c>main_data/&lt;id&gt;/</c> and <c>gaze_data/&lt;id&gt;/</c>, discarded readings too. When phase
/// 2a merged the labels, each reading's ellipse file is rewritten with the merged classes.</summary>
static class ReflacxWriter
{
    const string Module = "REFLACX";

    public static IEnumerable<WorkItem> Items(WriteContext context)
    {
        var output = context.Output;
        if (!File.Exists(output.ReflacxMetadata))
            throw new MimicEyeException($"{output.ReflacxMetadata} is missing: run 'mimiceye reflacx' (or 'build') first");
        var (readings, merged) = ReadReadings(context);
        yield return new WorkItem("REFLACX/metadata", new FileInfo(output.ReflacxMetadata).Length, () =>
        {
            var job = new FanOutJob(output.ReflacxMetadata,
                reader => RowRouters.ByNumber(reader.Column("subject_id"), context.Patients.SlotBySubject),
                slot => output.PatientReflacxMetadata(context.Patients.Subjects[slot]));
            context.Record(Module, "metadata", TableFanOut.Run(job, context.Cancel, context.TableProgress(job.SourcePath)));
        });
        var root = context.Sources.Require(ProjectKind.Reflacx).Root;
        foreach (var batch in readings.Chunk(32))
        {
            yield return new WorkItem("REFLACX readings", batch.Length * (1L << 20), () =>
            {
                foreach (var (id, subject) in batch)
                    CopyReading(context, root, id, subject, merged);
            });
        }
    }

    static void CopyReading(WriteContext context, string root, string id, string subject, bool merged)
    {
        context.Cancel.ThrowIfCancellationRequested();
        var main = Path.Combine(root, "main_data", id);
        if (!Directory.Exists(main))
        {
            context.AddIssue(IssueCode.MissingReadingFolder, main, id, "the reading's main_data folder is missing");
            return;
        }
        var links = context.LinksOf(ProjectKind.Reflacx);
        FolderCopier.Copy(main, context.Output.PatientReflacxMain(subject, id), links, context, (from, to) =>
        {
            if (merged && Path.GetFileName(from) == "anomaly_location_ellipses.csv")
                EllipseMerger.Merge(from, to);
            else
                AtomicFile.Copy(from, to);
        });
        var gaze = Path.Combine(root, "gaze_data", id);
        if (Directory.Exists(gaze))
            FolderCopier.Copy(gaze, context.Output.PatientReflacxGaze(subject, id), links, context);
    }

    /// <summary>(reading id, subject) of cohort patients from the phase 2a spreadsheet, and whether its labels are
    /// the merged classes (told by the header: merged files have no phase-1-only label such as "Mass").</summary>
    static (List<(string Id, string Subject)> Readings, bool Merged) ReadReadings(WriteContext context)
    {
        using var reader = CsvFiles.Read(context.Output.ReflacxMetadata);
        int id = reader.Column("id"), subject = reader.Column("subject_id");
        var merged = reader.TryColumn("Mass") is null;
        var readings = new List<(string, string)>();
        while (reader.Read())
        {
            var (rid, slot) = (reader.GetString(id), context.Patients.SlotOf(reader.GetString(subject)));
            if (slot < 0)
                continue;
            if (!Ids.IsReflacxId(rid))
            {
                context.AddIssue(IssueCode.UnsafeId, $"{context.Output.Relative(context.Output.ReflacxMetadata)}, line {reader.Line}", null,
                    "a REFLACX id is not of the form P###R######; its folders are skipped");
                continue;
            }
            // The patient's own folder name: the table's text may differ (leading zeros) from the id it parses to.
            readings.Add((rid, context.Patients.Subjects[slot]));
        }
        return (readings, merged);
    }
}
