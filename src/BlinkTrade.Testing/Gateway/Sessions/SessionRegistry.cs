using System.Collections.Concurrent;

namespace BlinkTrade.Testing.Gateway.Sessions;

/// <summary>
/// Every open session, and the logged-in ones by user id, so publications (8, U3, U9, U23, U40) reach every session
/// of the account (PROTOCOL.md §1.6). Thread-safe; reads take a snapshot.
/// </summary>
internal sealed class SessionRegistry
{
    private readonly ConcurrentDictionary<long, ExchangeSession> _all = new();
    // Each user's sessions as an array that is replaced, never changed, on Bind/Unbind: a publication (two or three per
    // served order) reads it as it stands instead of copying the list under the lock.
    private readonly Dictionary<int, ExchangeSession[]> _byUser = [];
    private readonly Lock _gate = new();

    public int Count => _all.Count;

    public IReadOnlyCollection<ExchangeSession> All => [.. _all.Values];

    public void Add(ExchangeSession session) => _all[session.Id] = session;

    public void Remove(ExchangeSession session) => _all.TryRemove(session.Id, out _);

    public void Bind(ExchangeSession session, SessionIdentity identity)
    {
        lock (_gate)
        {
            var sessions = _byUser.GetValueOrDefault(identity.UserId, []);
            if (Array.IndexOf(sessions, session) < 0)
            {
                _byUser[identity.UserId] = [.. sessions, session];
            }
        }
    }

    public void Unbind(ExchangeSession session, SessionIdentity identity)
    {
        lock (_gate)
        {
            if (_byUser.TryGetValue(identity.UserId, out var sessions) && Array.IndexOf(sessions, session) is var index and >= 0)
            {
                if (sessions.Length == 1)
                {
                    _byUser.Remove(identity.UserId);
                }
                else
                {
                    _byUser[identity.UserId] = [.. sessions.AsSpan(0, index), .. sessions.AsSpan(index + 1)];
                }
            }
        }
    }

    /// <summary>The user's sessions when asked: a snapshot that later logins and logouts do not change (the caller must not write into it).</summary>
    public ExchangeSession[] SessionsOf(int userId)
    {
        lock (_gate)
        {
            return _byUser.GetValueOrDefault(userId, []);
        }
    }

    /// <summary>
    /// Delivers an unsolicited message to every session of the user. API-key sessions get it only when their
    /// PermissionList names the MsgType (or <c>*</c>), PROTOCOL.md §4.1 "Outbound filtering" — except
    /// <paramref name="reply"/>, the session whose request this frame answers: direct responses are always delivered,
    /// and at once (<see cref="ExchangeSession.Reply"/>).
    /// </summary>
    public void Publish(int userId, string msgType, byte[] frame, ExchangeSession? reply = null)
    {
        foreach (var session in SessionsOf(userId))
        {
            if (ReferenceEquals(session, reply))
            {
                session.Reply(frame);
            }
            else if (session.Identity is { } identity && Permissions.PermissionEvaluator.AllowsPublication(identity.PermissionList, msgType))
            {
                session.Publish(frame);
            }
        }
    }
}
