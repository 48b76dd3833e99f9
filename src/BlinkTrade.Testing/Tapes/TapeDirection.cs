namespace BlinkTrade.Testing.Tapes;

/// <summary>Which way a taped frame went.</summary>
public enum TapeDirection
{
    /// <summary>Sent by the client, received by the exchange (<c>"out"</c> on the tape).</summary>
    ClientToExchange,

    /// <summary>Sent by the exchange, received by the client (<c>"in"</c> on the tape).</summary>
    ExchangeToClient,
}
