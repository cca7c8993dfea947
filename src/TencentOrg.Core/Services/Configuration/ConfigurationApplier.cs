using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// Sends an approved plan through the domain services, in the order dependencies need: identities are created
    /// and changed before grants use them; grants and assignments are added; then assignments, grants and finally
    /// identities are removed (an identity still granted cannot be deleted). Adds go through the services'
    /// batched, reconciling writes (50 assignments a call, 10 members x 5 identities a call), several calls in flight.
    /// </summary>
    internal sealed class ConfigurationApplier
    {
        private const int ParallelSingleWrites = 4;

        private readonly OrgSession _session;
        private readonly IOrgLog _log;
        private readonly Func<Task<string>> _zoneId;
        private readonly Action<ConfigurationPlanItem, Exception?> _report;
        private readonly ConcurrentDictionary<ConfigurationPlanItem, Exception?> _done = new ConcurrentDictionary<ConfigurationPlanItem, Exception?>();
        // Items in the order they are sent (phase, then plan order); each is reported once every item before it is.
        private List<ConfigurationPlanItem> _sequence = new List<ConfigurationPlanItem>();
        private readonly object _reportLock = new object();
        private int _reported;

        public ConfigurationApplier(OrgSession session, IOrgLog log, Func<Task<string>> zoneId, Action<ConfigurationPlanItem, Exception?> report)
        {
            _session = session;
            _log = log;
            _zoneId = zoneId;
            _report = report;
        }


        private static readonly (ConfigurationAction Action, ConfigurationKind Kind)[] Phases =
        {
            (ConfigurationAction.Add, ConfigurationKind.Identity),
            (ConfigurationAction.Change, ConfigurationKind.Identity),
            (ConfigurationAction.Add, ConfigurationKind.MemberAuthIdentity),
            (ConfigurationAction.Add, ConfigurationKind.RoleAssignment),
            (ConfigurationAction.Remove, ConfigurationKind.RoleAssignment),
            (ConfigurationAction.Remove, ConfigurationKind.MemberAuthIdentity),
            (ConfigurationAction.Remove, ConfigurationKind.Identity),
        };

        public async Task ApplyAsync(IReadOnlyList<ConfigurationPlanItem> items, bool wait, TimeSpan timeout, CancellationToken ct)
        {
            List<ConfigurationPlanItem> Select(ConfigurationAction action, ConfigurationKind kind) =>
                items.Where(i => i.Action == action && i.Kind == kind).ToList();
            var phases = Phases.Select(p => Select(p.Action, p.Kind)).ToList();
            _sequence = phases.SelectMany(p => p).ToList();

            var createdIdentities = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            await AddIdentitiesAsync(phases[0], createdIdentities, ct).ConfigureAwait(false);
            await ChangeIdentitiesAsync(phases[1], ct).ConfigureAwait(false);
            await AddGrantsAsync(phases[2], createdIdentities, ct).ConfigureAwait(false);
            if (phases[3].Count + phases[4].Count > 0)
            {
                string zone = await _zoneId().ConfigureAwait(false);
                // Without -Wait each item is reported as its call returns; with it, once its task ends.
                var started = new ConcurrentDictionary<ConfigurationPlanItem, RoleTask>();
                await AddAssignmentsAsync(zone, phases[3], wait, started, ct).ConfigureAwait(false);
                await RemoveAssignmentsAsync(zone, phases[4], wait, started, ct).ConfigureAwait(false);
                if (wait) await WaitAsync(zone, started, timeout, ct).ConfigureAwait(false);
            }
            await RemoveGrantsAsync(phases[5], ct).ConfigureAwait(false);
            await RemoveIdentitiesAsync(phases[6], ct).ConfigureAwait(false);
        }

        private void Done(ConfigurationPlanItem item, Exception? error)
        {
            _done[item] = error;
            lock (_reportLock)
            {
                while (_reported < _sequence.Count && _done.TryRemove(_sequence[_reported], out var failure))
                {
                    _report(_sequence[_reported], failure);
                    _reported++;
                }
            }
        }

        private void Succeed(ConfigurationPlanItem item, string outcome = ConfigurationOutcome.Done)
        {
            item.Outcome = outcome;
            Done(item, null);
        }

        private void Fail(ConfigurationPlanItem item, Exception error)
        {
            item.Outcome = ConfigurationOutcome.Failed;
            item.Error = error.Message;
            Done(item, error);
        }

        /// <summary>An accepted assignment write: reported now, or (with -Wait, task still running) after the wait.</summary>
        private void Started(ConfigurationPlanItem item, RoleTask task, bool wait, ConcurrentDictionary<ConfigurationPlanItem, RoleTask> started)
        {
            item.Task = task;
            if (task.Status == RoleTaskStatus.Failed) Fail(item, new OrgTaskFailedException(task));
            else if (task.Status == RoleTaskStatus.Success) Succeed(item);
            else if (wait) started[item] = task;
            else Succeed(item, ConfigurationOutcome.Started);
        }

        private Task AddIdentitiesAsync(List<ConfigurationPlanItem> items, ConcurrentDictionary<string, long> created, CancellationToken ct)
        {
            var service = new OrganizationIdentityService(_session, _log);
            return ForEachAsync(items, ParallelSingleWrites, async item =>
            {
                var identity = (ConfigurationIdentity)item.Desired!;
                var outcome = await service.CreateAsync(identity.Name!, identity.Policies ?? Array.Empty<IdentityPolicy>(), identity.Description, false, ct).ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    Fail(item, outcome.Error!);
                    return;
                }
                identity.IdentityId = outcome.Result!.IdentityId;
                created[identity.Name!] = outcome.Result.IdentityId;
                Succeed(item);
            }, ct);
        }

        private Task ChangeIdentitiesAsync(List<ConfigurationPlanItem> items, CancellationToken ct)
        {
            var service = new OrganizationIdentityService(_session, _log);
            return ForEachAsync(items, ParallelSingleWrites, async item =>
            {
                var identity = (ConfigurationIdentity)item.Desired!;
                var listed = (ConfigurationIdentity)item.Current!;
                // The plan was made from a fresh listing: update over it instead of reading the identity again.
                var current = new OrgIdentity
                {
                    IdentityId = listed.IdentityId!.Value,
                    Name = listed.Name,
                    Description = listed.Description,
                    Policies = listed.Policies ?? Array.Empty<IdentityPolicy>(),
                    IdentityType = listed.IdentityType,
                };
                try
                {
                    await service.UpdateAsync(current, identity.Description ?? "", identity.Policies, ct).ConfigureAwait(false);
                    Succeed(item);
                }
                catch (OrgException error)
                {
                    Fail(item, error);
                }
            }, ct);
        }

        /// <summary>
        /// Members wanting the same identities share requests: grouped by identity set, 10 members a call, and the
        /// service splits the identities 5 a call.
        /// </summary>
        private async Task AddGrantsAsync(List<ConfigurationPlanItem> items, ConcurrentDictionary<string, long> created, CancellationToken ct)
        {
            var ready = new List<(ConfigurationPlanItem Item, long Member, long Identity)>();
            foreach (var item in items)
            {
                var grant = (ConfigurationMemberAuthIdentity)item.Desired!;
                long? identityId = grant.IdentityId;
                if (identityId == null && grant.Identity != null && created.TryGetValue(grant.Identity, out long made)) identityId = grant.IdentityId = made;
                if (identityId == null)
                {
                    Fail(item, new InvalidOperationException("The identity '" + grant.Identity + "' was not created, so it cannot be granted."));
                    continue;
                }
                ready.Add((item, grant.MemberUin!.Value, identityId.Value));
            }
            var byPair = ready.GroupBy(r => (r.Member, r.Identity)).ToDictionary(g => g.Key, g => g.Select(r => r.Item).ToList());
            var calls = ready.GroupBy(r => r.Member)
                .Select(m => (Member: m.Key, Identities: m.Select(r => r.Identity).Distinct().OrderBy(id => id).ToList()))
                .GroupBy(m => string.Join(",", m.Identities))
                .SelectMany(set => Chunk(set.Select(m => m.Member).ToList(), MemberAuthorizationService.MaxMembersPerCall)
                    .Select(members => (Members: members, Identities: set.First().Identities)))
                .ToList();
            var service = new MemberAuthorizationService(_session, _log);
            await ForEachAsync(calls, OrgClientOptions.CallsInFlightFor(_session.Options.RequestsPerSecond), async call =>
            {
                IReadOnlyList<ItemOutcome<MemberGrant, MemberAuthIdentity>> outcomes;
                try
                {
                    outcomes = await service.GrantAsync(call.Members, call.Identities, false, ct).ConfigureAwait(false);
                }
                catch (OrgException error)
                {
                    foreach (var member in call.Members)
                        foreach (var id in call.Identities)
                            foreach (var item in byPair[(member, id)]) Fail(item, error);
                    return;
                }
                foreach (var outcome in outcomes)
                {
                    if (!byPair.TryGetValue((outcome.Input.MemberUin, outcome.Input.IdentityId), out var matched)) continue;
                    foreach (var item in matched)
                    {
                        if (outcome.Succeeded) Succeed(item);
                        else Fail(item, outcome.Error!);
                    }
                }
            }, ct).ConfigureAwait(false);
        }

        private async Task AddAssignmentsAsync(string zone, List<ConfigurationPlanItem> items, bool wait, ConcurrentDictionary<ConfigurationPlanItem, RoleTask> started, CancellationToken ct)
        {
            var service = new RoleAssignmentService(_session, _log);
            var infos = items.Select(item =>
            {
                var a = (ConfigurationRoleAssignment)item.Desired!;
                return (Item: item, Info: new RoleAssignmentInfo
                {
                    RoleConfigurationId = a.RoleConfigurationId,
                    TargetType = a.TargetType ?? "MemberUin",
                    TargetUin = a.TargetUin,
                    PrincipalType = a.PrincipalType,
                    PrincipalId = a.PrincipalId,
                });
            }).ToList();
            var itemOf = infos.ToDictionary(x => x.Info, x => x.Item);
            await ForEachAsync(Chunk(infos.Select(x => x.Info).ToList(), RoleAssignmentService.MaxAssignmentsPerCall),
                OrgClientOptions.CallsInFlightFor(_session.Options.RequestsPerSecond), async batch =>
                {
                    var outcomes = await service.CreateAsync(zone, batch, false, ct).ConfigureAwait(false);
                    foreach (var outcome in outcomes)
                    {
                        var item = itemOf[outcome.Input];
                        if (!outcome.Succeeded) Fail(item, outcome.Error!);
                        else Started(item, outcome.Result!, wait, started);
                    }
                }, ct).ConfigureAwait(false);
        }

        private Task RemoveAssignmentsAsync(string zone, List<ConfigurationPlanItem> items, bool wait, ConcurrentDictionary<ConfigurationPlanItem, RoleTask> started, CancellationToken ct)
        {
            var service = new RoleAssignmentService(_session, _log);
            return ForEachAsync(items, OrgClientOptions.CallsInFlightFor(_session.Options.RequestsPerSecond), async item =>
            {
                var a = (ConfigurationRoleAssignment)item.Current!;
                var outcome = await service.RemoveAsync(zone, new RoleAssignmentInfo
                {
                    RoleConfigurationId = a.RoleConfigurationId,
                    TargetType = a.TargetType ?? "MemberUin",
                    TargetUin = a.TargetUin,
                    PrincipalType = a.PrincipalType,
                    PrincipalId = a.PrincipalId,
                }, null, ct).ConfigureAwait(false);
                if (outcome.Succeeded) Started(item, outcome.Result!, wait, started);
                else Fail(item, outcome.Error!);
            }, ct);
        }

        /// <summary>-Wait: follow every started task; each item ends Done, or Failed with the task's reason or the timeout.</summary>
        private async Task WaitAsync(string zone, ConcurrentDictionary<ConfigurationPlanItem, RoleTask> started, TimeSpan timeout, CancellationToken ct)
        {
            if (started.IsEmpty) return;
            var byTask = new Dictionary<RoleTask, ConfigurationPlanItem>();
            var byId = new Dictionary<string, ConfigurationPlanItem>(StringComparer.Ordinal);
            foreach (var pair in started)
            {
                byTask[pair.Value] = pair.Key;
                if (pair.Value.TaskId != null) byId[pair.Value.TaskId] = pair.Key;
            }
            await new TaskService(_session, _log).WaitAsync(zone, started.Values.ToList(), timeout, outcome =>
            {
                var task = outcome.Result ?? outcome.Input;
                if (!byTask.TryGetValue(outcome.Input, out var item) && (task.TaskId == null || !byId.TryGetValue(task.TaskId, out item))) return;
                item.Task = task;
                if (outcome.Succeeded) Succeed(item);
                else Fail(item, outcome.Error!);
            }, null, ct).ConfigureAwait(false);
        }

        private Task RemoveGrantsAsync(List<ConfigurationPlanItem> items, CancellationToken ct)
        {
            var service = new MemberAuthorizationService(_session, _log);
            return ForEachAsync(items, ParallelSingleWrites, async item =>
            {
                var grant = (ConfigurationMemberAuthIdentity)item.Current!;
                var outcome = await service.RevokeAsync(grant.MemberUin!.Value, grant.IdentityId!.Value, ct).ConfigureAwait(false);
                if (outcome.Succeeded) Succeed(item);
                else Fail(item, outcome.Error!);
            }, ct);
        }

        private Task RemoveIdentitiesAsync(List<ConfigurationPlanItem> items, CancellationToken ct)
        {
            var service = new OrganizationIdentityService(_session, _log);
            return ForEachAsync(items, ParallelSingleWrites, async item =>
            {
                var identity = (ConfigurationIdentity)item.Current!;
                var outcome = await service.RemoveAsync(identity.IdentityId!.Value, ct).ConfigureAwait(false);
                if (outcome.Succeeded) Succeed(item);
                else Fail(item, outcome.Error!);
            }, ct);
        }

        private static IEnumerable<List<T>> Chunk<T>(List<T> items, int size)
        {
            for (int start = 0; start < items.Count; start += size) yield return items.GetRange(start, Math.Min(size, items.Count - start));
        }

        /// <summary>Runs body for every item with at most maxInFlight running; the client's limiter does the pacing.</summary>
        internal static async Task ForEachAsync<T>(IEnumerable<T> items, int maxInFlight, Func<T, Task> body, CancellationToken ct)
        {
            using var slots = new SemaphoreSlim(maxInFlight);
            var running = new List<Task>();
            foreach (var item in items)
            {
                await slots.WaitAsync(ct).ConfigureAwait(false);
                running.Add(Run(item));
            }
            await Task.WhenAll(running).ConfigureAwait(false);

            async Task Run(T item)
            {
                try { await body(item).ConfigureAwait(false); }
                finally { slots.Release(); }
            }
        }
    }
}
