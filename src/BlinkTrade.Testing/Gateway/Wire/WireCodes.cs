using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>Engine enums ↔ FIX wire strings (PROTOCOL.md Appendix A).</summary>
internal static class WireCodes
{
    public static string Side(Side side) => side == Matching.Side.Buy ? "1" : "2";

    public static string BookEntryType(Side side) => side == Matching.Side.Buy ? "0" : "1";

    public static string Number(byte value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string OrdType(OrderType type) => Number((byte)type);

    public static string TimeInForce(TimeInForce tif) => Number((byte)tif);

    public static string ExecType(ExecType type) => Number((byte)type);

    public static string Status(OrderStatus status) => Number((byte)status);

    public static string RejectReason(OrderRejectReason reason) => ((int)reason).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    public static string Date(long utcTicks) => Time(utcTicks).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string TimeOfDay(long utcTicks) => Time(utcTicks).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
