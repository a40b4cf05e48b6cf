using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MimicEye.Csv;

enum ScanResult
{
    /// <summary>The data ends inside the record: more bytes are needed.</summary>
    Incomplete,

    /// <summary>A well-formed record (RFC 4180 quoting, LF or CRLF).</summary>
    Record,

    /// <summary>An empty line; CsvHelper skips these without counting a record.</summary>
    Blank,

    /// <summary>Something CsvHelper must judge (a stray quote, text after a closing quote, a lone CR, an
    /// unclosed quote at the end): the scan stops trusting its own record boundaries.</summary>
    Anomaly,
}

/// <summary>Where one record ends and where its key field is, found with vectorised searches: most records
/// have no quote, so a record costs one search for its line break, one count of its commas and a few
/// searches for the key field. Quoted records take a byte-by-byte path that also counts their embedded
/// line breaks.</summary>
static class RecordScanner
{
    /// <summary>The fast path reads whole blocks of this many bytes and leaves a shorter tail to the general path.</summary>
    public const int BlockBytes = 64;

    public record struct Scanned(int End, int ContentEnd, int Lines, int Fields, int KeyStart, int KeyEnd, bool KeyEscaped);

    /// <summary>Scans the record at the start of <paramref name="data"/>; <paramref name="keyColumn"/> -1 skips
    /// the key. At the end of the input (<paramref name="atEnd"/>) a record may end without a line break.</summary>
    // Hot: once per row of the biggest tables. Optimised from the first call (no tiering through slow code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ScanResult Scan(ReadOnlySpan<byte> data, bool atEnd, int keyColumn, out Scanned record)
    {
        record = default;
        // Explicit values, not SearchValues: their generic searcher starts unoptimised in every run (not
        // precompiled), and the few-value overloads are as fast on short records.
        var i = data.IndexOfAny((byte)'\n', (byte)'"', (byte)'\r');
        int contentEnd, end;
        if (i < 0)
        {
            if (!atEnd || data.IsEmpty)
                return ScanResult.Incomplete;
            (contentEnd, end) = (data.Length, data.Length);
        }
        else if (data[i] == '\n')
            (contentEnd, end) = (i, i + 1);
        else if (data[i] == '"')
            return ScanQuoted(data, atEnd, keyColumn, out record);
        else if (i + 1 == data.Length)
            return atEnd ? ScanResult.Anomaly : ScanResult.Incomplete;
        else if (data[i + 1] == '\n')
            (contentEnd, end) = (i, i + 2);
        else
            return ScanResult.Anomaly;
        if (contentEnd == 0)
        {
            record = new Scanned(end, 0, 1, 0, -1, -1, false);
            return ScanResult.Blank;
        }
        var content = data[..contentEnd];
        int keyStart = -1, keyEnd = -1;
        if (keyColumn >= 0)
        {
            var start = 0;
            for (var k = keyColumn; k > 0 && start >= 0; k--)
            {
                var comma = content[start..].IndexOf((byte)',');
                start = comma < 0 ? -1 : start + comma + 1;
            }
            if (start >= 0)
            {
                var comma = content[start..].IndexOf((byte)',');
                (keyStart, keyEnd) = (start, comma < 0 ? content.Length : start + comma);
            }
        }
        record = new Scanned(end, contentEnd, 1, content.Count((byte)',') + 1, keyStart, keyEnd, false);
        return ScanResult.Record;
    }

