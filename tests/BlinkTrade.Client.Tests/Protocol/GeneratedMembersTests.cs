using System.Reflection;
using System.Runtime.CompilerServices;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// The members src/BlinkTrade.Client.Generators writes: every wire enumeration's table, parse and name; every message's
/// MsgType (from <c>[MessageType]</c>), a paged message's correlation id and the printing of records holding collections.
/// </summary>
public sealed class GeneratedMembersTests
{
    public static TheoryData<Type> WireEnums()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(BlinkTradeMessage).Assembly.GetExportedTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWireEnum<>))))
        {
            data.Add(type);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WireEnums))]
    public void A_wire_enumeration_lists_every_named_value_in_order_and_parses_and_prints_each(Type type) =>
        typeof(GeneratedMembersTests).GetMethod(nameof(CheckWireEnum), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, null);

    [Fact]
    public void Every_wire_enumeration_is_checked() => Assert.Equal(19, WireEnums().Count);

    [Fact]
    public void Every_message_type_comes_from_its_attribute()
    {
        var checkedTypes = 0;
        foreach (var type in typeof(BlinkTradeMessage).Assembly.GetTypes().Where(t => t.GetCustomAttribute<MessageTypeAttribute>() is not null))
        {
            var message = (BlinkTradeMessage)RuntimeHelpers.GetUninitializedObject(type);
            Assert.Equal(type.GetCustomAttribute<MessageTypeAttribute>()!.MsgType, message.MsgType);
            checkedTypes++;
        }
        Assert.True(checkedTypes >= 65, $"{checkedTypes} message types checked");
    }

    [Fact]
    public void A_paged_request_writes_and_prints_its_header_first_and_its_collections_by_content()
    {
        var request = new DepositListRequest
        {
            DepositListReqID = 5,
            Page = 1,
            PageSize = 20,
            StatusList = [DepositStatus.Created, DepositStatus.Confirmed],
            ClientID = 9,
        };

        Assert.Equal("DepositListRequest { MsgType = U30, DepositListReqID = 5, Page = 1, PageSize = 20, StatusList = [Created, Confirmed], Filter = , ClientID = 9 }",
            request.ToString());
        Assert.Equal("{\"MsgType\":\"U30\",\"DepositListReqID\":5,\"Page\":1,\"PageSize\":20,\"StatusList\":[\"0\",\"1\"],\"ClientID\":9}",
            ProtocolSerializer.SerializeToString(request));
    }

    private static void CheckWireEnum<T>() where T : struct, IWireEnum<T>
    {
        var named = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(T)).ToList();
        Assert.NotEmpty(named);
        Assert.Equal(named.Select(p => p.Name), T.Values.All.Select(v => v.ToString()));
        foreach (var property in named)
        {
            var value = (T)property.GetValue(null)!;
            Assert.NotEqual(string.Empty, value.Value);
            Assert.True(value.IsKnown);
            Assert.Equal(value, T.FromWire(value.Value));
            Assert.Equal(property.Name, value.ToString());
        }
        var unknown = T.FromWire("no such value");
        Assert.False(unknown.IsKnown);
        Assert.Equal("Unknown(no such value)", unknown.ToString());
        Assert.Equal(string.Empty, default(T).Value);
    }
}
