using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Session;

/// <summary>What a <see cref="SessionConnection"/> reports to its owner (the client). Called on the receive loop:
/// implementations must be quick and must not block.</summary>
internal interface ISessionSink
{
    /// <summary>Every parsed inbound message, after correlation.</summary>
    void OnMessage(SessionConnection session, BlinkTradeMessage message);

    /// <summary>A recovered problem for the errors stream.</summary>
    void OnError(BlinkTradeClientError error);

    /// <summary>A heartbeat round trip.</summary>
    void OnLatency(TimeSpan latency);

    /// <summary>A message waited <paramref name="delay"/> for pacing before it was released to the writer.</summary>
    void OnPacingDelay(string msgType, TimeSpan delay);
}
