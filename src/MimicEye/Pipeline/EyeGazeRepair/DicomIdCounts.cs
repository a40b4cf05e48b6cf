using MimicEye.Csv;

namespace MimicEye.Pipeline.EyeGazeRepair;

/// <summary>The distinct DICOM_IDs of an EGD table with their row counts, in one streamed pass.</summary>
static class DicomIdCounts
{
    public static SortedDictionary<string, long> Count(string path, string column)
    {
        using var reader = CsvFiles.Read(path);
        var index = reader.Column(column);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var id = reader.GetString(index);
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }
        return new SortedDictionary<string, long>(counts, StringComparer.Ordinal);
    }
}
