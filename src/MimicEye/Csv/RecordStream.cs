using System.Runtime.CompilerServices;

namespace MimicEye.Csv;

/// <summary>What CsvHelper reads: the table's bytes, record by record, and, once <see cref="Filter"/> is
/// set, only the header and the records whose key field may be wanted. Most rows of the big tables belong
/// to no cohort patient; they are recognised from their key field alone and never reach CsvHelper, so the
/// cost of a pass stays close to that of inflating the file. A record is dropped only when it is certainly
/// well formed (quoting, line break, field count) and its key is certainly not in the set: everything else
/// goes to CsvHelper, which judges it as before. Once the scan meets something it cannot delimit with
/// certainty (a stray quote, a lone CR, a record over 16 MB), the rest of the file goes to CsvHelper as is.
///
/// CsvHelper's row and line numbers then count the records it was given; <see cref="Segments"/> maps them
/// back to the file's: each segment is a run of records passed without a gap.</summary>
sealed class RecordStream(ChunkSource source) : ReadOnlyStream
{
    const int MaxRecord = 16 << 20;

    byte[] _buffer = [];
    bool _pooled;
    int _scan, _end;
    int _pendingStart, _pendingLength;
    bool _sourceEnded, _passAll;
    KeySet? _keys;
    int _keyColumn = -1, _fields = -1;
    long _record, _line = 1, _outRecord, _outLine = 1;
    bool _lastPassed = true;

    /// <summary>Runs of passed records, oldest first; the reader removes those it has read past.</summary>
    public SegmentList Segments { get; } = new();

    public ChunkSource Source => source;

    /// <summary>Records (header included) scanned so far; null once the rest of the file is passed unscanned.</summary>
    public long? RecordsScanned => _passAll ? null : _record;

    /// <summary>Called after each chunk is taken (about every MiB of CSV): cancellation and progress.</summary>
    public Action? ChunkTaken { get; set; }

    /// <summary>From the next unscanned record on, drops data records whose <paramref name="keyColumn"/> is
    /// not an integer of <paramref name="keys"/>.</summary>
    public void Filter(int keyColumn, KeySet keys) => (_keyColumn, _keys) = (keyColumn, keys);

    public override int Read(Span<byte> destination)
    {
        var written = 0;
        while (written < destination.Length)
        {
            if (_pendingLength > 0)
            {
                var n = Math.Min(_pendingLength, destination.Length - written);
                _buffer.AsSpan(_pendingStart, n).CopyTo(destination[written..]);
                (written, _pendingStart, _pendingLength) = (written + n, _pendingStart + n, _pendingLength - n);
                continue;
            }
            if (!ScanRun())
                break;
        }
        return written;
    }

    /// <summary>Scans records into one contiguous pending run. False at the end of the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool ScanRun()
    {
        while (true)
        {
            if (_passAll)
            {
                if (_scan < _end)
                {
                    if (_pendingLength == 0)
                        _pendingStart = _scan;
                    (_pendingLength, _scan) = (_pendingLength + _end - _scan, _end);
                    return true;
                }
                if (!NextChunk())
                    return false;
                continue;
            }
            var data = _buffer.AsSpan(_scan, _end - _scan);
            var filtering = _keys is not null && _record > 0;
            if (filtering)
            {
                var skipped = RecordScanner.SkipRun(data, _keyColumn, _fields, _keys!, out var records);
                if (records > 0)
                {
                    (_scan, _record, _line, _lastPassed) = (_scan + skipped, _record + records, _line + records, false);
                    data = data[skipped..];
                }
            }
            var result = RecordScanner.Scan(data, _sourceEnded, filtering ? _keyColumn : -1, out var r);
            if (result == ScanResult.Incomplete)
            {
                if (_pendingLength > 0)
                    return true;
                if (data.Length >= MaxRecord)
                    result = ScanResult.Anomaly;
                else if (NextChunk())
                    continue;
                else
                    return false;
            }
            if (result == ScanResult.Anomaly)
            {
                if (_pendingLength > 0 && _pendingStart + _pendingLength != _scan)
                    return true;
                Pass(0, 0);
                _passAll = true;
                continue;
            }
            var keep = !filtering
                || (result == ScanResult.Record && (r.Fields != _fields || (!r.KeyEscaped && r.KeyStart >= 0
                    && _keys!.ContainsNumber(data[r.KeyStart..r.KeyEnd]))));
            if (keep && _pendingLength > 0 && _pendingStart + _pendingLength != _scan)
                return true;
            if (result == ScanResult.Record && _record == 0)
                _fields = r.Fields;
            if (keep)
                Pass(r.End, result == ScanResult.Record ? 1 : 0);
            else
                _lastPassed = false;
            _record += result == ScanResult.Record ? 1 : 0;
            _line += r.Lines;
            if (keep)
                _outLine += r.Lines;
            _scan += r.End;
        }
    }

