using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MimicEye.Csv;

/// <summary>The CRC-32 of gzip trailers (zlib's <c>crc32</c>: reflected polynomial 0xEDB88320, inverted before and
/// after), which <see cref="RuntimeZlibStream"/> checks itself so that zlib need not. With 256-bit carry-less
/// multiplies (VPCLMULQDQ: AMD since Zen 3, Intel since Ice Lake) it folds 128 bytes a step: about 18-22 GB/s
/// here against zlib-ng's 7-11 GB/s (its folding is 128-bit without AVX-512), which was 6 % of a build's
/// processor time. Elsewhere it calls the runtime's zlib-ng (or, if that cannot be bound, a table). PNG chunks
/// (the sample masks) use the same CRC.</summary>
static class Crc32
{
    // To move a 128-bit lane d bits forward, its low half is multiplied by x^(d+32) mod P and its high half by
    // x^(d-32) mod P, each bit-reflected and shifted left by one (Intel, "Fast CRC Computation for Generic
    // Polynomials Using PCLMULQDQ", 2009). Lanes move 1,024 bits a step; the last ones fold 128 bits apart.
    const ulong Fold1024Low = 0x1e88ef372, Fold1024High = 0x14a7fe880;
    const ulong Fold128Low = 0x1751997d0, Fold128High = 0x0ccaa009e;

    /// <summary>Below this the table is as fast as setting up the folding.</summary>
    const int FoldFrom = 256;

    static readonly uint[] Table = BuildTable();

    /// <summary>Whether the folding path runs on this processor.</summary>
    static bool Folds => Pclmulqdq.V256.IsSupported;

    static bool s_noZlib;

    /// <summary>The CRC of <paramref name="data"/> appended to data whose CRC is <paramref name="crc"/> (0 for
    /// none), as zlib's <c>crc32(crc, data, length)</c> (gzip trailers, PNG chunks).</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        if (data.Length >= FoldFrom)
        {
            if (Folds)
                return Fold(crc, data);
            if (!Volatile.Read(ref s_noZlib))
            {
                try
                {
                    return AppendWithZlib(crc, data);
                }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
                {
                    // The runtime's internal export is missing: the table gives the same value, more slowly.
                    Volatile.Write(ref s_noZlib, true);
                }
            }
        }
        return ~Bytes(~crc, data);
    }

    /// <summary>zlib-ng's CRC, for processors without the 256-bit multiply (and for the test of that path).</summary>
    internal static unsafe uint AppendWithZlib(uint crc, ReadOnlySpan<byte> data)
    {
        fixed (byte* bytes = data)
            return Zlib.Crc32(crc, bytes, data.Length);
    }

    /// <summary>Four 256-bit accumulators (eight 128-bit lanes) take 128 bytes a step; the lanes are then folded
    /// into one, and its 16 bytes and the data left over go through the table (with no inversion: the folded
    /// lanes already carry the starting value, which was XORed into the first four bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static uint Fold(uint crc, ReadOnlySpan<byte> data)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var far = Vector256.Create(Fold1024Low, Fold1024High, Fold1024Low, Fold1024High);
        var x0 = Vector256.LoadUnsafe(ref start).AsUInt64() ^ Vector256.CreateScalar((ulong)~crc);
        var x1 = Vector256.LoadUnsafe(ref start, 32).AsUInt64();
        var x2 = Vector256.LoadUnsafe(ref start, 64).AsUInt64();
        var x3 = Vector256.LoadUnsafe(ref start, 96).AsUInt64();
        nuint at = 128, length = (nuint)data.Length;
        for (; at + 128 <= length; at += 128)
        {
            x0 = Step(x0, far) ^ Vector256.LoadUnsafe(ref start, at).AsUInt64();
            x1 = Step(x1, far) ^ Vector256.LoadUnsafe(ref start, at + 32).AsUInt64();
            x2 = Step(x2, far) ^ Vector256.LoadUnsafe(ref start, at + 64).AsUInt64();
            x3 = Step(x3, far) ^ Vector256.LoadUnsafe(ref start, at + 96).AsUInt64();
        }
        var near = Vector128.Create(Fold128Low, Fold128High);
        var lane = x0.GetLower();
        lane = Step(lane, near) ^ x0.GetUpper();
        lane = Step(lane, near) ^ x1.GetLower();
        lane = Step(lane, near) ^ x1.GetUpper();
        lane = Step(lane, near) ^ x2.GetLower();
        lane = Step(lane, near) ^ x2.GetUpper();
        lane = Step(lane, near) ^ x3.GetLower();
        lane = Step(lane, near) ^ x3.GetUpper();
        Span<byte> last = stackalloc byte[16];
        lane.AsByte().CopyTo(last);
        return ~Bytes(Bytes(0, last), data[(int)at..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<ulong> Step(Vector256<ulong> lanes, Vector256<ulong> by) =>
        Pclmulqdq.V256.CarrylessMultiply(lanes, by, 0x00) ^ Pclmulqdq.V256.CarrylessMultiply(lanes, by, 0x11);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector128<ulong> Step(Vector128<ulong> lane, Vector128<ulong> by) =>
        Pclmulqdq.CarrylessMultiply(lane, by, 0x00) ^ Pclmulqdq.CarrylessMultiply(lane, by, 0x11);

    /// <summary>The CRC register over bytes, one at a time (no inversion).</summary>
    static uint Bytes(uint register, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
            register = table[(register ^ b) & 0xFF] ^ (register >> 8);
        return register;
    }

    static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var bit = 0; bit < 8; bit++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
