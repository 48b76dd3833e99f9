using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>
/// The <c>TransactTime</c> of an execution report ("yyyy-MM-dd HH:mm:ss", UTC): a field the SDK's
/// <c>ExecutionReport</c> does not model, so the exchange writes it as the record's extension data (where the client
/// reads it back).
/// </summary>
/// <remarks>
/// The wire value has whole seconds, so every report of one second shares one read-only map: building a
/// <see cref="JsonElement"/> per report would cost more than the rest of the report (the <c>8</c> is the hottest
/// publication).
/// </remarks>
internal static class TransactTime
{
    private static Second? s_last;

    /// <summary>The extension data holding the <c>TransactTime</c> of engine timestamp <paramref name="utcTicks"/>.</summary>
    public static IDictionary<string, JsonElement> Of(long utcTicks)
    {
        var second = utcTicks / TimeSpan.TicksPerSecond;
        var last = s_last;
        if (last is null || last.Number != second)
        {
            s_last = last = new Second(second);
        }
        return last.Fields;
    }

    private sealed class Second
    {
        public Second(long number)
        {
            Number = number;
            var text = new DateTime(number * TimeSpan.TicksPerSecond, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            using var document = JsonDocument.Parse("\"" + text + "\"");
            Fields = new ReadOnlyDictionary<string, JsonElement>(new Dictionary<string, JsonElement>(1, StringComparer.Ordinal)
            {
                ["TransactTime"] = document.RootElement.Clone(),
            });
        }

        public long Number { get; }

        public IDictionary<string, JsonElement> Fields { get; }
    }
}
