using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace MimicEye.Samples;

/// <summary>Writes CSV rows in the dialect of a source: comma, RFC 4180 minimal quoting (a field is quoted
/// only when it holds a comma, a quote or a line break), LF or CRLF. It formats straight into a byte buffer
/// so tables of tens of millions of rows stream at the speed of the compressor, without a string per field.
/// This is the writer of *source* dialects (REFLACX's CRLF among them); mimiceye's own output goes
/// through <c>Csv/CsvOut</c>.</summary>
sealed class CsvRowWriter(Stream output, bool crlf = false)
{
    const int Capacity = 1 << 16;
    readonly byte[] _buffer = new byte[Capacity];
    int _length;
    bool _inRow;

    /// <summary>Data rows written (the header is not counted).</summary>
    public long Rows { get; private set; }

    public void Header(IEnumerable<string> names)
    {
        foreach (var name in names)
            Text(name);
        EndRow();
        Rows = 0;
    }

    public void Row(params string?[] values)
    {
        foreach (var value in values)
            Text(value);
        EndRow();
    }

    /// <summary>A text field, quoted only when it must be; null and "" are both an empty field.</summary>
    public void Text(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
            return;
        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        var worst = (Encoding.UTF8.GetMaxByteCount(value.Length) * (quote ? 2 : 1)) + 2;
        if (worst > Capacity)
        {
            WriteLarge(value, quote);
            return;
        }
        Ensure(worst);
        if (!quote)
        {
            _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
            return;
        }
        _buffer[_length++] = (byte)'"';
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value == '"')
                _buffer[_length++] = (byte)'"';
            _length += rune.EncodeToUtf8(_buffer.AsSpan(_length));
        }
        _buffer[_length++] = (byte)'"';
    }

    /// <summary>Bytes that need no quoting (numbers, timestamps, codes), written as they are.</summary>
    public void Raw(ReadOnlySpan<byte> ascii)
    {
        Separator();
        Ensure(ascii.Length);
        ascii.CopyTo(_buffer.AsSpan(_length));
        _length += ascii.Length;
    }

    public void Empty() => Separator();

    public void Int(long value)
    {
        Separator();
        Ensure(20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var n);
        _length += n;
    }

    public void Int(long? value)
    {
        if (value is { } v)
            Int(v);
        else
            Empty();
    }

    /// <summary>A decimal with a fixed number of digits after the point (the way the exporters wrote them).</summary>
    public void Fixed(double value, int decimals)
    {
        Separator();
        Ensure(32);
        _length += FormatFixed(value, decimals, _buffer.AsSpan(_length));
    }

    /// <summary>A fixed-point number given in units of 10^-decimals (489 with 1 decimal is <c>48.9</c>):
    /// integer formatting only, for the values of the streamed tables.</summary>
    public void Scaled(long units, int decimals)
    {
        Separator();
        Ensure(24);
        _length += FormatScaled(units, decimals, _buffer.AsSpan(_length));
    }

    public static int FormatScaled(long units, int decimals, Span<byte> into)
    {
        var n = 0;
        if (units < 0)
        {
            into[n++] = (byte)'-';
            units = -units;
        }
        var scale = 1L;
        for (var i = 0; i < decimals; i++)
            scale *= 10;
        Utf8Formatter.TryFormat(units / scale, into[n..], out var whole);
        n += whole;
        if (decimals == 0)
            return n;
        into[n++] = (byte)'.';
        var fraction = units % scale;
        for (var d = decimals - 1; d >= 0; d--)
        {
            into[n + d] = (byte)('0' + (fraction % 10));
            fraction /= 10;
        }
        return n + decimals;
    }

    /// <summary>Formats like <see cref="Fixed"/> into a buffer, for a value written twice (labevents value and valuenum).</summary>
    public static int FormatFixed(double value, int decimals, Span<byte> into)
    {
        Utf8Formatter.TryFormat((decimal)Math.Round(value, decimals), into, out var n, new StandardFormat('F', (byte)decimals));
        return n;
    }

    /// <summary><c>YYYY-MM-DD HH:MM:SS</c>, or with <paramref name="millis"/> <c>.fff</c> appended.</summary>
    public void Time(DateTime t, bool millis = false)
    {
        Separator();
        Ensure(23);
        _length += SampleTime.Format(t, _buffer.AsSpan(_length), millis);
    }

    public void Time(DateTime? t)
    {
        if (t is { } v)
            Time(v);
        else
            Empty();
    }

    /// <summary><c>YYYY-MM-DD</c>.</summary>
    public void Date(DateTime t)
    {
        Separator();
        Ensure(10);
        _length += SampleTime.FormatDate(t, _buffer.AsSpan(_length));
    }

    public void EndRow()
    {
        Ensure(2);
        if (crlf)
            _buffer[_length++] = (byte)'\r';
        _buffer[_length++] = (byte)'\n';
        _inRow = false;
        Rows++;
    }

    public void Flush()
    {
        output.Write(_buffer, 0, _length);
        _length = 0;
    }

    void Separator()
    {
        if (_inRow)
        {
            Ensure(1);
            _buffer[_length++] = (byte)',';
        }
        _inRow = true;
    }

    void Ensure(int bytes)
    {
        if (_length + bytes > Capacity)
            Flush();
    }

    void WriteLarge(string value, bool quote)
    {
        Flush();
        var text = quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        output.Write(Encoding.UTF8.GetBytes(text));
    }
}
