using System.Buffers;
using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Pipeline.Cohort;
using MimicEye.Pipeline.Output;
using MimicEye.Pipeline.Writing;

namespace MimicEye.Pipeline.EyeGazeRepair;

/// <summary>Phase 2b (SPEC §7): the DICOM_ID repairs of the EGD tables, spreadsheets/EyeGaze/{bounding_boxes,
/// fixations,eye_gaze,dicom_id_repairs,master_sheet_with_updated_stayId}.csv. The master sheet's old
/// stay_id is replaced by phase 1's.</summary>
static class EyeGazePhase
{
    /// <summary>The EGD tables whose ids are repaired, with their id column.</summary>
    public static readonly (SourceTable Table, string File, string Column)[] RepairedTables =
    [
        (SourceTables.EgdEyeGaze, "eye_gaze.csv", "DICOM_ID"),
        (SourceTables.EgdFixations, "fixations.csv", "DICOM_ID"),
        (SourceTables.EgdBoundingBoxes, "bounding_boxes.csv", "dicom_id"),
    ];

    public static EyeGazePhaseResult Run(BuildOptions options, SourceLayout sources, OutputLayout output, IssueLog issues, CancellationToken cancel)
    {
        var stayByDicom = ReadStays(output);
        var masterPath = sources.RequireTable(SourceTables.EgdMasterSheet);
        var masterIds = CohortLoader.ReadIds(masterPath, "dicom_id");

        var repairs = new List<DicomIdRepair>();
        if (options.Compat)
        {
            var (table, file, column) = RepairedTables[0];
            repairs.AddRange(CompatDicomIdRepairer.Repair(file, DicomIdCounts.Count(sources.RequireTable(table), column)));
        }
        else
        {
            var known = KnownDicomIds.FromMetadata(sources.RequireTable(SourceTables.CxrMetadata));
            var repairer = new DefaultDicomIdRepairer(known, masterIds, options.EyeGazeTrimmed);
            foreach (var (table, file, column) in RepairedTables)
                repairs.AddRange(repairer.Repair(file, DicomIdCounts.Count(sources.RequireTable(table), column)));
        }
        Report(repairs, options.Compat, issues);
        RepairMap.Write(output.DicomIdRepairs, repairs);

        // Spreadsheets: default writes each repaired table under its own name; compat writes the
        // unrepaired bounding boxes and fixations, and the fixations again as eye_gaze.csv (the
        // reference's copy-paste defect).
        foreach (var (table, file, column) in RepairedTables)
        {
            var source = options.Compat && file == "eye_gaze.csv" ? SourceTables.EgdFixations : table;
            var sourceColumn = options.Compat && file == "eye_gaze.csv" ? "DICOM_ID" : column;
            var map = options.Compat ? new RepairMap([]) : new RepairMap(repairs.Where(r => r.File == file));
            CopyRepaired(sources.RequireTable(source), sourceColumn, map, output.EyeGazeSheet(file), options.Compat, cancel);
        }
        WriteMasterSheet(masterPath, stayByDicom, output.MasterSheetWithStayId, options.Compat);
        return new EyeGazePhaseResult(masterIds.Count, repairs.Count(r => r.Action == DicomIdRepair.Renamed),
            repairs.Count(r => r.Action == DicomIdRepair.Dropped), repairs.Count(r => r.Action is DicomIdRepair.Unresolved or DicomIdRepair.Ambiguous));
    }

    static void Report(List<DicomIdRepair> repairs, bool compat, IssueLog issues)
    {
        foreach (var r in repairs)
        {
            var (code, detail) = r.Action switch
            {
                DicomIdRepair.Renamed => (IssueCode.DicomIdRepaired, $"{r.Rows} rows renamed to {r.Resolved}"),
                DicomIdRepair.Dropped => (IssueCode.DicomIdDropped, $"{r.Rows} rows dropped (full id {r.Resolved})"),
                DicomIdRepair.Unresolved => (IssueCode.DicomIdUnresolved, $"{r.Rows} rows kept: no known dicom_id starts with it"),
                DicomIdRepair.Ambiguous => (IssueCode.DicomIdUnresolved, $"{r.Rows} rows kept: several known dicom_ids start with it"),
                _ when compat => (IssueCode.CompatRepairCrash, $"{r.Rows} rows kept: the reference fails on an id whose only prefix match is itself"),
                _ => (IssueCode.DicomIdUnresolved, $"{r.Rows} rows kept"),
            };
            issues.Add(code, "egd-cxr/" + r.File, r.Original, detail);
        }
    }

    static void CopyRepaired(string source, string column, RepairMap map, string destination, bool compat, CancellationToken cancel)
    {
        // The id column is found once, when the table's header is read (the router factory runs then).
        RowEmitter emit = RowRouters.Verbatim;
        Func<CsvTableReader, bool> keep = _ => true;
        TableFanOut.Run(new FanOutJob(source, reader =>
        {
            var index = reader.Column(column);
            (emit, keep) = (map.Emitter(index), map.Keep(index));
            return _ => -1;
        }, _ => "")
        {
            FullCopyPath = destination,
            IndexColumn = compat,
            Emit = (reader, dest) => emit(reader, dest),
            Keep = reader => keep(reader),
        }, cancel);
    }

    /// <summary>dicom_id -> phase 1 stay_id, from spreadsheets/cxr_meta.csv.</summary>
    public static Dictionary<string, string> ReadStays(OutputLayout output)
    {
        if (!File.Exists(output.CxrMeta))
            throw new MimicEyeException($"{output.CxrMeta} is missing: run 'mimiceye stays' (or 'build') first");
        using var reader = CsvFiles.Read(output.CxrMeta);
        int dicom = reader.Column("dicom_id"), stay = reader.Column("stay_id");
        var stays = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
            stays[reader.GetString(dicom)] = reader.GetString(stay);
        return stays;
    }

    /// <summary>The master sheet with stay_id replaced; every other field keeps its source bytes.
    /// default: integer text or empty; compat: <c>&lt;id&gt;.0</c> or <c>nan</c>, as the reference's
    /// <c>str()</c> of a float read back from cxr_meta.csv (empty when the image is not in cxr_meta).</summary>
    static void WriteMasterSheet(string source, Dictionary<string, string> stays, string destination, bool compat)
    {
        using var reader = CsvFiles.Read(source);
        int dicom = reader.Column("dicom_id"), stay = reader.Column("stay_id");
        AtomicFile.Write(destination, stream =>
        {
            stream.Write(CsvFiles.HeaderLine(reader.Headers, compat));
            var row = new ArrayBufferWriter<byte>();
            while (reader.Read())
            {
                row.ResetWrittenCount();
                var found = stays.TryGetValue(reader.GetString(dicom), out var id);
                var value = !compat ? id ?? "" : !found ? "" : id!.Length == 0 ? "nan" : id + ".0";
                if (compat)
                    row.Write(System.Text.Encoding.ASCII.GetBytes(reader.RowIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + ","));
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (i > 0)
                        row.Write(","u8);
                    row.Write(i == stay ? System.Text.Encoding.UTF8.GetBytes(value) : reader.RawField(i));
                }
                row.Write("\n"u8);
                stream.Write(row.WrittenSpan);
            }
        });
    }
}

sealed record EyeGazePhaseResult(int MasterImages, int Renamed, int Dropped, int Unresolved);
