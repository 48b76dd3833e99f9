using System.Globalization;
using System.Net;
using System.Text.Json;
using BlinkTrade.ApiKeys;
using BlinkTrade.Testing.ApiKeys;

namespace BlinkTrade.Testing;

/// <summary>
/// Checks a seed before anything is applied, so a bad file fails at start-up with the field's path instead of a
/// half-seeded exchange or a NullReferenceException. Messages never contain a password or a secret.
/// </summary>
internal static class SeedValidator
{
    /// <summary>The highest accepted PBKDF2 iteration count (a typo must not stall start-up for hours).</summary>
    public const int MaxPasswordHashIterations = 10_000_000;

    public static void Validate(ExchangeSeed seed)
    {
        if (seed.PasswordHashIterations is { } iterations && iterations is < 1 or > MaxPasswordHashIterations)
        {
            throw Fail("passwordHashIterations", $"must be between 1 and {MaxPasswordHashIterations} (got {iterations})");
        }
        var brokers = new HashSet<int>();
        for (var i = 0; i < seed.Brokers.Count; i++)
        {
            var path = $"brokers[{i}]";
            var broker = seed.Brokers[i] ?? throw Fail(path, "must be an object");
            if (broker.Id <= 0)
            {
                throw Fail(path + ".id", "must be a positive broker id");
            }
            Required(path + ".name", broker.Name);
            if (!brokers.Add(broker.Id))
            {
                throw Fail(path + ".id", $"broker {broker.Id} appears twice");
            }
        }
        ValidateInstruments(seed);
        var apiKeys = new HashSet<string>(StringComparer.Ordinal);
        ValidateUsers(seed, brokers, apiKeys);
        for (var i = 0; i < seed.Admins.Count; i++)
        {
            var path = $"admins[{i}]";
            var admin = seed.Admins[i] ?? throw Fail(path, "must be an object");
            Key(path + ".apiKey", admin.ApiKey, apiKeys);
            Required(path + ".secretKey", admin.SecretKey);
        }
    }

    private static void ValidateInstruments(ExchangeSeed seed)
    {
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < seed.Instruments.Count; i++)
        {
            var path = $"instruments[{i}]";
            var instrument = seed.Instruments[i] ?? throw Fail(path, "must be an object");
            Required(path + ".symbol", instrument.Symbol);
            Required(path + ".base", instrument.Base);
            Required(path + ".quote", instrument.Quote);
            if (instrument.TickSize <= 0)
            {
                throw Fail(path + ".tickSize", "must be positive (1e8-scaled)");
            }
            if (instrument.MinQty <= 0)
            {
                throw Fail(path + ".minQty", "must be positive (1e8-scaled)");
            }
            if (!symbols.Add(instrument.Symbol))
            {
                throw Fail(path + ".symbol", $"instrument {instrument.Symbol} appears twice");
            }
        }
    }

    private static void ValidateUsers(ExchangeSeed seed, HashSet<int> brokers, HashSet<string> apiKeys)
    {
        var usernames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < seed.Users.Count; i++)
        {
            var path = $"users[{i}]";
            var user = seed.Users[i] ?? throw Fail(path, "must be an object");
            Required(path + ".username", user.Username);
            if (!usernames.Add(user.Username))
            {
                throw Fail(path + ".username", $"user {user.Username} appears twice (usernames are case-insensitive)");
            }
            if (string.IsNullOrEmpty(user.Password))
            {
                throw Fail(path + ".password", "is required");
            }
            if (!brokers.Contains(user.Broker))
            {
                throw Fail(path + ".broker", $"broker {user.Broker} is not in \"brokers\"");
            }
            var email = user.Email ?? user.Username + "@example.com";
            if (!emails.Add(email))
            {
                throw Fail(path + ".email", $"{email} is used by another user");
            }
            foreach (var (currency, amount) in user.Balances)
            {
                if (string.IsNullOrWhiteSpace(currency))
                {
                    throw Fail(path + ".balances", "a currency code is empty");
                }
                if (amount < 0)
                {
                    throw Fail($"{path}.balances.{currency}", $"must not be negative (got {amount.ToString(CultureInfo.InvariantCulture)})");
                }
            }
            for (var k = 0; k < user.ApiKeys.Count; k++)
            {
                ValidateApiKey($"{path}.apiKeys[{k}]", user.ApiKeys[k], apiKeys);
            }
        }
    }

    private static void ValidateApiKey(string path, SeedApiKey? key, HashSet<string> apiKeys)
    {
        if (key is null)
        {
            throw Fail(path, "must be an object");
        }
        Key(path + ".apiKey", key.ApiKey, apiKeys);
        Required(path + ".secretKey", key.SecretKey);
        for (var r = 0; r < key.Restrictions.Count; r++)
        {
            if (!ApiKeyPermissionNames.TryParseName(key.Restrictions[r], out _))
            {
                throw Fail($"{path}.restrictions[{r}]", $"'{key.Restrictions[r]}' is not one of Account, Deposit, Withdraw, ExternalAssets, IssueAssets, TokenManagement, All");
            }
        }
        for (var p = 0; p < key.IpWhiteList.Count; p++)
        {
            if (!IPAddress.TryParse(key.IpWhiteList[p], out _))
            {
                throw Fail($"{path}.ipWhiteList[{p}]", $"'{key.IpWhiteList[p]}' is not an IP address");
            }
        }
        if (key.Permissions is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Object) })
        {
            throw Fail(path + ".permissions", "must be a PermissionList object, e.g. {\"*\": []}");
        }
    }

    private static void Key(string path, string? apiKey, HashSet<string> seen)
    {
        if (!ApiKeyCredentialGenerator.IsWellFormedApiKey(apiKey))
        {
            throw Fail(path, "must be 64 characters [A-Za-z0-9]");
        }
        if (!seen.Add(apiKey!))
        {
            throw Fail(path, "this key appears twice");
        }
    }

    private static void Required(string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Fail(path, "is required");
        }
    }

    private static ExchangeSeedException Fail(string field, string problem) => new(field, problem);
}
