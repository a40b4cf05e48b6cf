using System.Buffers;
using System.Security.Cryptography;

using MimicEye.Csv;
using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.Writing;

/// <summary>The per-patient output files of ONE table, with bounded memory.
///
/// Rows are appended to a per-patient in-memory buffer. When the buffers of this table outgrow its share of
/// the process-wide budget (<see cref="TotalBudget"/> divided by the tables being written at that moment,
/// so <c>--jobs</c> tables together stay within it), every buffer is appended to its patient's temporary
/// file (opened, written, closed: no more than one file handle at a time, however many patients) and
/// released. Buffers are counted by capacity, not content, so the count is the memory they hold.
/// <see cref="Commit"/> flushes what is left and renames each temporary file to its final name. Memory is
/// therefore bounded by the budget plus a few bytes per patient, whatever the table's size and the number
/// of patients; row order within a patient is the source order, and the bytes of each file do not depend on
/// when flushes happen (the test with a tiny budget checks this). Each file's SHA-256 is computed from the
/// bytes as they are written and handed to <see cref="AtomicFile.Commit"/>, so SHA256SUMS.txt need not
/// read the file back.</summary>
sealed class PatientFiles : IDisposable
{
    /// <summary>Bytes all tables being written at once may buffer together.</summary>
    public const long TotalBudget = 64 << 20;

    static int s_open;

    readonly Func<int, string> _pathOf;
    readonly byte[] _header;
    readonly bool _indexColumn;
    readonly long? _budget;
    readonly Dictionary<int, Slot> _slots = [];
    long _buffered;
    bool _registered = true;

    /// <summary>Files at <paramref name="pathOf"/>(slot), each starting with <paramref name="header"/>;
    /// <paramref name="budgetBytes"/> fixes the budget (tests), by default the table's share of <see cref="TotalBudget"/>.</summary>
    public PatientFiles(Func<int, string> pathOf, byte[] header, bool indexColumn, long? budgetBytes = null)
    {
        _pathOf = pathOf;
        _header = header;
        _indexColumn = indexColumn;
        _budget = budgetBytes;
        Interlocked.Increment(ref s_open);
    }

    /// <summary>Patients (slots) that received at least one row, with their row counts.</summary>
    public IReadOnlyDictionary<int, long> RowsBySlot { get; private set; } = new Dictionary<int, long>();

    /// <summary>How many times the buffers were written out before <see cref="Commit"/>.</summary>
    public int Flushes { get; private set; }

    long Budget => _budget ?? TotalBudget / Math.Max(1, Volatile.Read(ref s_open));

    public IBufferWriter<byte> Begin(int slot, long rowIndex)
    {
        if (!_slots.TryGetValue(slot, out var s))
        {
            s = new Slot(_pathOf(slot));
            _slots[slot] = s;
            // The header leads the first buffer, so a file is created with one write.
            s.Buffer = new ArrayBufferWriter<byte>(Math.Max(256, _header.Length * 2));
            s.Buffer.Write(_header);
        }
        s.Rows++;
        var buffer = s.Buffer ??= new ArrayBufferWriter<byte>(256);
        if (_indexColumn)
            CsvFiles.WriteIndexCell(buffer, rowIndex);
        return buffer;
    }

    /// <summary>Ends the row started by <see cref="Begin"/>: the line break, and a flush when over budget.</summary>
    public void End(int slot)
    {
        var s = _slots[slot];
        var buffer = s.Buffer!;
        buffer.Write("\n"u8);
        _buffered += buffer.Capacity - s.CountedCapacity;
        s.CountedCapacity = buffer.Capacity;
        if (_buffered > Budget)
        {
            FlushAll();
            Flushes++;
        }
    }

    public void Append(int slot, long rowIndex, ReadOnlySpan<byte> record)
    {
        Begin(slot, rowIndex).Write(record);
        End(slot);
    }