    /// <summary>Adds the record at <c>_scan</c> (<paramref name="length"/> bytes) to the pending run,
    /// starting a segment when records were dropped before it.</summary>
    void Pass(int length, int records)
    {
        if (!_lastPassed)
        {
            Segments.Add(new Segment(_outRecord, _record, _outLine, _line));
            _lastPassed = true;
        }
        if (_pendingLength == 0)
            _pendingStart = _scan;
        _pendingLength += length;
        _outRecord += records;
    }

    /// <summary>Takes the next chunk, putting the unscanned tail of the current one right before it.</summary>
    bool NextChunk()
    {
        if (_sourceEnded)
            return false;
        var chunk = source.Next();
        ChunkTaken?.Invoke();
        var tail = _buffer.AsSpan(_scan, _end - _scan);
        if (chunk.Length == 0)
        {
            _sourceEnded = true;
            return tail.Length > 0;
        }
        byte[] next;
        int start;
        if (tail.Length <= ChunkSource.Prefix)
        {
            (next, start) = (chunk.Buffer, ChunkSource.Prefix - tail.Length);
            tail.CopyTo(next.AsSpan(start));
        }
        else
        {
            // A record longer than the prefix (a long quoted text): join the two in a new array.
            next = new byte[tail.Length + chunk.Length];
            tail.CopyTo(next);
            chunk.Buffer.AsSpan(ChunkSource.Prefix, chunk.Length).CopyTo(next.AsSpan(tail.Length));
            ChunkSource.Return(chunk.Buffer);
            start = 0;
        }
        if (_pooled)
            ChunkSource.Return(_buffer);
        _pooled = ReferenceEquals(next, chunk.Buffer);
        (_buffer, _scan, _end) = (next, start, start + tail.Length + chunk.Length);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_pooled)
                ChunkSource.Return(_buffer);
            _pooled = false;
            source.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>A run of records CsvHelper was given without a gap: its first record's number and start line
/// as CsvHelper counts them (<see cref="OutRecord"/>, <see cref="OutLine"/>) and in the file.</summary>
readonly record struct Segment(long OutRecord, long Record, long OutLine, long Line);

/// <summary>Segments in order; lookups move forward only, so old ones are dropped as the reader advances.</summary>
sealed class SegmentList
{
    readonly List<Segment> _items = [new Segment(0, 0, 1, 1)];
    int _head;

    public void Add(Segment segment) => _items.Add(segment);

    /// <summary>The segment of CsvHelper's record <paramref name="outRecord"/> (the current one or a later one).</summary>
    public Segment ForRecord(long outRecord)
    {
        while (_head + 1 < _items.Count && _items[_head + 1].OutRecord <= outRecord)
            _head++;
        if (_head > 4096)
        {
            _items.RemoveRange(0, _head);
            _head = 0;
        }
        return _items[_head];
    }

    /// <summary>The segment holding CsvHelper's line <paramref name="outLine"/>, at or after the current record.</summary>
    public Segment ForLine(long outLine)
    {
        var i = _head;
        while (i + 1 < _items.Count && _items[i + 1].OutLine <= outLine)
            i++;
        return _items[i];
    }
}
