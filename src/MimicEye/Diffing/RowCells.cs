using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

using MimicEye.Csv;

namespace MimicEye.Diffing;

/// <summary>The cells of a row in the common columns, packed as (7-bit encoded length, unescaped UTF-8 bytes)
/// per cell: compact enough to keep a keyed table in memory, unambiguous enough to hash as the row's
/// identity (a cell boundary can never shift between cells).</summary>
static class RowCells
{
    public static void Pack(CsvTableReader reader, int[] columns, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        foreach (var column in columns)
        {
            var cell = reader.Span(column);
            var length = (uint)cell.Length;
            var prefix = buffer.GetSpan(5);
            var n = 0;
            for (; length >= 0x80; length >>= 7)
                prefix[n++] = (byte)(length | 0x80);
            prefix[n++] = (byte)length;
            buffer.Advance(n);
            cell.CopyTo(buffer.GetSpan(cell.Length));
            buffer.Advance(cell.Length);
        }
    }

    /// <summary>The next cell of a packed row, advancing <paramref name="offset"/>.</summary>
    public static ReadOnlySpan<byte> Next(ReadOnlySpan<byte> packed, ref int offset)
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = packed[offset++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
                break;
        }
        var cell = packed.Slice(offset, length);
        offset += length;
        return cell;
    }

    /// <summary>The 128-bit identity of a packed row (the first half of its SHA-256): collisions are out of
    /// reach even for billions of rows.</summary>
    public static (ulong Hi, ulong Lo) Hash(ReadOnlySpan<byte> packed)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(packed, digest);
        return (BinaryPrimitives.ReadUInt64BigEndian(digest), BinaryPrimitives.ReadUInt64BigEndian(digest[8..]));
    }

    /// <summary>The key of the current row: its key cells joined by a separator no id contains.</summary>
    public static string Key(CsvTableReader reader, int[] columns) =>
        columns.Length == 1 ? reader.GetString(columns[0]) : string.Join('\u001f', columns.Select(reader.GetString));

    public static string DisplayKey(string key) => key.Replace('\u001f', '|');

    public static string Text(ReadOnlySpan<byte> cell) => Encoding.UTF8.GetString(cell);
}
