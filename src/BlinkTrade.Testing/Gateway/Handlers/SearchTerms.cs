using System.Globalization;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>
/// The <c>Filter</c> of the deposit, withdrawal, ledger and trade lists (<c>U30</c>, <c>U26</c>, <c>U34</c>, <c>U32</c>):
/// search terms a row must all match (AND), each matching any of the row's searchable values (OR) — bitex's
/// <c>Withdraw.get_list</c>/<c>Deposit.get_list</c> (<c>bx:models</c>), resolved for every list in PROTOCOL.md §5 G42.
/// Bounded (10 terms of at most 100 characters) so a request's cost stays proportional to the rows it scans.
/// </summary>
internal sealed class SearchTerms
{
    /// <summary>The most terms a Filter may hold.</summary>
    public const int MaxTerms = 10;

    /// <summary>The longest term.</summary>
    public const int MaxTermLength = 100;

    private readonly SearchTerm[] _terms;

    private SearchTerms(SearchTerm[] terms) => _terms = terms;

    /// <summary>The request's <c>Filter</c> (an array of strings; numbers are taken as their text); null when absent or
    /// holding only empty terms (bitex skips those). Too many or too long terms: ERROR "Invalid value tag(Filter)".</summary>
    public static SearchTerms? Read(GatewayRequest message)
    {
        var items = message.GetOptionalStringArray("Filter");
        if (items is null)
        {
            return null;
        }
        if (items.Count > MaxTerms || items.Any(t => t.Length > MaxTermLength))
        {
            throw GatewayException.InvalidValue("Filter", items.Count.ToString(CultureInfo.InvariantCulture) + " terms");
        }
        var terms = items.Select(t => t.Trim()).Where(t => t.Length > 0).Select(SearchTerm.Parse).ToArray();
        return terms.Length == 0 ? null : new SearchTerms(terms);
    }

    /// <summary>Whether a row matches every term: <paramref name="matches"/> says whether it matches one.</summary>
    public bool All(Func<SearchTerm, bool> matches)
    {
        foreach (var term in _terms)
        {
            if (!matches(term))
            {
                return false;
            }
        }
        return true;
    }
}
