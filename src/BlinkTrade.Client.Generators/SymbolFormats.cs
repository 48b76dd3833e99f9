using Microsoft.CodeAnalysis;

namespace BlinkTrade.Client.Generators;

/// <summary>How the generators compare type names.</summary>
internal static class SymbolFormats
{
    /// <summary><c>Namespace.Type`1</c>: the metadata name with its namespace, without type arguments.</summary>
    public static readonly SymbolDisplayFormat MetadataName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    /// <summary>Whether <paramref name="type"/> is, or derives from, the class named <paramref name="fullName"/>.</summary>
    /// <param name="type">The type.</param>
    /// <param name="fullName">The base's full name, without type arguments.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public static bool DerivesFrom(ITypeSymbol type, string fullName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition.ToDisplayString(MetadataName) == fullName)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The interface <paramref name="fullName"/>&lt;<paramref name="type"/>&gt; (the self-typed, curiously recurring
    /// form: <c>IWireEnum&lt;X&gt;</c>, <c>IEntityReport&lt;X&gt;</c>) when <paramref name="type"/> implements it.</summary>
    /// <param name="type">The type.</param>
    /// <param name="fullName">The interface's full name, without type arguments.</param>
    /// <returns>The interface, or <see langword="null"/>.</returns>
    public static INamedTypeSymbol? SelfTypedInterface(INamedTypeSymbol type, string fullName) =>
        type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.ToDisplayString(MetadataName) == fullName
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));
}
