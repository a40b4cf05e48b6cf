using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;

using MimicEye.Csv;

namespace MimicEye.Pipeline.Writing;

/// <summary>Decides which patient (slot) a row belongs to; -1 for rows of no cohort patient.</summary>
delegate int RowRouter(CsvTableReader reader);

/// <summary>Writes a routed row to its destination; the default writes the record as it is in the source.</summary>
delegate void RowEmitter(CsvTableReader reader, IBufferWriter<byte> destination);

static class RowRouters
{
    static readonly ConditionalWeakTable<IReadOnlyDictionary<long, int>, KeySet> s_keySets = [];

    /// <summary>Routes by a numeric id column (subject_id) without decoding the rest of the row. The router
    /// is a <see cref="NumberRouter"/>, so <see cref="TableFanOut"/> can let the reader skip rows of other ids.</summary>
    public static RowRouter ByNumber(int column, IReadOnlyDictionary<long, int> slots) =>
        new NumberRouter(column, slots, s_keySets.GetValue(slots, s => new KeySet(s.Keys))).Route;

    /// <summary>Routes by a text id column (EGD DICOM_ID), after the id map (repairs) is applied.</summary>
    public static RowRouter ByText(int column, Func<string, int> slotOf) => reader => slotOf(reader.GetString(column));

    public static void Verbatim(CsvTableReader reader, IBufferWriter<byte> destination) =>
        destination.Write(reader.RawRecord);
}

/// <summary>The router of <see cref="RowRouters.ByNumber"/>: a row goes to the slot of its id, and only rows
/// whose id is in <see cref="Keys"/> can go anywhere.</summary>
sealed class NumberRouter(int column, IReadOnlyDictionary<long, int> slots, KeySet keys)
{
    public int Column { get; } = column;

    public KeySet Keys { get; } = keys;

    public int Route(CsvTableReader reader)
    {
        var span = reader.Span(Column);
        return Utf8Parser.TryParse(span, out long id, out var used) && used == span.Length && slots.TryGetValue(id, out var slot)
            ? slot
            : -1;
    }
}
