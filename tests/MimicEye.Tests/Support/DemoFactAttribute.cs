namespace MimicEye.Tests.Support;

/// <summary>A fact that needs the real MIMIC-IV demo in ../shared/realdata: skipped, with the reason, in a
/// clone that has no shared folder; run in CI and in the team's workspace.</summary>
sealed class DemoFactAttribute : FactAttribute
{
    public DemoFactAttribute()
    {
        if (RepoPaths.MimicIvDemo is null)
            Skip = RepoPaths.NoDemoReason;
    }
}
