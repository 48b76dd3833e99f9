using System.Security.Cryptography;
using System.Text;

namespace BlinkTrade.ApiKeys;

/// <summary>
/// The contract's request signature: lowercase hex HMAC-SHA256 keyed with the secret, over the raw query string
/// (without <c>signature</c>) immediately followed by the raw form body (no separator).
/// </summary>
public static class ApiKeysSignature
{
    /// <summary>Computes the signature of <paramref name="payload"/>.</summary>
    /// <param name="secretKey">The key's secret (UTF-8).</param>
    /// <param name="payload">Raw query string plus raw body.</param>
    /// <returns>64 lowercase hex characters.</returns>
    public static string Compute(string secretKey, string payload)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        ArgumentNullException.ThrowIfNull(payload);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(payload));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Computes the signature of a query string and a body, concatenated.</summary>
    /// <param name="secretKey">The key's secret.</param>
    /// <param name="rawQuery">The query string without <c>?</c> and without <c>signature</c>.</param>
    /// <param name="rawBody">The form-encoded body, or empty.</param>
    /// <returns>64 lowercase hex characters.</returns>
    public static string Compute(string secretKey, string rawQuery, string rawBody) => Compute(secretKey, rawQuery + rawBody);

    /// <summary>Checks a received signature in constant time (case-insensitive hex).</summary>
    /// <param name="secretKey">The key's secret.</param>
    /// <param name="payload">Raw query string plus raw body.</param>
    /// <param name="signature">The received hex signature.</param>
    /// <returns>Whether it matches.</returns>
    public static bool Verify(string secretKey, string payload, string? signature)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        ArgumentNullException.ThrowIfNull(payload);
        if (signature is null || signature.Length != 64)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(payload));
        Span<byte> received = stackalloc byte[32];
        try
        {
            if (Convert.FromHexString(signature, received, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }
        // Constant time: a timing side channel must not reveal how many leading bytes matched.
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }
}
