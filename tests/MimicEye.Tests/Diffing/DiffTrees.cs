using MimicEye.Tests.Support;

namespace MimicEye.Tests.Diffing;

/// <summary>Two small output trees A and B side by side in a temp folder, written file by file.
/// <see cref="Both"/> writes the same file into each; tests then change one side.</summary>
sealed class DiffTrees : IDisposable
{
    public const string DicomA = "1e4d4d01-657d797c-f09f7a14-cc14e092-909e66b8";
    public const string DicomB = "d3a43470-e8e4b5c1-c68c59e1-da71f25a-bdf01234";
    public const string DicomC = "aaaa0000-bbbb1111-cccc2222-dddd3333-eeee4444";

    readonly TempDir _dir = new("diff");

    public DiffTrees()
    {
        A = _dir.Sub("a");
        B = _dir.Sub("b");
        Directory.CreateDirectory(A);
        Directory.CreateDirectory(B);
    }

    public string A { get; }

    public string B { get; }

    public string Sub(string name) => _dir.Sub(name);

    public void Both(string relative, params string[] lines)
    {
        WriteA(relative, lines);
        WriteB(relative, lines);
    }

    public void WriteA(string relative, params string[] lines) => Write(A, relative, lines);

    public void WriteB(string relative, params string[] lines) => Write(B, relative, lines);

    public static void Write(string root, string relative, params string[] lines)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
    }

    public static void WriteBytes(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Dispose() => _dir.Dispose();
}