    /// <summary>The fast path of a filtered read: passes over the leading records of <paramref name="data"/>
    /// that can be dropped with certainty (well formed, one line, no CR outside quotes, not blank,
    /// <paramref name="fields"/> fields, key not in <paramref name="keys"/>), 64 bytes at a time (two 32-byte
    /// halves; 32 at a time cost about 5 % more): one comparison per byte class finds line breaks, commas and
    /// quotes together, so a dropped row costs a few nanoseconds. Quoted fields are followed with a prefix XOR of
    /// the quote bits (bits inside quotes are set), and checked as <see cref="ScanQuoted"/> does: a quote opens a
    /// field only at its start, and a closing quote is followed by a comma, the line break or a second quote
    /// (<c>""</c>). Stops at the first record it cannot drop (the general <see cref="Scan"/> takes it) and returns
    /// the bytes and records passed over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int SkipRun(ReadOnlySpan<byte> data, int keyColumn, int fields, KeySet keys, out int records)
    {
        records = 0;
        if (!Vector256.IsHardwareAccelerated)
            return 0;
        // Counted in a local: the out parameter lives in memory, and this loop is short of registers.
        var dropped = 0;
        ref var start = ref MemoryMarshal.GetReference(data);
        Vector256<byte> newline = Vector256.Create((byte)'\n'), comma = Vector256.Create((byte)','),
            quote = Vector256.Create((byte)'"'), cr = Vector256.Create((byte)'\r');
        int record = 0, commas = 0;
        // Quote state carried from block to block: bit 1 inside a quoted field, bit 0 a closing quote in the
        // last byte of the previous block (the first byte of this one must follow it correctly). lastQuote:
        // where the last quote seen is (a record after it has none).
        ulong quoteCarry = 0;
        var lastQuote = -1;
        var last = data.Length - 32;
        var lastBlock = data.Length - BlockBytes;
        for (var block = 0; block <= lastBlock; block += BlockBytes)
        {
            var v0 = Vector256.LoadUnsafe(ref start, (nuint)block);
            var v1 = Vector256.LoadUnsafe(ref start, (nuint)block + 32);
            var lines = Bits(Vector256.Equals(v0, newline), Vector256.Equals(v1, newline));
            var special = Bits(Vector256.Equals(v0, quote) | Vector256.Equals(v0, cr), Vector256.Equals(v1, quote) | Vector256.Equals(v1, cr));
            var commaBits = Bits(Vector256.Equals(v0, comma), Vector256.Equals(v1, comma));
            if ((special | quoteCarry) != 0)
            {
                // Rare: quotes or CRs in this block, or a quoted field going on. The byte before the block
                // (or the record's start) tells whether a quote in its first byte may open a field.
                var insideCarry = 0UL - (quoteCarry >> 1);
                var closeCarry = quoteCarry & 1;
                var quotes = Bits(Vector256.Equals(v0, quote), Vector256.Equals(v1, quote));
                var inside = PrefixXor(quotes) ^ insideCarry;
                var separators = commaBits | lines | quotes;
                var fieldStart = block == 0 || Unsafe.Add(ref start, block - 1) is (byte)',' or (byte)'\n' or (byte)'"' ? 1UL : 0UL;
                var opening = quotes & inside;
                var closing = quotes & ~inside;
                // Problems are marked where they are, so the record holding them is the one handed on.
                var badOpening = opening & ~((separators << 1) | fieldStart);
                var badClosing = closing & ~(separators >> 1) & 0x7FFF_FFFF_FFFF_FFFFUL;
                var badAfterCarry = closeCarry & ~separators;
                var crs = special & ~quotes;
                special = (crs & ~inside) | (lines & inside) | badOpening | badClosing | badAfterCarry;
                (lines, commaBits) = (lines & ~inside, commaBits & ~inside);
                quoteCarry = ((inside >> 63) << 1) | (closing >> 63);
                if (quotes != 0)
                    lastQuote = block + 63 - BitOperations.LeadingZeroCount(quotes);
            }
            // A record ending inside a block clears that block's bits up to its line break (below), so
            // every block starts at or after the first byte of the record being scanned.
            while (true)
            {
                var stops = lines | special;
                if (stops == 0)
                {
                    commas += BitOperations.PopCount(commaBits);
                    break;
                }
                var bit = BitOperations.TrailingZeroCount(stops);
                var end = block + bit;
                if ((special & (1UL << bit)) != 0 || end == record)
                    return Done(record, dropped, out records);
                var below = commaBits & ((1UL << bit) - 1);
                if (commas + BitOperations.PopCount(below) + 1 != fields || record > last
                    || KeyMayBeWanted(ref start, record, end - record, keyColumn, comma, quote, lastQuote >= record, keys))
                    return Done(record, dropped, out records);
                dropped++;
                record = end + 1;
                commas = 0;
                var above = bit == 63 ? 0UL : ~0UL << (bit + 1);
                (lines, special, commaBits) = (lines & above, special & above, commaBits & above);
            }
        }
        return Done(record, dropped, out records);
    }

