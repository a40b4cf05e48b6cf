using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MimicEye.Csv;

/// <summary>Inflates a .gz file with the zlib-ng that ships inside .NET (libSystem.IO.Compression.Native, the
/// library GZipStream itself calls), handing it 1 MiB of compressed input per call instead of GZipStream's
/// 8 KB. After every call zlib copies up to 32 KB of the output just produced into its window; with 8 KB of
/// input (about 40 KB of CSV) per call that is most of the output copied twice. Measured on the 1x benchmark's
/// labevents.csv.gz (2.7 GB of CSV), one core: GZipStream 4.2-4.6 s, this 3.6-3.7 s.
///
/// zlib inflates the raw deflate data; the gzip framing is read here (<see cref="GzipHeader"/>) and each
/// member's trailer checked against <see cref="Crc32"/>, which is about twice as fast as zlib-ng's check on
/// processors with 256-bit carry-less multiplies (bench/README.md). Headers and trailers are refused with zlib's
/// messages, and concatenated members are read one after another, as GZipStream does.
///
/// The entry points are the runtime's own (versioned V1.0 exports, not a public .NET API): when they cannot be
/// bound, <see cref="TryOpen"/> returns null and the caller reads through GZipStream, which gives the same bytes.</summary>
sealed class RuntimeZlibStream : ReadOnlyStream
{
    /// <summary>windowBits for zlib's inflateInit2: 15-bit window, raw deflate (no header or trailer).</summary>
    const int RawWindowBits = -15;

    /// <summary>zlib takes any length; a file name or comment this long is not a PhysioNet file.</summary>
    const int MaxHeaderLength = 1 << 20;

    static bool s_unavailable;

    enum Part
    {
        Header,
        Data,
        Trailer,
        End,
    }

    readonly Stream _file;
    readonly InflateState _state;
    readonly int _inputSize;
    byte[] _input;
    int _inputStart, _inputEnd;
    bool _fileEnded;
    Part _part;
    uint _crc, _length;

    RuntimeZlibStream(Stream file, InflateState state, int inputSize)
    {
        (_file, _state, _inputSize) = (file, state, inputSize);
        _input = ArrayPool<byte>.Shared.Rent(inputSize);
    }

