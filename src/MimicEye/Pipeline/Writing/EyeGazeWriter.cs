using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Pipeline.EyeGazeRepair;

namespace MimicEye.Pipeline.Writing;

/// <summary>EGD per patient (SPEC §8): master sheet rows of the patient (with phase 1's stay_id), the
/// bounding boxes, fixations and gaze rows of the patient's master-sheet images after the phase 2b
/// repairs, and each image's <c>audio_segmentation_transcripts/&lt;dicom_id&gt;/</c> folder.</summary>
static class EyeGazeWriter
{
    const string Module = "EyeGaze";

    public static IEnumerable<WorkItem> Items(WriteContext context)
    {
        var output = context.Output;
        foreach (var required in new[] { output.MasterSheetWithStayId, output.DicomIdRepairs })
        {
            if (!File.Exists(required))
                throw new MimicEyeException($"{required} is missing: run 'mimiceye eyegaze' (or 'build') first");
        }
        var subjectByDicom = ReadMaster(context);
        var repairs = RepairMap.Read(output.DicomIdRepairs);

        yield return new WorkItem("EyeGaze/master_sheet", new FileInfo(output.MasterSheetWithStayId).Length, () =>
        {
            var job = new FanOutJob(output.MasterSheetWithStayId,
                reader => RowRouters.ByNumber(reader.Column("patient_id"), context.Patients.SlotBySubject),
                slot => output.PatientEyeGaze(context.Patients.Subjects[slot], "master_sheet.csv"));
            context.Record(Module, "master_sheet", TableFanOut.Run(job, context.Cancel, context.TableProgress(job.SourcePath)));
        });
        foreach (var (table, file, column) in EyeGazePhase.RepairedTables)
        {
            var path = context.Sources.RequireTable(table);
            var map = new RepairMap(repairs.Where(r => r.File == file));
            yield return new WorkItem("EyeGaze/" + file, new FileInfo(path).Length, () =>
            {
                int index = -1;
                var job = new FanOutJob(path,
                    reader =>
                    {
                        index = reader.Column(column);
                        return RowRouters.ByText(index, id => subjectByDicom.GetValueOrDefault(map.Resolve(id), -1));
                    },
                    slot => output.PatientEyeGaze(context.Patients.Subjects[slot], file))
                {
                    IndexColumn = context.Options.Compat,
                    Emit = (reader, destination) => map.Emitter(index)(reader, destination),
                    Keep = reader => map.Keep(index)(reader),
                };
                context.Record(Module, Path.GetFileNameWithoutExtension(file), TableFanOut.Run(job, context.Cancel, context.TableProgress(job.SourcePath)));
            });
        }
        var root = context.Sources.Require(ProjectKind.EyeGaze).Root;
        foreach (var batch in subjectByDicom.OrderBy(p => p.Key, StringComparer.Ordinal).Chunk(32))
        {
            yield return new WorkItem("EyeGaze transcripts", batch.Length * (1L << 20), () =>
            {
                foreach (var (dicom, slot) in batch)
                    CopyTranscripts(context, root, dicom, context.Patients.Subjects[slot]);
            });
        }
    }

    static void CopyTranscripts(WriteContext context, string root, string dicom, string subject)
    {
        context.Cancel.ThrowIfCancellationRequested();
        var source = Path.Combine(root, "audio_segmentation_transcripts", dicom);
        if (!Directory.Exists(source))
        {
            context.AddIssue(IssueCode.MissingTranscriptFolder, source, dicom, "no audio_segmentation_transcripts folder for this image");
            return;
        }
        FolderCopier.Copy(source, context.Output.PatientTranscripts(subject, dicom), context.LinksOf(ProjectKind.EyeGaze), context);
    }

    /// <summary>dicom_id -> patient slot for the master sheet's images of cohort patients.</summary>
    static Dictionary<string, int> ReadMaster(WriteContext context)
    {
        using var reader = CsvFiles.Read(context.Output.MasterSheetWithStayId);
        int dicom = reader.Column("dicom_id"), patient = reader.Column("patient_id");
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var (d, slot) = (reader.GetString(dicom), context.Patients.SlotOf(reader.GetString(patient)));
            if (slot < 0)
                continue;
            if (!Ids.IsDicomId(d))
            {
                context.AddIssue(IssueCode.UnsafeId, $"{context.Output.Relative(context.Output.MasterSheetWithStayId)}, line {reader.Line}", null,
                    "a dicom_id is not of hex-and-dash form; its files are skipped");
                continue;
            }
            map[d] = slot;
        }
        return map;
    }
}