    /// <summary>The 64 comparison bits of two 32-byte halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Bits(Vector256<byte> low, Vector256<byte> high) =>
        low.ExtractMostSignificantBits() | ((ulong)high.ExtractMostSignificantBits() << 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Done(int bytes, int dropped, out int records)
    {
        records = dropped;
        return bytes;
    }

    /// <summary>Bit i set when an odd number of bits 0..i are: for quote bits, the bytes from an opening
    /// quote up to (not including) its closing quote.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong PrefixXor(ulong bits)
    {
        bits ^= bits << 1;
        bits ^= bits << 2;
        bits ^= bits << 4;
        bits ^= bits << 8;
        bits ^= bits << 16;
        return bits ^ (bits << 32);
    }

    /// <summary>Whether field <paramref name="keyColumn"/> of a well-formed record (<paramref name="length"/>
    /// bytes at <paramref name="record"/>, which starts at least 32 bytes before the end of the data) may be an
    /// integer of the set. The key is found from the commas of the record's first 32 bytes, without a byte loop.
    /// A quote before the key's end (a quoted key, or commas in a quoted field before it) leaves the record to
    /// the general path; quotes are looked for only when the record may have some (<paramref name="quoted"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool KeyMayBeWanted(ref byte start, int record, int length, int keyColumn, Vector256<byte> comma, Vector256<byte> quote, bool quoted, KeySet keys)
    {
        var v = Vector256.LoadUnsafe(ref start, (nuint)record);
        var separators = Vector256.Equals(v, comma).ExtractMostSignificantBits();
        var quotes = quoted ? Vector256.Equals(v, quote).ExtractMostSignificantBits() : 0u;
        if (length < 32)
            (separators, quotes) = (separators & ((1u << length) - 1), quotes & ((1u << length) - 1));
        // The key lies between comma keyColumn - 1 and comma keyColumn (1-based; 0 = the record's start).
        var keyStart = 0;
        if (keyColumn > 0)
        {
            for (var k = keyColumn; k > 1; k--)
                separators &= separators - 1;
            keyStart = BitOperations.TrailingZeroCount(separators) + 1;
            separators &= separators - 1;
        }
        var keyEnd = BitOperations.TrailingZeroCount(separators);
        // Quotes before the key's end (all 32 bytes when the key does not end in them).
        if ((quotes & (uint)((1UL << keyEnd) - 1)) != 0)
            return true;
        if (keyEnd - keyStart != 8 || keyEnd >= 32)
            return KeyMayBeWanted(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref start, record), length), keyColumn, keys);
        // MIMIC's subject_ids have 8 digits: parsed as one 64-bit word (Lemire's SWAR method). The word lies
        // within the 32 bytes loaded above.
        var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, record + keyStart)) - 0x3030303030303030UL;
        if (((word | (word + 0x0606060606060606UL)) & 0xF0F0F0F0F0F0F0F0UL) != 0)
            return KeyMayBeWanted(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref start, record), length), keyColumn, keys);
        word = (word * 10) + (word >> 8);
        word = (((word & 0x000000FF000000FFUL) * (100 + (1000000UL << 32)))
            + (((word >> 16) & 0x000000FF000000FFUL) * (1 + (10000UL << 32)))) >> 32;
        return keys.Contains((long)word);
    }

    /// <summary>The same question for any record: the key is found byte by byte and any integer is parsed
    /// (anything else goes through <see cref="KeySet.ContainsNumber"/>). A quote before the key leaves the
    /// record to the general path.</summary>
    static bool KeyMayBeWanted(ReadOnlySpan<byte> record, int keyColumn, KeySet keys)
    {
        var i = 0;
        for (var k = keyColumn; k > 0; k--)
        {
            while (i < record.Length && record[i] != ',')
            {
                if (record[i] == '"')
                    return true;
                i++;
            }
            if (i == record.Length)
                return true;
            i++;
        }
        long value = 0;
        var digits = 0;
        for (; i < record.Length && record[i] != ','; i++, digits++)
        {
            var d = record[i] - '0';
            if ((uint)d > 9 || digits == 18)
            {
                var key = FieldAt(record, i - digits);
                return key.Contains((byte)'"') || keys.ContainsNumber(key);
            }
            value = (value * 10) + d;
        }
        return digits > 0 && keys.Contains(value);
    }

    static ReadOnlySpan<byte> FieldAt(ReadOnlySpan<byte> record, int start)
    {
        var comma = record[start..].IndexOf((byte)',');
        return comma < 0 ? record[start..] : record[start..(start + comma)];
    }

    /// <summary>The byte-by-byte path for a record with quotes: a quote opens a field only at its start,
    /// <c>""</c> is an escaped quote, and a closing quote is followed by a comma or the line break.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static ScanResult ScanQuoted(ReadOnlySpan<byte> data, bool atEnd, int keyColumn, out Scanned record)
    {
        record = default;
        int p = 0, field = 0, lines = 1, keyStart = -1, keyEnd = -1;
        var keyEscaped = false;
        while (true)
        {
            var fieldStart = p;
            var quoted = p < data.Length && data[p] == '"';
            var escaped = false;
            if (quoted)
            {
                p++;
                while (true)
                {
                    var q = data[p..].IndexOfAny((byte)'"', (byte)'\n');
                    if (q < 0)
                        return atEnd ? ScanResult.Anomaly : ScanResult.Incomplete;
                    p += q;
                    if (data[p] == '\n')
                    {
                        lines++;
                        p++;
                        continue;
                    }
                    if (p + 1 == data.Length && !atEnd)
                        return ScanResult.Incomplete;
                    if (p + 1 < data.Length && data[p + 1] == '"')
                    {
                        escaped = true;
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
            }
            else
            {
                var u = data[p..].IndexOfAny(",\n\r\""u8);
                if (u < 0)
                {
                    if (!atEnd)
                        return ScanResult.Incomplete;
                    p = data.Length;
                }
                else if (data[p + u] == '"')
                    return ScanResult.Anomaly;
                else
                    p += u;
            }
            if (field == keyColumn)
                (keyStart, keyEnd, keyEscaped) = quoted ? (fieldStart + 1, p - 1, escaped) : (fieldStart, p, false);
            if (p == data.Length)
            {
                if (!atEnd)
                    return ScanResult.Incomplete;
                record = new Scanned(p, p, lines, field + 1, keyStart, keyEnd, keyEscaped);
                return ScanResult.Record;
            }
            switch (data[p])
            {
                case (byte)',':
                    field++;
                    p++;
                    continue;
                case (byte)'\n':
                    record = new Scanned(p + 1, p, lines, field + 1, keyStart, keyEnd, keyEscaped);
                    return ScanResult.Record;
                case (byte)'\r' when p + 1 == data.Length:
                    return atEnd ? ScanResult.Anomaly : ScanResult.Incomplete;
                case (byte)'\r' when data[p + 1] == '\n':
                    record = new Scanned(p + 2, p, lines, field + 1, keyStart, keyEnd, keyEscaped);
                    return ScanResult.Record;
                default:
                    return ScanResult.Anomaly;
            }
        }
    }
}
