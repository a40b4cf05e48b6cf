namespace MimicEye.Tests.Reliability;

/// <summary>Tests that start mimiceye processes (or mount file systems) run one class at a time, so on a
/// two-core machine their timings (signals sent while a build runs) are not disturbed by each other.</summary>
[CollectionDefinition(Name)]
public sealed class ChildProcessCollection
{
    public const string Name = "Reliability: child processes";
}
