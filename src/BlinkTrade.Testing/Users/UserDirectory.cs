namespace BlinkTrade.Testing.Users;

/// <summary>
/// Brokers, users, currencies and instruments of the reference exchange. Not thread-safe by design: only the
/// exchange actor touches it (single writer).
/// </summary>
internal sealed class UserDirectory
{
    private readonly Dictionary<int, BrokerAccount> _brokers = [];
    private readonly Dictionary<int, UserAccount> _users = [];
    private readonly Dictionary<string, UserAccount> _byUsername = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UserAccount> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CurrencyDefinition> _currencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstrumentDefinition> _instruments = new(StringComparer.Ordinal);
    private int _nextUserId = 90_000_001;

    public IEnumerable<BrokerAccount> Brokers => _brokers.Values.OrderBy(b => b.BrokerId);

    public IEnumerable<UserAccount> Users => _users.Values;

    public IEnumerable<CurrencyDefinition> Currencies => _currencies.Values;

    public IEnumerable<InstrumentDefinition> Instruments => _instruments.Values;

    public BrokerAccount AddBroker(BrokerAccount broker, PasswordHash password)
    {
        if (!_brokers.TryAdd(broker.BrokerId, broker))
        {
            throw new ArgumentException($"Broker {broker.BrokerId} already exists.", nameof(broker));
        }
        // A broker is also a user (its own account and the fee account), as in bitex.
        if (!_users.ContainsKey(broker.BrokerId))
        {
            AddUser(new UserAccount
            {
                UserId = broker.BrokerId,
                BrokerId = broker.BrokerId,
                Username = broker.Name,
                Email = broker.Name + "@broker.invalid",
                Password = password,
                IsBroker = true,
            });
        }
        return broker;
    }

    public UserAccount AddUser(UserAccount user)
    {
        if (_byUsername.ContainsKey(user.Username) || _byEmail.ContainsKey(user.Email))
        {
            throw new ArgumentException($"User {user.Username} already exists.", nameof(user));
        }
        if (!_users.TryAdd(user.UserId, user))
        {
            throw new ArgumentException($"User id {user.UserId} already exists.", nameof(user));
        }
        _byUsername[user.Username] = user;
        _byEmail[user.Email] = user;
        return user;
    }

    public int NextUserId()
    {
        while (_users.ContainsKey(_nextUserId))
        {
            _nextUserId++;
        }
        return _nextUserId++;
    }

    public bool IsTaken(string username, string email) => _byUsername.ContainsKey(username) || _byEmail.ContainsKey(email);

    public BrokerAccount? FindBroker(int brokerId) => _brokers.GetValueOrDefault(brokerId);

    public UserAccount? FindUser(int userId) => _users.GetValueOrDefault(userId);

    /// <summary>Finds a user by username or email (case-insensitive), as login accepts either.</summary>
    public UserAccount? FindByLogin(string login) => _byUsername.GetValueOrDefault(login) ?? _byEmail.GetValueOrDefault(login);

    public UserAccount? FindByEmail(string email) => _byEmail.GetValueOrDefault(email);

    public void AddCurrency(CurrencyDefinition currency) => _currencies.TryAdd(currency.Code, currency);

    public CurrencyDefinition? FindCurrency(string code) => _currencies.GetValueOrDefault(code);

    public void AddInstrument(InstrumentDefinition instrument)
    {
        if (!_instruments.TryAdd(instrument.Symbol, instrument))
        {
            throw new ArgumentException($"Instrument {instrument.Symbol} already exists.", nameof(instrument));
        }
    }

    public InstrumentDefinition? FindInstrument(string symbol) => _instruments.GetValueOrDefault(symbol);
}
