using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

using MimicEye.Dataset;

namespace MimicEye.Pipeline.Output;

/// <summary>Every output file is written under a temporary name and renamed when complete, so a killed
/// build never leaves a half-written file under its final name (SPEC §9).</summary>
static partial class AtomicFile
{
    static bool s_noNativeRename;

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

    /// <summary>Lines, each ended by LF, streamed (lists of ~100,000 paths are never joined into one string).</summary>
    public static void WriteLines(string path, IEnumerable<string> lines) =>
        Write(path, s =>
        {
            using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            foreach (var line in lines)
                writer.WriteLine(line);
        });

    /// <summary>Copies a file byte for byte (through a temporary name), hashing the bytes on the way so
    /// SHA256SUMS.txt need not read the copy again.</summary>
    public static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temp = TempPath(destination);
        try
        {
            FileFacts facts;
            using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan))
            using (var to = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 0))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(CopyBuffer);
                try
                {
                    long length = 0;
                    int n;
                    while ((n = from.Read(buffer, 0, CopyBuffer)) > 0)
                    {
                        hash.AppendData(buffer, 0, n);
                        to.Write(buffer, 0, n);
                        length += n;
                    }
                    facts = FileFacts.Of(length, hash, FileFacts.WriteTicksOf(to.SafeFileHandle));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            Commit(temp, destination, facts);
        }
        catch (IOException e)
        {
            TryDelete(temp);
            // The runtime's errors (a full disk above all) do not say which file was being written.
            throw new IOException($"{e.Message} (writing {destination})", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    const int CopyBuffer = 256 << 10;

    /// <summary>Gives a finished temporary file its final name; <paramref name="facts"/> is what the writer
    /// knows of its content (see <see cref="OutputRegistry"/>).</summary>
    public static void Commit(string temp, string destination, FileFacts? facts = null)
    {
        var full = Path.GetFullPath(destination);
        OutputRegistry.Announce(full);
        Rename(temp, full);
        OutputRegistry.Record(full, facts ?? FileFacts.Unknown);
        FaultInjection.AfterCommit();
    }

    /// <summary>File.Move(temp, destination, overwrite: true) in one system call. The runtime looks the source up
    /// (lstat) before it renames: one more call per output file, 2 % of the CPU time of a build that writes
    /// 115,000 files (perf, bench/README.md). Through the runtime's own rename (libSystem.Native, bound as
    /// RuntimeZlibStream binds its zlib); when that fails, or cannot be bound, File.Move does it and throws what
    /// it throws.</summary>
    static void Rename(string temp, string destination)
    {
        if (!OperatingSystem.IsWindows() && !Volatile.Read(ref s_noNativeRename))
        {
            try
            {
                if (SystemNativeRename(temp, destination) == 0)
                    return;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                Volatile.Write(ref s_noNativeRename, true);
            }
        }
        File.Move(temp, destination, overwrite: true);
    }

    /// <summary>rename(2) (dotnet/runtime src/native/libs/System.Native/pal_io.h): 0, or -1 with errno set.</summary>
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Rename", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SystemNativeRename(string oldPath, string newPath);

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
