using System.Net;
using System.Text;
using System.Text.Json;
using BlinkTrade.ApiKeys;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests.Rest;

/// <summary>Issue #19: every way a REST trade call is refused, and what the client makes of it.</summary>
public sealed class RestErrorTests
{
    private const long Coin = 1_0000_0000;
    private const string Everything = """{"*":[]}""";

    private static NewOrderSingle Bid(decimal price = 100m) => RestHarness.Limit(Side.Buy, price);

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_wrong_secret_is_refused_with_401_invalid_signature_and_nothing_runs(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        using var rest = await RestHarness.TradeClientAsync(h, key with { SecretKey = "not-the-secret" }, ct);

        var error = await Assert.ThrowsAsync<BlinkTradeRestException>(() => rest.SendOrderAsync(Bid(), ct));
        Assert.Equal(401, error.HttpStatus);
        Assert.Equal(401, error.Status);
        Assert.Equal("Invalid signature", error.Description);
        Assert.False(error.IsOutcomeUnknown);
        Assert.DoesNotContain("not-the-secret", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_nonce_not_above_the_last_one_is_refused_with_401_invalid_nonce(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        using var http = await RestHarness.RawClientAsync(h, ct);

        var (status, body) = await PostAsync(http, key.ApiKey, key.SecretKey, "5000", """{"MsgType":"U2","BalanceReqID":1}""", ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body.GetProperty("Status").GetInt32());
        Assert.Equal("U3", body.GetProperty("Responses")[0].GetProperty("MsgType").GetString());

        foreach (var nonce in new[] { "5000", "4999", "1" })
        {
            (status, body) = await PostAsync(http, key.ApiKey, key.SecretKey, nonce, """{"MsgType":"U2","BalanceReqID":2}""", ct);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal(401, body.GetProperty("Status").GetInt32());
            Assert.Equal("Invalid nonce", body.GetProperty("Description").GetString());
        }
        (status, _) = await PostAsync(http, key.ApiKey, key.SecretKey, "5001", """{"MsgType":"U2","BalanceReqID":3}""", ct);
        Assert.Equal(HttpStatusCode.OK, status);

        // Missing headers and an unknown key: 401 as well, with the same answer for every kind of bad key.
        using var bare = new HttpRequestMessage(HttpMethod.Post, "tapi/v1/message") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(bare, ct)).StatusCode);
        (status, body) = await PostAsync(http, new string('A', 64), key.SecretKey, "6000", """{"MsgType":"U2","BalanceReqID":4}""", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Not authorized", body.GetProperty("Description").GetString());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Malformed_and_unknown_messages_get_the_gateways_error_and_an_oversized_body_413(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct, configure: o => o with { MaxFrameBytes = 4096 });
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        using var http = await RestHarness.RawClientAsync(h, ct);

        var nonce = 10;
        foreach (var (message, description) in new[]
        {
            ("{not json", "Invalid message"),
            ("""{"MsgType":"ZZ9"}""", "Invalid message"),
            ("""{"MsgType":"D","Symbol":"BTCUSD"}""", null),
        })
        {
            var (status, body) = await PostAsync(http, key.ApiKey, key.SecretKey, (nonce++).ToString(System.Globalization.CultureInfo.InvariantCulture), message, ct);
            Assert.Equal(HttpStatusCode.OK, status);
            var error = Assert.Single(body.GetProperty("Responses").EnumerateArray());
            Assert.Equal("ERROR", error.GetProperty("MsgType").GetString());
            if (description is not null)
            {
                Assert.Equal(description, error.GetProperty("Description").GetString());
            }
        }
        var (tooLarge, refusal) = await PostAsync(http, key.ApiKey, key.SecretKey, "100", "{\"MsgType\":\"U2\",\"Pad\":\"" + new string('x', 5000) + "\"}", ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Equal(413, refusal.GetProperty("Status").GetInt32());

        // None of it hurt the key: the next call works.
        var (ok, _) = await PostAsync(http, key.ApiKey, key.SecretKey, "101", """{"MsgType":"U2","BalanceReqID":1}""", ct);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_message_outside_the_permission_list_gets_the_gateways_error_and_the_rest_still_works(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        // Balances, buy-limit orders and order updates only (no U3 balance publications).
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, """{"U2":[],"8":[],"D":[["Side","eq","1","OrdType","eq","2"]]}""", cancellationToken: ct);
        using var rest = await RestHarness.TradeClientAsync(h, key, ct);

        var sell = Bid() with { Side = Side.Sell, OrderQty = Quantity.FromDecimal(0.1m) };
        var error = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => rest.SendOrderAsync(sell, ct));
        Assert.Equal("Not authorized", error.Description);
        var listError = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => rest.SendAsync<OrdersListResponse>(new OrdersListRequest { OrdersReqID = 3 }, ct));
        Assert.Equal("Not authorized", listError.Description);

        var buy = await rest.SendOrderAsync(Bid(), ct);
        Assert.Equal(OrdStatus.New, buy.Reply.OrdStatus);
        // Outbound filtering (§4.1): the key does not list U3 publications, so the order's balance update is not in the answer.
        Assert.DoesNotContain(buy.Others, m => m is UserBalanceResponse);
        Assert.Equal(100 * Coin, (await rest.GetBalanceAsync(ct)).Reply.Balances[E2EHarness.BrokerId]["USD"].Total?.Satoshis);
    }

