using System.Globalization;
using System.Security.Cryptography;

namespace BlinkTrade.Testing.Users;

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits, ±1 step of drift) over a <see cref="TimeProvider"/>.</summary>
public sealed class TotpCodeProvider : ISecondFactorCodeProvider
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private readonly TimeProvider _time;

    /// <summary>Creates the provider.</summary>
    /// <param name="timeProvider">The clock codes are computed against.</param>
    public TotpCodeProvider(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public string CreateSecret(int userId)
    {
        var bytes = RandomNumberGenerator.GetBytes(10);
        return Base32Encode(bytes);
    }

    /// <inheritdoc />
    public bool IsValid(int userId, string secret, string code)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(code);
        var step = _time.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var drift = -1; drift <= 1; drift++)
        {
            var expected = ComputeCode(secret, step + drift);
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The code for a secret at a time (for tests and tools).</summary>
    /// <param name="secret">The base32 secret.</param>
    /// <param name="at">The instant.</param>
    /// <returns>The 6-digit code.</returns>
    public static string GetCode(string secret, DateTimeOffset at) => ComputeCode(secret, at.ToUnixTimeSeconds() / 30);

    private static string ComputeCode(string secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32Decode(secret), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static string Base32Encode(byte[] data)
    {
        var result = new System.Text.StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                result.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            result.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return result.ToString();
    }

    private static byte[] Base32Decode(string text)
    {
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)((buffer >> (bits - 8)) & 0xFF));
                bits -= 8;
            }
        }
        return [.. output];
    }
}
