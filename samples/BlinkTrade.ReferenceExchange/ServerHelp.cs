namespace BlinkTrade.ReferenceExchange;

/// <summary>The text of <c>--help</c> above the options: what the server does, what it prints, and the seed format.</summary>
internal static class ServerHelp
{
    /// <summary>The root command's description.</summary>
    public const string Description = """
        BlinkTrade reference exchange: the BlinkTrade WebSocket protocol on /trade/ (and /) and the API-key REST
        endpoints on /api/v1/apikey/, on loopback Kestrel, until Ctrl+C or SIGTERM.

        Once listening it prints one JSON line on standard output (logs go to standard error):
          {"event":"listening","urls":["http://127.0.0.1:PORT"],"webSocket":"ws://127.0.0.1:PORT/trade/","rest":"http://127.0.0.1:PORT/api/v1/apikey/"}
        so --urls http://127.0.0.1:0 (any free port) works from scripts.
        Exit codes: 0 stopped as asked, 1 runtime failure, 2 invalid arguments.

        Seed file (--seed), JSON; amounts are integers scaled by 1e8 (satoshis), fiat included:
          {
            "brokers":     [{ "id": 5, "name": "exchange", "makerFeeBps": 10, "takerFeeBps": 20 }],
            "instruments": [{ "symbol": "BTCUSD", "base": "BTC", "quote": "USD", "tickSize": 1000000, "minQty": 10000 }],
            "users": [{
              "username": "alice", "password": "abc12345", "email": "alice@example.com", "broker": 5,
              "balances": { "BTC": 1000000000, "USD": 10000000000000 },
              "apiKeys": [{ "apiKey": "...", "secretKey": "...", "apiPassword": "...",
                            "permissions": { "*": [] }, "restrictions": ["All"], "ipWhiteList": [] }]
            }],
            "admins": [{ "apiKey": "...", "secretKey": "..." }]
          }
        Seeded API keys are active; "permissions" is a key's WebSocket PermissionList, "restrictions" its REST modules.
        Every section is optional. The example seed.json ships beside the executable.
        """;
}
