using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>Tasks domain: async CIC tasks: read one (GetTaskStatus), list (ListTasks), wait for many with backoff.</summary>
    internal sealed class TaskService
    {
        public static readonly TimeSpan FirstPollDelay = TimeSpan.FromMilliseconds(250);
        public static readonly TimeSpan MaxPollDelay = TimeSpan.FromSeconds(10);
        private const int MaxConcurrentPolls = 8;

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;

        public TaskService(OrgSession session, IOrgLog log) : this(session.Client, log) { }

        internal TaskService(OrgApiClient client, IOrgLog log)
        {
            _client = client;
            _log = log;
        }

        /// <summary>The task's current state, merged into a copy of what is already known of it.</summary>
        public async Task<RoleTask> GetAsync(string zoneId, RoleTask known, CancellationToken ct)
        {
            var response = await _client.CallAsync<GetTaskStatusResponse>("GetTaskStatus",
                new GetTaskStatusRequest { ZoneId = zoneId, TaskId = known.TaskId }, ApiCallKind.Read, _log, ct).ConfigureAwait(false);
            return RoleTasks.WithStatus(known, zoneId, response.TaskStatus, response.RequestId);
        }

        /// <summary>Tasks matching the filter, as the API lists them; onItem returns false to stop early.</summary>
        public Task ListAsync(ListTasksRequest filter, Func<TaskInfo, bool> onItem, CancellationToken ct) =>
            TaskListing.ListAsync(_client, filter, onItem, _log, ct);

        /// <summary>Tasks matching the filter, as RoleTasks of the zone; onItem returns false to stop early.</summary>
        public Task ListRoleTasksAsync(ListTasksRequest filter, Func<RoleTask, bool> onItem, CancellationToken ct) =>
            ListAsync(filter, task => onItem(RoleTasks.From(task, filter.ZoneId!, null)), ct);

        /// <summary>
        /// Poll until every task is Success or Failed, or the timeout passes. Each task is reported once
        /// through onDone: Success as a result, Failed as OrgTaskFailedException, timeout as TimeoutException.
        /// </summary>
        public async Task WaitAsync(string defaultZoneId, IReadOnlyList<RoleTask> tasks, TimeSpan timeout,
            Action<ItemOutcome<RoleTask, RoleTask>> onDone, Action<int, int>? onProgress, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            var pending = new List<RoleTask>();
            foreach (var task in tasks)
            {
                if (!Report(task, task, onDone)) pending.Add(task);
            }
            int total = tasks.Count;
            TimeSpan delay = FirstPollDelay;
            onProgress?.Invoke(total - pending.Count, total);
            while (pending.Count > 0)
            {
                if (clock.Elapsed >= timeout)
                {
                    foreach (var task in pending)
                        onDone(ItemOutcome<RoleTask, RoleTask>.Failure(task, new TimeoutException(
                            "Task " + task.TaskId + " was still " + task.Status + " after " + (int)timeout.TotalSeconds + " s.")));
                    return;
                }
                var wait = TimeSpan.FromTicks(Math.Min(delay.Ticks, (timeout - clock.Elapsed).Ticks));
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(MaxPollDelay.Ticks, (long)(delay.Ticks * 1.6)));

                var stillPending = new List<RoleTask>();
                for (int start = 0; start < pending.Count; start += MaxConcurrentPolls)
                {
                    var slice = pending.Skip(start).Take(MaxConcurrentPolls).ToList();
                    var polls = slice.Select(task => PollAsync(task, defaultZoneId, ct)).ToList();
                    await Task.WhenAll(polls).ConfigureAwait(false);
                    for (int i = 0; i < slice.Count; i++)
                    {
                        var (latest, error) = polls[i].Result;
                        if (error != null) onDone(ItemOutcome<RoleTask, RoleTask>.Failure(slice[i], error));
                        else if (!Report(slice[i], latest!, onDone)) stillPending.Add(latest!);
                    }
                }
                pending = stillPending;
                onProgress?.Invoke(total - pending.Count, total);
            }
        }

        private async Task<(RoleTask? Task, Exception? Error)> PollAsync(RoleTask task, string defaultZoneId, CancellationToken ct)
        {
            try
            {
                return (await GetAsync(task.ZoneId ?? defaultZoneId, task, ct).ConfigureAwait(false), null);
            }
            catch (OrgException error)
            {
                return (null, error);
            }
        }

        private static bool Report(RoleTask input, RoleTask latest, Action<ItemOutcome<RoleTask, RoleTask>> onDone)
        {
            if (latest.Status == RoleTaskStatus.Success)
            {
                onDone(ItemOutcome<RoleTask, RoleTask>.Success(input, latest));
                return true;
            }
            if (latest.Status == RoleTaskStatus.Failed)
            {
                onDone(ItemOutcome<RoleTask, RoleTask>.Failure(latest, new OrgTaskFailedException(latest)));
                return true;
            }
            return false;
        }
    }
}
