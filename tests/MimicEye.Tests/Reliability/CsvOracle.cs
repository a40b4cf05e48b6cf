namespace MimicEye.Tests.Reliability;

/// <summary>An independent, strict reading of the CSV dialect, to judge fuzzed tables: RFC 4180 quoting
/// (a quote only opens a field, <c>""</c> inside a quoted field), comma separators, CR, LF and CR LF as line
/// breaks (as CsvHelper counts them), empty lines skipped, every record with the header's field count.
/// Returns null for anything else. Deliberately naive (a byte loop), so it shares no code with the reader.</summary>
static class CsvOracle
{
    /// <summary>One record: its bytes as in the input without the line break, and its unescaped fields.</summary>
    public sealed record Record(byte[] Raw, List<byte[]> Fields);

    public static List<Record>? Parse(byte[] data)
    {
        var records = new List<Record>();
        var i = 0;
        while (i < data.Length)
        {
            var start = i;
            var fields = new List<byte[]>();
            var field = new List<byte>();
            var quoted = false;
            var atFieldStart = true;
            var ended = false;
            while (i < data.Length && !ended)
            {
                var b = data[i];
                if (quoted)
                {
                    if (b == '"' && i + 1 < data.Length && data[i + 1] == '"')
                    {
                        field.Add((byte)'"');
                        i += 2;
                    }
                    else if (b == '"')
                    {
                        quoted = false;
                        i++;
                        // After a closing quote: a separator, a line break or the end only.
                        if (i < data.Length && data[i] is not (byte)',' and not (byte)'\n' and not (byte)'\r')
                            return null;
                    }
                    else
                    {
                        field.Add(b);
                        i++;
                    }
                    continue;
                }
                switch (b)
                {
                    case (byte)'"' when atFieldStart:
                        quoted = true;
                        atFieldStart = false;
                        i++;
                        break;
                    case (byte)'"':
                        return null;
                    case (byte)',':
                        fields.Add([.. field]);
                        field.Clear();
                        atFieldStart = true;
                        i++;
                        break;
                    case (byte)'\n' or (byte)'\r':
                        ended = true;
                        break;
                    default:
                        field.Add(b);
                        atFieldStart = false;
                        i++;
                        break;
                }
            }
            if (quoted)
                return null;
            var raw = data[start..i];
            if (i < data.Length)
                i += data[i] == '\r' && i + 1 < data.Length && data[i + 1] == '\n' ? 2 : 1;
            if (raw.Length == 0)
                continue;
            fields.Add([.. field]);
            records.Add(new Record(raw, fields));
        }
        if (records.Count == 0 || records.Any(r => r.Fields.Count != records[0].Fields.Count))
            return null;
        return records;
    }
}
