using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>
    /// The two paging styles of the API (spec §5), hidden behind "call onItem until it returns false". The server is not
    /// trusted to end a listing: a repeated NextToken, rows past Total, a page equal to the one before or more than
    /// <see cref="MaxPages"/> pages end it with ClientError.EndlessPaging instead of emitting forever. Nor is it trusted
    /// to be complete: the rows are counted against the Total (offset paging) or TotalCounts (token paging) of each page,
    /// and a listing that ends with fewer rows (a short page, IsTruncated false) or has more rows than that count ends
    /// with ClientError.IncompleteListing, so no caller plans from a partial listing. The count is [AlwaysPresent] on every
    /// listing response (the client refuses an answer without it); a page type without a count would end as before, on a
    /// short page or IsTruncated false.
    /// </summary>
    internal static class Paging
    {
        /// <summary>
        /// Most pages one listing may take: 10,000 pages are 500,000 rows at 50 per page and 1,000,000 at 100, far beyond any
        /// organization's identities, members, users or assignments (and 8 minutes of calls at 20 requests/s).
        /// </summary>
        public const int MaxPages = 10000;

        /// <summary>Offset/Limit: Offset advances by Limit until Offset >= Total or a page comes back short.</summary>
        public static async Task ByOffsetAsync<TPage, TItem>(long limit, Func<long, Task<TPage>> fetch,
            Func<TPage, IList<TItem>?> items, Func<TPage, long?> total, Func<TItem, bool> onItem, int maxPages = MaxPages)
        {
            string action = ActionOf<TPage>();
            byte[]? previous = null;
            long offset = 0, received = 0;
            for (int pages = 1; ; pages++, offset += limit)
            {
                var page = await fetch(offset).ConfigureAwait(false);
                var rows = items(page) ?? Array.Empty<TItem>();
                long? count = total(page);
                if (rows.Count > 0 && count.HasValue && offset >= count.Value)
                    throw Endless(action, "it returned rows at Offset " + offset + ", past its own Total of " + count.Value);
                previous = CheckNotRepeated(action, rows, previous, "Offset " + offset);
                received += rows.Count;
                CheckNotBeyond(action, received, count, "Total");
                foreach (var row in rows)
                {
                    if (!onItem(row)) return;
                }
                if (rows.Count < limit || (count.HasValue && offset + limit >= count.Value))
                {
                    CheckComplete(action, received, count, "Total", "a page of " + rows.Count + " row(s) at Offset " + offset + " (Limit " + limit + ")");
                    return;
                }
                if (pages >= maxPages) throw Endless(action, "it had not ended after " + maxPages + " pages");
            }
        }

        /// <summary>
        /// NextToken/MaxResults: send the request page by page, every other field unchanged, until IsTruncated is
        /// false or no token comes back. afterPage, when given, sees each page after its rows; false stops the listing.
        /// </summary>
        public static async Task ByTokenAsync<TPage, TItem>(OrgApiClient client, string action, ITokenPagedRequest request, long pageSize,
            Func<TPage, IList<TItem>?> items, Func<TItem, bool> onItem, IOrgLog log, CancellationToken ct, int maxPages = MaxPages,
            Func<TPage, bool>? afterPage = null)
            where TPage : ApiResponse, ITokenPage
        {
            request.MaxResults = pageSize;
            request.NextToken = null;
            var seenTokens = new HashSet<string>(StringComparer.Ordinal);
            byte[]? previous = null;
            long received = 0;
            for (int pages = 1; ; pages++)
            {
                var page = await client.CallAsync<TPage>(action, request, ApiCallKind.Read, log, ct).ConfigureAwait(false);
                var rows = items(page) ?? Array.Empty<TItem>();
                previous = CheckNotRepeated(action, rows, previous, "page " + pages);
                received += rows.Count;
                // Pages that never repeat still end here, one page after the count they announce.
                CheckNotBeyond(action, received, page.TotalCounts, "TotalCounts");
                foreach (var row in rows)
                {
                    if (!onItem(row)) return;
                }
                if (afterPage != null && !afterPage(page)) return;
                request.NextToken = page.NextToken;
                if (page.IsTruncated != true || string.IsNullOrEmpty(request.NextToken))
                {
                    CheckComplete(action, received, page.TotalCounts, "TotalCounts",
                        "page " + pages + " (" + rows.Count + " row(s)) with " + (page.IsTruncated != true ? "IsTruncated false" : "no NextToken"));
                    return;
                }
                if (!seenTokens.Add(request.NextToken!))
                    throw Endless(action, "it returned a NextToken it had already returned (after page " + pages + ")");
                if (pages >= maxPages) throw Endless(action, "it had not ended after " + maxPages + " pages");
            }
        }

        /// <summary>A non-empty page equal to the one before means the server is not moving on; the new page's fingerprint otherwise.</summary>
        private static byte[]? CheckNotRepeated<TItem>(string action, IList<TItem> rows, byte[]? previous, string where)
        {
            if (rows.Count == 0) return null;
            byte[] current = OrgJson.SerializeModel(rows);
            if (previous != null && previous.AsSpan().SequenceEqual(current))
                throw Endless(action, "the page at " + where + " repeats the previous page row for row");
            return current;
        }

        /// <summary>More rows than the server's own count: duplicated or invented rows; nothing read can be trusted.</summary>
        private static void CheckNotBeyond(string action, long received, long? count, string field)
        {
            if (count.HasValue && received > count.Value)
                throw Incomplete(action, "it returned " + received + " rows, more than its " + field + " of " + count.Value);
        }

        /// <summary>The listing ended: it must have returned every row its count announced.</summary>
        private static void CheckComplete(string action, long received, long? count, string field, string lastPage)
        {
            if (count.HasValue && received < count.Value)
                throw Incomplete(action, "it ended after " + received + " of the " + count.Value + " rows its " + field + " announces, on " + lastPage
                    + " (a gateway capping the page size does this)");
        }

        private static OrgTransportException Incomplete(string action, string why) =>
            new OrgTransportException(action, IncompleteListingCode,
                "the listing was stopped because " + why + "; the rows read are incomplete, so nothing may be exported or planned from them", mayHaveReachedServer: true, retryable: false);

        /// <summary>The error code of a listing whose rows disagree with the server's own count of them.</summary>
        public const string IncompleteListingCode = "ClientError.IncompleteListing";

        private static OrgTransportException Endless(string action, string why) =>
            new OrgTransportException(action, "ClientError.EndlessPaging",
                "the listing was stopped because " + why + "; the server's paging is broken, so the rows read so far may be incomplete",
                mayHaveReachedServer: true, retryable: false);

        /// <summary>Offset-paged responses are named after their action (DescribeOrganizationMembersResponse).</summary>
        private static string ActionOf<TPage>()
        {
            string name = typeof(TPage).Name;
            return name.EndsWith("Response", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Response".Length) : name;
        }
    }
}
