using System.Text;
using System.Text.Unicode;

using CsvHelper;

namespace MimicEye.Csv;

/// <summary>Streams one source table record by record. Columns are looked up by header name, ignoring
/// case (procedureevents has upper-case ORIGINALAMOUNT). Malformed records stop the read with an error
/// naming the file and the line: a row that cannot be read is never dropped silently.
///
/// The bytes reach CsvHelper through a <see cref="RecordStream"/> (a large .gz inflated on a thread of
/// its own); with <see cref="SkipRowsUnless"/> the rows whose key is not wanted are skipped before
/// CsvHelper parses them, and <see cref="Line"/> and <see cref="RowIndex"/> still count every row.</summary>
sealed class CsvTableReader : IDisposable
{
    readonly CsvReader _reader;
    readonly RecordStream _records;
    readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    CsvMalformedRecord? _malformed;
    long _lastRowIndex = -1;

    /// <param name="path">The file, for messages.</param>
    /// <param name="stream">Its bytes (inflated).</param>
    /// <param name="prefetch">Inflate a large .gz on a thread of its own (off for a look at the header).</param>
    /// <param name="chunkSize">Bytes read at a time (see <see cref="ChunkSource"/>).</param>
    public CsvTableReader(string path, Stream stream, bool prefetch = true, int chunkSize = ChunkSource.ChunkSize)
    {
        FilePath = path;
        var threaded = prefetch && stream is CheckedGzipStream gz && gz.CompressedLength >= ChunkSource.ThreadedFrom;
        _records = new RecordStream(new ChunkSource(stream, threaded, chunkSize));
        _reader = CsvReader.Create(_records, CsvFiles.ReadOptions with { OnMalformedRecord = r => _malformed ??= r }, leaveOpen: false);
        try
        {
            _reader.ReadHeader();
        }
        catch (CsvFormatException e)
        {
            _reader.Dispose();
            throw new CsvInputException(path, FileLine(e.LineNumber), "the header cannot be read as CSV (is this a CSV file?)", CsvProblem.Malformed);
        }
        catch (CsvInputException)
        {
            _reader.Dispose();
            throw;
        }
        Headers = [.. _reader.Headers];
        for (var i = Headers.Count - 1; i >= 0; i--)
            _columns[Headers[i]] = i;
        ThrowIfMalformed();
    }

    public string FilePath { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>The 1-based line where the current record starts (the header is line 1).</summary>
    public long Line
    {
        get
        {
            var segment = _records.Segments.ForRecord(_reader.RowNumber);
            return segment.Line + (_reader.LineNumber - segment.OutLine);
        }
    }

    /// <summary>The 0-based number of the current data record: pandas' default index.</summary>
    public long RowIndex
    {
        get
        {
            var segment = _records.Segments.ForRecord(_reader.RowNumber);
            return segment.Record + (_reader.RowNumber - segment.OutRecord) - 1;
        }
    }

    /// <summary>Data records in the whole file, skipped ones included; valid once <see cref="Read"/> returned false.</summary>
    public long DataRecords => _records.RecordsScanned is { } scanned ? Math.Max(0, scanned - 1) : _lastRowIndex + 1;

    /// <summary>Bytes of compressed (or plain) input consumed so far, for progress.</summary>
    public long InputPosition => _records.Source.Stream is CheckedGzipStream gz ? gz.CompressedPosition : _records.Source.Stream.Position;

    public long InputLength => _records.Source.Stream is CheckedGzipStream gz ? gz.CompressedLength : _records.Source.Stream.Length;

    /// <summary>Called about every MiB of input, on the reading thread, even while rows are being skipped.</summary>
    public Action? ChunkRead
    {
        get => _records.ChunkTaken;
        set => _records.ChunkTaken = value;
    }

    /// <summary>From here on, rows whose <paramref name="column"/> is not an integer of <paramref name="keys"/>
    /// may be skipped without being parsed: <see cref="Read"/> returns every other row, and maybe some of
    /// those (a row it must judge, e.g. one with the wrong number of fields). Callers still check each row.</summary>
    public void SkipRowsUnless(int column, KeySet keys) => _records.Filter(column, keys);

    /// <summary>A line as CsvHelper counts it (in the records it was given) as a line of the file.</summary>
    long FileLine(long csvLine)
    {
        if (csvLine <= 0)
            return csvLine;
        var segment = _records.Segments.ForLine(csvLine);
        return segment.Line + (csvLine - segment.OutLine);
    }

    public int? TryColumn(string name) => _columns.TryGetValue(name, out var i) ? i : null;

    public int Column(string name) => TryColumn(name) ?? throw new CsvInputException(
        FilePath, 1, MissingColumn(name), CsvProblem.MissingColumn);

    /// <summary>What the header lacks of the <paramref name="required"/> columns, one message each (line 1):
    /// the rule <c>build</c>'s preflight and <c>check</c> share.</summary>
    public IEnumerable<string> HeaderProblems(IReadOnlyCollection<string> required) =>
        Headers is [] or [""]
            ? [$"the file has no header row; expected the columns {string.Join(", ", required)}"]
            : required.Where(name => TryColumn(name) is null).Select(MissingColumn);

    static string MissingColumn(string name) => $"the header has no column '{name}' (names are matched ignoring case)";

    public bool Read()
    {
        bool more;
        try
        {
            more = _reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new CsvInputException(FilePath, FileLine(e.LineNumber), "a record cannot be read (larger than 16 MB: an unclosed quote?)", CsvProblem.Malformed);
        }
        ThrowIfMalformed();
        if (more && _records.RecordsScanned is null)
            _lastRowIndex = RowIndex;
        return more;
    }

    /// <summary>The record exactly as in the input, without its line break.</summary>
    public ReadOnlySpan<byte> RawRecord => _reader.RawRecord;

    public int FieldCount => _reader.FieldCount;

    /// <summary>The unescaped UTF-8 value of a field.</summary>
    public ReadOnlySpan<byte> Span(int column) => _reader.GetSpan(column);

    /// <summary>The bytes of a field exactly as in the input (quotes included).</summary>
    public ReadOnlySpan<byte> RawField(int column) => _reader.GetRawSpan(column);

    /// <summary>A field as text; invalid UTF-8 is an error naming file and line.</summary>
    public string GetString(int column)
    {
        var span = _reader.GetSpan(column);
        if (!Utf8.IsValid(span))
            throw InvalidUtf8();
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>All fields of the current record as text.</summary>
    public string[] GetAll()
    {
        var values = new string[_reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
            values[i] = GetString(i);
        return values;
    }

    public void RequireValidUtf8()
    {
        if (!Utf8.IsValid(_reader.RawRecord))
            throw InvalidUtf8();
    }

    CsvInputException InvalidUtf8() => new(FilePath, Line, "the record is not valid UTF-8", CsvProblem.InvalidUtf8);

    void ThrowIfMalformed()
    {
        if (_malformed is not { } m)
            return;
        var reason = m.Reason switch
        {
            CsvMalformedReason.FieldCountMismatch => $"wrong number of fields (the header has {Headers?.Count ?? 0})",
            CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
            CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
            CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
            _ => $"malformed record ({m.Reason})",
        };
        throw new CsvInputException(FilePath, FileLine(m.LineNumber), reason, CsvProblem.Malformed);
    }

    public void Dispose() => _reader.Dispose();
}
