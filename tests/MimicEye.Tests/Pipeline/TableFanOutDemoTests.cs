using System.IO.Compression;
using System.Text;

using MimicEye.Pipeline.Writing;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Pipeline;

/// <summary>The writer over the real, openly licensed MIMIC-IV demo, read in place: every per-patient file
/// holds exactly the source rows of that subject, byte for byte, in source order.</summary>
public class TableFanOutDemoTests
{
    [DemoFact]
    public void Every_demo_table_fans_out_byte_identical_rows_per_subject()
    {
        var demo = RepoPaths.MimicIvDemo!;
        using var temp = new TempDir("fanout");
        var tables = Directory.GetFiles(Path.Combine(demo, "hosp"), "*.csv.gz").Concat(Directory.GetFiles(Path.Combine(demo, "icu"), "*.csv.gz")).Order().ToList();
        Assert.True(tables.Count >= 29);
        var checkedTables = 0;
        foreach (var table in tables)
        {
            var lines = ReadLines(table);
            var subjectColumn = Array.IndexOf(lines[0].Split(','), "subject_id");
            if (subjectColumn < 0)
                continue;
            // Every third subject of the table, so rows of other subjects must be left out.
            var subjects = lines.Skip(1).Select(l => l.Split(',')[subjectColumn]).Distinct().Order().Where((_, i) => i % 3 == 0).ToList();
            var slots = subjects.Select((s, i) => (long.Parse(s), i)).ToDictionary(p => p.Item1, p => p.i);
            var name = Path.GetFileName(table).Replace(".csv.gz", "");
            var result = TableFanOut.Run(new FanOutJob(table,
                reader => RowRouters.ByNumber(reader.Column("subject_id"), slots),
                slot => Path.Combine(temp.Path, "patient_" + subjects[slot], name + ".csv")), CancellationToken.None);

            Assert.Equal(lines.Count - 1, result.RowsRead);
            var bySubject = lines.Skip(1).ToLookup(l => l.Split(',')[subjectColumn]);
            foreach (var subject in subjects)
            {
                var expected = bySubject[subject].ToList();
                var path = Path.Combine(temp.Path, "patient_" + subject, name + ".csv");
                var actual = File.ReadAllText(path, Encoding.UTF8).Split('\n');
                Assert.Equal(lines[0], actual[0]);
                Assert.Equal(expected, actual.Skip(1).SkipLast(1).ToList());
                Assert.Equal("", actual[^1]);
            }
            Assert.Equal(subjects.Sum(s => bySubject[s].Count()), result.RowsRouted);
            Assert.Equal(subjects.Count, result.RowsBySlot.Count);
            checkedTables++;
        }
        Assert.True(checkedTables >= 20, $"only {checkedTables} tables with subject_id");
    }

    /// <summary>The demo has no embedded newlines (record count equals line count), so lines are records.</summary>
    static List<string> ReadLines(string gz)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gz), CompressionMode.Decompress), Encoding.UTF8);
        return [.. reader.ReadToEnd().Split('\n').Where(l => l.Length > 0)];
    }
}
