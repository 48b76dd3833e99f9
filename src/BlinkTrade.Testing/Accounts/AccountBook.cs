using System.Runtime.CompilerServices;
using BlinkTrade.Testing.Collections;

namespace BlinkTrade.Testing.Accounts;

/// <summary>
/// Accounts of the reference exchange: per (broker, user) balances per currency with locked amounts, fee rates,
/// the ledger (one row per movement, PROTOCOL.md §3.10) and pending withdrawals. Its balances are written only by the
/// <see cref="RiskEngine"/> that owns it (through the internal members); the public members are read-side queries and configuration.
/// </summary>
internal sealed class AccountBook
{
    private readonly AccountIndexMap _accounts = new();
    private readonly List<Account> _accountList = [];
    private readonly Dictionary<string, int> _currencyIds = new(StringComparer.Ordinal);
    private readonly List<string> _currencies = [];
    private readonly Dictionary<int, BrokerConfig> _brokers = [];
    private readonly Dictionary<long, PendingWithdrawal> _withdrawals = [];
    private readonly ChunkedLog<LedgerRow> _ledger;

    /// <summary>One record per settled trade, standing for its four ledger rows.</summary>
    private readonly ChunkedLog<SettlementRow> _settlements;
    private readonly BalanceChangeLog _changes;
    /// <summary>Balances of every account in one flat array, <see cref="_stride"/> currencies per account: a balance check
    /// costs one cache miss, not a pointer chase from the account object to a per-account array.</summary>
    /// <remarks>The stride starts at 2 (one trading pair: 32 bytes per account) and doubles as currencies are registered, so the
    /// array stays as small as the currencies in use allow: with many accounts it decides how much of it the cache holds.</remarks>
    private BalanceCell[] _cells = new BalanceCell[1024 * 2];
    private int _stride = 2;

    /// <summary>Link to each account's newest ledger row (-1 when none), by <see cref="Account.Index"/>: a posting updates the
    /// chain without reading the account object. A link names a single row or one party's side of a settlement (<see cref="Link"/>).</summary>
    private long[] _lastLedgerRow = CreateLastLedgerRows(1024);

    /// <summary>Each account's resolved fee rates by <see cref="Account.Index"/>, packed (<see cref="PackFeeRates"/>): a new order fixes
    /// its rates with one load from an 8-byte entry instead of reading the account object (a cache miss of its own with many
    /// accounts, which the order needs for nothing else).</summary>
    private long[] _feeRates = new long[1024];

    /// <summary>Ledger ids issued so far (the last one).</summary>
    private long _ledgerIds;

    /// <summary>The kinds of entry an account's ledger chain links to (the low bits of a link).</summary>
    private const int SingleRow = 0, BuyerSide = 1, SellerSide = 2, LinkBits = 2, LinkMask = (1 << LinkBits) - 1;

    internal AccountBook(BalanceChangeLog changes, long ledgerCapacity, long settlementCapacity = 1024)
    {
        _changes = changes;
        _ledger = new ChunkedLog<LedgerRow>(ledgerCapacity);
        _settlements = new ChunkedLog<SettlementRow>(settlementCapacity);
        _changes.Bind(this);
    }

    /// <summary>Currency codes known to the exchange, in registration order.</summary>
    public IReadOnlyList<string> Currencies => _currencies;

    /// <summary>Every account that exists, as (broker, user).</summary>
    public IEnumerable<(int BrokerId, int UserId)> AccountIds => _accountList.Select(a => (a.BrokerId, a.UserId));

    /// <summary>Number of ledger rows written (a settled trade's four included).</summary>
    public long LedgerCount => _ledgerIds;

    /// <summary>Whether the accounts' per-order data (balance cells, fee rates, ledger-chain links, id table: ~50 bytes each) is
    /// past what the caches keep beside a book: from <see cref="ManyAccounts"/> on, the matching engine's lookahead loads an
    /// announced order's account data ahead of it (W2's 100,000 accounts; W4's 10,000 fit in the reference machine's L2, see <see cref="ManyAccounts"/>).</summary>
    public bool OutgrowsCache => _accountList.Count >= ManyAccounts;

