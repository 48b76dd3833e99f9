using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace BlinkTrade.Client.Generators;

/// <summary>
/// Writes what every wire enumeration (<c>readonly partial record struct X : IWireEnum&lt;X&gt;</c>) shares: the raw
/// value, the constructor, the <c>Values</c> table of the named static values the hand-written part declares (in
/// declaration order), <c>Value</c>, <c>IsKnown</c>, <c>FromWire</c> and <c>ToString</c>.
/// </summary>
/// <remarks>
/// The table lives in a nested class: the order in which the compiler runs the static initializers of two parts of a
/// partial type is unspecified, and the table must be built after the named values it lists.
/// </remarks>
[Generator(LanguageNames.CSharp)]
internal sealed class WireEnumGenerator : IIncrementalGenerator
{
    private const string WireEnumInterface = "BlinkTrade.Client.Protocol.IWireEnum";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Every wire enumeration names its converter: [JsonConverter(typeof(WireEnumConverter<X>))].
        GeneratedSource.Register(context, RecordSyntax.ConvertedRecordStructs(context.SyntaxProvider).Select(static (type, _) => Generate(type)));
    }

    private static (string HintName, string Text)? Generate(INamedTypeSymbol type)
    {
        if (SymbolFormats.SelfTypedInterface(type, WireEnumInterface) is null)
        {
            return null;
        }
        var named = type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && SymbolEqualityComparer.Default.Equals(p.Type, type))
            .Select(p => p.Name)
            .ToImmutableArray();
        var name = type.Name;

        var file = new GeneratedSource(nameof(WireEnumGenerator), "the members every wire enumeration shares (IWireEnum).");
        file.Line("namespace " + type.ContainingNamespace.ToDisplayString() + ";");
        file.Line();
        file.Line("readonly partial record struct " + name);
        file.Line("{");
        file.Line("    private readonly string? _value;");
        file.Line();
        file.Line("    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>");
        file.Line("    /// <param name=\"value\">The wire string.</param>");
        file.Line("    public " + name + "(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));");
        file.Line();
        file.Line("    /// <inheritdoc />");
        file.Line("    public static WireEnumValues<" + name + "> Values => Known.Values;");
        file.Line();
        file.Line("    /// <summary>The raw wire value (empty for <see langword=\"default\"/>).</summary>");
        file.Line("    public string Value => _value ?? string.Empty;");
        file.Line();
        file.Line("    /// <inheritdoc />");
        file.Line("    public bool IsKnown => Values.IsKnown(this);");
        file.Line();
        file.Line("    /// <inheritdoc />");
        file.Line("    public static " + name + " FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);");
        file.Line();
        file.Line("    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>");
        file.Line("    /// <returns>The name.</returns>");
        file.Line("    public override string ToString() => Values.NameOf(this);");
        file.Line();
        file.Line("    /// <summary>The named values, built on first use (after the values themselves).</summary>");
        file.Line("    private static class Known");
        file.Line("    {");
        file.Line("        internal static readonly WireEnumValues<" + name + "> Values = new(");
        for (var i = 0; i < named.Length; i++)
        {
            file.Line("            (" + named[i] + ", nameof(" + named[i] + "))" + (i == named.Length - 1 ? ");" : ","));
        }
        file.Line("    }");
        file.Line("}");
        return (name + ".WireEnum.g.cs", file.ToString());
    }
}
