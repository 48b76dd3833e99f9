namespace BlinkTrade.Testing.Users;

/// <summary>
/// An <see cref="IEmailTokenSink"/> tests read from: it keeps the latest token sent to each email until a test takes
/// it, and <see cref="TakeAsync"/> waits for one that has not been sent yet. One token per email is kept (a newer one
/// replaces it, as a newer email makes the older token void), so it stays small however many logins it serves.
/// </summary>
public sealed class EmailTokenOutbox : IEmailTokenSink
{
    private readonly Dictionary<string, EmailToken> _latest = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TaskCompletionSource<EmailToken>> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();

    /// <inheritdoc />
    public void Deliver(EmailToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        TaskCompletionSource<EmailToken>? waiter;
        lock (_gate)
        {
            if (_waiting.Remove(token.Email, out waiter))
            {
                // Handed straight to the waiting test.
            }
            else
            {
                _latest[token.Email] = token;
            }
        }
        waiter?.TrySetResult(token);
    }

    /// <summary>The latest token sent to <paramref name="email"/> not taken yet, or the next one sent to it.</summary>
    /// <param name="email">The user's email.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The token (taken: a second call waits for a newer one).</returns>
    public Task<EmailToken> TakeAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        TaskCompletionSource<EmailToken> waiter;
        lock (_gate)
        {
            if (_latest.Remove(email, out var token))
            {
                return Task.FromResult(token);
            }
            if (!_waiting.TryGetValue(email, out waiter!))
            {
                waiter = new TaskCompletionSource<EmailToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add(email, waiter);
            }
        }
        return waiter.Task.WaitAsync(cancellationToken);
    }
}
