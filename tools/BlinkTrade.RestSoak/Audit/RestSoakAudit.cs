using System.Globalization;
using BlinkTrade.Client.Protocol;
using BlinkTrade.RestSoak.Bot;
using BlinkTrade.RestSoak.Capture;
using BlinkTrade.Testing;

namespace BlinkTrade.RestSoak.Audit;

/// <summary>The checks, each against the exchange's own state (<see cref="ExchangeTruth"/>) or the run's records.</summary>
internal sealed class RestSoakAudit(SoakLog log, RestBot bot, IReadOnlyList<(string Flow, double Ms, string Outcome)> attempts, CapturedText captured,
    IReadOnlyCollection<string> secrets, ExchangeTruth truth, IReadOnlyDictionary<string, Amount> seeded, TimeSpan attemptTimeout,
    IReadOnlyDictionary<string, int> maxInFlight)
{
    private readonly List<CheckResult> _results = [];

    public IReadOnlyList<CheckResult> Run()
    {
        var ours = truth.Orders.Where(o => o.ClOrdID?.StartsWith(bot.ClOrdIdPrefix, StringComparison.Ordinal) == true).ToList();
        var byClOrdId = ours.GroupBy(o => o.ClOrdID!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // 1. Never placed twice.
        var twice = byClOrdId.Where(g => g.Value.Count > 1).Select(g => g.Key).ToList();
        var stray = byClOrdId.Keys.Where(k => !bot.Orders.ContainsKey(k)).ToList();
        Check($"no order placed twice: {ours.Count} of the bot's orders at the exchange, {byClOrdId.Count} ClOrdIDs, {twice.Count} twice " +
              $"({Sample(twice)}); {stray.Count} the bot never sent ({Sample(stray)})", twice.Count == 0 && stray.Count == 0);

        // 2. Every SendOrderAsync outcome true to the exchange.
        var intents = bot.Orders.Values.ToList();
        var wrong = new List<string>();
        foreach (var intent in intents)
        {
            var at = byClOrdId.TryGetValue(intent.ClOrdID, out var rows) ? rows[0] : null;
            switch (intent.Outcome)
            {
                case "placed" or "recovered":
                    if (at is null && intent.Status != OrdStatus.Rejected)
                    {
                        wrong.Add($"{intent.ClOrdID} {intent.Outcome} but not at the exchange");
                    }
                    else if (at is not null && at.OrderID != intent.OrderID)
                    {
                        wrong.Add($"{intent.ClOrdID} {intent.Outcome} as order {intent.OrderID}, the exchange has {at.OrderID}");
                    }
                    else if (at is not null && intent.CumQty is { } told && at.CumQty is { } final && told.Satoshis > final.Satoshis)
                    {
                        wrong.Add($"{intent.ClOrdID} {intent.Outcome} with CumQty {told}, the exchange has {final}");
                    }
                    break;
                case "not_placed":
                    if (at is not null)
                    {
                        wrong.Add($"{intent.ClOrdID} said not placed, the exchange has order {at.OrderID} ({at.OrdStatus}, CumQty {at.CumQty})");
                    }
                    break;
            }
        }
        var outcomes = string.Join(", ", intents.GroupBy(i => i.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
        var unknownPlaced = intents.Count(i => i.Outcome == "unknown" && byClOrdId.ContainsKey(i.ClOrdID));
        Check($"every SendOrderAsync outcome true to the exchange: {intents.Count} orders ({outcomes}; of the unknown, {unknownPlaced} placed); " +
              $"{wrong.Count} wrong{(wrong.Count > 0 ? ": " + string.Join("; ", wrong.Take(5)) : string.Empty)}", wrong.Count == 0);
        foreach (var line in wrong)
        {
            log.Write("wrong outcome: " + line, echo: false);
        }

        // 3. A cancel the exchange confirmed left the order cancelled.
        var notCancelled = bot.Cancels.Where(c => c.Outcome == "cancelled")
            .Where(c => !byClOrdId.TryGetValue(c.ClOrdID, out var rows) || rows[0].OrdStatus != OrdStatus.Cancelled).Select(c => c.ClOrdID).ToList();
        Check($"every confirmed cancel is cancelled at the exchange: {bot.Cancels.Count} cancels " +
              $"({string.Join(", ", bot.Cancels.GroupBy(c => c.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}); {notCancelled.Count} not ({Sample(notCancelled)})",
            notCancelled.Count == 0);

        // 4. Every failure is one the documentation names.
        var unexpected = bot.Calls.Where(c => c.Outcome == "unexpected").ToList();
        Check($"every failure a documented exception (BlinkTradeRestException, BlinkTradeErrorException, ApiKeysRequestException): {unexpected.Count} others" +
              (unexpected.Count > 0 ? ": " + string.Join("; ", unexpected.Select(c => c.Detail).Distinct().Take(3)) : string.Empty), unexpected.Count == 0);

        // 5. No nonce refusal reaches the bot: a refused nonce is re-signed and retried.
        var nonce = bot.Calls.Where(c => c.Detail?.Contains("Invalid nonce", StringComparison.Ordinal) == true).ToList();
        Check($"no 'Invalid nonce' surfaced: {nonce.Count} ({string.Join(", ", nonce.GroupBy(c => c.Flow).Select(g => $"{g.Key} {g.Count()}"))})", nonce.Count == 0);

        // 5b. One client's calls with its key go out one at a time (the signing gate); two clients on one key may overlap.
        Check($"one call at a time on the wire per trade client: most at once main {maxInFlight["main"]}, second {maxInFlight["second"]}",
            maxInFlight["main"] <= 1 && maxInFlight["second"] <= 1);

        // 6. No call and no attempt longer than its timeout.
        var late = bot.Calls.Where(c => c.Ms > c.BoundMs).ToList();
        var longest = bot.Calls.MaxBy(c => c.Ms / c.BoundMs);
        Check($"no call longer than its bound (attempts × {attemptTimeout.TotalSeconds:F0} s + retry delays + 250 ms): {late.Count} of {bot.Calls.Count}; " +
              $"longest {longest?.Ms:F0} ms ({longest?.Flow} {longest?.Kind} {longest?.Outcome}, bound {longest?.BoundMs:F0} ms)", late.Count == 0);
        var attemptBound = attemptTimeout.TotalMilliseconds + 250;
        var lateAttempts = attempts.Count(a => a.Ms > attemptBound);
        Check($"no HTTP attempt on the wire longer than the attempt timeout + 250 ms: {lateAttempts} of {attempts.Count}; longest {(attempts.Count > 0 ? attempts.Max(a => a.Ms) : 0):F0} ms",
            lateAttempts == 0);

        // 7. Balances consistent.
        var balanceProblems = new List<string>();
        foreach (var (currency, amount) in seeded)
        {
            if (!truth.Circulation.TryGetValue(currency, out var now) || now != amount)
            {
                balanceProblems.Add($"{currency} in circulation {now} != seeded {amount}");
            }
        }
        foreach (var (currency, balance) in truth.Balances)
        {
            var locked = truth.OpenOrders.Where(o => (o.Side == Side.Buy ? "USD" : "BTC") == currency).Aggregate(Amount.Zero, (sum, o) => sum + o.Locked);
            if (balance.Locked != locked)
            {
                balanceProblems.Add($"{currency} locked {balance.Locked} != Σ open orders' locks {locked}");
            }
            if (balance.Available < Amount.Zero)
            {
                balanceProblems.Add($"{currency} available {balance.Available} < 0");
            }
            var rest = truth.RestBalance.Balances.TryGetValue(RestBot.BrokerId, out var broker) && broker.TryGetValue(currency, out var b) ? b : default;
            if (rest.Total != balance.Total || rest.Locked != balance.Locked)
            {
                balanceProblems.Add($"{currency} over REST {rest.Total}/{rest.Locked} != exchange {balance.Total}/{balance.Locked}");
            }
        }
        Check($"balances consistent (circulation == seeded, locked == Σ open orders' locks, REST U2 == exchange): " +
              string.Join(", ", truth.Balances.Select(kv => $"{kv.Key} {kv.Value.Total}/{kv.Value.Locked}")) +
              (balanceProblems.Count > 0 ? "; " + string.Join("; ", balanceProblems) : string.Empty), balanceProblems.Count == 0);

        // 8. API keys: each created at most once, created ones exist, revoked ones are revoked.
        var labels = truth.Keys.Where(k => k.Label.StartsWith(bot.ClOrdIdPrefix, StringComparison.Ordinal)).GroupBy(k => k.Label).ToDictionary(g => g.Key, g => g.ToList());
        var keyProblems = labels.Where(g => g.Value.Count > 1).Select(g => $"{g.Key} created {g.Value.Count} times").ToList();
        keyProblems.AddRange(bot.Keys.Values.Where(k => k.Outcome == "created" && !labels.ContainsKey(k.Label)).Select(k => $"{k.Label} created but not listed"));
        keyProblems.AddRange(bot.Keys.Values.Where(k => k.Outcome == "refused" && labels.ContainsKey(k.Label)).Select(k => $"{k.Label} refused but listed"));
        var revokedIds = bot.Revoked.ToHashSet(StringComparer.Ordinal);
        keyProblems.AddRange(truth.Keys.Where(k => revokedIds.Contains(k.ApiId) && k.State != BlinkTrade.Testing.ApiKeys.ApiKeyLifecycleState.Revoked).Select(k => $"{k.Label} revoked but {k.State}"));
        Check($"API keys: {bot.Keys.Count} creates ({string.Join(", ", bot.Keys.Values.GroupBy(k => k.Outcome).Select(g => $"{g.Key} {g.Count()}"))}), {labels.Count} listed, " +
              $"{revokedIds.Count} revoked; {keyProblems.Count} problems{(keyProblems.Count > 0 ? ": " + string.Join("; ", keyProblems.Take(5)) : string.Empty)}", keyProblems.Count == 0);

        // 9. No secret anywhere.
        var texts = captured.Texts.ToList();
        var leaks = new List<string>();
        foreach (var secret in secrets.Concat(bot.SecretsSeen).Where(s => s.Length >= 6).Distinct(StringComparer.Ordinal))
        {
            foreach (var (source, text) in texts)
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    leaks.Add($"{source}: {Redact(text, secret)}");
                }
            }
        }
        Check($"no secret (API secrets, API passwords, the password) in {texts.Count} captured texts (log lines, exceptions, ToString()): {leaks.Count} found" +
              (leaks.Count > 0 ? ": " + string.Join(" | ", leaks.Take(3)) : string.Empty), leaks.Count == 0);
        return _results;
    }

    private void Check(string what, bool held)
    {
        _results.Add(new CheckResult(what, held));
        log.Write((held ? "held   " : "FAILED ") + what, echo: false);
    }

    private static string Sample(List<string> items) => items.Count == 0 ? "none" : string.Join(", ", items.Take(5));

    // The leak is reported without repeating the secret.
    private static string Redact(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        var start = Math.Max(0, at - 80);
        return text[start..at].ReplaceLineEndings(" ") + "<SECRET>" + text.Substring(at + secret.Length, Math.Min(40, text.Length - at - secret.Length)).ReplaceLineEndings(" ");
    }
}
