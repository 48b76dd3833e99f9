namespace BlinkTrade.Client.Protocol;

/// <summary>Why a frame could not be turned into a message.</summary>
public enum ProtocolErrorKind
{
    /// <summary>The frame is not valid JSON (truncated, binary, bad UTF-8, too deep…).</summary>
    MalformedJson,

    /// <summary>The frame is JSON but not an object.</summary>
    NotAnObject,

    /// <summary>The object has no string <c>MsgType</c>.</summary>
    MissingMsgType,

    /// <summary>A known message has a field of the wrong type or out of range.</summary>
    InvalidField,

    /// <summary>The frame is empty.</summary>
    Empty,
}
