using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlinkTrade.Testing.Tapes;

/// <summary>
/// The order book a tape's market data leaves for a symbol: the last full refresh (<c>W</c>) the exchange sent, with
/// every incremental refresh (<c>X</c>) after it applied by position (PROTOCOL.md §3.8: new inserts, change replaces,
/// delete removes, delete-thru removes from the top through the position). Trades and volume entries are skipped.
/// </summary>
internal static class TapeMarketData
{
    private const decimal SatoshisPerUnit = 100_000_000m;

    /// <summary>(asks, bids) best first, in whole units; null when the tape has no full refresh of the symbol.</summary>
    public static (List<(decimal Price, decimal Quantity)> Asks, List<(decimal Price, decimal Quantity)> Bids)? BookOf(SessionTape tape, string symbol)
    {
        List<(decimal, decimal)>? asks = null;
        List<(decimal, decimal)>? bids = null;
        foreach (var entry in tape.Entries)
        {
            if (entry.Direction != TapeDirection.ExchangeToClient || entry.Frame is not { } frame)
            {
                continue;
            }
            if (entry.MsgType == "W" && Text(frame["Symbol"]) == symbol)
            {
                asks = [];
                bids = [];
                foreach (var level in (frame["MDFullGrp"] as JsonArray ?? []).OfType<JsonObject>().Where(IsBookEntry))
                {
                    (Text(level["MDEntryType"]) == "0" ? bids : asks).Add(Level(level));
                }
            }
            else if (entry.MsgType == "X" && asks is not null && bids is not null)
            {
                foreach (var update in (frame["MDIncGrp"] as JsonArray ?? []).OfType<JsonObject>().Where(u => IsBookEntry(u) && Text(u["Symbol"]) == symbol))
                {
                    Apply(Text(update["MDEntryType"]) == "0" ? bids : asks, update);
                }
            }
        }
        return asks is null || bids is null ? null : (asks, bids);
    }

    private static void Apply(List<(decimal, decimal)> side, JsonObject update)
    {
        var index = (int)Number(update["MDEntryPositionNo"]) - 1;
        switch (Text(update["MDUpdateAction"]))
        {
            case "0":
                side.Insert(Math.Clamp(index, 0, side.Count), Level(update));
                break;
            case "1" when index >= 0 && index < side.Count:
                side[index] = Level(update);
                break;
            case "2" when index >= 0 && index < side.Count:
                side.RemoveAt(index);
                break;
            case "3":
                side.RemoveRange(0, Math.Clamp(index + 1, 0, side.Count));
                break;
        }
    }

    private static bool IsBookEntry(JsonObject entry) => Text(entry["MDEntryType"]) is "0" or "1";

    private static (decimal, decimal) Level(JsonObject entry) => (Number(entry["MDEntryPx"]) / SatoshisPerUnit, Number(entry["MDEntrySize"]) / SatoshisPerUnit);

    private static string? Text(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => node.ToJsonString(),
        _ => null,
    };

    private static decimal Number(JsonNode? node) =>
        decimal.Parse(Text(node) ?? "0", System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
