using System.Text;

using MimicEye.Samples;

namespace MimicEye.Tests.Samples;

public class SampleWriterTests
{
    [Fact]
    public void SplitMix64_gives_its_reference_sequence()
    {
        // The first outputs of SplitMix64 seeded with 0 (Steele et al.; the reference C implementation).
        var rng = new Prng(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.NextUInt64());
    }

    [Fact]
    public void Derived_streams_for_neighbouring_indexes_do_not_overlap()
    {
        var a = Prng.Derive(1, "x", 0);
        var b = Prng.Derive(1, "x", 1);
        var first = Enumerable.Range(0, 64).Select(_ => a.NextUInt64()).ToHashSet();
        Assert.DoesNotContain(Enumerable.Range(0, 64).Select(_ => b.NextUInt64()), first.Contains);
    }

    [Theory]
    [InlineData(8, 5, 56, 875, "80556.875")]
    [InlineData(0, 0, 52, 62, "52.062")]
    [InlineData(0, 42, 28, 656, "4228.656")]
    [InlineData(12, 48, 28, 0, "124828.0")]
    [InlineData(23, 9, 33, 250, "230933.25")]
    public void StudyTime_is_written_like_a_pandas_float(int h, int m, int s, int ms, string expected) =>
        Assert.Equal(expected, SampleTime.StudyTime(new DateTime(2180, 5, 6, h, m, s, ms)));

    [Fact]
    public void Rows_are_quoted_only_when_needed_and_end_with_the_chosen_newline()
    {
        using var lf = new MemoryStream();
        var w = new CsvRowWriter(lf);
        w.Row("plain", "a,b", "say \"hi\"", "two\nlines", null, "");
        w.Scaled(-489, 1);
        w.Scaled(7, 3);
        w.Time(new DateTime(2142, 8, 3, 21, 6, 0, 90), millis: true);
        w.EndRow();
        w.Flush();
        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\n-48.9,0.007,2142-08-03 21:06:00.090\n", Encoding.UTF8.GetString(lf.ToArray()));

        using var crlf = new MemoryStream();
        var r = new CsvRowWriter(crlf, crlf: true);
        r.Row(",", "x");
        r.Flush();
        Assert.Equal("\",\",x\r\n", Encoding.UTF8.GetString(crlf.ToArray()));
    }
}
