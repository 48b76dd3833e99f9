using System.Reflection;

namespace BlinkTrade.Testing.Tests.ControlApi;

/// <summary>What BlinkTrade.Testing keeps to itself: the engine and its plumbing, and risk below matching.</summary>
public sealed class PublicSurfaceTests
{
    private static readonly Assembly Testing = typeof(ReferenceExchange).Assembly;

    // Clash-free names across all three packages: PublicSurface/PublicNameClashTests.

    [Theory]
    [InlineData("BlinkTrade.Testing.Matching.MatchingEngine")]
    [InlineData("BlinkTrade.Testing.Matching.NewOrder")]
    [InlineData("BlinkTrade.Testing.Matching.ExecutionReport")]
    [InlineData("BlinkTrade.Testing.Matching.Side")]
    [InlineData("BlinkTrade.Testing.Accounts.AccountBook")]
    [InlineData("BlinkTrade.Testing.Accounts.RiskEngine")]
    [InlineData("BlinkTrade.Testing.Accounts.LedgerEntry")]
    [InlineData("BlinkTrade.Testing.ApiKeys.ApiKeyCreateRequest")]
    [InlineData("BlinkTrade.Testing.Users.UserDirectory")]
    [InlineData("BlinkTrade.Testing.Gateway.Engine.ExchangeActor`1")]
    public void Engine_and_plumbing_types_are_internal(string fullName)
    {
        var type = Testing.GetType(fullName, throwOnError: true)!;

        Assert.False(type.IsVisible, $"{fullName} is public");
    }

    [Fact]
    public void Accounts_do_not_depend_on_matching()
    {
        // Risk (balances, holds, settlement) sits below matching, as exchange-core's RiskEngine sits beside its order books:
        // no member of an Accounts type may name a Matching type.
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offending = new List<string>();
        foreach (var type in Testing.GetTypes().Where(t => t.Namespace == "BlinkTrade.Testing.Accounts"))
        {
            var named = type.GetFields(all).Select(f => (f.Name, f.FieldType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => (m.Name, p.ParameterType)).Append((m.Name, m.ReturnType))))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => (c.Name, p.ParameterType))))
                .Concat(type.GetProperties(all).Select(p => (p.Name, p.PropertyType)));
            offending.AddRange(named.Where(m => Unwrap(m.Item2).Namespace == "BlinkTrade.Testing.Matching").Select(m => $"{type.Name}.{m.Item1}: {m.Item2.Name}"));
        }

        Assert.Empty(offending);
    }

    private static Type Unwrap(Type type) => type.HasElementType ? Unwrap(type.GetElementType()!) : type;
}
