using System.Numerics;
using System.Runtime.CompilerServices;
using BlinkTrade.Testing.Collections;

namespace BlinkTrade.Testing.Accounts;

/// <summary>
/// (broker, user) → <see cref="Account.Index"/>: the lookup every new order starts with. User ids are small integers handed out
/// in sequence (PROTOCOL.md's <c>UserID</c>s), so for the first <see cref="DenseBrokers"/> brokers an account is found by one load
/// from a per-broker table indexed by user id (4 bytes per id) instead of a probe in a hash table (16 bytes per entry at a load
/// of at most 1/2): with 10,000 users the table is 40 KB and stays in the cache where the hash table (512 KB) missed on most
/// lookups. Every other account — and every account, as the complete record — is in a <see cref="LongIntMap"/>.
/// </summary>
/// <remarks>
/// Invariant: every account whose broker has a table and whose user id is below the table's length is in the table, so a lookup
/// the table covers never falls back to the map. A table grows (doubling) only to cover a user id below
/// <c>max(<see cref="DenseMinimum"/>, <see cref="DensePerAccount"/> × accounts)</c>: memory stays within
/// 2 × 4 × max(4,096, 8 × accounts) bytes per broker however sparse the ids, and ids beyond that live in the map only.
/// </remarks>
internal sealed class AccountIndexMap
{
    /// <summary>Brokers (ids 0 … 15) that get a dense table.</summary>
    private const int DenseBrokers = 16;

    /// <summary>User ids a table may always cover, whatever the number of accounts.</summary>
    private const int DenseMinimum = 4096;

    /// <summary>Table entries allowed per account beyond <see cref="DenseMinimum"/>.</summary>
    private const int DensePerAccount = 8;

    private readonly LongIntMap _map = new(1024);

    /// <summary>Per broker: account index + 1 by user id (0: no such account).</summary>
    private readonly int[]?[] _dense = new int[DenseBrokers][];

    /// <summary>(broker, user) of every account by index, to refill a table when it grows.</summary>
    private readonly List<(int BrokerId, int UserId)> _ids = [];

    /// <summary>Number of accounts.</summary>
    public int Count => _ids.Count;

    /// <summary>The index of an existing account.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(int brokerId, int userId, out int index)
    {
        if ((uint)brokerId < DenseBrokers && _dense[brokerId] is { } users && (uint)userId < (uint)users.Length)
        {
            index = users[userId] - 1;
            return index >= 0;
        }

        return _map.TryGet(Key(brokerId, userId), out index);
    }

    /// <summary>Starts loading the entry a lookup of the account reads first (the matching engine's lookahead).</summary>
    public void Prefetch(int brokerId, int userId)
    {
        if ((uint)brokerId < DenseBrokers && _dense[brokerId] is { } users && (uint)userId < (uint)users.Length)
        {
            CachePrefetch.Read(ref users[userId]);
            return;
        }

        _map.PrefetchHome(Key(brokerId, userId));
    }

    /// <summary>Adds a new account with the next index (<see cref="Count"/> before the call).</summary>
    public int Add(int brokerId, int userId)
    {
        var index = _ids.Count;
        _map.Add(Key(brokerId, userId), index);
        _ids.Add((brokerId, userId));
        if ((uint)brokerId < DenseBrokers && userId >= 0)
        {
            var users = _dense[brokerId];
            if (users is null || userId >= users.Length)
            {
                users = Grow(brokerId, userId);
            }

            if (users is not null && userId < users.Length)
            {
                users[userId] = index + 1;
            }
        }

        return index;
    }

    /// <summary>Widens the broker's table to cover <paramref name="userId"/> if the memory bound allows (else leaves it as is), and
    /// refills it from every account of the broker it now covers; returns the table.</summary>
    private int[]? Grow(int brokerId, int userId)
    {
        var old = _dense[brokerId];
        if (userId >= Math.Max(DenseMinimum, (long)DensePerAccount * _ids.Count))
        {
            return old;
        }

        var users = new int[Math.Max(64, (int)BitOperations.RoundUpToPowerOf2((uint)userId + 1))];
        for (var i = 0; i < _ids.Count; i++)
        {
            var (broker, user) = _ids[i];
            if (broker == brokerId && (uint)user < (uint)users.Length)
            {
                users[user] = i + 1;
            }
        }

        _dense[brokerId] = users;
        return users;
    }

    /// <summary>Map key of an account; the sign flip keeps (0, 0) away from the map's empty marker 0.</summary>
    private static long Key(int brokerId, int userId) => (((long)brokerId << 32) | (uint)userId) ^ long.MinValue;
}
