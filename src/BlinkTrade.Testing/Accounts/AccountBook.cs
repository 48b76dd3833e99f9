using System.Runtime.InteropServices;
using BlinkTrade.Testing.Collections;

namespace BlinkTrade.Testing.Accounts;

/// <summary>
/// Accounts of the reference exchange: per (broker, user) balances per currency with locked amounts, fee rates,
/// the ledger (one row per movement, PROTOCOL.md §3.10) and pending withdrawals. Its balances are written only by the
/// <see cref="RiskEngine"/> that owns it (through the internal members); the public members are read-side queries and configuration.
/// </summary>
internal sealed class AccountBook
{
    private readonly LongIntMap _accounts = new(1024);
    private readonly List<Account> _accountList = [];
    private readonly Dictionary<string, int> _currencyIds = new(StringComparer.Ordinal);
    private readonly List<string> _currencies = [];
    private readonly Dictionary<int, BrokerConfig> _brokers = [];
    private readonly Dictionary<long, PendingWithdrawal> _withdrawals = [];
    private readonly ChunkedLog<LedgerRow> _ledger;
    private readonly BalanceChangeLog _changes;
    /// <summary>Balances of every account in one flat array, <see cref="_stride"/> currencies per account: a balance check
    /// costs one cache miss, not a pointer chase from the account object to a per-account array.</summary>
    /// <remarks>The stride starts at 2 (one trading pair: 32 bytes per account) and doubles as currencies are registered, so the
    /// array stays as small as the currencies in use allow: with many accounts it decides how much of it the cache holds.</remarks>
    private BalanceCell[] _cells = new BalanceCell[1024 * 2];
    private int _stride = 2;

    /// <summary>Index of each account's newest ledger row (-1 when none), by <see cref="Account.Index"/>: a posting updates the
    /// chain without reading the account object.</summary>
    private long[] _lastLedgerRow = CreateLastLedgerRows(1024);

    internal AccountBook(BalanceChangeLog changes, long ledgerCapacity)
    {
        _changes = changes;
        _ledger = new ChunkedLog<LedgerRow>(ledgerCapacity);
        _changes.Bind(this);
    }

    /// <summary>Currency codes known to the exchange, in registration order.</summary>
    public IReadOnlyList<string> Currencies => _currencies;

    /// <summary>Every account that exists, as (broker, user).</summary>
    public IEnumerable<(int BrokerId, int UserId)> AccountIds => _accountList.Select(a => (a.BrokerId, a.UserId));

    /// <summary>Number of ledger rows written.</summary>
    public long LedgerCount => _ledger.Count;

    /// <summary>Withdrawals whose funds are locked and not yet completed or cancelled.</summary>
    public IEnumerable<PendingWithdrawal> PendingWithdrawals => _withdrawals.Values;

    /// <summary>Registers (or replaces) a broker: default fee rates and fee account. Existing accounts pick up the rates for new orders.</summary>
    /// <param name="broker">The broker configuration.</param>
    public void RegisterBroker(BrokerConfig broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        _brokers[broker.BrokerId] = broker;
        GetOrOpen(broker.BrokerId, broker.FeeAccountUserId);
        foreach (var account in _accountList)
        {
            if (account.BrokerId == broker.BrokerId)
            {
                ResolveFees(account);
            }
        }
    }

    /// <summary>Sets a user's own fee rates (null members fall back to the broker's). Applies to orders entered afterwards.</summary>
    /// <param name="brokerId">Broker of the account.</param>
    /// <param name="userId">User.</param>
    /// <param name="fees">The user's rates.</param>
    public void SetUserFees(int brokerId, int userId, FeeRates fees)
    {
        var account = GetOrOpen(brokerId, userId);
        account.UserFees = fees;
        ResolveFees(account);
    }

    /// <summary>Opens an account with zero balances if it does not exist yet.</summary>
    /// <param name="brokerId">Broker of the account.</param>
    /// <param name="userId">User.</param>
    public void OpenAccount(int brokerId, int userId) => GetOrOpen(brokerId, userId);

