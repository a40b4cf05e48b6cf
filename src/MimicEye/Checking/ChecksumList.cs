using System.Globalization;

namespace MimicEye.Checking;

/// <summary>One line of PhysioNet's <c>SHA256SUMS.txt</c>: the expected hash and the file's path relative
/// to the version folder, with forward slashes.</summary>
sealed record ChecksumEntry(int Line, string Sha256, string RelativePath);

/// <summary>Reads a <c>SHA256SUMS.txt</c> in the <c>sha256sum</c> format: <c>&lt;64 hex&gt;</c>, one or two
/// spaces (or a space and <c>*</c> for binary mode), the path. PhysioNet's own files use two spaces, the
/// demo's copy one. Paths that would leave the folder (absolute, <c>..</c>) are refused, not followed.</summary>
sealed class ChecksumList
{
    public List<ChecksumEntry> Entries { get; } = [];

    /// <summary>Line numbers that are not a checksum line or whose path leaves the folder.</summary>
    public List<int> BadLines { get; } = [];

    public static ChecksumList Read(string path)
    {
        var list = new ChecksumList();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
                continue;
            if (Parse(line) is { } entry)
                list.Entries.Add(entry with { Line = number });
            else
                list.BadLines.Add(number);
        }
        return list;
    }

    static ChecksumEntry? Parse(string line)
    {
        if (line.Length < 66 || line[64] != ' ' || !line[..64].All(char.IsAsciiHexDigit))
            return null;
        var rest = line[65..];
        if (rest.StartsWith(' ') || rest.StartsWith('*'))
            rest = rest[1..];
        var relative = rest.Replace('\\', '/');
        if (relative.Length == 0 || relative.StartsWith('/') || Path.IsPathRooted(relative)
            || relative.Split('/').Any(part => part is ".." or ""))
            return null;
        return new ChecksumEntry(0, line[..64].ToLower(CultureInfo.InvariantCulture), relative);
    }
}
