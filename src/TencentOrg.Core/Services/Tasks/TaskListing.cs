using System;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>
    /// ListTasks as a plain read: Get-TcOrgTask lists through it, and the write paths of assignments and deployments read
    /// back through it which tasks their calls started.
    /// </summary>
    internal static class TaskListing
    {
        public const long PageSize = 100;

        public static Task ListAsync(OrgApiClient client, ListTasksRequest filter, Func<TaskInfo, bool> onItem, IOrgLog log, CancellationToken ct) =>
            Paging.ByTokenAsync<ListTasksResponse, TaskInfo>(client, "ListTasks", filter, PageSize, page => page.Tasks, onItem, log, ct);

        /// <summary>The listing page by page (MaxResults 100); onPage returns false to stop.</summary>
        public static async Task ListPagesAsync(OrgApiClient client, ListTasksRequest filter, Func<ListTasksResponse, bool> onPage, IOrgLog log, CancellationToken ct)
        {
            filter.MaxResults = PageSize;
            filter.NextToken = null;
            while (true)
            {
                var page = await client.CallAsync<ListTasksResponse>("ListTasks", filter, ApiCallKind.Read, log, ct).ConfigureAwait(false);
                if (!onPage(page)) return;
                filter.NextToken = page.NextToken;
                if (page.IsTruncated != true || string.IsNullOrEmpty(filter.NextToken)) return;
            }
        }

        /// <summary>The last task listed for the filter (the most recent); null when none is.</summary>
        public static async Task<TaskInfo?> LatestAsync(OrgApiClient client, ListTasksRequest filter, IOrgLog log, CancellationToken ct)
        {
            TaskInfo? latest = null;
            await ListAsync(client, filter, task => { latest = task; return true; }, log, ct).ConfigureAwait(false);
            return latest;
        }
    }
}
