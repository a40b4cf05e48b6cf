using MimicEye.Dataset;

namespace MimicEye.Pipeline.Output;

/// <summary>Every output file is written under a temporary name and renamed when complete, so a killed
/// build never leaves a half-written file under its final name (SPEC §9).</summary>
static class AtomicFile
{
    public static string TempPath(string path) => path + OutputLayout.TempSuffix;

    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = TempPath(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            Commit(temp, path);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void WriteText(string path, string text) =>
        Write(path, s => s.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Copies a file byte for byte (through a temporary name).</summary>
    public static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temp = TempPath(destination);
        try
        {
            File.Copy(source, temp, overwrite: true);
            Commit(temp, destination);
        }
        catch (IOException e)
        {
            TryDelete(temp);
            // File.Copy's errors (a full disk above all) do not say which file was being written.
            throw new IOException($"{e.Message} (writing {destination})", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void Commit(string temp, string destination)
    {
        File.Move(temp, destination, overwrite: true);
        OutputRegistry.Record(destination);
        FaultInjection.AfterCommit();
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
