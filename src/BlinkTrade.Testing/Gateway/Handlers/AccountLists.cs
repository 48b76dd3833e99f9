using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Trading;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>
/// The shape every account list shares (U4 → U5, U26 → U27, U30 → U31, U34 → U35): the request id is required,
/// Page/PageSize are checked, the request's own filters are read, then the rows are selected on the actor for the
/// account the request names (its own, or a broker's customer) and answered as one column-oriented frame.
/// </summary>
internal static class AccountLists
{
    /// <summary>The default page size of every list (bitex's).</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Answers one list request.</summary>
    /// <typeparam name="TRow">A row of the list.</typeparam>
    /// <typeparam name="TFilter">What the request asks for besides paging (statuses, a currency…), read before the actor.</typeparam>
    public static async ValueTask ReplyAsync<TRow, TFilter>(GatewayServices services, ExchangeSession session, GatewayRequest message, ColumnarListSpec<TRow> list,
        Func<GatewayRequest, TFilter> readFilter, Func<ExchangeState, UserAccount, TFilter, int, int, IEnumerable<TRow>> select, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require(message.RequestIdField!);
        var (page, pageSize) = ColumnarList.Paging(message, DefaultPageSize);
        var filter = readFilter(message);
        await services.ReplyAsync(session, state =>
        {
            var account = AccountResolver.Resolve(state, identity, message);
            var rows = select(state, account, filter, page, pageSize);
            return Frames.Build(list.ReplyType, w =>
            {
                w.WriteRequestId(message);
                ColumnarList.Write(w, page, pageSize, list.Columns, list.Group, rows, list.WriteRow);
            });
        }, cancellationToken).ConfigureAwait(false);
    }
}