    /// <summary>Registers a currency code if it is new.</summary>
    /// <param name="currency">Currency code, for example <c>BTC</c>.</param>
    public void RegisterCurrency(string currency) => GetOrAddCurrency(currency);

    /// <summary>The balance of an account in one currency (zero when the account or currency is unknown).</summary>
    /// <param name="brokerId">Broker of the account.</param>
    /// <param name="userId">User.</param>
    /// <param name="currency">Currency code.</param>
    /// <returns>Total and locked amounts.</returns>
    public Balance GetBalance(int brokerId, int userId, string currency)
    {
        if (!TryGet(brokerId, userId, out var account) || !_currencyIds.TryGetValue(currency, out var ccy))
        {
            return default;
        }

        return new Balance(Cell(account, ccy).Total, Cell(account, ccy).Locked);
    }

    /// <summary>Every currency balance of an account (the content of a <c>U3</c> answer).</summary>
    /// <param name="brokerId">Broker of the account.</param>
    /// <param name="userId">User.</param>
    /// <returns>Balances by currency code, for every known currency.</returns>
    public IReadOnlyDictionary<string, Balance> GetBalances(int brokerId, int userId)
    {
        var result = new Dictionary<string, Balance>(StringComparer.Ordinal);
        TryGet(brokerId, userId, out var account);
        for (var ccy = 0; ccy < _currencies.Count; ccy++)
        {
            result[_currencies[ccy]] = account is null ? default : new Balance(Cell(account, ccy).Total, Cell(account, ccy).Locked);
        }

        return result;
    }

    /// <summary>Sum of the total balances of every account (fee accounts included) in one currency.</summary>
    /// <param name="currency">Currency code.</param>
    /// <returns>The sum in satoshis.</returns>
    public long TotalInCirculation(string currency)
    {
        if (!_currencyIds.TryGetValue(currency, out var ccy))
        {
            return 0;
        }

        long sum = 0;
        foreach (var account in _accountList)
        {
            sum = checked(sum + Cell(account, ccy).Total);
        }

        return sum;
    }

    /// <summary>Ledger rows of an account, newest first (<c>U34</c>/<c>U35</c>).</summary>
    /// <param name="brokerId">Broker of the account.</param>
    /// <param name="userId">User.</param>
    /// <param name="currency">Only this currency, or <see langword="null"/> for all.</param>
    /// <param name="page">0-based page.</param>
    /// <param name="pageSize">Rows per page.</param>
    /// <param name="match">Only rows it accepts (a list's search terms), before paging; every row when <see langword="null"/>.</param>
    /// <returns>The rows of the page.</returns>
    public IReadOnlyList<LedgerEntry> GetLedger(int brokerId, int userId, string? currency = null, int page = 0, int pageSize = 100, Func<LedgerEntry, bool>? match = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var rows = new List<LedgerEntry>();
        if (!TryGet(brokerId, userId, out var account))
        {
            return rows;
        }

        var only = -1;
        if (currency is not null && !_currencyIds.TryGetValue(currency, out only))
        {
            return rows;
        }

        var skip = (long)page * pageSize;
        for (var index = _lastLedgerRow[account.Index]; index >= 0 && rows.Count < pageSize; index = _ledger[index].PreviousOfAccount)
        {
            ref var row = ref _ledger[index];
            if (only >= 0 && row.Currency != only)
            {
                continue;
            }

            // A search reads the row as a client sees it; without one, only the page's rows are built.
            LedgerEntry? entry = match is null ? null : Entry(index, ref row);
            if (entry is { } candidate && !match!(candidate))
            {
                continue;
            }

            if (skip > 0)
            {
                skip--;
                continue;
            }

            rows.Add(entry ?? Entry(index, ref row));
        }

        return rows;
    }

