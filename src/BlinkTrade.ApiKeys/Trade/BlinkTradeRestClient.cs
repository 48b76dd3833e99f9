using System.Net.Http.Headers;
using BlinkTrade.ApiKeys.Pipeline;
using BlinkTrade.ApiKeys.Rest;
using BlinkTrade.ApiKeys.Trade;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlinkTrade.ApiKeys;

/// <summary>
/// Trades over the exchange's REST endpoint <c>POST /tapi/v1/message</c> (PROTOCOL.md §4.4) with the WebSocket
/// client's own request records: one message per call, signed with the API key's secret over a strictly increasing
/// nonce, answered with the typed reply and every message the call caused. For a bot that places a few orders a day,
/// a serverless function or a script — no long-lived socket.
/// </summary>
/// <remarks>
/// <para>Built on the same HTTP stack as <see cref="ApiKeysClient"/>: a Refit client generated at build time, the
/// Microsoft.Extensions.Http.Resilience pipeline (429 waits <c>Retry-After</c>; a refused nonce is re-signed; a
/// read-only message is retried after a 5xx, a timeout or a transport error) and <see cref="IHttpClientFactory"/>
/// through <c>AddBlinkTradeRest</c>.</para>
/// <para>Safe retries: an order, a cancel or any other message that changes state is never sent twice by the
/// client. When such a call's outcome is unknown, <see cref="SendOrderAsync"/> resolves it by a query (U4, by
/// <c>ClOrdID</c>), as the WebSocket client reconciles after a reconnect; other calls surface a
/// <see cref="BlinkTradeRestException"/> with <see cref="BlinkTradeRestException.IsOutcomeUnknown"/> set.</para>
/// <para>Calls signed with one <see cref="ApiKeysCredential"/> are sent one at a time — by this client and by every other
/// client given the same credential — because the exchange refuses a nonce that is not above the last one it saw; use
/// one key per independent flow for parallelism.</para>
/// </remarks>
public class BlinkTradeRestClient : BlinkTradeRestClientBase
{
    private readonly ITapiApi? _api;
    private readonly BlinkTradeRestOptions? _options;
    private readonly RequestIdGenerator _ids = new();

    /// <summary>For mocking: every call throws.</summary>
    protected BlinkTradeRestClient()
    {
    }

    /// <summary>Creates a client with its own handler chain (for apps without dependency injection); dispose it when done.</summary>
    /// <param name="options">Endpoint, credential and policies; read once.</param>
    /// <param name="transport">The innermost handler (e.g. the reference exchange's in-memory one), left to the caller to dispose; a <see cref="SocketsHttpHandler"/> when omitted.</param>
    /// <param name="loggerFactory">Where retries are logged (never with secrets).</param>
    public BlinkTradeRestClient(BlinkTradeRestOptions options, HttpMessageHandler? transport = null, ILoggerFactory? loggerFactory = null)
        : base(CreateHttp(options, transport, loggerFactory))
    {
        _options = options;
        _api = ApiKeysRefit.For<ITapiApi>(OwnedHttp!);
    }

    /// <summary>Creates a client on an <see cref="HttpClient"/> whose handlers already sign and retry (as <c>AddBlinkTradeRest</c> configures one).</summary>
    /// <param name="httpClient">The configured client, with its base address; it stays the caller's to dispose.</param>
    /// <param name="options">The options.</param>
    [ActivatorUtilitiesConstructor]
    public BlinkTradeRestClient(HttpClient httpClient, IOptions<BlinkTradeRestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.ToPipelineOptions(requireCredential: true);
        _options = options.Value;
        _api = ApiKeysRefit.For<ITapiApi>(httpClient);
    }

    private ITapiApi Api => Live(_api);

    /// <summary>
    /// Sends one message and returns its reply of type <typeparamref name="TReply"/> with the other messages the call
    /// caused. A read-only message (U2, U4, U34, U32…) is retried after a failure of unknown outcome; any other is not.
    /// </summary>
    /// <typeparam name="TReply">The reply's record type, e.g. <see cref="UserBalanceResponse"/> for a <see cref="UserBalanceRequest"/>.</typeparam>
    /// <param name="request">The request record, as the WebSocket client would send it.</param>
    /// <param name="cancellationToken">Cancels the call (its outcome is then unknown for a message that changes state).</param>
    /// <returns>The reply and the other <c>Responses</c>, in order.</returns>
    /// <exception cref="BlinkTradeErrorException">The exchange answered the message with ERROR (e.g. not permitted by the key's PermissionList).</exception>
    /// <exception cref="BlinkTradeRestException">The call was refused (non-200 <c>Status</c>: bad signature, invalid nonce, rate limit…), failed, or its outcome is unknown.</exception>
    public virtual async Task<BlinkTradeRestResponse<TReply>> SendAsync<TReply>(BlinkTradeMessage request, CancellationToken cancellationToken = default)
        where TReply : BlinkTradeMessage
    {
        ArgumentNullException.ThrowIfNull(request);
        var frame = ProtocolSerializer.SerializeToUtf8Bytes(request);
        var envelope = await ExchangeAsync(request, frame, cancellationToken).ConfigureAwait(false);
        var messages = envelope.Messages;
        if (messages.Count > 0 && messages[0] is ErrorMessage error)
        {
            throw new BlinkTradeErrorException(error);
        }
        var reply = FindReply<TReply>(envelope, CorrelationOf(request, frame));
        if (reply is null && messages.OfType<ErrorMessage>().FirstOrDefault() is { } late)
        {
            // The exchange's ERROR goes to the requesting session only, so it is this call's even when another call's
            // report came before it.
            throw new BlinkTradeErrorException(late);
        }
        if (reply is null)
        {
            throw new BlinkTradeRestException(200, 200, $"The answer holds no {typeof(TReply).Name}",
                $"Responses: {string.Join(", ", messages.Select(m => m.MsgType))}", isOutcomeUnknown: false);
        }
        return new BlinkTradeRestResponse<TReply>(reply, messages);
    }

