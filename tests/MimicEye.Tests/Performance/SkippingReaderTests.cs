using System.IO.Compression;
using System.Text;

using MimicEye.Csv;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Performance;

/// <summary>A reader told to skip rows of other ids (SkipRowsUnless) returns the same wanted rows, with the
/// same row index and line, as a reader that parses everything; problems in skipped rows are still errors
/// naming the file's line.</summary>
public class SkippingReaderTests
{
    static readonly KeySet Wanted = new([100, 105, 117, 142, 10000103, 10000142, 19999999]);

    [Theory]
    [InlineData(false, 3000)]
    [InlineData(true, 3000)]
    [InlineData(true, 400_000)]
    public void Skipping_returns_the_wanted_rows_with_their_index_and_line(bool gzip, int rows)
    {
        using var temp = new TempDir("skip");
        var path = Write(temp, Table(rows), gzip);
        var all = Rows(path, skip: false, out var total);
        var skipped = Rows(path, skip: true, out var totalSkipped);
        Assert.Equal(rows, total);
        Assert.Equal(total, totalSkipped);
        Assert.True(all.Count > 10);
        Assert.Equal(all, skipped);
    }

    [Theory]
    [InlineData("7,118,a,b\n", 5002, "wrong number of fields")]
    [InlineData("7,118,\"a\"x,b,c\n", 5002, "text after the closing quote")]
    [InlineData("7,118,a\"b,c,d\n", 5002, "a quote inside an unquoted field")]
    public void A_bad_row_among_skipped_rows_is_an_error_at_its_line(string bad, long line, string reason)
    {
        using var temp = new TempDir("skip");
        var table = Table(5000);
        var lines = table.Split('\n');
        var physical = lines.Length;
        // After the last record: its line is the file's line count so far plus one.
        var text = table + bad + "8,100,x,y,z\n";
        var path = Write(temp, text, gzip: true);
        var expectedLine = text[..text.IndexOf(bad, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.True(physical > 5000 && expectedLine >= line);
        var e = Assert.Throws<CsvInputException>(() => Rows(path, skip: true, out _));
        Assert.Equal(expectedLine, e.Line);
        Assert.Contains(reason, e.Message);
    }

    /// <summary>Rows of ids 100–149 and 10000100–10000149 (142 quoted, some with commas, escaped quotes and line breaks in a
    /// quoted field), a blank line and CRLF line ends here and there.</summary>
    static string Table(int rows)
    {
        var text = new StringBuilder("row_id,subject_id,a,b,comment\n");
        var random = new Random(5);
        for (var i = 0; i < rows; i++)
        {
            // Short ids, and 8-digit ones like MIMIC's subject_ids (parsed as one word by the scanner).
            var id = (i % 3 == 0 ? 100 : 10000100) + random.Next(50);
            var subject = id is 142 or 10000142 ? $"\"{id}\"" : i % 97 == 0 ? "19999999" : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var comment = (i % 7) switch
            {
                0 => "\"x, y\"",
                1 => "\"said \"\"hi\"\"\"",
                2 when i % 3 == 0 => "\"two\nlines\"",
                _ => "plain",
            };
            text.Append(i).Append(',').Append(subject).Append(',').Append(random.Next()).Append(",b,").Append(comment);
            text.Append(i % 11 == 0 ? "\r\n" : "\n");
            if (i == rows / 2)
                text.Append('\n');
        }
        return text.ToString();
    }

    static string Write(TempDir temp, string text, bool gzip)
    {
        var path = temp.Sub(gzip ? "t.csv.gz" : "t.csv");
        using var file = File.Create(path);
        using Stream output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        output.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    static List<(long Row, long Line, string Raw)> Rows(string path, bool skip, out long total)
    {
        using var reader = CsvFiles.Read(path);
        var subject = reader.Column("subject_id");
        if (skip)
            reader.SkipRowsUnless(subject, Wanted);
        var rows = new List<(long, long, string)>();
        while (reader.Read())
        {
            if (Wanted.ContainsNumber(reader.Span(subject)))
                rows.Add((reader.RowIndex, reader.Line, Encoding.UTF8.GetString(reader.RawRecord)));
        }
        total = reader.DataRecords;
        return rows;
    }
}