    [Fact]
    public async Task A_key_is_usable_only_from_its_whitelisted_address()
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.InMemory, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, ["10.1.1.1"], ct);
        using var allowed = await RestHarness.TradeClientAsync(h, key, ct, clientIp: "10.1.1.1");
        using var other = await RestHarness.TradeClientAsync(h, key, ct, clientIp: "10.1.1.2");

        Assert.Equal(100 * Coin, (await allowed.GetBalanceAsync(ct)).Reply.Balances[E2EHarness.BrokerId]["USD"].Total?.Satoshis);
        var error = await Assert.ThrowsAsync<BlinkTradeRestException>(() => other.SendOrderAsync(Bid(), ct));
        Assert.Equal(401, error.Status);
        Assert.Equal("Not authorized", error.Description);
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));
    }

    [Fact]
    public async Task A_key_over_the_websocket_rate_limit_gets_429_with_retry_after_and_the_client_can_wait_it_out()
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.InMemory, ct, configure: o => o with { MaxMessagesPerSecond = 2 });
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        using var rest = await RestHarness.TradeClientAsync(h, key, ct);

        await rest.GetBalanceAsync(ct);
        await rest.GetBalanceAsync(ct);
        var error = await Assert.ThrowsAsync<BlinkTradeRestException>(() => rest.GetBalanceAsync(ct));
        Assert.Equal(429, error.HttpStatus);
        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.False(error.IsOutcomeUnknown);

        // With retries on, a 429 is waited out (Retry-After) and sent again: it was not executed.
        using var patient = await RestHarness.TradeClientAsync(h, key, ct, configure: o => o.MaxRetries = 5);
        for (var i = 0; i < 4; i++)
        {
            await patient.GetBalanceAsync(ct);
        }
    }

    [Fact]
    public async Task An_order_whose_answer_is_lost_is_resolved_by_a_query_and_never_sent_twice()
    {
        using var cts = Wait.Budget(90);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.InMemory, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        var lose = new LosingHandler(lose: "\"D\"", afterServer: true);
        using var rest = await LosingClientAsync(h, key, lose, ct);

        var placed = await rest.SendOrderAsync(Bid(123m), ct);

        Assert.True(placed.IsRecovered);
        Assert.True(placed.Reply.IsSynthesized);
        Assert.Equal(OrdStatus.New, placed.Reply.OrdStatus);
        Assert.Equal(Price.FromDecimal(123m), placed.Reply.Price);
        Assert.Equal(1, lose.Sent("\"D\""));
        var open = Assert.Single(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));
        Assert.Equal(placed.Reply.OrderID, open.OrderId);
    }

    [Fact]
    public async Task An_order_lost_before_the_exchange_is_reported_not_placed_and_a_query_that_times_out_is_retried()
    {
        using var cts = Wait.Budget(90);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.InMemory, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        var lose = new LosingHandler(lose: "\"D\"", afterServer: false);
        using var rest = await LosingClientAsync(h, key, lose, ct);

        var error = await Assert.ThrowsAsync<BlinkTradeRestException>(() => rest.SendOrderAsync(Bid(), ct));
        Assert.False(error.IsOutcomeUnknown);
        var timeout = Assert.IsType<BlinkTradeRestException>(error.InnerException);
        Assert.True(timeout.IsOutcomeUnknown);
        Assert.Equal(1, lose.Sent("\"D\""));
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));

        // A read-only message whose first attempt is lost is simply sent again.
        var loseQuery = new LosingHandler(lose: "\"U2\"", afterServer: true);
        using var reader = await LosingClientAsync(h, key, loseQuery, ct);
        Assert.Equal(100 * Coin, (await reader.GetBalanceAsync(ct)).Reply.Balances[E2EHarness.BrokerId]["USD"].Total?.Satoshis);
        Assert.Equal(2, loseQuery.Sent("\"U2\""));
    }

    [Fact]
    public async Task A_raw_socket_error_from_the_transport_is_a_transport_failure_retried_for_reads_and_resolved_for_orders()
    {
        // SocketsHttpHandler lets "Transport endpoint is not connected" through unwrapped when a connection is reset
        // right after its connect (tools/BlinkTrade.RestSoak, a proxy refusing connections). The clients must treat it
        // as any transport failure, never let it escape as an undocumented exception.
        using var cts = Wait.Budget(90);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.InMemory, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);

        var failOrder = new SocketErrorHandler("\"D\"");
        using (var rest = await RestHarness.TradeClientAsync(h, key, ct, configure: o => (o.MaxRetries, o.RetryDelay) = (3, TimeSpan.FromMilliseconds(1)),
            wrap: inner => { failOrder.InnerHandler = inner; return failOrder; }))
        {
            var error = await Assert.ThrowsAsync<BlinkTradeRestException>(() => rest.SendOrderAsync(Bid(), ct));
            Assert.False(error.IsOutcomeUnknown); // looked up in U4: not placed
            var transport = Assert.IsType<BlinkTradeRestException>(error.InnerException);
            Assert.True(transport.IsOutcomeUnknown);
            Assert.Equal(0, transport.HttpStatus);
            Assert.Equal(1, failOrder.Failed);
            Assert.Empty(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));
        }

        var failRead = new SocketErrorHandler("\"U2\"");
        using (var reader = await RestHarness.TradeClientAsync(h, key, ct, configure: o => (o.MaxRetries, o.RetryDelay) = (3, TimeSpan.FromMilliseconds(1)),
            wrap: inner => { failRead.InnerHandler = inner; return failRead; }))
        {
            Assert.Equal(100 * Coin, (await reader.GetBalanceAsync(ct)).Reply.Balances[E2EHarness.BrokerId]["USD"].Total?.Satoshis);
            Assert.Equal(1, failRead.Failed);
        }

        // The API-key client: a GET is retried, and with no retries left it surfaces as "no answer" (Status 0).
        var (endpoint, inMemory) = await RestHarness.TransportAsync(h, "127.0.0.1", ct);
        var failKeys = new SocketErrorHandler(string.Empty, times: int.MaxValue) { InnerHandler = inMemory! };
        using var keys = new ApiKeysClient(new ApiKeysClientOptions
        {
            Endpoint = endpoint,
            Credential = new ApiKeysCredential(key.ApiKey, key.SecretKey),
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(1),
        }, failKeys);
        var keyError = await Assert.ThrowsAsync<ApiKeysRequestException>(() => keys.GetApiKeysPageAsync(cancellationToken: ct));
        Assert.Equal(0, keyError.Status);
        Assert.Equal(3, failKeys.Failed);
    }

    [Fact]
    public async Task A_call_whose_body_arrives_after_a_larger_nonce_was_used_is_refused_and_never_runs()
    {
        // A caller gave up on an order whose body was still on its way (a lost segment), resolved it with a query under
        // a larger nonce ("not placed"), and then the body arrived. It must be refused for its nonce, not run
        // (tools/BlinkTrade.RestSoak: the exchange accepted the nonce on the request's head).
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.WebSocket, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        var endpoint = h.Exchange.HttpBaseAddress!;
        var order = ProtocolSerializer.SerializeToUtf8Bytes(Bid() with { ClOrdID = "late" });

        using var late = new System.Net.Sockets.TcpClient();
        await late.ConnectAsync(endpoint.Host, endpoint.Port, ct);
        var stream = late.GetStream();
        var head = $"POST /tapi/v1/message HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/json\r\nContent-Length: {order.Length}\r\n" +
                   $"APIKey: {key.ApiKey}\r\nNonce: 1000\r\nSignature: {ApiKeysSignature.Compute(key.SecretKey, "1000")}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
        // "100 Continue": the exchange has the head and waits for the body.
        Assert.StartsWith("HTTP/1.1 100", await ReadHeadAsync(stream, ct), StringComparison.Ordinal);

        // Meanwhile the caller's query, with a larger nonce, finds no order.
        using var http = await RestHarness.RawClientAsync(h, ct);
        var query = await PostAsync(http, key.ApiKey, key.SecretKey, "1001", """{"MsgType":"U4","OrdersReqID":7}""", ct);
        Assert.Equal(HttpStatusCode.OK, query.Status);
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));

        // The body arrives: refused for its nonce, and the order is never placed.
        await stream.WriteAsync(order, ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync(ct);
        Assert.StartsWith("HTTP/1.1 401", answer, StringComparison.Ordinal);
        Assert.Contains("Invalid nonce", answer, StringComparison.Ordinal);
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));
    }

    // An HTTP head (up to the blank line), read byte by byte so nothing after it is consumed.
    private static async Task<string> ReadHeadAsync(System.Net.Sockets.NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                break;
            }
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    [Fact]
    public async Task An_order_of_unknown_outcome_whose_lookup_is_refused_stays_unknown()
    {
        // The answer to the order is lost, and the U4 lookup is refused (429 after its retries). That refusal is the
        // lookup's, not the order's: the order was placed, so the caller must hear "outcome unknown", never a refusal
        // (tools/BlinkTrade.RestSoak: "not placed" reported for orders the exchange had filled).
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.InMemory, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        var faults = new LoseOrderAnswerRefuseLookupHandler();
        using var rest = await RestHarness.TradeClientAsync(h, key, ct, configure: o => (o.MaxRetries, o.RetryDelay) = (2, TimeSpan.FromMilliseconds(1)),
            wrap: inner => { faults.InnerHandler = inner; return faults; });

        var error = await Assert.ThrowsAsync<BlinkTradeRestException>(() => rest.SendOrderAsync(Bid(), ct));

        Assert.True(error.IsOutcomeUnknown);
        Assert.Contains("looking it up failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, faults.Lookups); // the lookup was tried, with its retries
        Assert.Single(await h.Exchange.GetOpenOrdersAsync(aliceId, ct)); // and the order is there
    }

    /// <summary>Lets an order reach the exchange and loses its answer; answers every order list (U4) with a 429.</summary>
    private sealed class LoseOrderAnswerRefuseLookupHandler : DelegatingHandler
    {
        private int _lookups;

        public int Lookups => Volatile.Read(ref _lookups);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains("\"U4\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _lookups);
                var refused = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
                {
                    Content = new StringContent("""{"Status":429,"Description":"Too many messages per second"}""", Encoding.UTF8, "application/json"),
                };
                refused.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
                return refused;
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (body.Contains("\"D\"", StringComparison.Ordinal))
            {
                response.Dispose();
                throw new HttpRequestException("The answer was lost.");
            }
            return response;
        }
    }

    // Retries on, and an attempt timeout short enough to end a lost attempt but far above an answered one.
    private static Task<BlinkTradeRestClient> LosingClientAsync(E2EHarness h, BlinkTrade.Testing.SeedApiKey key, LosingHandler lose, CancellationToken ct) =>
        RestHarness.TradeClientAsync(h, key, ct, configure: o => (o.MaxRetries, o.AttemptTimeout) = (3, TimeSpan.FromSeconds(3)),
            wrap: inner =>
            {
                lose.InnerHandler = inner;
                return lose;
            });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient http, string apiKey, string secret, string nonce, string message,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "tapi/v1/message") { Content = new StringContent(message, Encoding.UTF8, "application/json") };
        request.Headers.Add("APIKey", apiKey);
        request.Headers.Add("Nonce", nonce);
        request.Headers.Add("Signature", ApiKeysSignature.Compute(secret, nonce));
        using var response = await http.SendAsync(request, cancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return (response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>Throws the raw <see cref="System.Net.Sockets.SocketException"/> SocketsHttpHandler lets through for a
    /// connection reset right after its connect, for the first <c>times</c> requests whose body contains <c>marker</c>
    /// (the request never reaches the exchange).</summary>
    private sealed class SocketErrorHandler(string marker, int times = 1) : DelegatingHandler
    {
        private int _matched;
        private int _failed;

        public int Failed => Volatile.Read(ref _failed);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains(marker, StringComparison.Ordinal) && Interlocked.Increment(ref _matched) <= times)
            {
                Interlocked.Increment(ref _failed);
                throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NotConnected);
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>
    /// Loses the first request whose body contains <c>lose</c>: before it reaches the exchange, or after (the answer
    /// never comes back). The attempt then hangs until the client's attempt timeout cancels it.
    /// </summary>
    private sealed class LosingHandler(string lose, bool afterServer) : DelegatingHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _sent = new();
        private int _lost;

        public int Sent(string marker) => _sent.GetValueOrDefault(marker);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var marker = body.Contains(lose, StringComparison.Ordinal) ? lose : "other";
            _sent.AddOrUpdate(marker, 1, (_, n) => n + 1);
            if (marker != lose || Interlocked.Exchange(ref _lost, 1) != 0)
            {
                return await base.SendAsync(request, cancellationToken);
            }
            if (afterServer)
            {
                using var answer = await base.SendAsync(request, cancellationToken);
            }
            // The answer never arrives: only the attempt timeout (or the caller) ends this.
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
