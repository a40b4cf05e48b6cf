namespace MimicEye.Samples;

/// <summary>Time formats of the sources, written digit by digit (no culture, no allocation).</summary>
static class SampleTime
{
    /// <summary><c>YYYY-MM-DD HH:MM:SS[.fff]</c> into <paramref name="into"/>; returns the length.</summary>
    public static int Format(DateTime t, Span<byte> into, bool millis)
    {
        var n = FormatDate(t, into);
        into[n++] = (byte)' ';
        n += Two(t.Hour, into[n..]);
        into[n++] = (byte)':';
        n += Two(t.Minute, into[n..]);
        into[n++] = (byte)':';
        n += Two(t.Second, into[n..]);
        if (millis)
        {
            into[n++] = (byte)'.';
            var ms = t.Millisecond;
            into[n++] = (byte)('0' + (ms / 100));
            n += Two(ms % 100, into[n..]);
        }
        return n;
    }

    public static int FormatDate(DateTime t, Span<byte> into)
    {
        var y = t.Year;
        into[0] = (byte)('0' + (y / 1000));
        into[1] = (byte)('0' + (y / 100 % 10));
        Two(y % 100, into[2..]);
        into[4] = (byte)'-';
        Two(t.Month, into[5..]);
        into[7] = (byte)'-';
        Two(t.Day, into[8..]);
        return 10;
    }

    /// <summary>MIMIC-CXR-JPG's <c>StudyDate</c>: <c>YYYYMMDD</c>.</summary>
    public static string StudyDate(DateTime t) => $"{t.Year:D4}{t.Month:D2}{t.Day:D2}";

    /// <summary>MIMIC-CXR-JPG's <c>StudyTime</c> as pandas wrote it: a float <c>HHMMSS.fff</c> printed the
    /// Python way, without leading zeros and with the shortest fraction (<c>80556.875</c>, <c>52.062</c>,
    /// <c>124828.0</c>, <c>230933.25</c>).</summary>
    public static string StudyTime(DateTime t)
    {
        var whole = (t.Hour * 10000) + (t.Minute * 100) + t.Second;
        var fraction = t.Millisecond == 0 ? "0" : t.Millisecond.ToString("D3", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
        return whole.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + fraction;
    }

    static int Two(int v, Span<byte> into)
    {
        into[0] = (byte)('0' + (v / 10));
        into[1] = (byte)('0' + (v % 10));
        return 2;
    }
}
