using System.Diagnostics;
using System.Globalization;

namespace MimicEye.Tests.Reliability;

/// <summary>A small tmpfs mounted on a folder, to fill a disk for real. Mounting needs root, or sudo
/// without a password (CI runners); <see cref="Unavailable"/> says why it cannot be done here.</summary>
sealed class SmallDisk : IDisposable
{
    static readonly Lazy<(string[]? Prefix, string Reason)> s_how = new(Probe);

    readonly string[] _prefix;

    SmallDisk(string folder, string[] prefix)
    {
        Folder = folder;
        _prefix = prefix;
    }

    public string Folder { get; }

    /// <summary>Why tmpfs cannot be mounted on this machine; null when it can.</summary>
    public static string? Unavailable => s_how.Value.Prefix is null ? s_how.Value.Reason : null;

    public static SmallDisk Mount(string folder, long bytes)
    {
        var prefix = s_how.Value.Prefix ?? throw new InvalidOperationException(s_how.Value.Reason);
        Directory.CreateDirectory(folder);
        var (code, error) = Run(prefix, "mount", "-t", "tmpfs", "-o", Size(bytes), "tmpfs", folder);
        if (code != 0)
            throw new InvalidOperationException($"mount -t tmpfs failed: {error}");
        return new SmallDisk(folder, prefix);
    }

    /// <summary>Gives the mounted file system a new size (its files are kept): "free some space".</summary>
    public void Resize(long bytes)
    {
        var (code, error) = Run(_prefix, "mount", "-o", "remount," + Size(bytes), Folder);
        if (code != 0)
            throw new InvalidOperationException($"remount failed: {error}");
    }

    public void Dispose() => Run(_prefix, "umount", "-l", Folder);

    static string Size(long bytes) => "size=" + ((bytes + 4095) / 4096 * 4).ToString(CultureInfo.InvariantCulture) + "k";

    static (string[]?, string) Probe()
    {
        if (!OperatingSystem.IsLinux())
            return (null, "tmpfs needs Linux");
        var folder = Path.Combine(Path.GetTempPath(), "mimiceye-tests", "tmpfs-probe-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var reasons = new List<string>();
            foreach (var prefix in new[] { Array.Empty<string>(), ["sudo", "-n"] })
            {
                var (code, error) = Run(prefix, "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder);
                if (code == 0)
                {
                    Run(prefix, "umount", folder);
                    return (prefix, "");
                }
                reasons.Add($"{string.Join(' ', [.. prefix, "mount"])}: {error.Trim()}");
            }
            return (null, "cannot mount a small tmpfs to fill a disk (needs root or password-less sudo): " + string.Join("; ", reasons));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    static (int Code, string Error) Run(string[] prefix, params string[] command)
    {
        string[] all = [.. prefix, .. command];
        var info = new ProcessStartInfo(all[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in all.Skip(1))
            info.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}

/// <summary>A fact that needs <see cref="SmallDisk"/>; skipped with the reason where mounting is refused.</summary>
sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (SmallDisk.Unavailable is { } reason)
            Skip = reason;
    }
}
