using System.Buffers;

namespace MimicEye.Csv;

enum ScanResult
{
    /// <summary>The data ends inside the record: more bytes are needed.</summary>
    Incomplete,

    /// <summary>A well-formed record (RFC 4180 quoting, LF or CRLF).</summary>
    Record,

    /// <summary>An empty line; CsvHelper skips these without counting a record.</summary>
    Blank,

    /// <summary>Something CsvHelper must judge (a stray quote, text after a closing quote, a lone CR, an
    /// unclosed quote at the end): the scan stops trusting its own record boundaries.</summary>
    Anomaly,
}

/// <summary>Where one record ends and where its key field is, found with vectorised searches: most records
/// have no quote, so a record costs one search for its line break, one count of its commas and a few
/// searches for the key field. Quoted records take a byte-by-byte path that also counts their embedded
/// line breaks.</summary>
static class RecordScanner
{
    static readonly SearchValues<byte> s_lineEndOrQuote = SearchValues.Create("\n\"\r"u8);
    static readonly SearchValues<byte> s_unquotedFieldEnd = SearchValues.Create(",\n\r\""u8);

    public record struct Scanned(int End, int ContentEnd, int Lines, int Fields, int KeyStart, int KeyEnd, bool KeyEscaped);

    /// <summary>Scans the record at the start of <paramref name="data"/>; <paramref name="keyColumn"/> -1 skips
    /// the key. At the end of the input (<paramref name="atEnd"/>) a record may end without a line break.</summary>
    public static ScanResult Scan(ReadOnlySpan<byte> data, bool atEnd, int keyColumn, out Scanned record)
    {
        record = default;
        var i = data.IndexOfAny(s_lineEndOrQuote);
        int contentEnd, end;
        if (i < 0)
        {
            if (!atEnd || data.IsEmpty)
                return ScanResult.Incomplete;
            (contentEnd, end) = (data.Length, data.Length);
        }
        else if (data[i] == '\n')
            (contentEnd, end) = (i, i + 1);
        else if (data[i] == '"')
            return ScanQuoted(data, atEnd, keyColumn, out record);
        else if (i + 1 == data.Length)
            return atEnd ? ScanResult.Anomaly : ScanResult.Incomplete;
        else if (data[i + 1] == '\n')
            (contentEnd, end) = (i, i + 2);
        else
            return ScanResult.Anomaly;
        if (contentEnd == 0)
        {
            record = new Scanned(end, 0, 1, 0, -1, -1, false);
            return ScanResult.Blank;
        }
        var content = data[..contentEnd];
        int keyStart = -1, keyEnd = -1;
        if (keyColumn >= 0)
        {
            var start = 0;
            for (var k = keyColumn; k > 0 && start >= 0; k--)
            {
                var comma = content[start..].IndexOf((byte)',');
                start = comma < 0 ? -1 : start + comma + 1;
            }
            if (start >= 0)
            {
                var comma = content[start..].IndexOf((byte)',');
                (keyStart, keyEnd) = (start, comma < 0 ? content.Length : start + comma);
            }
        }
        record = new Scanned(end, contentEnd, 1, content.Count((byte)',') + 1, keyStart, keyEnd, false);
        return ScanResult.Record;
    }

    /// <summary>The byte-by-byte path for a record with quotes: a quote opens a field only at its start,
    /// <c>""</c> is an escaped quote, and a closing quote is followed by a comma or the line break.</summary>
    static ScanResult ScanQuoted(ReadOnlySpan<byte> data, bool atEnd, int keyColumn, out Scanned record)
    {
        record = default;
        int p = 0, field = 0, lines = 1, keyStart = -1, keyEnd = -1;
        var keyEscaped = false;
        while (true)
        {
            var fieldStart = p;
            var quoted = p < data.Length && data[p] == '"';
            var escaped = false;
            if (quoted)
            {
                p++;
                while (true)
                {
                    var q = data[p..].IndexOfAny((byte)'"', (byte)'\n');
                    if (q < 0)
                        return atEnd ? ScanResult.Anomaly : ScanResult.Incomplete;
                    p += q;
                    if (data[p] == '\n')
                    {
                        lines++;
                        p++;
                        continue;
                    }
                    if (p + 1 == data.Length && !atEnd)
                        return ScanResult.Incomplete;
                    if (p + 1 < data.Length && data[p + 1] == '"')
                    {
                        escaped = true;
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
            }
            else
            {
                var u = data[p..].IndexOfAny(s_unquotedFieldEnd);
                if (u < 0)
                {
                    if (!atEnd)
                        return ScanResult.Incomplete;
                    p = data.Length;
                }
                else if (data[p + u] == '"')
                    return ScanResult.Anomaly;
                else
                    p += u;
            }
            if (field == keyColumn)
                (keyStart, keyEnd, keyEscaped) = quoted ? (fieldStart + 1, p - 1, escaped) : (fieldStart, p, false);
            if (p == data.Length)
            {
                if (!atEnd)
                    return ScanResult.Incomplete;
                record = new Scanned(p, p, lines, field + 1, keyStart, keyEnd, keyEscaped);
                return ScanResult.Record;
            }
            switch (data[p])
            {
                case (byte)',':
                    field++;
                    p++;
                    continue;
                case (byte)'\n':
                    record = new Scanned(p + 1, p, lines, field + 1, keyStart, keyEnd, keyEscaped);
                    return ScanResult.Record;
                case (byte)'\r' when p + 1 == data.Length:
                    return atEnd ? ScanResult.Anomaly : ScanResult.Incomplete;
                case (byte)'\r' when data[p + 1] == '\n':
                    record = new Scanned(p + 2, p, lines, field + 1, keyStart, keyEnd, keyEscaped);
                    return ScanResult.Record;
                default:
                    return ScanResult.Anomaly;
            }
        }
    }
}