    /// <summary>Accounts from which <see cref="OutgrowsCache"/> holds (~650 KB of account data).</summary>
    /// <remarks>Was 4,096 (~200 KB). On the reference machine (Zen 5: 1 MB of L2 per core) W4's 10,000 accounts (~400 KB) stay in
    /// L2, and the account lookahead cost more than the misses it hid: W4 1.08–1.09× without it, in both of the machine's
    /// per-process speed modes (10 interleaved pairs, docs/performance.md). W2's 100,000 accounts keep it.</remarks>
    private const int ManyAccounts = 16_384;

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
        for (var link = _lastLedgerRow[account.Index]; link >= 0 && rows.Count < pageSize; link = PreviousOf(link))
        {
            // A single row stands for one entry, a settlement side for two (newest first: what the party received, then what it paid).
            var entries = (link & LinkMask) == SingleRow ? 1 : 2;
            for (var k = 0; k < entries && rows.Count < pageSize; k++)
            {
                if (only >= 0 && CurrencyOf(link, k) != only)
                {
                    continue;
                }

                var entry = EntryOf(link, k);
                if (match is not null && !match(entry))
                {
                    continue;
                }

                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                rows.Add(entry);
            }
        }

        return rows;
    }

    private static long Link(long index, int kind) => (index << LinkBits) | (uint)kind;

    /// <summary>Makes <paramref name="link"/> the newest entry of the account's ledger chain; returns the one before it.</summary>
    private long Chain(int accountIndex, long link)
    {
        ref var last = ref _lastLedgerRow[accountIndex];
        var previous = last;
        last = link;
        return previous;
    }

    /// <summary>The link an account's chain continues with after the entries of <paramref name="link"/>.</summary>
    private long PreviousOf(long link) => (link & LinkMask) switch
    {
        SingleRow => _ledger[link >> LinkBits].PreviousOfAccount,
        BuyerSide => _settlements[link >> LinkBits].BuyerPrevious,
        _ => _settlements[link >> LinkBits].SellerPrevious,
    };

    /// <summary>Currency of entry <paramref name="k"/> (0 = newest) of the entries <paramref name="link"/> stands for.</summary>
    private int CurrencyOf(long link, int k)
    {
        if ((link & LinkMask) == SingleRow)
        {
            return _ledger[link >> LinkBits].Currency;
        }

        // The buyer received base (k = 0) and paid quote; the seller received quote (k = 0) and delivered base.
        ref var s = ref _settlements[link >> LinkBits];
        return ((link & LinkMask) == BuyerSide) == (k == 0) ? s.BaseCurrency : s.QuoteCurrency;
    }

    /// <summary>Entry <paramref name="k"/> (0 = newest) of the entries <paramref name="link"/> stands for, as a client sees it.</summary>
    private LedgerEntry EntryOf(long link, int k)
    {
        var index = link >> LinkBits;
        switch (link & LinkMask)
        {
            case SingleRow:
            {
                ref var row = ref _ledger[index];
                return Entry(row.LedgerId, row.AccountIndex, row.PayeeIndex, row.Currency, row.Operation, row.Amount, row.Balance, row.Reference,
                    row.CounterReference, row.Kind, row.Timestamp);
            }

            case BuyerSide:
            {
                ref var s = ref _settlements[index];
                return k == 0
                    ? Entry(s.BuyerLedgerId + 1, s.Buyer, s.Seller, s.BaseCurrency, LedgerOperation.Credit, s.Quantity, s.BuyerBaseBalance, s.AggressorId,
                        s.RestingId, LedgerKind.Trade, s.Timestamp)
                    : Entry(s.BuyerLedgerId, s.Buyer, s.Seller, s.QuoteCurrency, LedgerOperation.Debit, s.Notional, s.BuyerQuoteBalance, s.AggressorId,
                        s.RestingId, LedgerKind.Trade, s.Timestamp);
            }

            default:
            {
                ref var s = ref _settlements[index];
                var sellerId = s.BuyerLedgerId + s.SellerLedgerOffset;
                return k == 0
                    ? Entry(sellerId + 1, s.Seller, s.Buyer, s.QuoteCurrency, LedgerOperation.Credit, s.Notional, s.SellerQuoteBalance, s.AggressorId,
                        s.RestingId, LedgerKind.Trade, s.Timestamp)
                    : Entry(sellerId, s.Seller, s.Buyer, s.BaseCurrency, LedgerOperation.Debit, s.Quantity, s.SellerBaseBalance, s.AggressorId,
                        s.RestingId, LedgerKind.Trade, s.Timestamp);
            }
        }
    }

    private LedgerEntry Entry(long ledgerId, int accountIndex, int payeeIndex, int ccy, LedgerOperation operation, long amount, long balance,
        long reference, long counterReference, LedgerKind kind, long timestamp)
    {
        var account = _accountList[accountIndex];
        var payee = _accountList[payeeIndex];
        return new LedgerEntry
        {
            LedgerId = ledgerId,
            Currency = _currencies[ccy],
            Operation = operation,
            BrokerId = account.BrokerId,
            UserId = account.UserId,
            PayeeBrokerId = payee.BrokerId,
            PayeeUserId = payee.UserId,
            Amount = amount,
            Balance = balance,
            Reference = reference,
            CounterReference = counterReference,
            Kind = kind,
            Timestamp = timestamp,
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
        if (_accounts.TryGet(brokerId, userId, out var index))
        {
            account = _accountList[index];
            return true;
        }

        account = null!;
        return false;
    }

    internal Account GetOrOpen(int brokerId, int userId) => GetOrOpen(brokerId, userId, out _);

    /// <summary>Starts loading the account-map bucket a lookup of the account begins with (the matching engine's lookahead).</summary>
    internal void PrefetchKey(int brokerId, int userId) => _accounts.Prefetch(brokerId, userId);

    /// <summary>The <see cref="Account.Index"/> of an existing account, without reading the account object.</summary>
    internal bool TryGetIndex(int brokerId, int userId, out int index) => _accounts.TryGet(brokerId, userId, out index);

    /// <summary>Starts loading what a new order of the account reads besides its balance cell: its fee rates.</summary>
    internal void PrefetchAccountEntry(int index) => CachePrefetch.Read(ref _feeRates[index]);

    /// <summary>The account of <paramref name="index"/> (an existing <see cref="Account.Index"/>).</summary>
    internal Account AccountAt(int index) => _accountList[index];

    /// <summary>The account, opened if new, and its <see cref="Account.Index"/> (known before the account object is read).</summary>
    internal Account GetOrOpen(int brokerId, int userId, out int index)
    {
        index = GetOrOpenIndex(brokerId, userId);
        return _accountList[index];
    }

    /// <summary>The <see cref="Account.Index"/> of the account, opened if new: what a new order needs (its balance cell and fee rates
    /// are addressed by it), without reading the account object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int GetOrOpenIndex(int brokerId, int userId) =>
        _accounts.TryGet(brokerId, userId, out var index) ? index : Open(brokerId, userId);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Open(int brokerId, int userId)
    {
        var index = _accountList.Count;
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
            Array.Resize(ref _feeRates, _lastLedgerRow.Length);
        }

        _accounts.Add(brokerId, userId);
        _accountList.Add(account);
        ResolveFees(account);
        return index;
    }

    /// <summary>The maker and taker rates (basis points) a new order of the account on side <paramref name="buy"/> fixes at entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal (short Maker, short Taker) FeeRates(int accountIndex, bool buy)
    {
        var packed = (ulong)_feeRates[accountIndex] >> (buy ? 0 : 16);
        return ((short)(ushort)packed, (short)(ushort)(packed >> 32));
    }

    /// <summary>Four rates of 0 … 10,000 bps in one long: maker buy, maker sell, taker buy, taker sell (16 bits each, in that order).</summary>
    private static long PackFeeRates(int makerBuy, int makerSell, int takerBuy, int takerSell) =>
        (long)((ulong)(ushort)makerBuy | ((ulong)(ushort)makerSell << 16) | ((ulong)(ushort)takerBuy << 32) | ((ulong)(ushort)takerSell << 48));

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
            var index = _ledger.Count;
            ref var row = ref _ledger.Append();
            row.LedgerId = ++_ledgerIds;
            row.Amount = amount;
            row.Balance = balance;
            row.Reference = reference;
            row.CounterReference = counterReference;
            row.Timestamp = timestamp;
            row.PreviousOfAccount = Chain(accountIndex, Link(index, SingleRow));
            row.AccountIndex = accountIndex;
            row.PayeeIndex = payeeIndex;
            row.Currency = (short)ccy;
            row.Operation = operation;
            row.Kind = kind;
        }

        _changes.Add(accountIndex, ccy);
    }

    /// <summary>
    /// Settles one trade whose notional is not 0 (<see cref="RiskEngine.SettleTrade"/>): the buyer's quote debit (its hold shrinking by
    /// <paramref name="buyerRelease"/>) and base credit, its fee, the seller's base debit out of its hold and quote credit, its fee —
    /// the same balance movements, ledger ids and change notes, in the same order, as posting the four rows one by one, but the four
    /// rows are one <see cref="SettlementRow"/> (fee rows stay single rows).
    /// </summary>
    /// <remarks>The hot half of a fill (inlined into it): each balance cell is addressed once and read-modified-written in the order
    /// the rows post (two of them are one cell when base and quote are one currency, four when buyer and seller are one account), and
    /// each party's two change notes are one call.</remarks>
    internal void Settle(int buyer, int seller, int baseCcy, int quoteCcy, long quantity, long notional, long buyerRelease, long buyerFee,
        long sellerFee, long aggressorId, long restingId, long timestamp)
    {
        var index = _settlements.Count;
        ref var s = ref _settlements.Append();
        s.Quantity = quantity;
        s.Notional = notional;
        s.AggressorId = aggressorId;
        s.RestingId = restingId;
        s.Timestamp = timestamp;
        s.Buyer = buyer;
        s.Seller = seller;
        s.BaseCurrency = (short)baseCcy;
        s.QuoteCurrency = (short)quoteCcy;

        ref var buyerQuote = ref Cell(buyer, quoteCcy);
        buyerQuote.Locked -= buyerRelease;
        s.BuyerQuoteBalance = buyerQuote.Total -= notional;
        ref var buyerBase = ref Cell(buyer, baseCcy);
        s.BuyerBaseBalance = buyerBase.Total += quantity;
        _changes.Add(buyer, quoteCcy, baseCcy);
        var ledgerIds = _ledgerIds;
        s.BuyerLedgerId = ledgerIds + 1;
        _ledgerIds = ledgerIds + 2;
        s.BuyerPrevious = Chain(buyer, Link(index, BuyerSide));
        ChargeFee(buyer, baseCcy, buyerFee, LedgerKind.TradeFee, aggressorId, restingId, timestamp);

        ref var sellerBase = ref Cell(seller, baseCcy);
        sellerBase.Locked -= quantity;
        s.SellerBaseBalance = sellerBase.Total -= quantity;
        ref var sellerQuote = ref Cell(seller, quoteCcy);
        s.SellerQuoteBalance = sellerQuote.Total += notional;
        _changes.Add(seller, baseCcy, quoteCcy);
        ledgerIds = _ledgerIds;
        s.SellerLedgerOffset = (byte)(ledgerIds + 1 - s.BuyerLedgerId);
        _ledgerIds = ledgerIds + 2;
        s.SellerPrevious = Chain(seller, Link(index, SellerSide));
        ChargeFee(seller, quoteCcy, sellerFee, LedgerKind.TradeFee, aggressorId, restingId, timestamp);
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
    /// <remarks>Inlined (a fee-free trade's settlement pays one test per party); the rows are posted out of line
    /// (<see cref="PostFee"/>), keeping the settlement inlined into the fill small.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ChargeFee(int accountIndex, int ccy, long fee, LedgerKind kind, long reference, long counterReference, long timestamp)
    {
        if (fee != 0)
        {
            PostFee(accountIndex, ccy, fee, kind, reference, counterReference, timestamp);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PostFee(int accountIndex, int ccy, long fee, LedgerKind kind, long reference, long counterReference, long timestamp)
    {
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
        var takerBuy = user.TakerBuyBps ?? (user.MakerBuyBps is not null ? makerBuy : broker.TakerBuyBps ?? makerBuy);
        var takerSell = user.TakerSellBps ?? (user.MakerSellBps is not null ? makerSell : broker.TakerSellBps ?? makerSell);
        ValidateBps(makerBuy);
        ValidateBps(makerSell);
        ValidateBps(takerBuy);
        ValidateBps(takerSell);
        _feeRates[account.Index] = PackFeeRates(makerBuy, makerSell, takerBuy, takerSell);
        account.FeeAccount = config is not null && TryGet(config.BrokerId, config.FeeAccountUserId, out var feeAccount) ? feeAccount : null;
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
}
