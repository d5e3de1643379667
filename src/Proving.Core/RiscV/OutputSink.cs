namespace Proving.Core.RiscV;

/// <summary>One guest output (stdout, stderr or the journal): forwarded to a stream or captured, with a byte limit.</summary>
internal sealed class OutputSink(Stream? target, long limit, string name)
{
    private readonly MemoryStream captured = new();

    public string Name { get; } = name;

    public long Limit { get; } = limit;

    public long Written { get; private set; }

    /// <summary>False when adding <paramref name="count"/> bytes would pass the limit.</summary>
    public bool Fits(long count) => count <= Limit - Written;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Written += bytes.Length;
        if (target is null) captured.Write(bytes);
        else target.Write(bytes);
    }

    public byte[] ToArray() => captured.ToArray();

    public void Flush() => target?.Flush();
}
