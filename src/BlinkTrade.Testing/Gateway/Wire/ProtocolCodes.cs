using System.Globalization;
using BlinkTrade.Testing.Matching;
using Protocol = BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>
/// Engine values → the SDK's protocol values (PROTOCOL.md Appendix A), for replies encoded from records. The engine's
/// enums carry the FIX codes as their numbers, so each maps through the protocol type's own table of known values.
/// </summary>
internal static class ProtocolCodes
{
    // The one-digit codes, so a reply does not format a new string per value.
    private static readonly string[] Digits = [.. Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture))];

    public static Protocol.Side Side(Side side) => side == Matching.Side.Buy ? Protocol.Side.Buy : Protocol.Side.Sell;

    public static Protocol.OrdType OrdType(OrderType type) => Protocol.OrdType.FromWire(Code((byte)type));

    public static Protocol.TimeInForce TimeInForce(TimeInForce tif) => Protocol.TimeInForce.FromWire(Code((byte)tif));

    public static Protocol.OrdStatus Status(OrderStatus status) => Protocol.OrdStatus.FromWire(Code((byte)status));

    /// <summary>An engine timestamp (UTC ticks) as the records' wire date-time.</summary>
    public static DateTime Time(long utcTicks) => new(utcTicks, DateTimeKind.Utc);

    private static string Code(byte value) => value < Digits.Length ? Digits[value] : value.ToString(CultureInfo.InvariantCulture);
}
