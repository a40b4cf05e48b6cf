using System.Buffers;
using System.Globalization;

using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.Writing;

/// <summary>The per-patient output files of ONE table, with bounded memory.
///
/// Rows are appended to a per-patient in-memory buffer. When all buffers together exceed the budget,
/// every buffer is appended to its patient's temporary file (opened, written, closed: no more than one
/// file handle at a time, however many patients) and emptied. <see cref="Commit"/> flushes what is left
/// and renames each temporary file to its final name. Memory is therefore the budget plus one buffer
/// header per patient, whatever the table's size; row order within a patient is the source order.</summary>
sealed class PatientFiles : IDisposable
{
    readonly Func<int, string> _pathOf;
    readonly byte[] _header;
    readonly bool _indexColumn;
    readonly long _budget;
    readonly Dictionary<int, Slot> _slots = [];
    long _buffered;

    public PatientFiles(Func<int, string> pathOf, byte[] header, bool indexColumn, long budgetBytes = 32 << 20)
    {
        _pathOf = pathOf;
        _header = header;
        _indexColumn = indexColumn;
        _budget = budgetBytes;
    }

    /// <summary>Patients (slots) that received at least one row, with their row counts.</summary>
    public IReadOnlyDictionary<int, long> RowsBySlot { get; private set; } = new Dictionary<int, long>();

    public IBufferWriter<byte> Begin(int slot, long rowIndex)
    {
        if (!_slots.TryGetValue(slot, out var s))
        {
            s = new Slot(_pathOf(slot));
            _slots[slot] = s;
        }
        s.Rows++;
        if (_indexColumn)
            WriteIndex(s.Buffer, rowIndex);
        return s.Buffer;
    }

    /// <summary>Ends the row started by <see cref="Begin"/>: the line break, and a flush when over budget.</summary>
    public void End(int slot)
    {
        var s = _slots[slot];
        s.Buffer.Write("\n"u8);
        _buffered += s.Buffer.WrittenCount - s.CountedBytes;
        s.CountedBytes = s.Buffer.WrittenCount;
        if (_buffered > _budget)
            FlushAll();
    }

    public void Append(int slot, long rowIndex, ReadOnlySpan<byte> record)
    {
        Begin(slot, rowIndex).Write(record);
        End(slot);
    }

    void FlushAll()
    {
        foreach (var s in _slots.Values)
            s.Flush(_header);
        _buffered = 0;
    }

    /// <summary>Writes what is buffered and gives every file its final name.</summary>
    public void Commit()
    {
        FlushAll();
        foreach (var s in _slots.Values)
            AtomicFile.Commit(AtomicFile.TempPath(s.Path), s.Path);
        RowsBySlot = _slots.ToDictionary(kv => kv.Key, kv => kv.Value.Rows);
        _slots.Clear();
    }

    /// <summary>Removes the temporary files of an interrupted or failed table.</summary>
    public void Dispose()
    {
        foreach (var s in _slots.Values)
            AtomicFile.TryDelete(AtomicFile.TempPath(s.Path));
        _slots.Clear();
    }

    static void WriteIndex(ArrayBufferWriter<byte> buffer, long index)
    {
        var span = buffer.GetSpan(24);
        index.TryFormat(span, out var n, default, CultureInfo.InvariantCulture);
        span[n++] = (byte)',';
        buffer.Advance(n);
    }

    sealed class Slot(string path)
    {
        public string Path { get; } = path;
        public ArrayBufferWriter<byte> Buffer { get; private set; } = new(256);
        public long Rows { get; set; }
        public int CountedBytes { get; set; }
        bool _started;

        public void Flush(byte[] header)
        {
            if (Buffer.WrittenCount == 0 && _started)
                return;
            var temp = AtomicFile.TempPath(Path);
            if (!_started)
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using (var file = new FileStream(temp, _started ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                if (!_started)
                    file.Write(header);
                file.Write(Buffer.WrittenSpan);
            }
            _started = true;
            // A patient with many rows must not keep a large buffer for the rest of the table.
            if (Buffer.Capacity > 1 << 16)
                Buffer = new ArrayBufferWriter<byte>(256);
            else
                Buffer.ResetWrittenCount();
            CountedBytes = 0;
        }
    }
}
