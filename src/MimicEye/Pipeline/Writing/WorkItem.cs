namespace MimicEye.Pipeline.Writing;

/// <summary>One independent unit of phase 3 (a table, a batch of folders). <see cref="Weight"/> (bytes of
/// input) orders the work so the largest tables start first and the cores stay busy to the end.</summary>
sealed record WorkItem(string Name, long Weight, Action Run);
