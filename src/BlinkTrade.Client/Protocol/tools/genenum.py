import sys, json
spec = json.load(open(sys.argv[1]))
for e in spec:
    name, doc, vals = e["name"], e["doc"], e["values"]
    lines = []
    a = lines.append
    a("using System.Text.Json.Serialization;")
    a("using BlinkTrade.Client.Protocol.Serialization;")
    a("")
    a("namespace BlinkTrade.Client.Protocol;")
    a("")
    a(f"/// <summary>{doc}</summary>")
    a("/// <remarks>Unknown wire values are preserved (<see cref=\"IsKnown\"/> is false) instead of failing the parse.</remarks>")
    a(f"[JsonConverter(typeof(WireEnumConverter<{name}>))]")
    a(f"public readonly partial record struct {name} : IWireEnum<{name}>")
    a("{")
    # Only the named values: the rest (constructor, Values, Value, IsKnown, FromWire, ToString) is written at build
    # time by src/BlinkTrade.Client.Generators (WireEnumGenerator).
    for i, v in enumerate(vals):
        if i:
            a("")
        a(f"    /// <summary>{v['doc']} (wire <c>\"{v['wire']}\"</c>).</summary>")
        a(f"    public static {name} {v['name']} {{ get; }} = new(\"{v['wire']}\");")
    a("}")
    open(f"Enums/{name}.cs", "w").write("\n".join(lines) + "\n")
