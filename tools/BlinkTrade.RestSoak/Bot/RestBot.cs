using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BlinkTrade.ApiKeys;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.RestSoak.Capture;

namespace BlinkTrade.RestSoak.Bot;

/// <summary>
/// alice's bot, all over REST through the chaos proxy: <see cref="RestSoakSettings.Workers"/> workers on one
/// <see cref="BlinkTradeRestClient"/> (the documented way: one client per key), one more on a second client sharing the
/// same <see cref="ApiKeysCredential"/> (a second flow of the same process), and one managing API keys with an
/// <see cref="ApiKeysClient"/>. The traders place limit orders (each with the bot's own ClOrdID, never sent again by
/// the bot), cancel them, read balances and order lists. Every call, its time and its outcome are recorded for the audit.
/// </summary>
internal sealed class RestBot(BlinkTradeRestClient main, BlinkTradeRestClient second, ApiKeysClient keys, BlinkTradeRestOptions restOptions,
    ApiKeysClientOptions keysOptions, CapturedText captured, SoakLog log, int seed)
{
    public const string Symbol = "BTCUSD";
    public const int BrokerId = 5;
    public const long Coin = 100_000_000;

    private readonly ConcurrentDictionary<string, OrderIntent> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CancelIntent> _cancels = new();
    private readonly ConcurrentDictionary<string, KeyIntent> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _revoked = new();
    private readonly ConcurrentQueue<CallRecord> _calls = new();
    private readonly ConcurrentQueue<string> _secrets = new();
    private int _nextOrder;
    private int _nextKey;
    private int _nextReqId = 1;

    public IReadOnlyDictionary<string, OrderIntent> Orders => _orders;

    public IReadOnlyCollection<CancelIntent> Cancels => _cancels;

    public IReadOnlyDictionary<string, KeyIntent> Keys => _keys;

    /// <summary>The ids of the keys a revoke answered.</summary>
    public IReadOnlyCollection<string> Revoked => _revoked;

    public IReadOnlyCollection<CallRecord> Calls => _calls;

    /// <summary>Secrets the bot was given during the run (created keys, regenerated secrets): none may show up anywhere.</summary>
    public IReadOnlyCollection<string> SecretsSeen => _secrets;

    public string ClOrdIdPrefix { get; } = "s" + seed.ToString(CultureInfo.InvariantCulture) + "-";

    /// <summary>The longest one pipeline call may take by its options: every attempt to its timeout, every retry after
    /// its longest delay (the exponential back-off or the exchange's 1 s Retry-After), plus timer granularity.</summary>
    public static double PipelineBoundMs(TimeSpan attemptTimeout, int maxRetries, TimeSpan retryDelay)
    {
        var delays = 0.0;
        for (var i = 0; i < maxRetries; i++)
        {
            delays += Math.Max(retryDelay.TotalMilliseconds * Math.Pow(2, i), 1000);
        }
        return ((maxRetries + 1) * attemptTimeout.TotalMilliseconds) + delays + 250;
    }

    public async Task RunAsync(int workers, CancellationToken stop)
    {
        var tasks = new List<Task>();
        for (var i = 0; i < workers; i++)
        {
            tasks.Add(TradeAsync("main", main, new Random((seed * 31) + i), stop));
        }
        tasks.Add(TradeAsync("second", second, new Random((seed * 31) + 99), stop));
        tasks.Add(ManageKeysAsync(new Random((seed * 37) + 1), stop));
        await Task.WhenAll(tasks);
    }

    private async Task TradeAsync(string flow, BlinkTradeRestClient client, Random random, CancellationToken stop)
    {
        var pipeline = PipelineBoundMs(restOptions.AttemptTimeout, restOptions.MaxRetries, restOptions.RetryDelay);
        while (!stop.IsCancellationRequested)
        {
            var roll = random.Next(100);
            if (roll < 45)
            {
                await PlaceAsync(flow, client, random, pipeline * (1 + restOptions.OrderResolutionPages));
            }
            else if (roll < 65)
            {
                await CancelAsync(flow, client, random, pipeline);
            }
            else if (roll < 85)
            {
                await TimeAsync(flow, "balance", pipeline, async () => { _ = await client.GetBalanceAsync(); return "ok"; });
            }
            else
            {
                var reqId = Interlocked.Increment(ref _nextReqId);
                await TimeAsync(flow, "orders", pipeline, async () =>
                {
                    _ = await client.SendAsync<OrdersListResponse>(new OrdersListRequest { OrdersReqID = reqId, Page = 0, PageSize = 20 });
                    return "ok";
                });
            }
            await Task.Delay(random.Next(20, 150), CancellationToken.None);
        }
    }

    private async Task PlaceAsync(string flow, BlinkTradeRestClient client, Random random, double boundMs)
    {
        var clOrdId = ClOrdIdPrefix + Interlocked.Increment(ref _nextOrder).ToString(CultureInfo.InvariantCulture);
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        // Three in four within bob's reach (he fills them), one in four out of it (they stay open: locks, cancels).
        var reachable = random.Next(4) != 0;
        var price = side == Side.Buy ? (reachable ? 590 : 575) + random.Next(10) : (reachable ? 601 : 616) + random.Next(10);
        var order = new NewOrderSingle
        {
            ClOrdID = clOrdId,
            Symbol = Symbol,
            Side = side,
            OrdType = OrdType.Limit,
            Price = Price.FromSatoshis(price * Coin),
            OrderQty = Quantity.FromSatoshis(random.Next(1, 21) * 1_000_000L),
            BrokerID = BrokerId,
        };
        await TimeAsync(flow, "order", boundMs, async () =>
        {
            try
            {
                var placed = await client.SendOrderAsync(order);
                captured.Add("ToString", placed.ToString());
                captured.Add("ToString", placed.Reply.ToString());
                var outcome = placed.IsRecovered ? "recovered" : "placed";
                _orders[clOrdId] = new OrderIntent(clOrdId, flow, outcome, placed.Reply.OrderID, placed.Reply.OrdStatus, placed.Reply.CumQty);
                return outcome;
            }
            catch (BlinkTradeRestException e)
            {
                var outcome = e.IsOutcomeUnknown ? "unknown" : "not_placed";
                _orders[clOrdId] = new OrderIntent(clOrdId, flow, outcome, null, null, null);
                throw new OutcomeException(outcome, e);
            }
            catch (BlinkTradeErrorException e)
            {
                _orders[clOrdId] = new OrderIntent(clOrdId, flow, "not_placed", null, null, null);
                throw new OutcomeException("not_placed", e);
            }
            catch (Exception e)
            {
                _orders[clOrdId] = new OrderIntent(clOrdId, flow, "unexpected", null, null, null);
                throw new OutcomeException("unexpected", e);
            }
        });
    }

    private async Task CancelAsync(string flow, BlinkTradeRestClient client, Random random, double boundMs)
    {
        var candidates = _orders.Values.Where(o => o.Outcome is "placed" or "recovered" && o.Status is { } s && (s == OrdStatus.New || s == OrdStatus.PartiallyFilled)).ToList();
        if (candidates.Count == 0)
        {
            return;
        }
        var target = candidates[random.Next(candidates.Count)].ClOrdID;
        await TimeAsync(flow, "cancel", boundMs, async () =>
        {
            try
            {
                var cancelled = await client.CancelOrderAsync(OrderCancelRequest.ByClOrdID(target));
                captured.Add("ToString", cancelled.ToString());
                var outcome = cancelled.Reply.OrdStatus == OrdStatus.Cancelled ? "cancelled" : "answered " + cancelled.Reply.OrdStatus;
                _cancels.Enqueue(new CancelIntent(target, outcome));
                return outcome;
            }
            catch (BlinkTradeErrorException e)
            {
                _cancels.Enqueue(new CancelIntent(target, "error"));
                throw new OutcomeException("error", e);
            }
            catch (BlinkTradeRestException e)
            {
                var outcome = e.IsOutcomeUnknown ? "unknown" : "refused";
                _cancels.Enqueue(new CancelIntent(target, outcome));
                throw new OutcomeException(outcome, e);
            }
            catch (Exception e)
            {
                _cancels.Enqueue(new CancelIntent(target, "unexpected"));
                throw new OutcomeException("unexpected", e);
            }
        });
    }

    private async Task ManageKeysAsync(Random random, CancellationToken stop)
    {
        var bound = PipelineBoundMs(keysOptions.AttemptTimeout, keysOptions.MaxRetries, keysOptions.RetryDelay);
        while (!stop.IsCancellationRequested)
        {
            var roll = random.Next(100);
            var created = _keys.Values.Where(k => k.ApiId is not null).ToList();
            if (roll < 30 || created.Count == 0)
            {
                var label = ClOrdIdPrefix + "k" + Interlocked.Increment(ref _nextKey).ToString(CultureInfo.InvariantCulture);
                await KeyCallAsync("key-create", bound, async () =>
                {
                    try
                    {
                        var answer = await keys.CreateApiKeyAsync(ApiKeyPermissions.Account, label);
                        _secrets.Enqueue(answer.Value.SecretKey);
                        if (answer.Value.ApiPassword is { } password)
                        {
                            _secrets.Enqueue(password);
                        }
                        captured.Add("ToString", answer.ToString());
                        captured.Add("ToString", answer.Value.ToString());
                        captured.Add("ToString", answer.Value.ToCredential().ToString());
                        _keys[label] = new KeyIntent(label, "created", answer.Value.ApiId);
                        return "ok";
                    }
                    catch (ApiKeysRequestException e)
                    {
                        _keys[label] = new KeyIntent(label, e.Status == 0 ? "unknown" : "refused", null);
                        throw;
                    }
                });
            }
            else if (roll < 50)
            {
                await KeyCallAsync("key-list", bound, async () =>
                {
                    var count = 0;
                    await foreach (var key in keys.GetApiKeysAsync())
                    {
                        captured.Add("ToString", key.ToString());
                        count++;
                    }
                    return "ok";
                });
            }
            else if (roll < 70)
            {
                var key = created[random.Next(created.Count)];
                await KeyCallAsync("key-status", bound, async () => { captured.Add("ToString", (await keys.GetStatusAsync(ApiKeyReference.ById(key.ApiId!))).Value.ToString()); return "ok"; });
            }
            else if (roll < 85)
            {
                var key = created[random.Next(created.Count)];
                await KeyCallAsync("key-revoke", bound, async () =>
                {
                    var answer = await keys.RevokeAsync(ApiKeyReference.ById(key.ApiId!));
                    captured.Add("ToString", answer.Value.ToString());
                    _revoked.Enqueue(key.ApiId!);
                    return "ok";
                });
            }
            else
            {
                var key = created[random.Next(created.Count)];
                await KeyCallAsync("key-regenerate", bound, async () =>
                {
                    var answer = await keys.RegenerateSecretAsync(ApiKeyReference.ById(key.ApiId!));
                    _secrets.Enqueue(answer.Value.SecretKey);
                    captured.Add("ToString", answer.Value.ToString());
                    return "ok";
                });
            }
            await Task.Delay(random.Next(100, 400), CancellationToken.None);
        }
    }

    // The API-key client's documented failure is ApiKeysRequestException (Status 0: no answer, outcome unknown).
    private Task KeyCallAsync(string kind, double boundMs, Func<Task<string>> call) =>
        TimeAsync("keys", kind, boundMs, async () =>
        {
            try
            {
                return await call();
            }
            catch (ApiKeysRequestException e)
            {
                throw new OutcomeException(e.Status == 0 ? "unknown" : "refused " + e.Status.ToString(CultureInfo.InvariantCulture), e);
            }
            catch (Exception e) when (e is not OutcomeException)
            {
                throw new OutcomeException("unexpected", e);
            }
        });

    private async Task TimeAsync(string flow, string kind, double boundMs, Func<Task<string>> call)
    {
        var at = log.Elapsed.TotalSeconds;
        var started = Stopwatch.GetTimestamp();
        string outcome;
        string? detail = null;
        Exception? failure = null;
        try
        {
            outcome = await call();
        }
        catch (OutcomeException e)
        {
            outcome = e.Outcome;
            failure = e.InnerException!;
            detail = Describe(e.InnerException!);
            captured.Add("exception", e.InnerException!.ToString());
        }
        catch (BlinkTradeRestException e)
        {
            outcome = e.IsOutcomeUnknown ? "unknown" : "refused";
            detail = Describe(e);
            captured.Add("exception", e.ToString());
        }
        catch (BlinkTradeErrorException e)
        {
            outcome = "error";
            detail = Describe(e);
            captured.Add("exception", e.ToString());
        }
        catch (Exception e)
        {
            outcome = "unexpected";
            failure = e;
            detail = Describe(e);
            captured.Add("exception", e.ToString());
        }
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _calls.Enqueue(new CallRecord(flow, kind, at, ms, boundMs, outcome, detail));
        if (outcome == "unexpected" || ms > boundMs)
        {
            log.Write($"{flow} {kind}: {outcome} after {ms:F0} ms (bound {boundMs:F0}): {detail}");
            log.Write("  " + failure, echo: false);
        }
        else if (detail is not null)
        {
            log.Write($"{flow} {kind}: {outcome} after {ms:F0} ms: {detail}", echo: false);
        }
    }

    private static string Describe(Exception e) => e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" ");
}
