using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

using MimicEye.Csv;
using MimicEye.Pipeline.Writing;
using MimicEye.Tests.Support;

using Xunit.Abstractions;

namespace MimicEye.Tests.Reliability;

/// <summary>Issue 6 §6: hundreds of seeded malformed tables through the CSV reader and a fan-out pass. Each
/// either fails with a <see cref="CsvInputException"/> naming the file and line (the file alone for a broken
/// .gz), or, when an independent strict reading (<see cref="CsvOracle"/>) finds it valid, gives exactly its
/// rows: the same fields, and per patient the same record bytes in source order. No other exception, no
/// hang, and no table the strict reading rejects is ever accepted (rows would be lost silently).</summary>
public class CsvFuzzTests(ITestOutputHelper log)
{
    const int Cases = 400;
    static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void Malformed_tables_give_a_located_error_or_exactly_their_rows_never_a_crash_or_a_hang()
    {
        using var temp = new TempDir("fuzz");
        var tally = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<string>();
        Parallel.For(0, Cases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var table = new FuzzTable(seed);
            var dir = temp.Sub(seed.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, table.Gzip ? "table.csv.gz" : "table.csv");
            var bytes = table.Gzip ? SourceTreeBuilder.Compress(table.Bytes) : table.Bytes;
            if (table.TruncateGzip)
                bytes = bytes[..table.CutGzipAt(bytes.Length)];
            File.WriteAllBytes(path, bytes);
            var records = table.TruncateGzip ? null : CsvOracle.Parse(table.Bytes);
            var subject = records?[0].Fields.FindIndex(f => Encoding.UTF8.GetString(f) == "subject_id") ?? -1;
            var what = $"seed {seed} ({(table.Gzip ? "gzip" : "plain")}{(table.TruncateGzip ? ", gzip cut short" : "")}; "
                + $"{(table.Mutations.Count == 0 ? "no mutation" : string.Join(", ", table.Mutations))})";

            var readerValid = records is not null && subject >= 0 && records.Skip(1).All(r => r.Fields.All(f => Utf8.IsValid(f)));
            var read = Outcome(path, readerValid, () => ReadAll(path, readerValid ? records : null), failures, what + ", reader");
            tally.AddOrUpdate("reader: " + read, 1, (_, n) => n + 1);

            var fanOutValid = records is not null && subject >= 0 && records.Skip(1).All(r => SlotOf(r, subject) < 0 || Utf8.IsValid(r.Raw));
            var fanned = Outcome(path, fanOutValid, () => FanOut(path, dir, fanOutValid ? records : null, subject), failures, what + ", fan-out");
            tally.AddOrUpdate("fan-out: " + fanned, 1, (_, n) => n + 1);
            foreach (var huge in table.Mutations.Where(m => m is FuzzTable.HugeRecord or FuzzTable.HugeUnclosed))
                tally.AddOrUpdate($"{huge}: {fanned}", 1, (_, n) => n + 1);
        });

