using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Matching;
using Microsoft.AspNetCore.Http;
using Side = BlinkTrade.Testing.Matching.Side;

namespace BlinkTrade.Testing.Hosting.Tapi;

/// <summary>
/// The public, read-only REST market data (PROTOCOL.md §2.11): <c>GET /api/v1/&lt;QUOTE&gt;/{ticker|orderbook|trades}
/// ?crypto_currency=BTC[&amp;since=&amp;limit=]</c>, in decimal floats (satoshis ÷ 1e8). Read on the exchange's actor,
/// so an answer is consistent with every message processed before it. JSONP through <c>callback</c> or <c>jsonp</c>.
/// </summary>
internal sealed class PublicMarketDataHandler(ExchangeRuntime runtime)
{
    /// <summary>The order book's depth per side (§2.11).</summary>
    public const int MaxBookDepth = 100;

    /// <summary>Trades per answer when <c>limit</c> is absent, and the most a <c>limit</c> may ask for.</summary>
    public const int DefaultTradeLimit = 100;

    /// <inheritdoc cref="DefaultTradeLimit"/>
    public const int MaxTradeLimit = 1000;

    // A Since above this is a unix timestamp, below it a TradeID (§5 G26).
    private const long SinceTimestampThreshold = 1_000_000_000;

    // The request id f carries when it is built for REST (any value does: it is not echoed to anyone).
    private static readonly JsonElement s_noRequestId = JsonDocument.Parse("0").RootElement;

    public Task TickerAsync(HttpContext context) => AnswerAsync(context, (state, data, w) =>
    {
        // The ticker is the f message's statistics (24-hour high, low, volumes, best bid/ask), read back as its record.
        var ticker = ProtocolSerializer.Deserialize<Ticker>(state.MarketData.SecurityStatus(data, s_noRequestId, state.Now));
        w.WriteStartObject();
        w.WriteString("pair", data.Symbol);
        WriteDecimal(w, "high", ticker.HighPx?.Satoshis ?? 0);
        WriteDecimal(w, "low", ticker.LowPx?.Satoshis ?? 0);
        WriteDecimal(w, "last", ticker.LastPx?.Satoshis ?? 0);
        WriteDecimal(w, "vol", ticker.BaseVolume24h?.Satoshis ?? 0);
        WriteDecimal(w, "vol_" + data.QuoteCurrency.ToLowerInvariant(), ticker.QuoteVolume24h?.Satoshis ?? 0);
        WriteDecimal(w, "buy", ticker.BestBid?.Satoshis ?? 0);
        WriteDecimal(w, "sell", ticker.BestAsk?.Satoshis ?? 0);
        w.WriteEndObject();
    });

    public Task OrderBookAsync(HttpContext context) => AnswerAsync(context, (state, data, w) =>
    {
        w.WriteStartObject();
        w.WriteString("pair", data.Symbol);
        WriteSide(w, "bids", state.Engine.GetBook(data.Symbol, Side.Buy, MaxBookDepth));
        WriteSide(w, "asks", state.Engine.GetBook(data.Symbol, Side.Sell, MaxBookDepth));
        w.WriteEndObject();
    });

    public Task TradesAsync(HttpContext context)
    {
        var query = context.Request.Query;
        long since = 0;
        var limit = DefaultTradeLimit;
        if ((query["since"].ToString() is { Length: > 0 } sinceText && !long.TryParse(sinceText, NumberStyles.None, CultureInfo.InvariantCulture, out since))
            || (query["limit"].ToString() is { Length: > 0 } limitText
                && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxTradeLimit)))
        {
            return WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"since must be a non-negative integer and limit within 1..{MaxTradeLimit}.");
        }
        var hasSince = query.ContainsKey("since") && since > 0;
        return AnswerAsync(context, (_, data, w) =>
        {
            w.WriteStartArray();
            foreach (var trade in SelectTrades(data.Trades, hasSince, since, limit))
            {
                w.WriteStartObject();
                w.WriteNumber("tid", trade.TradeId);
                w.WriteNumber("date", trade.Created.ToUnixTimeSeconds());
                WriteDecimal(w, "price", trade.Price);
                WriteDecimal(w, "amount", trade.Quantity);
                w.WriteString("side", trade.AggressorSide == Side.Buy ? "buy" : "sell");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    // With since: the first trades after it (a TradeID, or a unix time when above 1e9), oldest first, so callers page
    // forward by the last tid. Without: the latest trades, oldest first.
    internal static IEnumerable<TradeRecord> SelectTrades(List<TradeRecord> trades, bool hasSince, long since, int limit)
    {
        if (!hasSince)
        {
            return trades.Skip(Math.Max(0, trades.Count - limit));
        }
        return since > SinceTimestampThreshold
            ? trades.Where(t => t.Created.ToUnixTimeSeconds() > since).Take(limit)
            : trades.Where(t => t.TradeId > since).Take(limit);
    }

    private async Task AnswerAsync(HttpContext context, Action<ExchangeState, SymbolMarketData, Utf8JsonWriter> write)
    {
        var quote = (context.Request.RouteValues["quote"] as string ?? string.Empty).ToUpperInvariant();
        var crypto = context.Request.Query["crypto_currency"].ToString() is { Length: > 0 } c ? c.ToUpperInvariant() : "BTC";
        var callback = context.Request.Query["callback"].ToString() is { Length: > 0 } cb ? cb : context.Request.Query["jsonp"].ToString();
        if (callback.Length > 0 && !IsIdentifier(callback))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "callback must be a JavaScript identifier.").ConfigureAwait(false);
            return;
        }
        var body = await runtime.Actor.InvokeAsync(state =>
        {
            var data = state.MarketData.Symbols.FirstOrDefault(s =>
                string.Equals(s.BaseCurrency, crypto, StringComparison.OrdinalIgnoreCase) && string.Equals(s.QuoteCurrency, quote, StringComparison.OrdinalIgnoreCase));
            if (data is null)
            {
                return null;
            }
            var output = new ArrayBufferWriter<byte>(1024);
            using (var writer = new Utf8JsonWriter(output))
            {
                write(state, data, writer);
            }
            return output.WrittenSpan.ToArray();
        }, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, $"No instrument {crypto}/{quote}.").ConfigureAwait(false);
            return;
        }
        if (callback.Length == 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = "application/javascript";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(callback + "("), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.WriteAsync(")"u8.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteSide(Utf8JsonWriter w, string name, IReadOnlyList<BookEntry> entries)
    {
        w.WriteStartArray(name);
        foreach (var entry in entries)
        {
            w.WriteStartArray();
            w.WriteNumberValue(ToDecimal(entry.Price));
            w.WriteNumberValue(ToDecimal(entry.Quantity));
            w.WriteNumberValue(entry.UserId);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void WriteDecimal(Utf8JsonWriter w, string name, long satoshis) => w.WriteNumber(name, ToDecimal(satoshis));

    // Exact: a decimal with scale 8 is the satoshi count itself, no binary floating point on the way.
    private static decimal ToDecimal(long satoshis) => new Amount(satoshis).ToDecimal();

    private static bool IsIdentifier(string name) =>
        name.Length <= 64 && !char.IsAsciiDigit(name[0]) && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '$' or '.');

    private static async Task WriteErrorAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var output = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteNumber("Status", status);
            writer.WriteString("Description", status == StatusCodes.Status404NotFound ? "Not found" : "Invalid parameter");
            writer.WriteString("Detail", detail);
            writer.WriteEndObject();
        }
        await context.Response.Body.WriteAsync(output.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
