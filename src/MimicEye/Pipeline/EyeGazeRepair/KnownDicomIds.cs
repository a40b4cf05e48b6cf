using MimicEye.Csv;

namespace MimicEye.Pipeline.EyeGazeRepair;

/// <summary>The authority for repairs: every dicom_id of the CXR-JPG metadata, sorted so that all ids
/// starting with a prefix are found by binary search.</summary>
sealed class KnownDicomIds
{
    readonly string[] _sorted;

    public KnownDicomIds(IEnumerable<string> ids)
    {
        _sorted = [.. ids.Distinct(StringComparer.Ordinal)];
        Array.Sort(_sorted, StringComparer.Ordinal);
    }

    public static KnownDicomIds FromMetadata(string path)
    {
        using var reader = CsvFiles.Read(path);
        var column = reader.Column("dicom_id");
        var ids = new List<string>();
        while (reader.Read())
            ids.Add(reader.GetString(column));
        return new KnownDicomIds(ids);
    }

    public bool Contains(string id) => Array.BinarySearch(_sorted, id, StringComparer.Ordinal) >= 0;

    public List<string> StartingWith(string prefix)
    {
        var matches = new List<string>();
        if (prefix.Length == 0)
            return matches;
        var i = Array.BinarySearch(_sorted, prefix, StringComparer.Ordinal);
        for (i = i < 0 ? ~i : i; i < _sorted.Length && _sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            matches.Add(_sorted[i]);
        return matches;
    }
}
