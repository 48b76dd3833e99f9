namespace BlinkTrade.Testing.Accounts;

/// <summary>
/// The balance changes of one command: the risk engine notes which balance cells it touched (two integers, in the order
/// first touched), and the <see cref="BalanceChange"/>s — with the cells' values at the end of the command — are built only
/// when someone reads <see cref="Changes"/> (the gateway, once per command), not at every movement: a sweep touches the
/// taker's two cells at every fill. The arrays only grow (to the largest command seen), so steady-state commands allocate
/// nothing.
/// </summary>
internal sealed class BalanceChangeLog
{
    /// <summary>Above this many touches the duplicate check uses a map instead of scanning the changes built so far.</summary>
    private const int ScanLimit = 16;

    private (int Account, int Ccy)[] _touched;
    private int _count;
    private BalanceChange[] _changes;
    private int _changeCount = -1;
    private Dictionary<(int Account, int Ccy), int>? _seen;
    private AccountBook? _book;

    public BalanceChangeLog(int initialCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        _touched = new (int, int)[initialCapacity];
        _changes = new BalanceChange[initialCapacity];
    }

    /// <summary>One change per touched (account, currency), in the order first touched, each with the cell's current total and
    /// locked amounts (what a per-movement list would show as its last entry of the cell).</summary>
    public ReadOnlySpan<BalanceChange> Changes
    {
        get
        {
            if (_changeCount < 0)
            {
                Materialize();
            }

            return new(_changes, 0, _changeCount);
        }
    }

    /// <summary>The accounts whose cells this log reads when it builds <see cref="Changes"/>.</summary>
    public void Bind(AccountBook book) => _book = book;

    public void Clear()
    {
        _count = 0;
        _changeCount = -1;
    }

    /// <summary>Notes that the balance of account <paramref name="accountIndex"/> in <paramref name="ccy"/> changed.</summary>
    public void Add(int accountIndex, int ccy)
    {
        var count = _count;
        if (count > 0 && _touched[count - 1] == (accountIndex, ccy))
        {
            return;
        }

        if (count == _touched.Length)
        {
            Array.Resize(ref _touched, count * 2);
        }

        _touched[count] = (accountIndex, ccy);
        _count = count + 1;
        _changeCount = -1;
    }

    /// <summary>Notes that the balances of account <paramref name="accountIndex"/> in <paramref name="first"/> and then in
    /// <paramref name="second"/> changed: the same as two calls of <see cref="Add(int, int)"/>, with one capacity check (a settlement
    /// notes each party's two cells together).</summary>
    public void Add(int accountIndex, int first, int second)
    {
        var count = _count;
        if (count + 2 > _touched.Length)
        {
            Array.Resize(ref _touched, (count + 2) * 2);
        }

        var touched = _touched;
        if (count == 0 || touched[count - 1] != (accountIndex, first))
        {
            touched[count++] = (accountIndex, first);
        }

        // The last note is now (account, first) either way.
        if (second != first)
        {
            touched[count++] = (accountIndex, second);
        }

        _count = count;
        _changeCount = -1;
    }

    private void Materialize()
    {
        var book = _book ?? throw new InvalidOperationException("The log is not bound to an account book.");
        if (_changes.Length < _count)
        {
            _changes = new BalanceChange[_touched.Length];
        }

        var changes = 0;
        var map = _count > ScanLimit ? (_seen ??= []) : null;
        map?.Clear();
        for (var i = 0; i < _count; i++)
        {
            var touched = _touched[i];
            if (map is not null ? !map.TryAdd(touched, changes) : Seen(touched, i))
            {
                continue;
            }

            _changes[changes++] = book.Change(touched.Account, touched.Ccy);
        }

        _changeCount = changes;
    }

    /// <summary>Whether an earlier touch than <paramref name="index"/> was of the same cell.</summary>
    private bool Seen((int Account, int Ccy) touched, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (_touched[i] == touched)
            {
                return true;
            }
        }

        return false;
    }
}
