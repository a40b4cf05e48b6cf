using System.Globalization;

namespace MimicEye.Pipeline.StayMatching;

/// <summary>Study times. CXR-JPG writes <c>StudyTime</c> as a decimal <c>HHMMSS.fff</c> WITHOUT leading zeros
/// (<c>80556.875</c> is 08:05:56.875, <c>52.062</c> is 00:00:52.062).</summary>
static class StudyTime
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Default rule: the integer part padded to six digits, the fraction rounded to milliseconds.</summary>
    public static DateTime? Parse(string studyDate, string studyTime)
    {
        if (!DateTime.TryParseExact(studyDate, "yyyyMMdd", Inv, DateTimeStyles.None, out var date))
            return null;
        if (!decimal.TryParse(studyTime, NumberStyles.AllowDecimalPoint, Inv, out var hhmmss) || hhmmss >= 1_000_000m)
            return null;
        var whole = (int)decimal.Truncate(hhmmss);
        int hours = whole / 10000, minutes = whole / 100 % 100, seconds = whole % 100;
        if (hours > 23 || minutes > 59 || seconds > 59)
            return null;
        var millis = decimal.Round((hhmmss - whole) * 1000m, MidpointRounding.AwayFromZero);
        return date.AddHours(hours).AddMinutes(minutes).AddSeconds(seconds).AddMilliseconds((double)millis);
    }

    /// <summary>SPEC §5: a <c>YYYYMMDDHHMMSS.fff</c> number with 14 integer digits.</summary>
    public static string Number(DateTime t) => t.ToString("yyyyMMddHHmmss.fff", Inv);

    public static string Iso(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ss.fff", Inv);

    /// <summary>The reference's value: <c>float(str(StudyDate) + str(StudyTime))</c> in Python, i.e. the date
    /// digits followed by the shortest round-trip text of the StudyTime double. NaN when unparseable
    /// (where the reference itself would fail).</summary>
    public static double CompatNumber(string studyDate, string studyTime)
    {
        if (!long.TryParse(studyDate, NumberStyles.None, Inv, out _)
            || !double.TryParse(studyTime, NumberStyles.Float, Inv, out var time) || !double.IsFinite(time))
            return double.NaN;
        return double.TryParse(studyDate + PythonRepr(time), NumberStyles.Float, Inv, out var value) ? value : double.NaN;
    }

    /// <summary>Python's <c>repr(float)</c> for the magnitudes met here: shortest round-trip digits, and
    /// <c>.0</c> after an integral value.</summary>
    public static string PythonRepr(double value)
    {
        var text = value.ToString("R", Inv);
        if (text.Contains('E', StringComparison.Ordinal))
        {
            // Python switches to exponent form only from 1e16; below that it writes all digits.
            text = value.ToString("F0", Inv);
        }
        return text.Contains('.', StringComparison.Ordinal) || text.Contains("NaN", StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>The reference's ED time number: the timestamp with '-', '/', ' ' and ':' removed, as a double;
    /// a missing time is +inf (pandas NaN compared as in the reference).</summary>
    public static double CompatStayNumber(string timestamp)
    {
        var digits = timestamp.Replace("-", "", StringComparison.Ordinal).Replace("/", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal);
        return double.TryParse(digits, NumberStyles.Float, Inv, out var value) ? value : double.PositiveInfinity;
    }

    public static DateTime? ParseStayTime(string text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFF", "yyyy-MM-ddTHH:mm:ss"], Inv, DateTimeStyles.None, out var t)
            ? t
            : null;
}
