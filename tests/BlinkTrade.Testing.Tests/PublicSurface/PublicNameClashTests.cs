using System.Reflection;
using BlinkTrade.ApiKeys;
using BlinkTrade.Client;

namespace BlinkTrade.Testing.Tests.PublicSurface;

/// <summary>
/// A consumer references the three packages together (the client, the API-key client and the reference exchange for
/// its tests) and imports their namespaces side by side. A simple type name public in two packages makes every such
/// file fail with CS0104 (ambiguous reference), so no name may be exported twice.
/// </summary>
public sealed class PublicNameClashTests
{
    private static readonly Assembly[] Packages =
    [
        typeof(BlinkTradeClient).Assembly,
        typeof(ApiKeysClient).Assembly,
        typeof(ReferenceExchange).Assembly,
    ];

    [Fact]
    public void No_simple_type_name_is_public_in_two_packages()
    {
        var clashes = Packages
            .SelectMany(assembly => assembly.GetExportedTypes()
                .Where(type => !type.IsNested)
                .Select(type => (Name: SimpleName(type), Type: type)))
            .GroupBy(entry => entry.Name, StringComparer.Ordinal)
            .Where(group => group.Select(entry => entry.Type.Assembly).Distinct().Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(entry => entry.Type.FullName))}")
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();

        Assert.True(clashes.Count == 0, "Public in more than one package:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void The_check_sees_every_package_and_their_public_types()
    {
        // Guards the test above against passing vacuously (an assembly that exports nothing, or the same one thrice).
        Assert.Equal(3, Packages.Distinct().Count());
        Assert.All(Packages, assembly => Assert.NotEmpty(assembly.GetExportedTypes()));
    }

    private static string SimpleName(Type type)
    {
        // Generic arity is part of the C# name: Foo and Foo<T> do not clash.
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick] + "<" + type.GetGenericArguments().Length + ">";
    }
}