        foreach (var (outcome, count) in tally.OrderBy(t => t.Key, StringComparer.Ordinal))
            log.WriteLine($"{outcome}: {count}");
        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(15)));
        Assert.True(tally.GetValueOrDefault($"{FuzzTable.HugeUnclosed}: rejected: Malformed") >= 4, "too few unclosed quotes before 17 MB");
        Assert.True(tally.GetValueOrDefault("fan-out: valid, identical rows") >= 50, "too few valid variants to compare");
        Assert.True(tally.Where(t => t.Key.StartsWith("fan-out: rejected", StringComparison.Ordinal)).Sum(t => t.Value) >= 150, "too few malformed variants");
    }

    /// <summary>Runs one pass under a time limit and judges it; returns the outcome's name.</summary>
    static string Outcome(string path, bool valid, Action pass, ConcurrentBag<string> failures, string what)
    {
        var task = Task.Run(pass);
        Exception? error = null;
        try
        {
            if (!task.Wait(s_timeout))
            {
                failures.Add($"{what}: no result within {s_timeout.TotalSeconds} s (a hang)");
                return "hang";
            }
        }
        catch (AggregateException e)
        {
            error = e.InnerException;
        }
        switch (error)
        {
            case null when valid:
                return "valid, identical rows";
            case null:
                failures.Add($"{what}: accepted, but the strict reading rejects the table (rows may be lost silently)");
                return "accepted malformed";
            case CsvInputException csv:
                if (csv.FilePath != path || !csv.Message.StartsWith(path, StringComparison.Ordinal))
                    failures.Add($"{what}: the error does not name the file: {csv.Message}");
                else if (csv.Problem != CsvProblem.CorruptGzip && (csv.Line < 1 || !csv.Message.Contains($", line {csv.Line}: ", StringComparison.Ordinal)))
                    failures.Add($"{what}: the error does not name the line: {csv.Message}");
                if (valid)
                    failures.Add($"{what}: a valid table was rejected: {csv.Message}");
                return "rejected: " + csv.Problem;
            case Xunit.Sdk.XunitException assertion:
                failures.Add($"{what}: {assertion.Message}");
                return "wrong rows";
            default:
                failures.Add($"{what}: crashed with {error.GetType().Name}: {error.Message}");
                return "crash: " + error.GetType().Name;
        }
    }

    /// <summary>Reads every record; with the strict reading's records, checks the fields are theirs.</summary>
    static void ReadAll(string path, List<CsvOracle.Record>? records)
    {
        using var reader = CsvFiles.Read(path);
        reader.Column("subject_id");
        var row = 0;
        while (reader.Read())
        {
            row++;
            var fields = reader.GetAll();
            if (records is null)
                continue;
            Assert.True(row < records.Count, "more records than the strict reading");
            Assert.Equal(records[row].Fields.Select(f => Encoding.UTF8.GetString(f)), fields);
        }
        if (records is not null)
            Assert.True(row == records.Count - 1, $"{row} records read, the strict reading has {records.Count - 1}");
    }

    /// <summary>One fan-out pass; with the strict reading's records, checks each patient file holds exactly theirs.</summary>
    static void FanOut(string path, string dir, List<CsvOracle.Record>? records, int subject)
    {
        var output = Path.Combine(dir, "patients");
        var result = TableFanOut.Run(new FanOutJob(path, reader => RowRouters.ByNumber(reader.Column("subject_id"), FuzzTable.Slots),
            slot => Path.Combine(output, $"patient_{slot}.csv")), CancellationToken.None);
        if (records is null)
            return;
        Assert.Equal(records.Count - 1, result.RowsRead);
        var header = CsvFiles.HeaderLine(records[0].Fields.Select(f => Encoding.UTF8.GetString(f)), indexColumn: false);
        foreach (var slot in FuzzTable.Slots.Values)
        {
            var rows = records.Skip(1).Where(r => SlotOf(r, subject) == slot).ToList();
            var file = Path.Combine(output, $"patient_{slot}.csv");
            Assert.True(rows.Count > 0 == File.Exists(file), $"patient {slot}: {rows.Count} rows, file {(File.Exists(file) ? "present" : "absent")}");
            if (rows.Count == 0)
                continue;
            byte[] expected = [.. header, .. rows.SelectMany(r => (byte[])[.. r.Raw, (byte)'\n'])];
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"patient {slot}: the rows are not the source records byte for byte");
        }
    }

    /// <summary>The oracle's routing: the unescaped subject_id parses whole as a number of a routed subject.</summary>
    static int SlotOf(CsvOracle.Record record, int subject)
    {
        var field = record.Fields[subject];
        return Utf8Parser.TryParse(field, out long id, out var used) && used == field.Length && FuzzTable.Slots.TryGetValue(id, out var slot) ? slot : -1;
    }
}
