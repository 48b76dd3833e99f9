namespace BlinkTrade.Client.Transport;

/// <summary>A peer sent a frame larger than the configured maximum; the connection is no longer usable.</summary>
public sealed class FrameTooLargeException : ConnectionClosedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="maxFrameBytes">The configured maximum.</param>
    public FrameTooLargeException(int maxFrameBytes)
        : base($"A frame exceeded the maximum size of {maxFrameBytes} bytes.")
        => MaxFrameBytes = maxFrameBytes;

    /// <summary>Creates the exception.</summary>
    public FrameTooLargeException() : this(0)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public FrameTooLargeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public FrameTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The configured maximum frame size in bytes.</summary>
    public int MaxFrameBytes { get; }
}
