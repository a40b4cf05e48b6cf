using System.Buffers.Text;
using System.Collections;

namespace MimicEye.Csv;

/// <summary>The numeric ids whose rows a filtered read keeps (the cohort's subject_ids). Tested once per
/// row of the largest tables, so it is a bitmap over the ids' range when that range is moderate (MIMIC's
/// 8-digit subject_ids: at most 1.25 MB) and a hash set otherwise.</summary>
sealed class KeySet
{
    const long MaxBitmapRange = 1L << 28;

    readonly BitArray? _bits;
    readonly long _min, _max;
    readonly HashSet<long>? _set;

    public KeySet(IEnumerable<long> keys)
    {
        var all = keys.ToArray();
        _min = all.Length == 0 ? 0 : all.Min();
        _max = all.Length == 0 ? -1 : all.Max();
        if (_max - _min < MaxBitmapRange)
        {
            _bits = new BitArray(checked((int)(_max - _min + 1)));
            foreach (var key in all)
                _bits[(int)(key - _min)] = true;
        }
        else
            _set = [.. all];
    }

    public bool Contains(long key) =>
        key >= _min && key <= _max && (_bits is not null ? _bits[(int)(key - _min)] : _set!.Contains(key));

    /// <summary>Whether a field holds exactly an integer of the set, as <c>RowRouters.ByNumber</c> reads it.</summary>
    public bool ContainsNumber(ReadOnlySpan<byte> field) =>
        Utf8Parser.TryParse(field, out long key, out var used) && used == field.Length && Contains(key);
}
