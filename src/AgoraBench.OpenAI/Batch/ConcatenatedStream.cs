namespace AgoraBench.OpenAI;

/// <summary>A read-only, seekable stream over byte arrays read one after another, so a batch file is uploaded without copying its lines into one buffer.</summary>
internal sealed class ConcatenatedStream : Stream
{
    private readonly IReadOnlyList<byte[]> _parts;
    private readonly long _length;
    private long _position;
    private int _part;
    private int _offset;

    public ConcatenatedStream(IReadOnlyList<byte[]> parts)
    {
        _parts = parts;
        _length = parts.Sum(p => (long)p.Length);
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int written = 0;
        while (written < buffer.Length && _part < _parts.Count)
        {
            var part = _parts[_part];
            int n = Math.Min(buffer.Length - written, part.Length - _offset);
            part.AsSpan(_offset, n).CopyTo(buffer[written..]);
            written += n;
            _offset += n;
            if (_offset == part.Length)
            {
                _part++;
                _offset = 0;
            }
        }

        _position += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = Math.Min(target, _length);
        _part = 0;
        long left = _position;
        while (_part < _parts.Count && left >= _parts[_part].Length)
        {
            left -= _parts[_part].Length;
            _part++;
        }

        _offset = (int)left;
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
