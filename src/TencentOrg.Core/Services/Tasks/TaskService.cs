using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
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
        private const int MaxConcurrentListings = 4;

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
        public Task WaitAsync(string defaultZoneId, IReadOnlyList<RoleTask> tasks, TimeSpan timeout,
            Action<ItemOutcome<RoleTask, RoleTask>> onDone, Action<int, int>? onProgress, CancellationToken ct) =>
            WaitAsync(defaultZoneId, tasks, timeout, (_, outcome) => onDone(outcome), onProgress, ct);

        /// <summary>
        /// Like the other overload; onDone also gets the index of the task in <paramref name="tasks"/>. Rounds with
        /// backoff between them; each round reads every pending task (<see cref="ReadRoundAsync"/>), and onProgress gets
        /// (finished, total) after each.
        /// </summary>
        public async Task WaitAsync(string defaultZoneId, IReadOnlyList<RoleTask> tasks, TimeSpan timeout,
            Action<int, ItemOutcome<RoleTask, RoleTask>> onDone, Action<int, int>? onProgress, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            var pending = new List<(int Index, RoleTask Latest)>();
            for (int i = 0; i < tasks.Count; i++)
            {
                if (!Report(i, tasks[i], tasks[i], onDone)) pending.Add((i, tasks[i]));
            }
            int total = tasks.Count;
            TimeSpan delay = FirstPollDelay;
            onProgress?.Invoke(total - pending.Count, total);
            while (pending.Count > 0)
            {
                if (clock.Elapsed >= timeout)
                {
                    foreach (var (index, task) in pending)
                        onDone(index, ItemOutcome<RoleTask, RoleTask>.Failure(tasks[index], new TimeoutException(
                            "Task " + task.TaskId + " was still " + task.Status + " after " + (int)timeout.TotalSeconds + " s.")));
                    return;
                }
                var wait = TimeSpan.FromTicks(Math.Min(delay.Ticks, (timeout - clock.Elapsed).Ticks));
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(MaxPollDelay.Ticks, (long)(delay.Ticks * 1.6)));

                var read = await ReadRoundAsync(pending.Select(p => p.Latest).ToList(), defaultZoneId, ct).ConfigureAwait(false);
                var stillPending = new List<(int, RoleTask)>();
                for (int i = 0; i < pending.Count; i++)
                {
                    var (index, _) = pending[i];
                    var (latest, error) = read[i];
                    if (error != null) onDone(index, ItemOutcome<RoleTask, RoleTask>.Failure(tasks[index], error));
                    else if (!Report(index, tasks[index], latest!, onDone)) stillPending.Add((index, latest!));
                }
                pending = stillPending;
                onProgress?.Invoke(total - pending.Count, total);
            }
        }

        /// <summary>
        /// One round: the state of every pending task, in order. Tasks of one zone and configuration are followed through
        /// ListTasks, up to 100 a call, filtered by every field they share; a task no listing shows is unknown (ListTasks
        /// retention is undocumented) and is read with GetTaskStatus, as is a lone task (one exact call either way).
        /// </summary>
        private async Task<(RoleTask? Task, Exception? Error)[]> ReadRoundAsync(IReadOnlyList<RoleTask> pending, string defaultZoneId, CancellationToken ct)
        {
            var results = new (RoleTask? Task, Exception? Error)[pending.Count];
            var unlisted = new List<int>();
            var listings = new List<(string Zone, List<int> Members)>();
            foreach (var group in Enumerable.Range(0, pending.Count).GroupBy(i => (Zone: pending[i].ZoneId ?? defaultZoneId, Config: pending[i].RoleConfigurationId)))
            {
                var members = group.Where(i => !string.IsNullOrEmpty(pending[i].TaskId)).ToList();
                unlisted.AddRange(group.Where(i => string.IsNullOrEmpty(pending[i].TaskId)));
                if (members.Count < 2)
                {
                    unlisted.AddRange(members);
                    continue;
                }
                foreach (var part in SplitForParallelListing(pending, members)) listings.Add((group.Key.Zone, part));
            }
            // Pages of one listing follow each other (NextToken); separate listings run side by side, paced by the limiter.
            using (var slots = new SemaphoreSlim(MaxConcurrentListings))
            {
                var listed = await Task.WhenAll(listings.Select(async listing =>
                {
                    await slots.WaitAsync(ct).ConfigureAwait(false);
                    try { return await ListGroupAsync(listing.Zone, listing.Members.Select(i => pending[i]).ToList(), ct).ConfigureAwait(false); }
                    finally { slots.Release(); }
                })).ConfigureAwait(false);
                for (int l = 0; l < listings.Count; l++)
                {
                    foreach (int i in listings[l].Members)
                    {
                        if (listed[l].TryGetValue(pending[i].TaskId!, out var row))
                            results[i] = (RoleTasks.WithStatus(pending[i], listings[l].Zone, new TaskStatusItem
                            {
                                Status = row.Status,
                                TaskId = row.TaskId,
                                TaskType = row.TaskType,
                                FailureReason = row.FailureReason,
                            }, null), null);
                        else unlisted.Add(i);
                    }
                }
            }
            if (unlisted.Count == 0) return results;
            unlisted.Sort();
            for (int start = 0; start < unlisted.Count; start += MaxConcurrentPolls)
            {
                var slice = unlisted.Skip(start).Take(MaxConcurrentPolls).ToList();
                var polls = slice.Select(i => PollAsync(pending[i], defaultZoneId, ct)).ToList();
                await Task.WhenAll(polls).ConfigureAwait(false);
                for (int k = 0; k < slice.Count; k++) results[slice[k]] = polls[k].Result;
            }
            return results;
        }

        /// <summary>
        /// A group of many pages is split by principal, target account or task type into listings that can run side by
        /// side, when that costs at most a tenth more calls (each part may end on a short page); otherwise one listing.
        /// </summary>
        private static List<List<int>> SplitForParallelListing(IReadOnlyList<RoleTask> pending, List<int> members)
        {
            long pages = Pages(members.Count);
            var whole = new List<List<int>> { members };
            if (pages < 2 * MaxConcurrentListings) return whole;
            List<List<int>>? best = null;
            long bestCost = long.MaxValue;
            foreach (var field in new Func<RoleTask, string?>[] { t => t.PrincipalId, t => t.TargetUin?.ToString(CultureInfo.InvariantCulture), t => t.TaskType })
            {
                if (members.Any(i => string.IsNullOrEmpty(field(pending[i])))) continue;
                var parts = members.GroupBy(i => field(pending[i])).Select(g => g.ToList()).ToList();
                long cost = parts.Sum(p => Pages(p.Count));
                if (parts.Count > 1 && cost < bestCost)
                {
                    best = parts;
                    bestCost = cost;
                }
            }
            return best != null && bestCost <= pages + pages / 10 ? best : whole;
        }

        private static long Pages(int tasks) => (tasks + TaskListing.PageSize - 1) / TaskListing.PageSize;

        /// <summary>
        /// The rows of one ListTasks listing that are the given tasks, by TaskId. Stops once every task is seen, and
        /// gives up (leaving the rest to GetTaskStatus) when the pages still to read outnumber the tasks still unseen.
        /// No Status filter: it would hide the very transition waited for, and a task missing from a listing proves nothing.
        /// </summary>
        private async Task<Dictionary<string, TaskInfo>> ListGroupAsync(string zoneId, IReadOnlyList<RoleTask> tasks, CancellationToken ct)
        {
            var filter = new ListTasksRequest
            {
                ZoneId = zoneId,
                RoleConfigurationId = Shared(tasks, t => t.RoleConfigurationId),
                TaskType = Shared(tasks, t => t.TaskType),
                TargetType = Shared(tasks, t => t.TargetType),
                TargetUin = tasks.All(t => t.TargetUin != null && t.TargetUin == tasks[0].TargetUin) ? tasks[0].TargetUin : null,
                PrincipalType = Shared(tasks, t => t.PrincipalType),
                PrincipalId = Shared(tasks, t => t.PrincipalId),
            };
            var wanted = new HashSet<string>(tasks.Select(t => t.TaskId!), StringComparer.Ordinal);
            var seen = new Dictionary<string, TaskInfo>(StringComparer.Ordinal);
            long listed = 0;
            try
            {
                await TaskListing.ListAsync(_client, filter, row =>
                {
                    listed++;
                    if (row.TaskId != null && wanted.Contains(row.TaskId)) seen[row.TaskId] = row;
                    return seen.Count < wanted.Count;
                }, page =>
                {
                    long pagesLeft = page.TotalCounts is long count ? (Math.Max(0, count - listed) + TaskListing.PageSize - 1) / TaskListing.PageSize : 0;
                    if (pagesLeft <= wanted.Count - seen.Count) return true;
                    _log.Verbose("ListTasks would need " + pagesLeft + " more page(s) for " + (wanted.Count - seen.Count) + " task(s); reading those one by one.");
                    return false;
                }, _log, ct).ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                _log.Verbose("ListTasks failed (" + error.Message + "); reading the " + (wanted.Count - seen.Count) + " task(s) it did not show one by one.");
            }
            return seen;
        }

        private static string? Shared(IReadOnlyList<RoleTask> tasks, Func<RoleTask, string?> field)
        {
            string? first = field(tasks[0]);
            return !string.IsNullOrEmpty(first) && tasks.All(t => field(t) == first) ? first : null;
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

        private static bool Report(int index, RoleTask input, RoleTask latest, Action<int, ItemOutcome<RoleTask, RoleTask>> onDone)
        {
            // The finished task still says how the write that started it settled.
            latest.Outcome ??= input.Outcome;
            if (latest.Status == RoleTaskStatus.Success)
            {
                onDone(index, ItemOutcome<RoleTask, RoleTask>.Success(input, latest));
                return true;
            }
            if (latest.Status == RoleTaskStatus.Failed)
            {
                onDone(index, ItemOutcome<RoleTask, RoleTask>.Failure(latest, new OrgTaskFailedException(latest)));
                return true;
            }
            return false;
        }
    }
}
