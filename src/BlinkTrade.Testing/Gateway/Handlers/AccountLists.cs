using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Trading;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>
/// The shape every account list shares (U4 → U5, U26 → U27, U30 → U31, U34 → U35): the request id is required,
/// Page/PageSize are checked, the request's own filters are read, then the rows are selected on the actor for the
/// account the request names (its own, or a broker's customer) and answered as the list's record, which the
/// serializer writes column-oriented (Columns + rows of arrays, §0.2) with the request's Page and PageSize.
/// </summary>
internal static class AccountLists
{
    /// <summary>The default page size of every list (bitex's).</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Answers one list request.</summary>
    /// <typeparam name="TFilter">What the request asks for besides paging (statuses, a currency…), read before the actor.</typeparam>
    public static async ValueTask ReplyAsync<TFilter>(GatewayServices services, ExchangeSession session, GatewayRequest message,
        Func<GatewayRequest, TFilter> readFilter, Func<ExchangeState, UserAccount, TFilter, int, int, PagedMessage> select, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require(message.RequestIdField!);
        var (page, pageSize) = Paging(message, DefaultPageSize);
        var filter = readFilter(message);
        await services.ReplyAsync(session, state =>
        {
            var account = AccountResolver.Resolve(state, identity, message);
            return Encode(select(state, account, filter, page, pageSize), message, page, pageSize);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A list reply with its page and the request's id echoed.</summary>
    public static byte[] Encode(PagedMessage list, GatewayRequest message, int page, int pageSize)
        => FrameEncoder.Encode(list with { Page = page, PageSize = pageSize }, message);

    /// <summary>
    /// Page and PageSize of a broker or API-key list (U28, U50): default 100, and one ERROR "Invalid Parameter"
    /// (<c>Page/PageSize</c>) for either out of range, as those two lists answer.
    /// </summary>
    public static (int Page, int PageSize) DirectoryPaging(PagedMessage request)
    {
        var page = request.Page ?? 0;
        var pageSize = request.PageSize ?? DefaultPageSize;
        return page < 0 || pageSize is < 1 or > 1000 ? throw GatewayException.InvalidParameter("Page/PageSize") : (page, pageSize);
    }

    /// <summary>Page and PageSize of a list request, with their defaults.</summary>
    public static (int Page, int PageSize) Paging(GatewayRequest message, int defaultPageSize)
        => Paging(message.GetOptionalInt32("Page"), message.GetOptionalInt32("PageSize"), defaultPageSize);

    /// <summary>Page (from 0) and PageSize (1–1,000) of a list request, with their defaults.</summary>
    public static (int Page, int PageSize) Paging(int? requestedPage, int? requestedPageSize, int defaultPageSize)
    {
        var page = requestedPage ?? 0;
        var pageSize = requestedPageSize ?? defaultPageSize;
        if (page < 0)
        {
            throw GatewayException.InvalidValue("Page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (pageSize is < 1 or > 1000)
        {
            throw GatewayException.InvalidValue("PageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return (page, pageSize);
    }
}
