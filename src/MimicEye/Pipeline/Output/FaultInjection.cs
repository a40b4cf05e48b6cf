using System.Diagnostics;

namespace MimicEye.Pipeline.Output;

/// <summary>Test machinery for the reliability tests, inert unless its environment variables are set:
/// <c>MIMICEYE_FAULT_KILL_AFTER_COMMITS=N</c> kills the process (SIGKILL, no clean-up) right after the N-th
/// file is committed, and <c>MIMICEYE_FAULT_DELAY_MS=M</c> sleeps M ms after every commit so a test can
/// deliver a signal mid-build. Both act at the one place every output file passes through.</summary>
static class FaultInjection
{
    static readonly long s_killAfter = Read("MIMICEYE_FAULT_KILL_AFTER_COMMITS");
    static readonly long s_delayMs = Read("MIMICEYE_FAULT_DELAY_MS");
    static long s_commits;

    public static void AfterCommit()
    {
        if (s_killAfter <= 0 && s_delayMs <= 0)
            return;
        var n = Interlocked.Increment(ref s_commits);
        if (s_killAfter > 0 && n >= s_killAfter)
            Process.GetCurrentProcess().Kill();
        if (s_delayMs > 0)
            Thread.Sleep((int)s_delayMs);
    }

    static long Read(string name) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
}
