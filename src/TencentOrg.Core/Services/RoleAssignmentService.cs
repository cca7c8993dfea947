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
    /// CIC role assignments and provisioning: create in batches of 50, isolate a failing item,
    /// reconcile by reading after ambiguous failures, find existing ones for -SkipExisting.
    /// </summary>
    public sealed class RoleAssignmentService
    {
        public const int MaxAssignmentsPerCall = 50;
        public const string AlreadyExistsCode = "FailedOperation.RoleConfigurationAuthorizationAlreadyExist";
        private const long PageSize = 100;

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;

        public RoleAssignmentService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
        }

        public async Task<IReadOnlyList<ItemOutcome<RoleAssignmentInfo, RoleTask>>> CreateAsync(
            string zoneId, IReadOnlyList<RoleAssignmentInfo> items, bool skipExisting, CancellationToken ct)
        {
            if (items.Count > MaxAssignmentsPerCall) throw new ArgumentException("At most " + MaxAssignmentsPerCall + " assignments per call.", nameof(items));
            var outcomes = new List<ItemOutcome<RoleAssignmentInfo, RoleTask>>();
            await CreateBatchAsync(zoneId, items.ToList(), skipExisting, outcomes, allowResend: true, ct).ConfigureAwait(false);
            return outcomes;
        }

        private async Task CreateBatchAsync(string zoneId, List<RoleAssignmentInfo> items, bool skipExisting,
            List<ItemOutcome<RoleAssignmentInfo, RoleTask>> outcomes, bool allowResend, CancellationToken ct)
        {
            try
            {
                var response = await _client.CallAsync<CreateRoleAssignmentResponse>("CreateRoleAssignment",
                    new CreateRoleAssignmentRequest { ZoneId = zoneId, RoleAssignmentInfo = items }, ApiCallKind.Write, _log, ct,
                    async probeCt => (await ExistingKeysAsync(zoneId, items, probeCt).ConfigureAwait(false)).Overlaps(items.Select(Key))).ConfigureAwait(false);
                var tasks = response.Tasks ?? new List<TaskInfo>();
                for (int i = 0; i < items.Count; i++)
                {
                    var task = tasks.FirstOrDefault(t => Matches(t, items[i])) ?? (tasks.Count == items.Count ? tasks[i] : null);
                    var roleTask = task != null ? ToRoleTask(task, zoneId, response.RequestId) : Pending(items[i], zoneId, response.RequestId);
                    outcomes.Add(ItemOutcome<RoleAssignmentInfo, RoleTask>.Success(items[i], roleTask));
                }
            }
            catch (OrgAmbiguousResultException ambiguous)
            {
                await ReconcileAsync(zoneId, items, skipExisting, ambiguous, outcomes, allowResend, ct).ConfigureAwait(false);
            }
            catch (OrgApiException error) when (items.Count > 1 && !MemberAuthService.AffectsEveryItem(error.Code))
            {
                // CreateRoleAssignment is all-or-nothing: one bad or existing item must not sink the other 49.
                _log.Verbose("CreateRoleAssignment failed for a batch of " + items.Count + " with " + error.Code + "; sending item by item to isolate it.");
                foreach (var item in items)
                    await CreateBatchAsync(zoneId, new List<RoleAssignmentInfo> { item }, skipExisting, outcomes, allowResend, ct).ConfigureAwait(false);
            }
            catch (OrgApiException exists) when (skipExisting && exists.Code == AlreadyExistsCode)
            {
                var item = items[0];
                _log.Warning("Assignment " + item + " already exists; skipped.");
                outcomes.Add(ItemOutcome<RoleAssignmentInfo, RoleTask>.Success(item, await ExistingTaskAsync(zoneId, item, ct).ConfigureAwait(false)));
            }
            catch (OrgException error)
            {
                foreach (var item in items) outcomes.Add(ItemOutcome<RoleAssignmentInfo, RoleTask>.Failure(item, error));
            }
        }

        /// <summary>
        /// After an ambiguous failure: list what exists (one listing per configuration, not one per item), report those as
        /// done, and send the rest once more (allowResend) or report them as unknown. A failed read never causes a send.
        /// </summary>
        private async Task ReconcileAsync(string zoneId, List<RoleAssignmentInfo> items, bool skipExisting,
            OrgAmbiguousResultException ambiguous, List<ItemOutcome<RoleAssignmentInfo, RoleTask>> outcomes, bool allowResend, CancellationToken ct)
        {
            _log.Verbose("CreateRoleAssignment for " + items.Count + " assignment(s): " + ambiguous.Code + "; reconciling: reading back which exist.");
            HashSet<string> existing;
            try
            {
                existing = await ExistingKeysAsync(zoneId, items, ct).ConfigureAwait(false);
            }
            catch (OrgException readError)
            {
                var unknown = new OrgAmbiguousResultException("CreateRoleAssignment",
                    new Exception("the assignment may have been created; reading it back failed too (" + readError.Message + "). " + ambiguous.Message, readError));
                foreach (var item in items) outcomes.Add(ItemOutcome<RoleAssignmentInfo, RoleTask>.Failure(item, unknown));
                return;
            }
            var present = items.Where(i => existing.Contains(Key(i))).ToList();
            var missing = items.Where(i => !existing.Contains(Key(i))).ToList();
            if (present.Count > 0)
            {
                Dictionary<string, TaskInfo> tasks;
                try
                {
                    tasks = await CreateTasksByKeyAsync(zoneId, present, ct).ConfigureAwait(false);
                }
                catch (OrgException)
                {
                    tasks = new Dictionary<string, TaskInfo>(StringComparer.Ordinal);
                }
                foreach (var item in present)
                {
                    RoleTask done;
                    if (tasks.TryGetValue(Key(item), out var task)) done = ToRoleTask(task, zoneId, null);
                    else
                    {
                        done = Pending(item, zoneId, null);
                        done.Status = "Success";
                    }
                    outcomes.Add(ItemOutcome<RoleAssignmentInfo, RoleTask>.Success(item, done));
                }
            }
            if (missing.Count == 0) return;
            if (!allowResend)
            {
                foreach (var item in missing) outcomes.Add(ItemOutcome<RoleAssignmentInfo, RoleTask>.Failure(item, ambiguous));
                return;
            }
            _log.Verbose("Sending CreateRoleAssignment once more for " + missing.Count + " assignment(s) the first call did not create.");
            await CreateBatchAsync(zoneId, missing, skipExisting, outcomes, allowResend: false, ct).ConfigureAwait(false);
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
                await ListAsync(filter, row =>
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
            var taskService = new TaskService(_client, _log);
            foreach (var group in items.GroupBy(i => i.RoleConfigurationId))
            {
                var list = group.ToList();
                var first = list[0];
                var filter = new ListTasksRequest { ZoneId = zoneId, RoleConfigurationId = group.Key, TaskType = "CreateRoleAssignment" };
                if (list.All(i => i.TargetUin == first.TargetUin)) { filter.TargetUin = first.TargetUin; }
                if (list.All(i => i.PrincipalId == first.PrincipalId)) { filter.PrincipalId = first.PrincipalId; }
                await taskService.ListAsync(filter, task =>
                {
                    string key = Key(task.RoleConfigurationId, task.TargetType, task.TargetUin, task.PrincipalType, task.PrincipalId);
                    if (wanted.Contains(key)) tasks[key] = task;
                    return true;
                }, ct).ConfigureAwait(false);
            }
            return tasks;
        }

        /// <summary>The task that created an existing assignment, or a finished placeholder when the service no longer lists it.</summary>
        private async Task<RoleTask> ExistingTaskAsync(string zoneId, RoleAssignmentInfo item, CancellationToken ct)
        {
            TaskInfo? latest = null;
            await new TaskService(_client, _log).ListAsync(new ListTasksRequest
            {
                ZoneId = zoneId,
                RoleConfigurationId = item.RoleConfigurationId,
                TargetUin = item.TargetUin,
                TargetType = item.TargetType,
                PrincipalId = item.PrincipalId,
                PrincipalType = item.PrincipalType,
                TaskType = "CreateRoleAssignment",
            }, task => { latest = task; return true; }, ct).ConfigureAwait(false);
            if (latest != null) return ToRoleTask(latest, zoneId, null);
            var done = Pending(item, zoneId, null);
            done.Status = "Success";
            return done;
        }

        public Task ListAsync(ListRoleAssignmentsRequest filter, Func<RoleAssignmentItem, bool> onItem, CancellationToken ct) =>
            Paging.ByTokenAsync<ListRoleAssignmentsResponse, RoleAssignmentItem>(_client, "ListRoleAssignments", filter, PageSize,
                page => page.RoleAssignments, onItem, _log, ct);

        private static bool Matches(TaskInfo task, RoleAssignmentInfo item) =>
            task.RoleConfigurationId == item.RoleConfigurationId && task.TargetUin == item.TargetUin
            && task.PrincipalId == item.PrincipalId && (task.TargetType == null || task.TargetType == item.TargetType);

        internal static RoleTask ToRoleTask(TaskInfo task, string zoneId, string? requestId) => new RoleTask
        {
            TaskId = task.TaskId,
            ZoneId = zoneId,
            Status = task.Status,
            TaskType = task.TaskType,
            RoleConfigurationId = task.RoleConfigurationId,
            RoleConfigurationName = task.RoleConfigurationName,
            TargetType = task.TargetType,
            TargetUin = task.TargetUin,
            PrincipalType = task.PrincipalType,
            PrincipalId = task.PrincipalId,
            FailureReason = string.IsNullOrEmpty(task.FailureReason) ? null : task.FailureReason,
            RequestId = requestId,
        };

        private static RoleTask Pending(RoleAssignmentInfo item, string zoneId, string? requestId) => new RoleTask
        {
            ZoneId = zoneId,
            Status = "InProgress",
            TaskType = "CreateRoleAssignment",
            RoleConfigurationId = item.RoleConfigurationId,
            TargetType = item.TargetType,
            TargetUin = item.TargetUin,
            PrincipalType = item.PrincipalType,
            PrincipalId = item.PrincipalId,
            RequestId = requestId,
        };
    }
}
