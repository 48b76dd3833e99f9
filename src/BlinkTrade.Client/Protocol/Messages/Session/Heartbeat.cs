using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>0</c> Heartbeat: the answer to a <see cref="TestRequest"/>.</summary>
[JsonConverter(typeof(HeartbeatJsonConverter))]
[MessageType(MessageTypes.Heartbeat)]
public sealed partial record Heartbeat : BlinkTradeMessage
{
    /// <summary>The request's <see cref="TestRequest.TestReqID"/>.</summary>
    public string? TestReqID { get; init; }

    /// <summary>The request's <see cref="TestRequest.SendTime"/>, echoed verbatim (only if it was sent).</summary>
    public long? SendTime { get; init; }

    /// <summary>Server time in unix seconds.</summary>
    public long? ServerTimestamp { get; init; }

    /// <summary>Client receive time some SDK mocks add (epoch milliseconds); not sent by servers.</summary>
    public long? ClientTimestamp { get; init; }
}
