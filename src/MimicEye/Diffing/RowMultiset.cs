using System.Buffers;
using System.Runtime.InteropServices;

using MimicEye.Csv;

namespace MimicEye.Diffing;

/// <summary>Compares two tables as multisets of rows (their common columns, index column left out): each
/// row becomes a 128-bit hash and its line number. Small tables stay in memory; larger ones are streamed
/// into temporary partitions by hash, so only one partition is ever in memory, whatever the table size.
/// Rows are reported by line number only: a row's content may be clinical.</summary>
static class RowMultiset
{
    const int MaxPartitions = 256;

    [StructLayout(LayoutKind.Sequential, Pack = 8)]
    readonly record struct Entry(ulong Hi, ulong Lo, long Line) : IComparable<Entry>
    {
        public int CompareTo(Entry other)
        {
            var c = Hi.CompareTo(other.Hi);
            if (c == 0)
                c = Lo.CompareTo(other.Lo);
            return c != 0 ? c : Line.CompareTo(other.Line);
        }

        public bool SameRow(Entry other) => Hi == other.Hi && Lo == other.Lo;
    }

    /// <summary>Reads both readers to their end; <paramref name="bytes"/> (both files) sets the partitions.</summary>
    public static void Compare(CsvTableReader a, CsvTableReader b, long bytes, ColumnMap map, CsvFileDiff diff, DiffOptions options, CancellationToken cancel)
    {
        var partitions = (int)Math.Clamp((bytes + options.PartitionBytes - 1) / Math.Max(1, options.PartitionBytes), 1, MaxPartitions);
        var removed = new LineSample(options.MaxRows);
        var added = new LineSample(options.MaxRows);
        if (partitions == 1)
        {
            var entriesA = new List<Entry>();
            var entriesB = new List<Entry>();
            Read(a, map.IndexA, (e, _) => entriesA.Add(e), cancel);
            Read(b, map.IndexB, (e, _) => entriesB.Add(e), cancel);
            Walk(CollectionsMarshal.AsSpan(entriesA), CollectionsMarshal.AsSpan(entriesB), removed, added);
        }
        else
        {
            var folder = Path.Combine(options.TempFolder, "mimiceye-diff-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                Spill(a, map.IndexA, Path.Combine(folder, "a"), partitions, cancel);
                Spill(b, map.IndexB, Path.Combine(folder, "b"), partitions, cancel);
                for (var p = 0; p < partitions; p++)
                {
                    cancel.ThrowIfCancellationRequested();
                    Walk(Load(Path.Combine(folder, "a"), p), Load(Path.Combine(folder, "b"), p), removed, added);
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        removed.Report(diff, RowChange.Removed);
        added.Report(diff, RowChange.Added);
    }

    static void Read(CsvTableReader reader, int[] columns, Action<Entry, int> add, CancellationToken cancel)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (reader.Read())
        {
            if ((reader.RowIndex & 0xFFF) == 0)
                cancel.ThrowIfCancellationRequested();
            RowCells.Pack(reader, columns, buffer);
            var (hi, lo) = RowCells.Hash(buffer.WrittenSpan);
            add(new Entry(hi, lo, reader.Line), (int)(hi >> 56));
        }
    }

    /// <summary>Writes every row's entry to the partition file (<c>prefix.N</c>) its hash selects.</summary>
    static void Spill(CsvTableReader table, int[] columns, string prefix, int partitions, CancellationToken cancel)
    {
        const int Batch = 2048;
        var files = new FileStream[partitions];
        var batches = new Entry[partitions][];
        var counts = new int[partitions];
        try
        {
            for (var p = 0; p < partitions; p++)
            {
                files[p] = new FileStream($"{prefix}.{p}", FileMode.Create, FileAccess.Write, FileShare.None, 1);
                batches[p] = new Entry[Batch];
            }
            void Flush(int p)
            {
                files[p].Write(MemoryMarshal.AsBytes(batches[p].AsSpan(0, counts[p])));
                counts[p] = 0;
            }
            Read(table, columns, (entry, top) =>
            {
                var p = top * partitions / 256;
                batches[p][counts[p]++] = entry;
                if (counts[p] == Batch)
                    Flush(p);
            }, cancel);
            for (var p = 0; p < partitions; p++)
                Flush(p);
        }
        finally
        {
            foreach (var file in files)
                file?.Dispose();
        }
    }

    static Span<Entry> Load(string prefix, int partition)
    {
        using var file = new FileStream($"{prefix}.{partition}", FileMode.Open, FileAccess.Read, FileShare.None, 1, FileOptions.DeleteOnClose);
        var entries = new Entry[file.Length / Marshal.SizeOf<Entry>()];
        file.ReadExactly(MemoryMarshal.AsBytes(entries.AsSpan()));
        return entries;
    }

    /// <summary>Sorts both sides by row hash and pairs equal rows; the rows left over are the difference.
    /// Among repeated equal rows the last ones (by line) are the ones reported.</summary>
    static void Walk(Span<Entry> a, Span<Entry> b, LineSample removed, LineSample added)
    {
        a.Sort();
        b.Sort();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var head = j == b.Length || (i < a.Length && a[i].CompareTo(b[j]) <= 0) ? a[i] : b[j];
            var endA = i;
            while (endA < a.Length && a[endA].SameRow(head))
                endA++;
            var endB = j;
            while (endB < b.Length && b[endB].SameRow(head))
                endB++;
            var pairs = Math.Min(endA - i, endB - j);
            for (var k = i + pairs; k < endA; k++)
                removed.Add(a[k].Line);
            for (var k = j + pairs; k < endB; k++)
                added.Add(b[k].Line);
            (i, j) = (endA, endB);
        }
    }

    /// <summary>Counts lines and keeps the smallest <c>max</c> of them (all when max is 0).</summary>
    sealed class LineSample(int max)
    {
        readonly List<long> _lines = [];
        long _count;

        public void Add(long line)
        {
            _count++;
            _lines.Add(line);
            if (max > 0 && _lines.Count >= 4 * max + 1024)
                Trim();
        }

        public void Report(CsvFileDiff diff, RowChange kind)
        {
            Trim();
            diff.Count(kind, _count);
            foreach (var line in _lines)
                diff.Keep(new RowDifference(kind, "line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture), []));
        }

        void Trim()
        {
            _lines.Sort();
            if (max > 0 && _lines.Count > max)
                _lines.RemoveRange(max, _lines.Count - max);
        }
    }
}
