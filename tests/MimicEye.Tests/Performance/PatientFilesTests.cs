using System.Security.Cryptography;
using System.Text;

using MimicEye.Pipeline.Output;
using MimicEye.Pipeline.Writing;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Performance;

/// <summary>The bounded per-patient buffers: flushing early (a budget of a few bytes) writes the same bytes
/// as never flushing before the end.</summary>
public class PatientFilesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_tiny_budget_gives_the_same_files_as_no_flush(bool indexColumn)
    {
        using var temp = new TempDir("patientfiles");
        var header = Encoding.UTF8.GetBytes("subject_id,value\n");
        var rows = Enumerable.Range(0, 5000).Select(i => (Slot: (i * 7919) % 37, Text: $"{10000000 + ((i * 7919) % 37)},\"v {i}, with a comma\"")).ToList();

        var flushes = Write(temp.Sub("tiny"), header, indexColumn, rows, budget: 64);
        Write(temp.Sub("none"), header, indexColumn, rows, budget: long.MaxValue);

        Assert.True(flushes > 100, $"only {flushes} flushes");
        var tiny = Directory.GetFiles(temp.Sub("tiny")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(37, tiny.Count);
        Assert.Equal(tiny, Directory.GetFiles(temp.Sub("none")).Select(Path.GetFileName).Order().ToList());
        foreach (var name in tiny)
            Assert.Equal(File.ReadAllBytes(temp.Sub("none", name!)), File.ReadAllBytes(temp.Sub("tiny", name!)));
        var slot3 = File.ReadAllText(temp.Sub("tiny", "3.csv"));
        var expected = "subject_id,value\n" + string.Concat(rows.Select((r, i) => (r, i)).Where(p => p.r.Slot == 3)
            .Select(p => (indexColumn ? $"{p.i}," : "") + p.r.Text + "\n"));
        Assert.Equal(expected, slot3);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(long.MaxValue)]
    public void The_hash_recorded_at_commit_is_the_hash_of_the_file(long budget)
    {
        using var temp = new TempDir("patientfiles");
        var rows = Enumerable.Range(0, 2000).Select(i => (Slot: i % 7, Text: $"{i},\"row {i}\"")).ToList();
        var registry = OutputRegistry.Begin();
        try
        {
            Write(temp.Path, "id,text\n"u8.ToArray(), indexColumn: false, rows, budget);
        }
        finally
        {
            OutputRegistry.End();
        }
        Assert.Equal(7, registry.Files.Count);
        foreach (var file in registry.Files)
        {
            var facts = registry.FactsOf(file);
            Assert.Equal(new FileInfo(file).Length, facts.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), facts.Sha256);
        }
    }

    [Fact]
    public void A_failed_table_leaves_no_temporary_files()
    {
        using var temp = new TempDir("patientfiles");
        using (var files = new PatientFiles(slot => temp.Sub($"{slot}.csv"), "h\n"u8.ToArray(), indexColumn: false, budgetBytes: 16))
        {
            for (var i = 0; i < 100; i++)
                files.Append(i % 5, i, Encoding.UTF8.GetBytes($"row {i}"));
        }
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_leftover_temporary_file_is_replaced_not_appended_to()
    {
        using var temp = new TempDir("patientfiles");
        // A temporary file under the name this table will use, longer than what it writes (a failed earlier try).
        File.WriteAllText(AtomicFile.TempPath(temp.Sub("0.csv")), new string('x', 500));
        Write(temp.Path, "h\n"u8.ToArray(), indexColumn: false, [(0, "a"), (0, "b")], long.MaxValue);
        Assert.Equal("h\na\nb\n", File.ReadAllText(temp.Sub("0.csv")));
        Assert.False(File.Exists(AtomicFile.TempPath(temp.Sub("0.csv"))));
    }

    static int Write(string folder, byte[] header, bool indexColumn, List<(int Slot, string Text)> rows, long budget)
    {
        using var files = new PatientFiles(slot => Path.Combine(folder, $"{slot}.csv"), header, indexColumn, budget);
        for (var i = 0; i < rows.Count; i++)
            files.Append(rows[i].Slot, i, Encoding.UTF8.GetBytes(rows[i].Text));
        files.Commit();
        Assert.Equal(rows.Count, files.RowsBySlot.Values.Sum());
        return files.Flushes;
    }
}
