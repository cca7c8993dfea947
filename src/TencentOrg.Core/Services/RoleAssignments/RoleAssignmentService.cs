using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Services.Configuration;

namespace TencentOrg.Services
{
    /// <summary>
    /// Role assignments domain: create in batches of 50 (isolating a failing item), list, remove. Both writes read back
    /// after an uncertain answer before anything is resent.
    /// </summary>
    internal sealed class RoleAssignmentService
    {
        public const int MaxAssignmentsPerCall = 50;
        public const string AlreadyExistsCode = "FailedOperation.RoleConfigurationAuthorizationAlreadyExist";
        /// <summary>DeleteRoleAssignment's answer for an assignment that does not exist (spec §4.7).</summary>
        public const string NotFoundCode = "ResourceNotFound.RoleConfigurationAuthorizationNotFound";
        private const string CreateAction = "CreateRoleAssignment";
        private const string DeleteAction = "DeleteRoleAssignment";
        private const long PageSize = 100;

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;
        private readonly ReconcilingWrite _writes;
        // -SkipExisting listings of this command (the service lives as long as the command), by filter.
        private readonly ConcurrentDictionary<string, AssignmentListing> _listings = new ConcurrentDictionary<string, AssignmentListing>(StringComparer.Ordinal);

        public RoleAssignmentService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
            _writes = new ReconcilingWrite(session.Options, log);
        }

        /// <summary>
        /// CreateRoleAssignment for up to 50 validated assignments; one outcome per assignment. With skipExisting the
        /// assignments that already exist are read first (<see cref="ExistingAsync"/>) and only the missing ones are sent.
        /// </summary>
        public async Task<IReadOnlyList<ItemOutcome<RoleAssignmentInfo, RoleTask>>> CreateAsync(
            string zoneId, IReadOnlyList<RoleAssignmentInfo> items, bool skipExisting, CancellationToken ct)
        {
            if (items.Count > MaxAssignmentsPerCall) throw new ArgumentException("At most " + MaxAssignmentsPerCall + " assignments per call.", nameof(items));
            var outcomes = new List<ItemOutcome<RoleAssignmentInfo, RoleTask>>();
            var missing = items;
            if (skipExisting)
            {
                var exists = await ExistingAsync(zoneId, items, ct).ConfigureAwait(false);
                var toSend = new List<RoleAssignmentInfo>();
                for (int i = 0; i < items.Count; i++)
                {
                    if (!exists[i])
                    {
                        toSend.Add(items[i]);
                        continue;
                    }
                    _log.Warning("Assignment " + items[i] + " already exists; skipped.");
                    outcomes.Add(ReconcilingWrite.Existing(items[i],
                        RoleTasks.ForAssignment(items[i], zoneId, RoleTasks.CreateRoleAssignment, RoleTaskStatus.Success, null)));
                }
                missing = toSend;
            }
            if (missing.Count == 0) return outcomes;
            var path = new WritePath<RoleAssignmentInfo, RoleTask>(CreateAction,
                (batch, c) => SendCreateAsync(zoneId, batch, c),
                (batch, c) => ReadBackCreatedAsync(zoneId, batch, c))
            {
                // All or nothing: one bad or existing item must not sink the other 49.
                Split = batch => batch.Select(item => (IReadOnlyList<RoleAssignmentInfo>)new[] { item }),
                OnRefused = async (item, error, c) =>
                {
                    if (!skipExisting || error.Code != AlreadyExistsCode) return null;
                    _log.Warning("Assignment " + item + " already exists; skipped.");
                    return await ExistingTaskAsync(zoneId, item, c).ConfigureAwait(false);
                },
            };
            outcomes.AddRange(await _writes.RunAsync(path, missing, ct).ConfigureAwait(false));
            return outcomes;
        }