    /// <summary>The row at <paramref name="index"/> as a client sees it. Ledger ids are the rows' positions + 1: every posting
    /// appends exactly one row, from id 1 on.</summary>
    private LedgerEntry Entry(long index, ref LedgerRow row)
    {
        var account = _accountList[row.AccountIndex];
        var payee = _accountList[row.PayeeIndex];
        return new LedgerEntry
        {
            LedgerId = index + 1,
            Currency = _currencies[row.Currency],
            Operation = row.Operation,
            BrokerId = account.BrokerId,
            UserId = account.UserId,
            PayeeBrokerId = payee.BrokerId,
            PayeeUserId = payee.UserId,
            Amount = row.Amount,
            Balance = row.Balance,
            Reference = row.Reference,
            CounterReference = row.CounterReference,
            Kind = row.Kind,
            Timestamp = row.Timestamp,
        };
    }

    /// <summary>The balance change of one cell as published (<see cref="BalanceChangeLog"/> materializes them on demand).</summary>
    internal BalanceChange Change(int accountIndex, int ccy)
    {
        var account = _accountList[accountIndex];
        ref var cell = ref Cell(accountIndex, ccy);
        return new BalanceChange { BrokerId = account.BrokerId, UserId = account.UserId, Currency = _currencies[ccy], Total = cell.Total, Locked = cell.Locked };
    }

    /// <summary>The balance cell of an account in one currency.</summary>
    internal ref BalanceCell Cell(Account account, int ccy) => ref Cell(account.Index, ccy);

    /// <summary>The balance cell of the account with index <paramref name="accountIndex"/> in one currency.</summary>
    /// <remarks>Hot paths pass the index they already hold (from the account map or the order slot), so the cell's address
    /// does not wait for the account object to arrive from memory: with many accounts both loads are cache misses, and
    /// they then overlap instead of following each other.</remarks>
    internal ref BalanceCell Cell(int accountIndex, int ccy) => ref _cells[(accountIndex * _stride) + ccy];

    /// <summary>Total minus locked.</summary>
    internal long Available(Account account, int ccy) => Available(account.Index, ccy);

    /// <summary>Total minus locked, by account index.</summary>
    internal long Available(int accountIndex, int ccy)
    {
        ref var cell = ref Cell(accountIndex, ccy);
        return cell.Total - cell.Locked;
    }

    internal string CurrencyCode(int ccy) => _currencies[ccy];

    internal bool TryGetCurrency(string currency, out int ccy) => _currencyIds.TryGetValue(currency, out ccy);

    internal int GetOrAddCurrency(string currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        if (_currencyIds.TryGetValue(currency, out var ccy))
        {
            return ccy;
        }

        ccy = _currencies.Count;
        _currencies.Add(currency);
        _currencyIds.Add(currency, ccy);
        if (ccy >= _stride)
        {
            // Re-lay the flat balance array out with room for twice as many currencies per account.
            var stride = _stride * 2;
            var cells = new BalanceCell[Math.Max(_cells.Length * 2, (_accountList.Count + 1) * stride)];
            for (var index = 0; index < _accountList.Count; index++)
            {
                Array.Copy(_cells, index * _stride, cells, index * stride, _stride);
            }

            _cells = cells;
            _stride = stride;
        }

        return ccy;
    }

    internal bool TryGet(int brokerId, int userId, out Account account)
    {
        if (_accounts.TryGet(Key(brokerId, userId), out var index))
        {
            account = _accountList[index];
            return true;
        }

        account = null!;
        return false;
    }

    internal Account GetOrOpen(int brokerId, int userId) => GetOrOpen(brokerId, userId, out _);

    /// <summary>Starts loading the account-map bucket a lookup of the account begins with (the matching engine's lookahead).</summary>
    internal void PrefetchKey(int brokerId, int userId) => _accounts.PrefetchHome(Key(brokerId, userId));

    /// <summary>The <see cref="Account.Index"/> of an existing account, without reading the account object.</summary>
    internal bool TryGetIndex(int brokerId, int userId, out int index) => _accounts.TryGet(Key(brokerId, userId), out index);

