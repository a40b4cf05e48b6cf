using System.Globalization;
using System.Text;

using MimicEye.Csv;

namespace MimicEye.Tests.Performance;

/// <summary>The scanner's fast path drops exactly the rows that are certainly well formed and certainly not
/// wanted, and stops at every other one (the general path judges those): checked over random rows, quoted
/// fields among them, against the rule written plainly on top of the general path's reading of each row.</summary>
public class RecordScannerTests
{
    static readonly long[] Wanted = [10000032, 10000117, 19999999, 42, 7];
    static readonly KeySet Keys = new(Wanted);

    [Theory]
    [InlineData(0, 11)]
    [InlineData(1, 16)]
    [InlineData(3, 5)]
    [InlineData(4, 5)]
    public void Drops_exactly_the_rows_that_are_well_formed_and_not_wanted(int keyColumn, int fields)
    {
        var random = new Random(keyColumn * 100 + fields);
        var rows = Enumerable.Range(0, 20_000).Select(_ => Row(random, keyColumn, fields)).ToList();
        var data = Encoding.ASCII.GetBytes(string.Concat(rows.Select(r => r + "\n")));

        var offset = 0;
        var row = 0;
        while (row < rows.Count)
        {
            var start = offset;
            var skipped = RecordScanner.SkipRun(data.AsSpan(offset), keyColumn, fields, Keys, out var records);
            for (var i = 0; i < records; i++, row++)
            {
                Assert.True(Droppable(rows[row], keyColumn, fields), $"row {row} was dropped: {rows[row]}");
                offset += rows[row].Length + 1;
            }
            Assert.Equal(offset, start + skipped);
            if (row == rows.Count)
                break;
            // Stopped: the row must need the general path, unless it ends in the tail that the fast path leaves
            // to the general path (it reads whole blocks).
            var nearEnd = offset + rows[row].Length >= data.Length - RecordScanner.BlockBytes;
            Assert.True(nearEnd || !Droppable(rows[row], keyColumn, fields), $"stopped at droppable row {row}: {rows[row]}");
            offset += rows[row].Length + 1;
            row++;
        }
        Assert.Equal(data.Length, offset);
    }

    [Fact]
    public void Offsets_and_counts_add_up_over_a_run()
    {
        var data = "1,10000001,a\n2,10000002,b\n3,10000032,c\n4,10000003,d\n"u8.ToArray().Concat(new byte[40].Select(_ => (byte)'x')).ToArray();
        var skipped = RecordScanner.SkipRun(data, 1, 3, Keys, out var records);
        Assert.Equal(2, records);
        Assert.Equal("1,10000001,a\n2,10000002,b\n".Length, skipped);
    }

    /// <summary>A row of <paramref name="fields"/> fields: mostly MIMIC-like (8-digit key, plain text), sometimes
    /// wanted, short or long keys, a key that is not a number or is quoted, long fields before the key, quoted
    /// fields (commas, escaped quotes, a CR inside), broken quoting, a line break inside quotes, a CRLF, a
    /// wrong field count or a blank line.</summary>
    static string Row(Random random, int keyColumn, int fields)
    {
        var cells = new string[fields];
        for (var i = 0; i < fields; i++)
            cells[i] = random.Next(12) switch
            {
                0 => "",
                1 => random.Next(1000).ToString(CultureInfo.InvariantCulture),
                2 => "2180-07-23 21:45:00",
                3 when random.Next(4) == 0 => "\"x, y\"",
                4 when random.Next(4) == 0 => "\"said \"\"hi\"\"\"",
                5 when random.Next(8) == 0 => "\"\"",
                6 when random.Next(16) == 0 => "\"a\rb\"",
                7 when random.Next(40) == 0 => "a\"b",
                8 when random.Next(40) == 0 => "\"a\"b",
                9 when random.Next(40) == 0 => "\"two\nlines\"",
                10 when random.Next(40) == 0 => "a\"b\"",
                _ => new string('v', random.Next(1, 12)),
            };
        cells[keyColumn] = random.Next(40) switch
        {
            0 => Wanted[random.Next(Wanted.Length)].ToString(CultureInfo.InvariantCulture),
            1 => random.Next(100).ToString(CultureInfo.InvariantCulture),
            2 => "1000003a",
            3 => "",
            4 => random.NextInt64(100_000_000, 10_000_000_000).ToString(CultureInfo.InvariantCulture),
            5 => $"\"{Wanted[random.Next(Wanted.Length)]}\"",
            6 => $"\"{random.Next(10_000_000, 20_000_000)}\"",
            _ => random.Next(10_000_000, 20_000_000).ToString(CultureInfo.InvariantCulture),
        };
        if (keyColumn > 0 && random.Next(10) == 0)
            cells[keyColumn - 1] = random.Next(2) == 0 ? new string('w', 40) : "\"w, w\"";
        var row = string.Join(',', cells);
        return random.Next(60) switch
        {
            0 => row + ",extra",
            1 => row + ",\"unclosed",
            2 => row + "\r",
            3 => "",
            _ => row,
        };
    }

    /// <summary>The rule, plainly, on the general path's reading of the row alone: one well-formed record on one
    /// line with the header's field count, no CR outside quotes, no quote before the key's end (the fast path
    /// leaves quoted keys to the general path), and a key that is not an integer of the set.</summary>
    static bool Droppable(string row, int keyColumn, int fields)
    {
        var bytes = Encoding.ASCII.GetBytes(row + "\n");
        if (RecordScanner.Scan(bytes, atEnd: true, keyColumn, out var record) != ScanResult.Record || record.End != bytes.Length)
            return false;
        if (record.Lines != 1 || record.Fields != fields || record.ContentEnd != row.Length)
            return false;
        var quoteBeforeKeyEnd = row.IndexOf('"', StringComparison.Ordinal) is var q && q >= 0 && q <= record.KeyEnd;
        if (quoteBeforeKeyEnd)
            return false;
        var key = row[record.KeyStart..record.KeyEnd];
        return !(key.Length > 0 && key.All(char.IsAsciiDigit) && Wanted.Contains(long.Parse(key, CultureInfo.InvariantCulture)));
    }
}