        /// <summary>
        /// -SkipExisting: whether each item exists, from ListRoleAssignments listings made lazily and kept for the whole
        /// command: one per configuration and narrowing filter, however many batches the items stream through. An item
        /// whose listing failed counts as missing: it is sent, and an "already exists" answer still becomes a skip.
        /// </summary>
        private async Task<bool[]> ExistingAsync(string zoneId, IReadOnlyList<RoleAssignmentInfo> items, CancellationToken ct)
        {
            var covering = new AssignmentListing?[items.Count];
            foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => items[i].RoleConfigurationId))
            {
                var uncovered = new List<int>();
                foreach (int i in group)
                {
                    covering[i] = _listings.Values.FirstOrDefault(l => l.Covers(zoneId, items[i]));
                    if (covering[i] == null) uncovered.Add(i);
                }
                if (uncovered.Count == 0) continue;
                var filter = NarrowestFilter(zoneId, uncovered.Select(i => items[i]).ToList());
                var listing = _listings.GetOrAdd(AssignmentListing.KeyOf(filter), _ => new AssignmentListing(filter, f => ListKeysAsync(f, ct)));
                foreach (int i in uncovered) covering[i] = listing;
            }
            var exists = new bool[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                try
                {
                    exists[i] = (await covering[i]!.Keys.ConfigureAwait(false)).Contains(Key(items[i]));
                }
                catch (OrgException readError)
                {
                    _log.Verbose("Listing the existing assignments failed (" + readError.Message + "); sending " + items[i] + " and reading its answer.");
                }
            }
            return exists;
        }

        /// <summary>ListRoleAssignments filter for a configuration, narrowed by every field the items share.</summary>
        private static ListRoleAssignmentsRequest NarrowestFilter(string zoneId, IReadOnlyList<RoleAssignmentInfo> items)
        {
            var first = items[0];
            var filter = new ListRoleAssignmentsRequest { ZoneId = zoneId, RoleConfigurationId = first.RoleConfigurationId };
            if (items.All(i => i.TargetType == first.TargetType)) filter.TargetType = first.TargetType;
            if (items.All(i => i.TargetUin == first.TargetUin)) filter.TargetUin = first.TargetUin;
            if (items.All(i => i.PrincipalType == first.PrincipalType)) filter.PrincipalType = first.PrincipalType;
            if (items.All(i => i.PrincipalId == first.PrincipalId)) filter.PrincipalId = first.PrincipalId;
            return filter;
        }

        /// <summary>Keys of every assignment the filter lists.</summary>
        private async Task<HashSet<string>> ListKeysAsync(ListRoleAssignmentsRequest filter, CancellationToken ct)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            await ListItemsAsync(filter, row =>
            {
                keys.Add(Key(row.RoleConfigurationId, row.TargetType, row.TargetUin, row.PrincipalType, row.PrincipalId));
                return true;
            }, ct).ConfigureAwait(false);
            return keys;
        }

        /// <summary>One ListRoleAssignments listing of this command: its filter, and the keys it found (started on first use).</summary>
        private sealed class AssignmentListing
        {
            private readonly Lazy<Task<HashSet<string>>> _keys;

            public AssignmentListing(ListRoleAssignmentsRequest filter, Func<ListRoleAssignmentsRequest, Task<HashSet<string>>> list)
            {
                Filter = filter;
                _keys = new Lazy<Task<HashSet<string>>>(() => list(filter));
            }

            public ListRoleAssignmentsRequest Filter { get; }
            public Task<HashSet<string>> Keys => _keys.Value;

            /// <summary>True when every assignment like the item would be in this listing.</summary>
            public bool Covers(string zoneId, RoleAssignmentInfo item) =>
                Filter.ZoneId == zoneId && Filter.RoleConfigurationId == item.RoleConfigurationId
                && (Filter.TargetType == null || Filter.TargetType == item.TargetType)
                && (Filter.TargetUin == null || Filter.TargetUin == item.TargetUin)
                && (Filter.PrincipalType == null || Filter.PrincipalType == item.PrincipalType)
                && (Filter.PrincipalId == null || Filter.PrincipalId == item.PrincipalId);

            public static string KeyOf(ListRoleAssignmentsRequest f) =>
                f.ZoneId + "|" + Key(f.RoleConfigurationId, f.TargetType, f.TargetUin, f.PrincipalType, f.PrincipalId);
        }

        private async Task<IReadOnlyList<RoleTask>> SendCreateAsync(string zoneId, IReadOnlyList<RoleAssignmentInfo> items, CancellationToken ct)
        {
            var response = await _client.CallAsync<CreateRoleAssignmentResponse>(CreateAction,
                new CreateRoleAssignmentRequest { ZoneId = zoneId, RoleAssignmentInfo = items.ToList() }, ApiCallKind.Write, _log, ct).ConfigureAwait(false);
            var tasks = response.Tasks ?? new List<TaskInfo>();
            var started = new List<RoleTask>(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                var task = tasks.FirstOrDefault(t => Matches(t, items[i])) ?? (tasks.Count == items.Count ? tasks[i] : null);
                started.Add(task != null ? RoleTasks.From(task, zoneId, response.RequestId)
                    : RoleTasks.ForAssignment(items[i], zoneId, RoleTasks.CreateRoleAssignment, RoleTaskStatus.InProgress, response.RequestId));
            }
            return started;
        }

        /// <summary>Which of the items exist (one listing per configuration, not one per item), each with the task that created it.</summary>
        private async Task<IReadOnlyList<ReadBack<RoleTask>>> ReadBackCreatedAsync(string zoneId, IReadOnlyList<RoleAssignmentInfo> items, CancellationToken ct)
        {
            var existing = await ExistingKeysAsync(zoneId, items, ct).ConfigureAwait(false);
            var present = items.Where(i => existing.Contains(Key(i))).ToList();
            Dictionary<string, TaskInfo> tasks;
            try
            {
                tasks = present.Count == 0 ? new Dictionary<string, TaskInfo>(StringComparer.Ordinal) : await CreateTasksByKeyAsync(zoneId, present, ct).ConfigureAwait(false);
            }
            catch (OrgException)
            {
                // The assignments exist; only their tasks could not be listed.
                tasks = new Dictionary<string, TaskInfo>(StringComparer.Ordinal);
            }
            return items.Select(item =>
                !existing.Contains(Key(item)) ? ReadBack<RoleTask>.Absent
                : ReadBack<RoleTask>.Applied(tasks.TryGetValue(Key(item), out var task) ? RoleTasks.From(task, zoneId, null)
                    : RoleTasks.ForAssignment(item, zoneId, RoleTasks.CreateRoleAssignment, RoleTaskStatus.Success, null))).ToList();
        }

        internal static string Key(RoleAssignmentInfo i) => Key(i.RoleConfigurationId, i.TargetType, i.TargetUin, i.PrincipalType, i.PrincipalId);

        private static string Key(string? config, string? targetType, long? targetUin, string? principalType, string? principalId) =>
            config + "|" + targetType + "|" + targetUin + "|" + principalType + "|" + principalId;

        /// <summary>Keys of the given items that exist, read with one ListRoleAssignments listing per configuration (narrowed by shared fields).</summary>
        private async Task<HashSet<string>> ExistingKeysAsync(string zoneId, IReadOnlyList<RoleAssignmentInfo> items, CancellationToken ct)
        {
            var wanted = new HashSet<string>(items.Select(Key), StringComparer.Ordinal);
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in items.GroupBy(i => i.RoleConfigurationId))
            {
                var list = group.ToList();
                var first = list[0];
                var filter = new ListRoleAssignmentsRequest { ZoneId = zoneId, RoleConfigurationId = group.Key };
                if (list.All(i => i.TargetType == first.TargetType)) filter.TargetType = first.TargetType;
                if (list.All(i => i.TargetUin == first.TargetUin)) filter.TargetUin = first.TargetUin;
                if (list.All(i => i.PrincipalType == first.PrincipalType)) filter.PrincipalType = first.PrincipalType;
                if (list.All(i => i.PrincipalId == first.PrincipalId)) filter.PrincipalId = first.PrincipalId;
                await ListItemsAsync(filter, row =>
                {
                    string key = Key(row.RoleConfigurationId, row.TargetType, row.TargetUin, row.PrincipalType, row.PrincipalId);
                    if (wanted.Contains(key)) found.Add(key);
                    return true;
                }, ct).ConfigureAwait(false);
            }
            return found;
        }

        /// <summary>The latest CreateRoleAssignment task of each item, one ListTasks listing per configuration.</summary>
        private async Task<Dictionary<string, TaskInfo>> CreateTasksByKeyAsync(string zoneId, IReadOnlyList<RoleAssignmentInfo> items, CancellationToken ct)
        {
            var wanted = new HashSet<string>(items.Select(Key), StringComparer.Ordinal);
            var tasks = new Dictionary<string, TaskInfo>(StringComparer.Ordinal);
            foreach (var group in items.GroupBy(i => i.RoleConfigurationId))
            {
                var list = group.ToList();
                var first = list[0];
                var filter = new ListTasksRequest { ZoneId = zoneId, RoleConfigurationId = group.Key, TaskType = RoleTasks.CreateRoleAssignment };
                if (list.All(i => i.TargetUin == first.TargetUin)) { filter.TargetUin = first.TargetUin; }
                if (list.All(i => i.PrincipalId == first.PrincipalId)) { filter.PrincipalId = first.PrincipalId; }
                await TaskListing.ListAsync(_client, filter, task =>
                {
                    string key = Key(task.RoleConfigurationId, task.TargetType, task.TargetUin, task.PrincipalType, task.PrincipalId);
                    if (wanted.Contains(key)) tasks[key] = task;
                    return true;
                }, _log, ct).ConfigureAwait(false);
            }
            return tasks;
        }

        /// <summary>The task that created an existing assignment, or a finished placeholder when the service no longer lists it.</summary>
        private async Task<RoleTask> ExistingTaskAsync(string zoneId, RoleAssignmentInfo item, CancellationToken ct)
        {
            var latest = await TaskListing.LatestAsync(_client, new ListTasksRequest
            {
                ZoneId = zoneId,
                RoleConfigurationId = item.RoleConfigurationId,
                TargetUin = item.TargetUin,
                TargetType = item.TargetType,
                PrincipalId = item.PrincipalId,
                PrincipalType = item.PrincipalType,
                TaskType = RoleTasks.CreateRoleAssignment,
            }, _log, ct).ConfigureAwait(false);
            return latest != null ? RoleTasks.From(latest, zoneId, null)
                : RoleTasks.ForAssignment(item, zoneId, RoleTasks.CreateRoleAssignment, RoleTaskStatus.Success, null);
        }

        /// <summary>
        /// Assignments matching the filter, as users see them; onItem returns false to stop early. A row that does not match
        /// the filter (or lacks a filtered field) is an error: what is piped on to Remove-TcRoleAssignment must be what was asked for.
        /// </summary>
        public Task ListAsync(ListRoleAssignmentsRequest filter, Func<RoleAssignment, bool> onItem, CancellationToken ct)
        {
            int row = 0;
            return ListItemsAsync(filter, a =>
            {
                ListingRows.AssignmentInFilter(filter, a.RoleConfigurationId, a.TargetType, a.TargetUin, a.PrincipalType, a.PrincipalId, row++);
                return onItem(new RoleAssignment
                {
                    ZoneId = filter.ZoneId,
                    RoleConfigurationId = a.RoleConfigurationId,
                    RoleConfigurationName = a.RoleConfigurationName,
                    TargetType = a.TargetType,
                    TargetUin = a.TargetUin,
                    TargetName = a.TargetName,
                    PrincipalType = a.PrincipalType,
                    PrincipalId = a.PrincipalId,
                    PrincipalName = a.PrincipalName,
                    CreateTime = a.CreateTime,
                    UpdateTime = a.UpdateTime,
                });
            }, ct);
        }

        private Task ListItemsAsync(ListRoleAssignmentsRequest filter, Func<RoleAssignmentItem, bool> onItem, CancellationToken ct) =>
            Paging.ByTokenAsync<ListRoleAssignmentsResponse, RoleAssignmentItem>(_client, "ListRoleAssignments", filter, PageSize,
                page => page.RoleAssignments, onItem, _log, ct);

        /// <summary>
        /// DeleteRoleAssignment, one assignment per call (the API's limit). The answer's Task may be absent; an assignment
        /// read back as gone after an uncertain answer is done, with no task left to wait for.
        /// </summary>
        public async Task<ItemOutcome<RoleAssignmentInfo, RoleTask>> RemoveAsync(string zoneId, RoleAssignmentInfo item, string? deprovisionStrategy, CancellationToken ct)
        {
            var path = new WritePath<RoleAssignmentInfo, RoleTask>(DeleteAction,
                async (batch, c) => new[] { await SendDeleteAsync(zoneId, batch[0], deprovisionStrategy, c).ConfigureAwait(false) },
                async (batch, c) =>
                {
                    var existing = await ExistingKeysAsync(zoneId, batch, c).ConfigureAwait(false);
                    if (existing.Count > 0) return new[] { ReadBack<RoleTask>.Absent };
                    _log.Verbose(DeleteAction + ": " + batch[0] + " is already gone after an unanswered earlier attempt; treating it as done.");
                    return new[] { ReadBack<RoleTask>.Applied(RoleTasks.ForAssignment(batch[0], zoneId, RoleTasks.DeleteRoleAssignment, RoleTaskStatus.Success, null)) };
                })
            {
                IsRemove = true,
            };
            return (await _writes.RunAsync(path, new[] { item }, ct).ConfigureAwait(false))[0];
        }

        private async Task<RoleTask> SendDeleteAsync(string zoneId, RoleAssignmentInfo item, string? deprovisionStrategy, CancellationToken ct)
        {
            var response = await _client.CallAsync<DeleteRoleAssignmentResponse>(DeleteAction, new DeleteRoleAssignmentRequest
            {
                ZoneId = zoneId,
                RoleConfigurationId = item.RoleConfigurationId,
                TargetType = item.TargetType,
                TargetUin = item.TargetUin,
                PrincipalType = item.PrincipalType,
                PrincipalId = item.PrincipalId,
                DeprovisionStrategy = deprovisionStrategy,
            }, ApiCallKind.IdempotentWrite, _log, ct).ConfigureAwait(false);
            if (response.Task == null)
                return RoleTasks.ForAssignment(item, zoneId, RoleTasks.DeleteRoleAssignment, RoleTaskStatus.Success, response.RequestId);
            var task = RoleTasks.From(response.Task, zoneId, response.RequestId);
            // The answer's task may leave out what the request already says.
            task.Status ??= RoleTaskStatus.InProgress;
            task.TaskType ??= RoleTasks.DeleteRoleAssignment;
            task.RoleConfigurationId ??= item.RoleConfigurationId;
            task.TargetType ??= item.TargetType;
            task.TargetUin ??= item.TargetUin;
            task.PrincipalType ??= item.PrincipalType;
            task.PrincipalId ??= item.PrincipalId;
            return task;
        }

        private static bool Matches(TaskInfo task, RoleAssignmentInfo item) =>
            task.RoleConfigurationId == item.RoleConfigurationId && task.TargetUin == item.TargetUin
            && task.PrincipalId == item.PrincipalId && (task.TargetType == null || task.TargetType == item.TargetType);
    }
}
