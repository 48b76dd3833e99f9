using System.Security.Cryptography;
using System.Text;

namespace BlinkTrade.Testing.Users;

/// <summary>
/// A user's email second factor (PROTOCOL.md §2.1 <c>Token</c>, <c>TrustedDevice</c>): the pending one-time token, the
/// last token used (so a replay is told apart from a wrong guess) and the devices the user trusted. Mutated only on
/// the exchange actor.
/// </summary>
internal sealed class EmailSecondFactor
{
    /// <summary>Trusted devices kept per user; the oldest is forgotten beyond this (memory stays bounded).</summary>
    public const int MaxTrustedDevices = 16;

    private readonly List<string> _trustedDevices = [];
    private string? _pending;
    private DateTimeOffset _pendingExpires;
    private string? _lastUsed;

    /// <summary>Whether logins from untrusted devices need an emailed token.</summary>
    public bool Enabled { get; set; }

    /// <summary>Creates a new token, voiding any pending one.</summary>
    public string Issue(DateTimeOffset expires)
    {
        _pending = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        _pendingExpires = expires;
        return _pending;
    }

    /// <summary>Checks a token sent with a login; a valid one is used up.</summary>
    public EmailTokenCheck Use(string token, DateTimeOffset now)
    {
        if (_pending is { } pending && Same(pending, token))
        {
            _pending = null;
            if (now > _pendingExpires)
            {
                return EmailTokenCheck.Expired;
            }
            _lastUsed = pending;
            return EmailTokenCheck.Valid;
        }
        return _lastUsed is { } used && Same(used, token) ? EmailTokenCheck.AlreadyUsed : EmailTokenCheck.Invalid;
    }

    /// <summary>Whether a login from this device fingerprint needs no token.</summary>
    public bool IsTrusted(string? fingerPrint) => !string.IsNullOrEmpty(fingerPrint) && _trustedDevices.Contains(fingerPrint, StringComparer.Ordinal);

    /// <summary>Remembers a device (after a login from it passed the email second factor with <c>TrustedDevice</c>).</summary>
    public void Trust(string fingerPrint)
    {
        if (IsTrusted(fingerPrint))
        {
            return;
        }
        if (_trustedDevices.Count == MaxTrustedDevices)
        {
            _trustedDevices.RemoveAt(0);
        }
        _trustedDevices.Add(fingerPrint);
    }

    /// <summary>Forgets every trusted device (the user must pass the email second factor again everywhere).</summary>
    public void ForgetDevices() => _trustedDevices.Clear();

    private static bool Same(string expected, string actual)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