    /// <summary>A reader over <paramref name="file"/> that reads <paramref name="inputSize"/> compressed bytes at
    /// a time, or null when the runtime's zlib cannot be bound (the file is then left open for GZipStream).</summary>
    public static RuntimeZlibStream? TryOpen(Stream file, int inputSize)
    {
        if (Volatile.Read(ref s_unavailable))
            return null;
        try
        {
            return new RuntimeZlibStream(file, InflateState.Open(RawWindowBits), inputSize);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref s_unavailable, true);
            return null;
        }
    }

    /// <summary>Inflated bytes, at least one unless the data ends. A file cut short ends quietly, like
    /// GZipStream (<see cref="CheckedGzipStream"/> notices it); corrupt data is an
    /// <see cref="InvalidDataException"/>.</summary>
    public override unsafe int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
            return 0;
        while (true)
        {
            if (_part != Part.Data)
            {
                var more = _part switch
                {
                    Part.Header => StartMember(),
                    Part.Trailer => EndMember(),
                    _ => false,
                };
                if (!more)
                    return 0;
                continue;
            }
            if (_inputStart == _inputEnd && !Refill())
                return 0;
            int produced, code;
            fixed (byte* input = _input)
            fixed (byte* output = buffer)
            {
                var z = _state.Stream;
                z->NextIn = input + _inputStart;
                z->AvailIn = (uint)(_inputEnd - _inputStart);
                z->NextOut = output;
                z->AvailOut = (uint)buffer.Length;
                code = Zlib.Inflate(z, Zlib.NoFlush);
                produced = buffer.Length - (int)z->AvailOut;
                _inputStart = _inputEnd - (int)z->AvailIn;
                // The pointers are into arrays that may move once unpinned.
                z->NextIn = null;
                z->NextOut = null;
            }
            if (code == Zlib.StreamEnd)
                _part = Part.Trailer;
            else if (code != Zlib.Ok && !(code == Zlib.BufError && _inputStart == _inputEnd))
                throw new InvalidDataException(_state.Message(code));
            if (produced > 0)
            {
                _crc = Crc32.Append(_crc, buffer[..produced]);
                _length += (uint)produced;
                return produced;
            }
        }
    }

    /// <summary>Reads a member's header; false when the file ends first.</summary>
    bool StartMember()
    {
        int length;
        while ((length = GzipHeader.Length(_input.AsSpan(_inputStart, _inputEnd - _inputStart))) < 0)
        {
            if (!ReadMore())
                return false;
        }
        _inputStart += length;
        _state.Reset(RawWindowBits);
        (_crc, _length, _part) = (0, 0, Part.Data);
        return true;
    }

    /// <summary>Checks a member's trailer (zlib's messages); another member may follow. False when the file ends
    /// inside the trailer.</summary>
    bool EndMember()
    {
        while (_inputEnd - _inputStart < GzipHeader.TrailerLength)
        {
            if (!ReadMore())
                return false;
        }
        var trailer = _input.AsSpan(_inputStart, GzipHeader.TrailerLength);
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != _crc)
            throw new InvalidDataException("incorrect data check");
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) != _length)
            throw new InvalidDataException("incorrect length check");
        _inputStart += GzipHeader.TrailerLength;
        _part = _inputStart < _inputEnd || Refill() ? Part.Header : Part.End;
        return true;
    }

    bool Refill()
    {
        if (_fileEnded)
            return false;
        (_inputStart, _inputEnd) = (0, _file.Read(_input, 0, _inputSize));
        _fileEnded = _inputEnd == 0;
        return !_fileEnded;
    }

    /// <summary>Appends input to the bytes not yet used (a header or trailer across two reads, or longer than a
    /// read); false at the end of the file.</summary>
    bool ReadMore()
    {
        if (_fileEnded)
            return false;
        var left = _inputEnd - _inputStart;
        if (left > MaxHeaderLength)
            throw new InvalidDataException($"gzip header longer than {MaxHeaderLength} bytes");
        var input = _input.Length >= left + _inputSize ? _input : ArrayPool<byte>.Shared.Rent(left + _inputSize);
        _input.AsSpan(_inputStart, left).CopyTo(input);
        if (input != _input)
        {
            ArrayPool<byte>.Shared.Return(_input);
            _input = input;
        }
        var read = _file.Read(_input, left, _inputSize);
        (_inputStart, _inputEnd, _fileEnded) = (0, left + read, read == 0);
        return read > 0;
    }

    /// <summary>Compressed bytes consumed (for progress).</summary>
    public long CompressedPosition => _file.Position - (_inputEnd - _inputStart);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _state.Dispose();
            _file.Dispose();
            if (_input.Length > 0)
                ArrayPool<byte>.Shared.Return(_input);
            _input = [];
        }
        base.Dispose(disposing);
    }

    /// <summary>zlib's stream state, in native memory (zlib's own state lives behind it) and released with
    /// inflateEnd even if the reader is never disposed.</summary>
    sealed unsafe class InflateState : SafeHandle
    {
        InflateState()
            : base(IntPtr.Zero, ownsHandle: true)
        {
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        public Zlib.Stream* Stream => (Zlib.Stream*)handle;

        public static InflateState Open(int windowBits)
        {
            var state = new InflateState();
            state.SetHandle((IntPtr)NativeMemory.AllocZeroed((nuint)sizeof(Zlib.Stream)));
            int code;
            try
            {
                code = Zlib.InflateInit2(state.Stream, windowBits);
            }
            catch
            {
                NativeMemory.Free(state.Stream);
                state.SetHandleAsInvalid();
                throw;
            }
            if (code != Zlib.Ok)
            {
                NativeMemory.Free(state.Stream);
                state.SetHandleAsInvalid();
                throw new InvalidOperationException($"zlib inflateInit2 failed ({code})");
            }
            return state;
        }

        public void Reset(int windowBits)
        {
            var code = Zlib.InflateReset2(Stream, windowBits);
            if (code != Zlib.Ok)
                throw new InvalidDataException(Message(code));
        }

        public string Message(int code) => Stream->Message != IntPtr.Zero
            ? Marshal.PtrToStringUTF8(Stream->Message) ?? $"zlib error {code}"
            : $"zlib error {code}";

        protected override bool ReleaseHandle()
        {
            Zlib.InflateEnd(Stream);
            NativeMemory.Free(Stream);
            return true;
        }
    }
}

/// <summary>The runtime's zlib entry points (dotnet/runtime src/native/libs/System.IO.Compression.Native,
/// pal_zlib.h), as System.IO.Compression binds them.</summary>
static unsafe partial class Zlib
{
    const string Library = "libSystem.IO.Compression.Native";

    public const int Ok = 0, StreamEnd = 1, BufError = -5, NoFlush = 0;

    /// <summary>PAL_ZStream: the fields of zlib's z_stream that cross the boundary, copied in and out per call.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Stream
    {
        public byte* NextIn;
        public byte* NextOut;
        public IntPtr Message;
        public IntPtr InternalState;
        public uint AvailIn;
        public uint AvailOut;
    }

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateInit2_")]
    public static partial int InflateInit2(Stream* stream, int windowBits);

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateReset2_")]
    public static partial int InflateReset2(Stream* stream, int windowBits);

    [LibraryImport(Library, EntryPoint = "CompressionNative_Inflate")]
    public static partial int Inflate(Stream* stream, int flush);

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateEnd")]
    public static partial int InflateEnd(Stream* stream);

    [LibraryImport(Library, EntryPoint = "CompressionNative_Crc32")]
    public static partial uint Crc32(uint crc, byte* buffer, int length);
}
