using System.Globalization;
using BlinkTrade.Testing.Matching;
using Protocol = BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>
/// The engine's enums and clock as the SDK's record types (PROTOCOL.md Appendix A): the values publications are built
/// from. Each wire code is made once (a table per enum), so building a record allocates no string.
/// </summary>
internal static class ProtocolCodes
{
    private static readonly Protocol.ExecType[] ExecTypes = Table(Protocol.ExecType.FromWire);
    private static readonly Protocol.OrdStatus[] Statuses = Table(Protocol.OrdStatus.FromWire);
    private static readonly Protocol.OrdType[] OrdTypes = Table(Protocol.OrdType.FromWire);
    private static readonly Protocol.TimeInForce[] TimesInForce = Table(Protocol.TimeInForce.FromWire);
    private static readonly Protocol.OrdRejReason[] RejectReasons = Table(Protocol.OrdRejReason.FromWire);
    private static readonly Protocol.MarketDataUpdateAction[] UpdateActions = Table(Protocol.MarketDataUpdateAction.FromWire);

    public static Protocol.Side Side(Side side) => side == Matching.Side.Buy ? Protocol.Side.Buy : Protocol.Side.Sell;

    public static Protocol.MarketDataEntryType BookEntryType(Side side) => side == Matching.Side.Buy ? Protocol.MarketDataEntryType.Bid : Protocol.MarketDataEntryType.Offer;

    public static Protocol.ExecType ExecType(ExecType type) => ExecTypes[(byte)type];

    public static Protocol.OrdStatus Status(OrderStatus status) => Statuses[(byte)status];

    public static Protocol.OrdType OrdType(OrderType type) => OrdTypes[(byte)type];

    public static Protocol.TimeInForce TimeInForce(TimeInForce tif) => TimesInForce[(byte)tif];

    public static Protocol.MarketDataUpdateAction UpdateAction(BookUpdateAction action) => UpdateActions[(byte)action];

    public static Protocol.OrdRejReason RejectReason(OrderRejectReason reason)
        => reason >= 0 ? RejectReasons[(int)reason] : Protocol.OrdRejReason.FromWire(((int)reason).ToString(CultureInfo.InvariantCulture));

    /// <summary>An engine timestamp (UTC ticks) as a UTC <see cref="DateTime"/>.</summary>
    public static DateTime Time(long utcTicks) => new(utcTicks, DateTimeKind.Utc);

    private static T[] Table<T>(Func<string, T> fromWire)
    {
        // Every engine code is a byte; the codes the protocol knows map to the SDK's named values.
        var table = new T[128];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = fromWire(i.ToString(CultureInfo.InvariantCulture));
        }
        return table;
    }
}
