namespace BlinkTrade.Testing.Accounts;

/// <summary>
/// The balance changes of one command, in order: the risk engine appends, the matching engine's event buffer exposes
/// and clears them with the command's other events. The array only grows (to the largest command seen), so
/// steady-state commands allocate nothing.
/// </summary>
internal sealed class BalanceChangeLog
{
    private BalanceChange[] _changes;
    private int _count;

    public BalanceChangeLog(int initialCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        _changes = new BalanceChange[initialCapacity];
    }

    public ReadOnlySpan<BalanceChange> Changes => new(_changes, 0, _count);

    public void Clear() => _count = 0;

    public ref BalanceChange Add()
    {
        if (_count == _changes.Length)
        {
            Array.Resize(ref _changes, _changes.Length * 2);
        }

        return ref _changes[_count++];
    }
}