    /// <summary>
    /// Places an order (<c>D</c>) and returns its first execution report (new, filled or rejected) with the other
    /// messages it caused (further reports, balance updates). A <c>ClOrdID</c> is generated when the order has none.
    /// When the outcome is unknown (no answer, timeout, 5xx), the order is never sent again: it is looked for by its
    /// <c>ClOrdID</c> in the order list (U4), and if found its current state comes back as a reconstructed report
    /// (<see cref="BlinkTradeRestResponse{TReply}.IsRecovered"/>).
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order's report and the other messages.</returns>
    /// <exception cref="BlinkTradeErrorException">The exchange answered ERROR (e.g. the key may not place this order).</exception>
    /// <exception cref="BlinkTradeRestException">Refused; or the outcome is unknown and the query did not find the order either
    /// (<see cref="BlinkTradeRestException.IsOutcomeUnknown"/> false then: the order was not placed); or the outcome is unknown
    /// and the query failed too (<see cref="BlinkTradeRestException.IsOutcomeUnknown"/> true: look the order up later).</exception>
    public virtual async Task<BlinkTradeRestResponse<ExecutionReport>> SendOrderAsync(NewOrderSingle order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var placed = order.ClOrdID is null ? order with { ClOrdID = _ids.NextClOrdID() } : order;
        try
        {
            return await SendAsync<ExecutionReport>(placed, cancellationToken).ConfigureAwait(false);
        }
        catch (BlinkTradeRestException unknown) when (unknown.IsOutcomeUnknown && !cancellationToken.IsCancellationRequested)
        {
            OrderListEntry? found;
            try
            {
                found = await FindOrderAsync(placed.ClOrdID!, cancellationToken).ConfigureAwait(false);
            }
            catch (BlinkTradeException lookup) when (!cancellationToken.IsCancellationRequested)
            {
                // The lookup's own refusal (a 429 after its retries, an ERROR) says nothing about the order: thrown as
                // is, its IsOutcomeUnknown false read as "the order was refused" while the exchange had placed it
                // (tools/BlinkTrade.RestSoak, answers cut at 15 messages a second). The order's outcome stays unknown.
                throw new BlinkTradeRestException(unknown.HttpStatus, unknown.Status,
                    $"Order {placed.ClOrdID}: the outcome is unknown, and looking it up failed ({lookup.Message})", unknown.Description,
                    isOutcomeUnknown: true, innerException: unknown);
            }
            if (found is null)
            {
                throw new BlinkTradeRestException(unknown.HttpStatus, unknown.Status, $"Order {placed.ClOrdID} was not placed (not in the order list after a failed call)",
                    unknown.Description, isOutcomeUnknown: false, innerException: unknown);
            }
            var report = ExecutionSequencer.FromRow(found, null);
            return new BlinkTradeRestResponse<ExecutionReport>(report, [report]) { IsRecovered = true };
        }
    }

    /// <summary>Cancels an order (<c>F</c>) and returns its cancel report with the other messages it caused. Never resent automatically.</summary>
    /// <param name="cancel">The cancel request, e.g. <see cref="OrderCancelRequest.ByClOrdID"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report and the other messages.</returns>
    /// <exception cref="BlinkTradeErrorException">The exchange answered ERROR (e.g. unknown order).</exception>
    /// <exception cref="BlinkTradeRestException">Refused, failed, or the outcome is unknown (query the order to learn it).</exception>
    public virtual Task<BlinkTradeRestResponse<ExecutionReport>> CancelOrderAsync(OrderCancelRequest cancel, CancellationToken cancellationToken = default) =>
        SendAsync<ExecutionReport>(cancel, cancellationToken);

