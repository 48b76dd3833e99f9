using System.Text.Json.Serialization;
using System.Text.Json;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

// The wire fields, attributes and docs of this record are in Protocol/Dictionary/Messages.json.
public sealed partial record MarketDataEntry
{
    /// <summary>The 1e8-scaled volume of <paramref name="currency"/> in a volume entry (<c>MDEntryType "4"</c>).</summary>
    /// <param name="currency">A currency code, e.g. <c>BTC</c>.</param>
    /// <returns>The volume, or <see langword="null"/> when absent or not an integer.</returns>
    public Amount? VolumeOf(string currency)
        => TryGetExtension(currency, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var satoshis)
            ? new Amount(satoshis)
            : null;
}
