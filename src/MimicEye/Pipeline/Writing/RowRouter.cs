using System.Buffers;
using System.Buffers.Text;

using MimicEye.Csv;

namespace MimicEye.Pipeline.Writing;

/// <summary>Decides which patient (slot) a row belongs to; -1 for rows of no cohort patient.</summary>
delegate int RowRouter(CsvTableReader reader);

/// <summary>Writes a routed row to its destination; the default writes the record as it is in the source.</summary>
delegate void RowEmitter(CsvTableReader reader, IBufferWriter<byte> destination);

static class RowRouters
{
    /// <summary>Routes by a numeric id column (subject_id) without decoding the rest of the row.</summary>
    public static RowRouter ByNumber(int column, IReadOnlyDictionary<long, int> slots) => reader =>
    {
        var span = reader.Span(column);
        return Utf8Parser.TryParse(span, out long id, out var used) && used == span.Length && slots.TryGetValue(id, out var slot)
            ? slot
            : -1;
    };

    /// <summary>Routes by a text id column (EGD DICOM_ID), after the id map (repairs) is applied.</summary>
    public static RowRouter ByText(int column, Func<string, int> slotOf) => reader => slotOf(reader.GetString(column));

    public static void Verbatim(CsvTableReader reader, IBufferWriter<byte> destination) =>
        destination.Write(reader.RawRecord);
}