    /// <summary>Reads the balances (<c>U2</c> → <c>U3</c>); retried after failures, as it only reads.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance response.</returns>
    public virtual Task<BlinkTradeRestResponse<UserBalanceResponse>> GetBalanceAsync(CancellationToken cancellationToken = default) =>
        SendAsync<UserBalanceResponse>(new UserBalanceRequest { BalanceReqID = _ids.Next() }, cancellationToken);


    // The chain resilience → buffering → nonce signing → transport, built after the options are checked.
    private static HttpClient CreateHttp(BlinkTradeRestOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pipeline = options.ToPipelineOptions(requireCredential: true);
        return ApiKeysHandlerChain.CreateHttpClient(pipeline, new TapiSigningHandler(options.Credential!, options.TimeProvider), transport,
            loggerFactory?.CreateLogger<BlinkTradeRestClient>());
    }

    // The value the reply to this request echoes (PROTOCOL.md §1.2): its correlation field (ClOrdID of an order or a
    // cancel, BalanceReqID, OrdersReqID…), or the OrderID of a cancel by OrderID; null when it has none.
    private static string? CorrelationOf(BlinkTradeMessage request, byte[] frame)
    {
        if (CorrelationTable.RequestField(request.MsgType) is { } field && CorrelationReader.TryRead(frame, field, out var id))
        {
            return id;
        }
        return request is OrderCancelRequest { OrderID: { } orderId } ? orderId.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // The reply to this request among the answer's messages. The exchange's REST call runs as a session of the user, so
    // Responses can also hold what other calls of the same user caused meanwhile — another order's execution report
    // before this one's (found by tools/BlinkTrade.RestSoak with two clients placing orders at once). The reply is
    // therefore the message of the reply's type that echoes the request's correlation value. A message that echoes
    // another value is never it; one that echoes nothing is taken only when it is the only such message, and a request
    // without a correlation value takes the first message of the type.
    private static TReply? FindReply<TReply>(TapiEnvelope.Parsed envelope, string? correlation)
        where TReply : BlinkTradeMessage
    {
        TReply? silent = null;
        var silentCount = 0;
        for (var i = 0; i < envelope.Messages.Count; i++)
        {
            if (envelope.Messages[i] is not TReply message)
            {
                continue;
            }
            if (correlation is null)
            {
                return message;
            }
            var echoed = CorrelationTable.TryGetResponseFields(message.MsgType, out var fields)
                ? fields.Select(f => CorrelationReader.TryRead(envelope.Frames[i], f, out var value) ? value : null).Where(v => v is not null).ToList()
                : [];
            if (echoed.Contains(correlation, StringComparer.Ordinal))
            {
                return message;
            }
            if (echoed.Count == 0)
            {
                silent ??= message;
                silentCount++;
            }
        }
        return silentCount == 1 ? silent : null;
    }

    // One call: the message as the protocol codec writes it, the answer's envelope read back into records.
    private async Task<TapiEnvelope.Parsed> ExchangeAsync(BlinkTradeMessage request, byte[] frame, CancellationToken cancellationToken)
    {
        var api = Api;
        var body = new ByteArrayContent(frame);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var safe = TapiMessageSafety.IsSafeToRepeat(request.MsgType);
        var answer = await RestCall.SendAsync(ct => api.SendAsync(body, safe, ct), _options!.TimeProvider, cancellationToken).ConfigureAwait(false);
        var envelope = TapiEnvelope.TryRead(answer.Body);
        if (envelope is null)
        {
            throw new BlinkTradeRestException(answer.HttpStatus, null, answer.IsSuccess ? "The answer is not the protocol's envelope" : null, null,
                isOutcomeUnknown: answer.HttpStatus >= 500, answer.RetryAfter);
        }
        if (!answer.IsSuccess || envelope.Status != 200)
        {
            throw new BlinkTradeRestException(answer.HttpStatus, envelope.Status, envelope.Description, envelope.Detail,
                isOutcomeUnknown: answer.HttpStatus >= 500 || envelope.Status >= 500, answer.RetryAfter);
        }
        return envelope;
    }

    // The order's row in the newest orders (U4 pages, newest first), or null when it is not there.
    private async Task<OrderListEntry?> FindOrderAsync(string clOrdId, CancellationToken cancellationToken)
    {
        const int PageSize = 50;
        for (var page = 0; page < _options!.OrderResolutionPages; page++)
        {
            var list = await SendAsync<OrdersListResponse>(new OrdersListRequest { OrdersReqID = _ids.Next(), Page = page, PageSize = PageSize }, cancellationToken)
                .ConfigureAwait(false);
            var rows = list.Reply.OrdListGrp ?? [];
            if (rows.FirstOrDefault(r => string.Equals(r.ClOrdID, clOrdId, StringComparison.Ordinal)) is { } row)
            {
                return row;
            }
            if (rows.Count < PageSize)
            {
                return null;
            }
        }
        return null;
    }
}
