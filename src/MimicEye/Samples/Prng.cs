namespace MimicEye.Samples;

/// <summary>SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose output is fixed by its
/// definition, unlike <see cref="Random"/>, whose algorithm .NET may change. Same seed, same bytes, on
/// every runtime. Each table or subject derives its own stream from the seed and a name, so adding rows
/// to one table never shifts the values of another.</summary>
sealed class Prng
{
    const ulong Golden = 0x9E3779B97F4A7C15;
    ulong _state;

    public Prng(ulong seed) => _state = seed;

    /// <summary>An independent stream for a named part of the tree (and an index within it).</summary>
    /// <summary>The index goes through the mixer too: SplitMix64 states that differ by a multiple of the
    /// increment are the same stream shifted, so neighbouring indexes must not land on such states.</summary>
    public static Prng Derive(ulong seed, string name, long index = 0) =>
        new(Mix(Mix(seed ^ Fnv1a(name)) + ((ulong)index * 0xD1B54A32D192ED03)));

    public ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>A value in [0, n), by Lemire's multiply-shift (bias below 2^-32, irrelevant here).</summary>
    public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    public long NextLong(long n) => (long)(((UInt128)NextUInt64() * (ulong)n) >> 64);

    /// <summary>A value in [lo, hi], both included.</summary>
    public int Range(int lo, int hi) => lo + Next(hi - lo + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Lower-case hex digits, as in MIMIC-CXR dicom_ids.</summary>
    public string Hex(int digits)
    {
        Span<char> chars = stackalloc char[digits];
        for (var i = 0; i < digits; i++)
            chars[i] = "0123456789abcdef"[Next(16)];
        return new string(chars);
    }

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    static ulong Fnv1a(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }
}
