using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway;

internal sealed partial class ExchangeState
{
    private static readonly HashSet<string> CryptoCodes = new(StringComparer.Ordinal) { "BTC", "LTC", "ETH", "XBT", "DOGE", "BCH" };

    public void AddBroker(int brokerId, string name, int makerFeeBps, int takerFeeBps, PasswordHash password)
    {
        var broker = new BrokerAccount { BrokerId = brokerId, Name = name, MakerFeeBps = makerFeeBps, TakerFeeBps = takerFeeBps };
        Directory.AddBroker(broker, password);
        foreach (var currency in Directory.Currencies)
        {
            AddBrokerCurrency(broker, currency.Code);
        }
        // The broker's own user collects its fees; its rates are every customer's default.
        Engine.Accounts.RegisterBroker(new BrokerConfig(broker.BrokerId, broker.BrokerId, new FeeRates
        {
            MakerBuyBps = broker.MakerFeeBps,
            MakerSellBps = broker.MakerFeeBps,
            TakerBuyBps = broker.TakerFeeBps,
            TakerSellBps = broker.TakerFeeBps,
        }));
    }

    public void AddInstrument(InstrumentDefinition instrument)
    {
        Directory.AddInstrument(instrument);
        foreach (var code in new[] { instrument.BaseCurrency, instrument.QuoteCurrency })
        {
            if (Directory.FindCurrency(code) is null)
            {
                var crypto = CryptoCodes.Contains(code);
                Directory.AddCurrency(new CurrencyDefinition(code, crypto ? "฿" : "$", code, crypto, code == instrument.QuoteCurrency ? instrument.TickSize : 1));
                foreach (var broker in Directory.Brokers)
                {
                    AddBrokerCurrency(broker, code);
                }
            }
        }
        Engine.AddInstrument(new InstrumentConfig(instrument.Symbol, instrument.BaseCurrency, instrument.QuoteCurrency, instrument.TickSize, instrument.MinQty));
        MarketData.AddSymbol(instrument.Symbol, instrument.BaseCurrency, instrument.QuoteCurrency);
    }

    private static void AddBrokerCurrency(BrokerAccount broker, string code)
    {
        if (broker.Currencies.Contains(code))
        {
            return;
        }
        broker.Currencies.Add(code);
        var crypto = CryptoCodes.Contains(code);
        broker.WithdrawMethods[code] = [crypto
            ? new WithdrawMethod("bitcoin", code + " withdrawal", 0m, 0)
            : new WithdrawMethod("bank", code + " bank transfer", 0m, 0)];
        if (!crypto)
        {
            broker.DepositMethods.Add(new DepositMethod(broker.BrokerId * 100 + broker.DepositMethods.Count + 1, code + " bank deposit", "DTP", code, 0m, 0));
        }
    }
}