    /// <summary>Starts loading the list entry that holds the account object of <paramref name="index"/>.</summary>
    internal void PrefetchAccountEntry(int index) => CachePrefetch.Read(ref CollectionsMarshal.AsSpan(_accountList)[index]);

    /// <summary>The account of <paramref name="index"/> (an existing <see cref="Account.Index"/>).</summary>
    internal Account AccountAt(int index) => _accountList[index];

    /// <summary>The account, opened if new, and its <see cref="Account.Index"/> (known before the account object is read).</summary>
    internal Account GetOrOpen(int brokerId, int userId, out int index)
    {
        var key = Key(brokerId, userId);
        if (_accounts.TryGet(key, out index))
        {
            return _accountList[index];
        }

        index = _accountList.Count;
        var account = new Account(index, brokerId, userId);
        if ((account.Index + 1) * _stride > _cells.Length)
        {
            Array.Resize(ref _cells, _cells.Length * 2);
        }

        if (account.Index >= _lastLedgerRow.Length)
        {
            var rows = CreateLastLedgerRows(_lastLedgerRow.Length * 2);
            _lastLedgerRow.CopyTo(rows, 0);
            _lastLedgerRow = rows;
        }

        _accounts.Add(key, account.Index);
        _accountList.Add(account);
        ResolveFees(account);
        return account;
    }

    /// <summary>Reserves <paramref name="amount"/> (no ledger row: nothing moves).</summary>
    internal void Lock(Account account, int ccy, long amount) => Lock(account.Index, ccy, amount);

    /// <summary>Reserves <paramref name="amount"/> of the account whose <see cref="Account.Index"/> is <paramref name="accountIndex"/>.</summary>
    /// <remarks>Addressed by the index the caller already holds (the command's or the order slot's), not by the account object: with
    /// many accounts reading the object is a cache miss the balance change does not need.</remarks>
    internal void Lock(int accountIndex, int ccy, long amount)
    {
        if (amount == 0)
        {
            return;
        }

        Cell(accountIndex, ccy).Locked += amount;
        _changes.Add(accountIndex, ccy);
    }

    /// <summary>Releases <paramref name="amount"/> of a reservation.</summary>
    internal void Unlock(Account account, int ccy, long amount) => Unlock(account.Index, ccy, amount);

    /// <summary>Releases <paramref name="amount"/>, addressed like <see cref="Lock(int, int, long)"/>.</summary>
    internal void Unlock(int accountIndex, int ccy, long amount)
    {
        if (amount == 0)
        {
            return;
        }

        Cell(accountIndex, ccy).Locked -= amount;
        _changes.Add(accountIndex, ccy);
    }

    /// <summary>Moves money in or out of an account (optionally releasing a reservation at the same time) and writes its ledger row.</summary>
    internal void Post(Account account, int ccy, LedgerOperation operation, long amount, long unlock, LedgerKind kind,
        Account? payee, long reference, long counterReference, long timestamp) =>
        Post(account.Index, ccy, operation, amount, unlock, kind, payee?.Index ?? account.Index, reference, counterReference, timestamp);

    /// <summary><see cref="Post(Account, int, LedgerOperation, long, long, LedgerKind, Account?, long, long, long)"/> by
    /// <see cref="Account.Index"/> (the counterparty's too): a trade's settlement reads no account object.</summary>
    internal void Post(int accountIndex, int ccy, LedgerOperation operation, long amount, long unlock, LedgerKind kind,
        int payeeIndex, long reference, long counterReference, long timestamp)
    {
        if (amount == 0 && unlock == 0)
        {
            return;
        }

        ref var cell = ref Cell(accountIndex, ccy);
        cell.Locked -= unlock;
        if (amount != 0)
        {
            var balance = operation == LedgerOperation.Credit ? cell.Total + amount : cell.Total - amount;
            cell.Total = balance;
            ref var last = ref _lastLedgerRow[accountIndex];
            var index = _ledger.Count;
            ref var row = ref _ledger.Append();
            row.Amount = amount;
            row.Balance = balance;
            row.Reference = reference;
            row.CounterReference = counterReference;
            row.Timestamp = timestamp;
            row.PreviousOfAccount = last;
            row.AccountIndex = accountIndex;
            row.PayeeIndex = payeeIndex;
            row.Currency = (short)ccy;
            row.Operation = operation;
            row.Kind = kind;
            last = index;
        }

        _changes.Add(accountIndex, ccy);
    }

