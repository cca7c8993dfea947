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

        /// <summary>Like <see cref="ListAsync(OrgApiClient, ListTasksRequest, Func{TaskInfo, bool}, IOrgLog, CancellationToken)"/>; afterPage sees each page after its rows, false stops the listing.</summary>
        public static Task ListAsync(OrgApiClient client, ListTasksRequest filter, Func<TaskInfo, bool> onItem, Func<ListTasksResponse, bool> afterPage,
            IOrgLog log, CancellationToken ct) =>
            Paging.ByTokenAsync<ListTasksResponse, TaskInfo>(client, "ListTasks", filter, PageSize, page => page.Tasks, onItem, log, ct, afterPage: afterPage);

        /// <summary>The last task listed for the filter (the most recent); null when none is.</summary>
        public static async Task<TaskInfo?> LatestAsync(OrgApiClient client, ListTasksRequest filter, IOrgLog log, CancellationToken ct)
        {
            TaskInfo? latest = null;
            await ListAsync(client, filter, task => { latest = task; return true; }, log, ct).ConfigureAwait(false);
            return latest;
        }
    }
}
