namespace BlinkTrade.Client.Protocol;

/// <summary>
/// A frame could not be parsed into a message. It carries the raw frame so a stream can report it and go on.
/// </summary>
/// <remarks>
/// The exception message never includes the frame's content (a malformed login frame may hold a password);
/// read <see cref="RawFrame"/> deliberately if you need it.
/// </remarks>
public sealed class ProtocolException : BlinkTradeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">A description that does not quote the frame.</param>
    /// <param name="rawFrame">The frame's bytes.</param>
    /// <param name="msgType">The frame's MsgType, when it could be read.</param>
    /// <param name="innerException">The parser's exception.</param>
    public ProtocolException(ProtocolErrorKind kind, string message, ReadOnlyMemory<byte> rawFrame, string? msgType = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        RawFrame = rawFrame;
        MsgType = msgType;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ProtocolException() : this(ProtocolErrorKind.MalformedJson, "The frame could not be parsed.", ReadOnlyMemory<byte>.Empty)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The description.</param>
    public ProtocolException(string message) : this(ProtocolErrorKind.MalformedJson, message, ReadOnlyMemory<byte>.Empty)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The description.</param>
    /// <param name="innerException">The cause.</param>
    public ProtocolException(string message, Exception innerException) : this(ProtocolErrorKind.MalformedJson, message, ReadOnlyMemory<byte>.Empty, null, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public ProtocolErrorKind Kind { get; }

    /// <summary>The frame exactly as received (may contain credentials: handle with care).</summary>
    public ReadOnlyMemory<byte> RawFrame { get; }

    /// <summary>The frame's MsgType, when it could be read.</summary>
    public string? MsgType { get; }
}
