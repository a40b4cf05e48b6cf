using MimicEye.Csv;
using MimicEye.Dataset;

namespace MimicEye.Pipeline.Cohort;

/// <summary>Reads the cohort: the dicom_ids of EGD and REFLACX, then one streamed pass over the CXR-JPG
/// metadata keeping only cohort rows (the metadata has 377,110 rows; the cohort about 3,700).</summary>
static class CohortLoader
{
    public static CxrCohort Load(SourceLayout sources, IssueLog issues)
    {
        var eyeGaze = ReadIds(sources.RequireTable(SourceTables.EgdMasterSheet), "dicom_id");
        var reflacx = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phase in SourceTables.ReflacxPhases)
            reflacx.UnionWith(ReadIds(sources.RequireTable(phase), "dicom_id"));
        var wanted = new HashSet<string>(eyeGaze, StringComparer.Ordinal);
        wanted.UnionWith(reflacx);

        var metadataPath = sources.RequireTable(SourceTables.CxrMetadata);
        using var reader = CsvFiles.Read(metadataPath);
        var columns = ColumnsOf(reader);
        var images = new List<CxrImage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var dicom = reader.GetString(columns.DicomId);
            if (!wanted.Contains(dicom))
                continue;
            if (!seen.Add(dicom))
            {
                issues.Add(IssueCode.DuplicateDicomId, $"{metadataPath}, line {reader.Line}", dicom, "second metadata row for this dicom_id; the first is used");
                continue;
            }
            images.Add(new CxrImage(reader.RowIndex, reader.GetAll(), columns));
        }
        foreach (var missing in wanted.Except(seen).Order(StringComparer.Ordinal))
            issues.Add(IssueCode.ImageNotInMetadata, metadataPath, missing, "an EGD/REFLACX image is not in the CXR-JPG metadata; it is left out of the cohort");
        return new CxrCohort(images, columns, eyeGaze, reflacx);
    }

    public static CxrColumns ColumnsOf(CsvTableReader reader) => new(
        reader.Headers,
        reader.Column("dicom_id"), reader.Column("subject_id"), reader.Column("study_id"),
        reader.Column("StudyDate"), reader.Column("StudyTime"), reader.Column("Rows"), reader.Column("Columns"),
        reader.Column("ViewPosition"));

    /// <summary>The distinct values of one column (dicom ids of a small table).</summary>
    public static HashSet<string> ReadIds(string path, string column)
    {
        using var reader = CsvFiles.Read(path);
        var index = reader.Column(column);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
            ids.Add(reader.GetString(index));
        return ids;
    }
}
