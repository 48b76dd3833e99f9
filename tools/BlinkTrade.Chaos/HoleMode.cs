namespace BlinkTrade.Chaos;

/// <summary>What a black hole does with the bytes that fall into it.</summary>
internal enum HoleMode
{
    /// <summary>No hole: bytes flow.</summary>
    None,

    /// <summary>Bytes are discarded (the connection is reset when the hole ends).</summary>
    Drop,

    /// <summary>Bytes are held and delivered together when the hole ends.</summary>
    Freeze,
}