    /// <summary>Moves <paramref name="fee"/> from an account to its broker's fee account (two ledger rows).</summary>
    internal void ChargeFee(Account account, int ccy, long fee, LedgerKind kind, long reference, long counterReference, long timestamp)
    {
        if (fee != 0)
        {
            ChargeFee(account.Index, ccy, fee, kind, reference, counterReference, timestamp);
        }
    }

    /// <summary><see cref="ChargeFee(Account, int, long, LedgerKind, long, long, long)"/> by <see cref="Account.Index"/>; the account
    /// object is read only when there is a fee to move (its fee account).</summary>
    internal void ChargeFee(int accountIndex, int ccy, long fee, LedgerKind kind, long reference, long counterReference, long timestamp)
    {
        if (fee == 0)
        {
            return;
        }

        var feeAccount = _accountList[accountIndex].FeeAccount ?? throw new InvalidOperationException("A fee was charged to an account whose broker has no fee account.");
        Post(accountIndex, ccy, LedgerOperation.Debit, fee, 0, kind, feeAccount.Index, reference, counterReference, timestamp);
        Post(feeAccount.Index, ccy, LedgerOperation.Credit, fee, 0, kind, accountIndex, reference, counterReference, timestamp);
    }

    internal bool TryAddWithdrawal(PendingWithdrawal withdrawal) => _withdrawals.TryAdd(withdrawal.WithdrawId, withdrawal);

    internal bool TryRemoveWithdrawal(long withdrawId, out PendingWithdrawal withdrawal) =>
        _withdrawals.Remove(withdrawId, out withdrawal!);

    internal Account? BrokerFeeAccount(int brokerId) =>
        _brokers.TryGetValue(brokerId, out var broker) && TryGet(brokerId, broker.FeeAccountUserId, out var fee) ? fee : null;

    private void ResolveFees(Account account)
    {
        var broker = _brokers.TryGetValue(account.BrokerId, out var config) ? config.Fees : default;
        var user = account.UserFees;
        var makerBuy = user.MakerBuyBps ?? broker.MakerBuyBps ?? 0;
        var makerSell = user.MakerSellBps ?? broker.MakerSellBps ?? 0;

        // Null taker falls back to the maker rate of the same level (user, then broker), §3.7.
        account.MakerBuyBps = makerBuy;
        account.MakerSellBps = makerSell;
        account.TakerBuyBps = user.TakerBuyBps ?? (user.MakerBuyBps is not null ? makerBuy : broker.TakerBuyBps ?? makerBuy);
        account.TakerSellBps = user.TakerSellBps ?? (user.MakerSellBps is not null ? makerSell : broker.TakerSellBps ?? makerSell);
        account.FeeAccount = config is not null && TryGet(config.BrokerId, config.FeeAccountUserId, out var feeAccount) ? feeAccount : null;
        ValidateBps(account.MakerBuyBps);
        ValidateBps(account.MakerSellBps);
        ValidateBps(account.TakerBuyBps);
        ValidateBps(account.TakerSellBps);
    }

    private static void ValidateBps(int bps)
    {
        if (bps is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(bps), bps, "Fee rates are basis points between 0 and 10000.");
        }
    }

    private static long[] CreateLastLedgerRows(int length)
    {
        var rows = new long[length];
        Array.Fill(rows, -1L);
        return rows;
    }

    /// <summary>Map key of an account; the sign flip keeps (0, 0) away from the map's empty marker 0.</summary>
    private static long Key(int brokerId, int userId) => (((long)brokerId << 32) | (uint)userId) ^ long.MinValue;
}
