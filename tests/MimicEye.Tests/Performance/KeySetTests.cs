using MimicEye.Csv;

namespace MimicEye.Tests.Performance;

/// <summary>The cohort's id set answers exactly, behind its hashed filter, through both of its exact stores (a
/// bitmap over the ids' range, a hash set when the range is too wide).</summary>
public class KeySetTests
{
    [Theory]
    [InlineData(256, false)]
    [InlineData(3_700, false)]
    [InlineData(20_000, false)]
    [InlineData(3_700, true)]
    public void Contains_is_exact(int count, bool wideRange)
    {
        var (members, others) = Ids(count, wideRange);
        var keys = new KeySet(members);

        Assert.All(members, id => Assert.True(keys.Contains(id), $"member {id}"));
        Assert.DoesNotContain(others, keys.Contains);
    }

    [Fact]
    public void An_empty_set_holds_nothing()
    {
        var keys = new KeySet([]);

        Assert.False(keys.Contains(0));
        Assert.False(keys.Contains(10_000_032));
    }

    /// <summary>MIMIC-like 8-digit subject_ids (or ids spread over a range too wide for a bitmap), and 200,000
    /// other ids of the same kind: consecutive runs, as other subjects' rows bring them, and random ones.</summary>
    static (long[] Members, long[] Others) Ids(int count, bool wideRange)
    {
        var random = new Random(count);
        long Next() => wideRange ? random.NextInt64(1, 1L << 40) : random.NextInt64(10_000_000, 20_000_000);
        var members = new HashSet<long>();
        while (members.Count < count)
            members.Add(Next());
        var others = new HashSet<long>();
        for (long id = 10_000_000; others.Count < 100_000; id++)
        {
            if (!members.Contains(id))
                others.Add(id);
        }
        while (others.Count < 200_000)
        {
            var id = Next();
            if (!members.Contains(id))
                others.Add(id);
        }
        return ([.. members], [.. others]);
    }
}
