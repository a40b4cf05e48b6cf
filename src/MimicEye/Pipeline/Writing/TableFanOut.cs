using System.Buffers;
using System.Security.Cryptography;

using MimicEye.Csv;
using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.Writing;

/// <summary>One table, one pass: every row is read once, routed to its patient's file, and optionally
/// copied whole to a spreadsheet. Cell bytes are never re-formatted (the raw record is written).</summary>
sealed record FanOutJob(string SourcePath, Func<CsvTableReader, RowRouter> Router, Func<int, string> PatientPath)
{
    /// <summary>Also write every row to this file (spreadsheets/...).</summary>
    public string? FullCopyPath { get; init; }

    /// <summary>compat: pandas' index column (the 0-based source row number) first.</summary>
    public bool IndexColumn { get; init; }

    public RowEmitter Emit { get; init; } = RowRouters.Verbatim;

    /// <summary>Decides, after routing, whether a row is kept at all (EGD drop rules); null keeps all.</summary>
    public Func<CsvTableReader, bool>? Keep { get; init; }
}

sealed record FanOutResult(string SourcePath, long RowsRead, long RowsRouted, IReadOnlyDictionary<int, long> RowsBySlot);

static class TableFanOut
{
    public static FanOutResult Run(FanOutJob job, CancellationToken cancel, Action<long, long>? progress = null)
    {
        using var reader = CsvFiles.Read(job.SourcePath);
        var route = job.Router(reader);
        // Routing by a numeric id with no full copy: rows of other ids cannot go anywhere, so the reader may
        // skip them unparsed (most rows of chartevents and labevents; see RecordStream).
        if (job.FullCopyPath is null && route.Target is NumberRouter byNumber)
            reader.SkipRowsUnless(byNumber.Column, byNumber.Keys);
        reader.ChunkRead = () =>
        {
            cancel.ThrowIfCancellationRequested();
            progress?.Invoke(reader.InputPosition, reader.InputLength);
        };
        var header = CsvFiles.HeaderLine(reader.Headers, job.IndexColumn);
        using var patients = new PatientFiles(job.PatientPath, header, job.IndexColumn);
        using var full = job.FullCopyPath is null ? null : new FullCopy(job.FullCopyPath, header, job.IndexColumn);
        long routed = 0;
        while (reader.Read())
        {
            if (job.Keep is not null && !job.Keep(reader))
                continue;
            var slot = route(reader);
            // Every row that is written anywhere must be valid UTF-8; skipped rows are never decoded.
            if (slot >= 0 || full is not null)
                reader.RequireValidUtf8();
            full?.Append(reader, job.Emit);
            if (slot < 0)
                continue;
            job.Emit(reader, patients.Begin(slot, reader.RowIndex));
            patients.End(slot);
            routed++;
        }
        patients.Commit();
        full?.Commit();
        progress?.Invoke(reader.InputLength, reader.InputLength);
        return new FanOutResult(job.SourcePath, reader.DataRecords, routed, patients.RowsBySlot);
    }

    /// <summary>The whole table into one file, through a temporary name. Rows are gathered into blocks
    /// that are hashed and written together (SHA-256 for SHA256SUMS.txt, without reading the file back).</summary>
    sealed class FullCopy : IDisposable
    {
        const int BlockSize = 256 << 10;

        readonly string _path;
        readonly FileStream _stream;
        readonly ArrayBufferWriter<byte> _block = new(BlockSize + 1024);
        readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        readonly bool _indexColumn;
        long _length;

        public FullCopy(string path, byte[] header, bool indexColumn)
        {
            _path = path;
            _indexColumn = indexColumn;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Unbuffered: the blocks are the buffer.
            _stream = new FileStream(AtomicFile.TempPath(path), FileMode.Create, FileAccess.Write, FileShare.None, 0);
            _block.Write(header);
        }

        public void Append(CsvTableReader reader, RowEmitter emit)
        {
            if (_indexColumn)
                CsvFiles.WriteIndexCell(_block, reader.RowIndex);
            emit(reader, _block);
            _block.Write("\n"u8);
            if (_block.WrittenCount >= BlockSize)
                WriteBlock();
        }

        void WriteBlock()
        {
            _hash.AppendData(_block.WrittenSpan);
            _stream.Write(_block.WrittenSpan);
            _length += _block.WrittenCount;
            _block.ResetWrittenCount();
        }

        public void Commit()
        {
            WriteBlock();
            var facts = FileFacts.Of(_length, _hash, FileFacts.WriteTicksOf(_stream.SafeFileHandle));
            _stream.Dispose();
            AtomicFile.Commit(AtomicFile.TempPath(_path), _path, facts);
        }

        public void Dispose()
        {
            // On a full disk the stream's final flush throws again here; the temporary file must still go.
            try
            {
                _stream.Dispose();
            }
            catch (IOException)
            {
            }
            finally
            {
                _hash.Dispose();
                AtomicFile.TryDelete(AtomicFile.TempPath(_path));
            }
        }
    }
}
