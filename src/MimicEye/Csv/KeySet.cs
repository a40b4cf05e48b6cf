using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace MimicEye.Csv;

/// <summary>The numeric ids whose rows a filtered read keeps (the cohort's subject_ids). Tested once per
/// row of the largest tables: first against a 32 KB hashed bitmap that stays in the CPU cache and rejects
/// almost every other id, then exactly, against a bitmap over the ids' range when that range is moderate
/// (MIMIC's 8-digit subject_ids: at most 1.25 MB, too big for the cache) or a hash set otherwise.</summary>
sealed class KeySet
{
    const long MaxBitmapRange = 1L << 28;
    const int QuickBits = 18;

    readonly ulong[] _quick = new ulong[(1 << QuickBits) / 64];
    readonly ulong[]? _bits;
    readonly long _min, _max;
    readonly HashSet<long>? _set;

    public KeySet(IEnumerable<long> keys)
    {
        var all = keys.ToArray();
        foreach (var key in all)
        {
            var h = Quick(key);
            _quick[h >> 6] |= 1UL << (int)(h & 63);
        }
        _min = all.Length == 0 ? 0 : all.Min();
        _max = all.Length == 0 ? -1 : all.Max();
        if (_max - _min < MaxBitmapRange)
        {
            _bits = new ulong[((_max - _min) >> 6) + 1];
            foreach (var key in all)
                _bits[(key - _min) >> 6] |= 1UL << (int)((key - _min) & 63);
        }
        else
            _set = [.. all];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(long key)
    {
        var h = Quick(key);
        return (_quick[h >> 6] & (1UL << (int)(h & 63))) != 0 && key >= _min && key <= _max
            && (_bits is not null ? (_bits[(key - _min) >> 6] & (1UL << (int)((key - _min) & 63))) != 0 : _set!.Contains(key));
    }

    /// <summary>A multiplicative hash to <see cref="QuickBits"/> bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Quick(long key) => ((ulong)key * 0x9E3779B97F4A7C15UL) >> (64 - QuickBits);

    /// <summary>Whether a field holds exactly an integer of the set, as <c>RowRouters.ByNumber</c> reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ContainsNumber(ReadOnlySpan<byte> field) =>
        Utf8Parser.TryParse(field, out long key, out var used) && used == field.Length && Contains(key);
}
