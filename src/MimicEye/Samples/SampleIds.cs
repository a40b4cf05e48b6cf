using MimicEye.Pipeline;

namespace MimicEye.Samples;

/// <summary>Identifiers in their real forms (sources.md §1.2, §3.1): subject_id 1xxxxxxx, hadm_id
/// 2xxxxxxx, ED/ICU stay_id and transfer_id 3xxxxxxx, study_id 5xxxxxxx. Each is a seeded permutation of
/// [0, 10^7) applied to a (subject index, slot) key, so ids never collide, look random (neighbouring keys
/// land far apart), and need no lookup table whatever the number of subjects.</summary>
sealed class SampleIds(ulong seed)
{
    const long Space = 10_000_000;

    /// <summary>3xxxxxxx slots per subject: ED stays 0–7, ICU stays 8–11, the EGD master sheet's old stay 12,
    /// transfers 13–31.</summary>
    public const int EdSlot = 0, IcuSlot = 8, OldEgdStaySlot = 12, TransferSlot = 13, ThreeSlots = 32;

    /// <summary>Bounded by the 3xxxxxxx space: 32 slots per subject.</summary>
    public const int MaxSubjects = (int)(Space / ThreeSlots);

    readonly ulong _subjectSalt = Salt(seed, "subject"), _hadmSalt = Salt(seed, "hadm"),
        _threeSalt = Salt(seed, "three"), _studySalt = Salt(seed, "study");

    public long Subject(int index) => 10_000_000 + Permute(index, _subjectSalt);

    public long Hadm(SubjectPlan s, int k) => 20_000_000 + Permute(Key(s, k, 8), _hadmSalt);

    public long Three(SubjectPlan s, int slot) => 30_000_000 + Permute(Key(s, slot, ThreeSlots), _threeSalt);

    public long Study(SubjectPlan s, int k) => 50_000_000 + Permute(Key(s, k, 16), _studySalt);

    static long Key(SubjectPlan s, int k, int per) =>
        k < per ? ((long)s.Index * per) + k : throw new MimicEyeException($"samples: subject {s.Id} needs more than {per} ids of one kind");

    /// <summary>A bijection of [0, 10^7): an invertible 24-bit mix (odd multiplications, xor-shifts and a
    /// salt, all modulo 2^24), repeated while the value falls outside the range ("cycle walking").</summary>
    static long Permute(long key, ulong salt)
    {
        const ulong mask = (1 << 24) - 1;
        var x = (ulong)key;
        do
        {
            x = (x * 0x9E3779) & mask;
            x ^= x >> 12;
            x = (x + salt) & mask;
            x = (x * 0x5BD1E5) & mask;
            x ^= x >> 11;
        }
        while (x >= Space);
        return (long)x;
    }

    static ulong Salt(ulong seed, string name) => Prng.Derive(seed, "ids/" + name).NextUInt64() & ((1 << 24) - 1);
}
