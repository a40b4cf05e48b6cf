using System.Buffers;
using System.Text;

using MimicEye.Csv;
using MimicEye.Pipeline.Output;
using MimicEye.Pipeline.Writing;

namespace MimicEye.Pipeline.EyeGazeRepair;

/// <summary>The repairs of one EGD file, applied while a table streams: renamed ids are rewritten in the
/// DICOM_ID field (every other field keeps its source bytes), dropped ids' rows are skipped.</summary>
sealed class RepairMap
{
    readonly Dictionary<string, string> _rename = new(StringComparer.Ordinal);
    readonly HashSet<string> _drop = new(StringComparer.Ordinal);

    public RepairMap(IEnumerable<DicomIdRepair> repairs)
    {
        foreach (var r in repairs)
        {
            if (r.Action == DicomIdRepair.Renamed)
                _rename[r.Original] = r.Resolved;
            else if (r.Action == DicomIdRepair.Dropped)
                _drop.Add(r.Original);
        }
    }

    public bool IsEmpty => _rename.Count == 0 && _drop.Count == 0;

    /// <summary>The id a row ends up with after the repair.</summary>
    public string Resolve(string id) => _rename.GetValueOrDefault(id, id);

    public Func<CsvTableReader, bool> Keep(int column) => reader => _drop.Count == 0 || !_drop.Contains(reader.GetString(column));

    public RowEmitter Emitter(int column) => (reader, destination) =>
    {
        if (_rename.Count == 0 || !_rename.TryGetValue(reader.GetString(column), out var resolved))
        {
            destination.Write(reader.RawRecord);
            return;
        }
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (i > 0)
                destination.Write(","u8);
            destination.Write(i == column ? Encoding.UTF8.GetBytes(resolved) : reader.RawField(i));
        }
    };

    public static void Write(string path, IEnumerable<DicomIdRepair> repairs) => AtomicFile.Write(path, stream =>
    {
        using var csv = new CsvOut(stream, indexColumn: false);
        csv.Header(DicomIdRepair.Columns);
        foreach (var r in repairs)
            csv.Row(0, [r.File, r.Original, r.Resolved, r.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Action]);
    });

    public static List<DicomIdRepair> Read(string path)
    {
        using var reader = CsvFiles.Read(path);
        var columns = DicomIdRepair.Columns.Select(reader.Column).ToArray();
        var repairs = new List<DicomIdRepair>();
        while (reader.Read())
        {
            repairs.Add(new DicomIdRepair(reader.GetString(columns[0]), reader.GetString(columns[1]), reader.GetString(columns[2]),
                long.Parse(reader.GetString(columns[3]), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(columns[4])));
        }
        return repairs;
    }
}