    void FlushAll(bool last = false)
    {
        foreach (var s in _slots.Values)
            s.Flush(last);
        _buffered = 0;
    }

    /// <summary>Writes what is buffered and gives every file its final name.</summary>
    public void Commit()
    {
        FlushAll(last: true);
        Unregister();
        foreach (var s in _slots.Values)
            AtomicFile.Commit(AtomicFile.TempPath(s.Path), s.Path, s.Finish());
        RowsBySlot = _slots.ToDictionary(kv => kv.Key, kv => kv.Value.Rows);
        _slots.Clear();
    }

    /// <summary>Removes the temporary files of an interrupted or failed table.</summary>
    public void Dispose()
    {
        Unregister();
        foreach (var s in _slots.Values)
        {
            s.Discard();
            AtomicFile.TryDelete(AtomicFile.TempPath(s.Path));
        }
        _slots.Clear();
    }

    void Unregister()
    {
        if (_registered)
            Interlocked.Decrement(ref s_open);
        _registered = false;
    }

    sealed class Slot(string path)
    {
        public string Path { get; } = path;
        public ArrayBufferWriter<byte>? Buffer { get; set; }
        public long Rows { get; set; }
        public int CountedCapacity { get; set; }

        /// <summary>Bytes in the temporary file; -1 before it exists.</summary>
        long _length = -1;
        long _writeTicks = -1;
        IncrementalHash? _hash;
        string? _sha256;

        /// <summary>Appends the buffer (the first one starts with the header) to the temporary file, creating
        /// it on the first call. A file written in one go (most are: a patient's rows of a table usually fit
        /// the budget) is hashed in one call, without an incremental hash.</summary>
        public void Flush(bool last)
        {
            if (_length >= 0 && Buffer is null)
                return;
            var temp = AtomicFile.TempPath(Path);
            var bytes = Buffer!.WrittenSpan;
            // No FileStream: its buffer would be allocated for every file of every flush.
            using (var file = _length < 0 ? Create(temp) : File.OpenHandle(temp, FileMode.Open, FileAccess.Write))
            {
                if (_length < 0 && last)
                    _sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
                else
                    (_hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256)).AppendData(bytes);
                var offset = Math.Max(0, _length);
                RandomAccess.Write(file, bytes, offset);
                _length = offset + bytes.Length;
                if (last)
                    _writeTicks = FileFacts.WriteTicksOf(file);
            }
            // Released, not kept: thousands of patients each keeping a grown buffer would be the memory the budget bounds.
            Buffer = null;
            CountedCapacity = 0;
        }

        /// <summary>The file's size and hash once everything is flushed; releases the hash state.</summary>
        public FileFacts Finish()
        {
            var facts = _sha256 is not null ? new FileFacts(_length, _sha256, _writeTicks)
                : _hash is null ? FileFacts.Unknown
                : FileFacts.Of(_length, _hash, _writeTicks);
            Discard();
            return facts;
        }

        public void Discard()
        {
            _hash?.Dispose();
            _hash = null;
        }

        /// <summary>Creates the file, and its folder only when missing: one patient folder serves dozens of
        /// tables, and asking for it each time would be one more system call per file. CreateNew, as the
        /// temporary file is normally absent (a new run removes those of a killed one), spares the runtime's
        /// truncating call; one left by a failed table of this run is simply replaced.</summary>
        static Microsoft.Win32.SafeHandles.SafeFileHandle Create(string path)
        {
            try
            {
                return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
            }
            // With O_CREAT only a missing folder gives ENOENT. The runtime calls it FileNotFound when the
            // folder exists by the time it looks (another table's writer just created it): both mean "create it".
            catch (IOException e) when (e is DirectoryNotFoundException or FileNotFoundException)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                return File.OpenHandle(path, FileMode.Create, FileAccess.Write);
            }
            catch (IOException) when (File.Exists(path))
            {
                return File.OpenHandle(path, FileMode.Create, FileAccess.Write);
            }
        }
    }
}
