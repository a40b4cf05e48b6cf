using CsvHelper;

namespace MimicEye.Csv;

/// <summary>Writes typed output tables in the one dialect. With <see cref="IndexColumn"/> (compat) every
/// record starts with the pandas index: an empty header cell, then the given row number.</summary>
sealed class CsvOut(Stream output, bool indexColumn) : IDisposable
{
    readonly CsvWriter _writer = CsvFiles.CreateWriter(output);

    public bool IndexColumn { get; } = indexColumn;

    public void Header(IEnumerable<string> names)
    {
        if (IndexColumn)
            _writer.WriteField("");
        foreach (var name in names)
            _writer.WriteField(name);
        _writer.EndRecord();
    }

    public void Row(long index, IEnumerable<string?> values)
    {
        if (IndexColumn)
            _writer.WriteField(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var value in values)
            _writer.WriteField(value ?? "");
        _writer.EndRecord();
    }

    public void Dispose()
    {
        _writer.Flush();
        _writer.Dispose();
    }
}
