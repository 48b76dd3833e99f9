using System.Text.Json;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>U18</c> DepositRequest (PROTOCOL.md §2.5): <c>Currency</c> only → new crypto deposit address;
/// <c>DepositMethodID</c> + <c>Value</c> → new fiat deposit; <c>DepositID</c> → look up (or act on it with <c>Action</c>).
/// </summary>
[MessageType(MessageTypes.DepositRequest)]
public sealed partial record DepositRequest : BlinkTradeMessage
{
    /// <summary>Correlation id echoed in the <see cref="DepositResponse"/>.</summary>
    public long DepositReqID { get; init; }

    /// <summary>Fiat deposit method.</summary>
    public int? DepositMethodID { get; init; }

    /// <summary>An existing deposit to look up or act on.</summary>
    public string? DepositID { get; init; }

    /// <summary>Currency of a new crypto deposit.</summary>
    public string? Currency { get; init; }

    /// <summary>Declared value (fiat deposits, or the amount of an instant credit).</summary>
    public Amount? Value { get; init; }

    /// <summary>Client reference.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Messages to run when the deposit completes (e.g. an automatic buy order).</summary>
    public IReadOnlyList<JsonElement>? Instructions { get; init; }

    /// <summary>Broker.</summary>
    public int? BrokerID { get; init; }

    /// <summary>Action on an existing deposit (2016+): <c>CREDIT</c>, <c>CANCEL</c>, <c>PROGRESS</c>, <c>COMPLETE</c>.</summary>
    public string? Action { get; init; }
}
