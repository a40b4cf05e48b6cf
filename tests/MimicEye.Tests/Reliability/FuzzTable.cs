using System.Globalization;
using System.Text;

namespace MimicEye.Tests.Reliability;

/// <summary>Seeded CSV tables for the fuzz test: a valid table (random quoting, commas, quotes, line breaks
/// and NUL inside quoted notes, multi-byte UTF-8, LF or CR LF line ends), then, for most seeds, one to three
/// hostile byte mutations at random places. Same seed, same bytes.</summary>
sealed class FuzzTable
{
    public static readonly long[] Subjects = [10000032, 10000084, 10000117, 10000980, 10001217, 10001725];

    /// <summary>Subjects routed to a patient file (slot = index); the others' rows are read and left out.</summary>
    public static readonly Dictionary<long, int> Slots = Subjects.Take(4).Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);

    public const int HugeRecordBytes = 17 << 20;
    public const string HugeRecord = "a 17 MB record", HugeUnclosed = "an unclosed quote before 17 MB";

    readonly Random _random;

    public FuzzTable(int seed)
    {
        _random = new Random(seed);
        var valid = Valid();
        Mutations = [];
        var bytes = valid.ToList();
        var hostile = _random.NextDouble() < 0.7 ? _random.Next(1, 4) : 0;
        for (var m = 0; m < hostile; m++)
            Mutate(bytes);
        // Now and then 17 MB at the start of line 2: a well-formed huge record (read whole), or after a quote
        // that is never closed (which must not swallow the rest of a table into one record).
        if (seed % 25 == 7)
        {
            var unclosed = seed % 50 == 7;
            Mutations.Add(unclosed ? HugeUnclosed : HugeRecord);
            bytes.InsertRange(bytes.IndexOf((byte)'\n') + 1, [.. unclosed ? "\""u8 : [], .. Enumerable.Repeat((byte)'x', HugeRecordBytes)]);
        }
        Bytes = [.. bytes];
        Gzip = _random.NextDouble() < 0.2;
        TruncateGzip = Gzip && _random.NextDouble() < 0.4;
    }

    public byte[] Bytes { get; }

    public List<string> Mutations { get; }

    public bool Gzip { get; }

    /// <summary>The .gz file is cut short (as a broken download): the read must fail, never succeed with fewer rows.</summary>
    public bool TruncateGzip { get; }

    public int CutGzipAt(int length) => _random.Next(10, Math.Max(11, length - 1));

    byte[] Valid()
    {
        var lineEnd = _random.NextDouble() < 0.3 ? "\r\n" : "\n";
        var text = new StringBuilder("subject_id,hadm_id,charttime,note,value").Append(lineEnd);
        var rows = _random.Next(1, 60);
        for (var r = 0; r < rows; r++)
        {
            var subject = Subjects[_random.Next(Subjects.Length)];
            string[] fields =
            [
                subject.ToString(CultureInfo.InvariantCulture),
                (20000000 + _random.Next(1000)).ToString(CultureInfo.InvariantCulture),
                _random.NextDouble() < 0.1 ? "" : $"2180-0{_random.Next(1, 10)}-1{_random.Next(10)} 1{_random.Next(10)}:0{_random.Next(10)}:00",
                Note(),
                (_random.NextDouble() * 100).ToString("0.###", CultureInfo.InvariantCulture),
            ];
            text.AppendJoin(',', fields.Select(Quote)).Append(r == rows - 1 && _random.NextDouble() < 0.2 ? "" : lineEnd);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    string Note()
    {
        string[] parts = ["pain", "a, b", "said \"ok\"", "line\nbreak", "cr\r\nlf", "é中", "nul\0byte", " spaced ", ""];
        return string.Concat(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => parts[_random.Next(parts.Length)]));
    }

    string Quote(string field)
    {
        var needs = field.IndexOfAny([',', '"', '\n', '\r']) >= 0;
        return needs || _random.NextDouble() < 0.2 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    void Mutate(List<byte> bytes)
    {
        var at = _random.Next(bytes.Count + 1);
        switch (_random.Next(10))
        {
            case 0:
                Insert(bytes, at, "quote", "\""u8);
                break;
            case 1:
                Insert(bytes, at, "separator", ","u8);
                break;
            case 2:
                Insert(bytes, at, "line break", _random.Next(3) switch { 0 => "\n"u8, 1 => "\r\n"u8, _ => "\r"u8 });
                break;
            case 3:
                Insert(bytes, at, "NUL", [0]);
                break;
            case 4:
                byte[][] invalid = [[0xFF], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80]];
                Insert(bytes, at, "invalid UTF-8", invalid[_random.Next(invalid.Length)]);
                break;
            case 5:
                Mutations.Add($"truncation at {at}");
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 6:
                InsertHuge(bytes, at, _random.Next(1, 3) << 20);
                break;
            case 7 when bytes.Count > 0:
                Mutations.Add($"byte deleted at {Math.Min(at, bytes.Count - 1)}");
                bytes.RemoveAt(Math.Min(at, bytes.Count - 1));
                break;
            case 8:
                var header = Encoding.UTF8.GetBytes("subject_id");
                var index = IndexOf(bytes, header);
                if (index >= 0)
                {
                    Mutations.Add("header lost subject_id");
                    bytes[index + 7] = (byte)'-';
                }
                break;
            default:
                Insert(bytes, at, "quote pair", "\"\""u8);
                break;
        }
    }

    void InsertHuge(List<byte> bytes, int at, int size)
    {
        var quoted = _random.NextDouble() < 0.5;
        Mutations.Add($"huge field ({size >> 20} MB{(quoted ? ", quoted" : "")}) at {at}");
        bytes.InsertRange(at, [.. quoted ? "\""u8 : [], .. Enumerable.Repeat((byte)'x', size), .. quoted ? "\""u8 : []]);
    }

    void Insert(List<byte> bytes, int at, string what, ReadOnlySpan<byte> insert)
    {
        Mutations.Add($"{what} at {at}");
        bytes.InsertRange(at, insert.ToArray());
    }

    static int IndexOf(List<byte> bytes, byte[] value)
    {
        // The header is the first line.
        for (var i = 0; i + value.Length <= Math.Min(bytes.Count, 256); i++)
        {
            if (bytes.Skip(i).Take(value.Length).SequenceEqual(value))
                return i;
        }
        return -1;
    }
}
