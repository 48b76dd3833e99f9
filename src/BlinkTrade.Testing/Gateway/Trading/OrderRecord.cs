using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Gateway.Trading;

/// <summary>The gateway's copy of an order (open or closed) for U4/U5; the engine keeps only open orders.</summary>
internal sealed class OrderRecord
{
    public required long OrderId { get; init; }

    public required int UserId { get; init; }

    public required int BrokerId { get; init; }

    /// <summary>Who sent the order: the owner, or a broker acting for its customer.</summary>
    public int SenderUserId { get; init; }

    public string? ClOrdId { get; init; }

    public required string Symbol { get; init; }

    public Side Side { get; init; }

    public OrderType OrderType { get; init; }

    public TimeInForce TimeInForce { get; init; }

    public long OrderQty { get; init; }

    public long Price { get; init; }

    public long CumQty { get; set; }

    public long LeavesQty { get; set; }

    public long CxlQty { get; set; }

    public long AvgPx { get; set; }

    public OrderStatus Status { get; set; }

    public DateTimeOffset Created { get; init; }
}
