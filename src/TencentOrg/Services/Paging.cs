using System;
using System.Collections.Generic;
using System.Threading.Tasks;

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

        /// <summary>NextToken/MaxResults: repeat with the token until IsTruncated is false or no token comes back.</summary>
        public static async Task ByTokenAsync<TPage, TItem>(Func<string?, Task<TPage>> fetch,
            Func<TPage, IList<TItem>?> items, Func<TPage, bool?> isTruncated, Func<TPage, string?> nextToken, Func<TItem, bool> onItem)
        {
            string? token = null;
            while (true)
            {
                var page = await fetch(token).ConfigureAwait(false);
                foreach (var row in items(page) ?? Array.Empty<TItem>())
                {
                    if (!onItem(row)) return;
                }
                token = nextToken(page);
                if (isTruncated(page) != true || string.IsNullOrEmpty(token)) return;
            }
        }
    }
}
