namespace MimicEye.Tests.Support;

/// <summary>A fact that needs the real MIMIC-IV demo (../shared/realdata/mimic-iv-demo-2.2). xUnit 2.9 has
/// no dynamic skip, so the skip reason is set here, when the attribute is read, if the folder is absent.</summary>
sealed class DemoFactAttribute : FactAttribute
{
    public DemoFactAttribute()
    {
        if (RepoPaths.MimicIvDemo is null)
            Skip = RepoPaths.NoDemoReason;
    }
}
