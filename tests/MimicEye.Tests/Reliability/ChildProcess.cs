using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MimicEye.Tests.Reliability;

/// <summary>Runs mimiceye as a separate process (<c>dotnet mimiceye.dll ...</c>), so it can be killed or
/// signalled like a user's build. Environment variables set here reach the child only (the fault hooks
/// must never be set in the test process, which runs in-process builds too).</summary>
static class ChildProcess
{
    public const int SigInt = 2, SigKill = 9, SigTerm = 15;

    /// <summary>How a process killed by SIGKILL exits, as .NET reports it (128 + 9).</summary>
    public const int KilledExitCode = 128 + SigKill;

    public sealed record Result(int ExitCode, string Out, string Error, TimeSpan Elapsed);

    static string Dll => typeof(MimicEye.Cli.MimicEyeCli).Assembly.Location;

    /// <summary>Runs to the end (or the timeout, which fails the test).</summary>
    public static Result Run(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? env = null, TimeSpan? timeout = null) =>
        RunUntil(args, env, until: null, signal: 0, timeout);

    /// <summary>Runs, and when <paramref name="until"/> first holds sends <paramref name="signal"/>; then waits for the end.</summary>
    public static Result RunUntil(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? env, Func<bool>? until, int signal,
        TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        var info = Start(args, env);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (until is not null)
        {
            while (!until() && !process.HasExited && clock.Elapsed < limit)
                Thread.Sleep(10);
            if (!process.HasExited)
                Assert.Equal(0, kill(process.Id, signal));
        }
        if (!process.WaitForExit(limit - clock.Elapsed > TimeSpan.Zero ? limit - clock.Elapsed : TimeSpan.FromSeconds(1)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"mimiceye {string.Join(' ', args)} did not finish within {limit.TotalSeconds} s:\n{error.Result}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result, clock.Elapsed);
    }

    static ProcessStartInfo Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? env)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // A process started in the background by a shell inherits an ignored SIGINT, and .NET keeps it
        // ignored; env(1) puts the default action back so the child sees Ctrl-C as a user's build would.
        if (SigIntIgnored())
        {
            info.FileName = "env";
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add(dotnet);
        }
        else
            info.FileName = dotnet;
        info.ArgumentList.Add(Dll);
        info.ArgumentList.Add("--no-progress");
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["CI"] = "1";
        foreach (var (name, value) in env ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        return info;
    }

    static bool SigIntIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (SigInt - 1))) != 0;
    }

    // DllImport rather than LibraryImport: the generated marshaller needs unsafe code, which the build forbids.
#pragma warning disable SYSLIB1054
    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
