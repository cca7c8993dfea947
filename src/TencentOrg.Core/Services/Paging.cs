using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>The two paging styles of the API (spec §5), hidden behind "call onItem until it returns false".</summary>
    internal static class Paging
    {
        /// <summary>Offset/Limit: Offset advances by Limit until Offset >= Total or a page comes back short.</summary>
        public static async Task ByOffsetAsync<TPage, TItem>(long limit, Func<long, Task<TPage>> fetch,
            Func<TPage, IList<TItem>?> items, Func<TPage, long?> total, Func<TItem, bool> onItem)
        {
            for (long offset = 0; ; offset += limit)
            {
                var page = await fetch(offset).ConfigureAwait(false);
                var rows = items(page) ?? Array.Empty<TItem>();
                foreach (var row in rows)
                {
                    if (!onItem(row)) return;
                }
                long? count = total(page);
                if (rows.Count < limit || (count.HasValue && offset + limit >= count.Value)) return;
            }
        }

        /// <summary>
        /// NextToken/MaxResults: send the request page by page, every other field unchanged, until IsTruncated is
        /// false or no token comes back.
        /// </summary>
        public static async Task ByTokenAsync<TPage, TItem>(OrgApiClient client, string action, ITokenPagedRequest request, long pageSize,
            Func<TPage, IList<TItem>?> items, Func<TItem, bool> onItem, IOrgLog log, CancellationToken ct)
            where TPage : ApiResponse, ITokenPage
        {
            request.MaxResults = pageSize;
            request.NextToken = null;
            while (true)
            {
                var page = await client.CallAsync<TPage>(action, request, ApiCallKind.Read, log, ct).ConfigureAwait(false);
                foreach (var row in items(page) ?? Array.Empty<TItem>())
                {
                    if (!onItem(row)) return;
                }
                request.NextToken = page.NextToken;
                if (page.IsTruncated != true || string.IsNullOrEmpty(request.NextToken)) return;
            }
        }
    }
}
