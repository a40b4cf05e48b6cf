using System.Buffers.Binary;

namespace MimicEye.Csv;

/// <summary>A gzip member's header (RFC 1952 §2.3), checked as zlib checks it and with zlib's messages: magic
/// bytes, deflate, no reserved flag, and the optional extra field, file name, comment and header CRC.</summary>
static class GzipHeader
{
    /// <summary>The trailer after the deflate data: CRC-32 and length mod 2^32 of the member's bytes.</summary>
    public const int TrailerLength = 8;

    const byte HeaderCrcFlag = 1 << 1, ExtraFlag = 1 << 2, NameFlag = 1 << 3, CommentFlag = 1 << 4, ReservedFlags = 0xE0;

    /// <summary>The header's length when <paramref name="data"/> holds all of it, -1 when it needs more bytes.
    /// A header zlib would refuse is an <see cref="InvalidDataException"/>.</summary>
    public static int Length(ReadOnlySpan<byte> data)
    {
        if ((data.Length >= 1 && data[0] != 0x1F) || (data.Length >= 2 && data[1] != 0x8B))
            throw new InvalidDataException("incorrect header check");
        if (data.Length >= 3 && data[2] != 8)
            throw new InvalidDataException("unknown compression method");
        if (data.Length >= 4 && (data[3] & ReservedFlags) != 0)
            throw new InvalidDataException("unknown header flags set");
        if (data.Length < 10)
            return -1;
        var flags = data[3];
        var at = 10;
        if ((flags & ExtraFlag) != 0)
        {
            if (data.Length < at + 2)
                return -1;
            at += 2 + BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);
        }
        foreach (var flag in (ReadOnlySpan<byte>)[NameFlag, CommentFlag])
        {
            if ((flags & flag) == 0)
                continue;
            // A zero-terminated string.
            var end = at < data.Length ? data[at..].IndexOf((byte)0) : -1;
            if (end < 0)
                return -1;
            at += end + 1;
        }
        if ((flags & HeaderCrcFlag) != 0)
        {
            if (data.Length < at + 2)
                return -1;
            if (BinaryPrimitives.ReadUInt16LittleEndian(data[at..]) != (ushort)Crc32.Append(0, data[..at]))
                throw new InvalidDataException("header crc mismatch");
            at += 2;
        }
        return at <= data.Length ? at : -1;
    }
}
