using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>8</c> ExecutionReport: every order state change (new, fill, cancel, reject), sent to the order's sender and owner
/// (PROTOCOL.md §2.3, §3.9). Invariant: <c>CumQty + LeavesQty + CxlQty == OrderQty</c>.
/// </summary>
/// <remarks>
/// The client parses one of these per order event, so the record is stored packed (the members read and compare as
/// declared): the six enumerations as one byte each (their known values; an unknown raw value is kept aside),
/// <see cref="OrderDate"/> and <see cref="Volume"/> without their nullable wrappers, and the members only rejects, stop
/// orders and synthesized reports carry in one object allocated when one is set. That takes the record from 264 to
/// 152 bytes (docs/performance.md, "Protocol").
/// </remarks>
[JsonConverter(typeof(ExecutionReportJsonConverter))]
[MessageType(MessageTypes.ExecutionReport)]
public sealed partial record ExecutionReport : BlinkTradeMessage
{
    private byte _execType;
    private byte _ordStatus;
    private byte _execSide;
    private byte _side;
    private byte _ordType;
    private byte _timeInForce;
    private bool _hasOrderDate;
    private bool _hasVolume;
    private DateTime _orderDate;
    private Amount _volume;
    private ExecutionReportDetails? _details;

    /// <summary>Exchange order id.</summary>
    public long OrderID { get; init; }

    /// <summary>Client order id as sent.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Execution id (monotonic per exchange).</summary>
    public long ExecID { get; init; }

    /// <summary>What happened: new, partial fill, fill, cancel, reject.</summary>
    public ExecType ExecType { get => Decode<ExecType>(_execType, 0); init => _execType = Encode(value, 0); }

    /// <summary>Order status after the event.</summary>
    public OrdStatus OrdStatus { get => Decode<OrdStatus>(_ordStatus, 1); init => _ordStatus = Encode(value, 1); }

    /// <summary>Side of the aggressor of the match that produced a fill report; the order's own side otherwise.
    /// A client was the maker when <c>ExecSide != Side</c>.</summary>
    public Side ExecSide { get => Decode<Side>(_execSide, 2); init => _execSide = Encode(value, 2); }

    /// <summary>Instrument.</summary>
    public string? Symbol { get; init; }

    /// <summary>Order side.</summary>
    public Side Side { get => Decode<Side>(_side, 3); init => _side = Encode(value, 3); }

    /// <summary>Order type.</summary>
    public OrdType OrdType { get => Decode<OrdType>(_ordType, 4); init => _ordType = Encode(value, 4); }

    /// <summary>Time in force.</summary>
    public TimeInForce? TimeInForce
    {
        get => _timeInForce == WireEnumCode.Absent ? null : Decode<TimeInForce>(_timeInForce, 5);
        init => _timeInForce = value is { } present ? EncodePresent(present, 5) : Encode<TimeInForce>(default, 5);
    }

    /// <summary>Original quantity.</summary>
    public Quantity OrderQty { get; init; }

    /// <summary>Limit price (0 for market orders).</summary>
    public Price Price { get; init; }

    /// <summary>Stop trigger price, for stop orders.</summary>
    public Price? StopPx
    {
        get => _details?.StopPx;
        init
        {
            if (value != StopPx)
            {
                Details((_details ?? ExecutionReportDetails.Empty) with { StopPx = value });
            }
        }
    }

    /// <summary>Quantity of this fill (0 on non-fill reports).</summary>
    public Quantity LastShares { get; init; }

    /// <summary>Price of this fill (0 on non-fill reports).</summary>
    public Price LastPx { get; init; }

    /// <summary>Quantity still open.</summary>
    public Quantity LeavesQty { get; init; }

    /// <summary>Quantity executed so far.</summary>
    public Quantity CumQty { get; init; }

    /// <summary>Quantity cancelled.</summary>
    public Quantity CxlQty { get; init; }

    /// <summary>Floor of the quantity-weighted average fill price.</summary>
    public Price AvgPx { get; init; }

    /// <summary>Why the order was rejected (rejects only).</summary>
    public OrdRejReason? OrdRejReason
    {
        get => _details?.OrdRejReason;
        init
        {
            if (value != OrdRejReason)
            {
                Details((_details ?? ExecutionReportDetails.Empty) with { OrdRejReason = value });
            }
        }
    }

    /// <summary>Readable explanation (rejects).</summary>
    public string? Text
    {
        get => _details?.Text;
        init
        {
            if (!string.Equals(value, Text, StringComparison.Ordinal))
            {
                Details((_details ?? ExecutionReportDetails.Empty) with { Text = value });
            }
        }
    }

    /// <summary>Execution instruction echoed (post-only).</summary>
    public ExecInst? ExecInst
    {
        get => _details?.ExecInst;
        init
        {
            if (value != ExecInst)
            {
                Details((_details ?? ExecutionReportDetails.Empty) with { ExecInst = value });
            }
        }
    }

    /// <summary>The order's creation time, when sent.</summary>
    public DateTime? OrderDate
    {
        get => _hasOrderDate ? _orderDate : null;
        init => (_hasOrderDate, _orderDate) = (value.HasValue, value.GetValueOrDefault());
    }

    /// <summary>Executed notional <c>CumQty × AvgPx / 1e8</c>; the server does not send it (clients compute it).</summary>
    public Amount? Volume
    {
        get => _hasVolume ? _volume : null;
        init => (_hasVolume, _volume) = (value.HasValue, value.GetValueOrDefault());
    }

    /// <summary>
    /// <see langword="true"/> when the client made this report up instead of receiving it (never on the wire): the
    /// order changed while the connection was down, or a live report's <c>CumQty</c> jumped further than its
    /// <c>LastShares</c>. Such a report has <c>ExecID</c> 0 (the exchange has none for it); when it carries a fill,
    /// <c>LastShares</c> is the missing quantity and <c>LastPx</c> its volume-weighted price (PROTOCOL.md G41), so the
    /// <c>LastShares</c> of an order's reports always add up to its <c>CumQty</c>. It comes before the live report
    /// that revealed the gap.
    /// </summary>
    [JsonIgnore]
    public bool IsSynthesized
    {
        get => _details?.IsSynthesized ?? false;
        init
        {
            if (value != IsSynthesized)
            {
                Details((_details ?? ExecutionReportDetails.Empty) with { IsSynthesized = value });
            }
        }
    }

    // The rare members' object, or none when they are all unset (so equal reports compare equal).
    private void Details(ExecutionReportDetails details) => _details = details.IsEmpty ? null : details;

    // One enumeration member's byte; an unknown raw value goes to the details (slot = the member).
    private byte Encode<T>(T value, int slot)
        where T : struct, IWireEnum<T>
    {
        var code = WireEnumCode.Encode(value);
        var unknown = code == WireEnumCode.Unknown ? value.Value : null;
        if (!string.Equals(_details?.Unknown(slot), unknown, StringComparison.Ordinal))
        {
            Details((_details ?? ExecutionReportDetails.Empty).WithUnknown(slot, unknown));
        }
        return code;
    }

    private byte EncodePresent<T>(T value, int slot)
        where T : struct, IWireEnum<T>
        => EqualityComparer<T>.Default.Equals(value, default) ? WireEnumCode.PresentDefault : Encode(value, slot);

    private T Decode<T>(byte code, int slot)
        where T : struct, IWireEnum<T>
        => WireEnumCode.Decode<T>(code, _details?.Unknown(slot));
}
