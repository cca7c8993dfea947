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
    /// Access the file wants is never removed on a hope: a remove whose replacing add failed is not sent (Skipped, with
    /// the reason); with -Wait the adds' tasks end before any remove is sent. Under -ErrorAction Stop one call is in flight
    /// at a time and nothing is sent after the first failure (the rest are Skipped). An add the service answers "already
    /// exists", or a remove it answers "not found", is what the file wants: Done, with a verbose note.
    /// </summary>
    internal sealed partial class ConfigurationApplier
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
        private readonly SendGate? _gate;
        private readonly bool _failFast;
        // What failed to be added, by what a remove it replaces shares with it (see ReplacedBy).
        private readonly ConcurrentDictionary<string, string> _failedAdds = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The gate is the command's: once closed nothing more is sent; with CloseOnFailure (-ErrorAction Stop) one call is in flight at a time.</summary>
        public ConfigurationApplier(OrgSession session, IOrgLog log, Func<Task<string>> zoneId, Action<ConfigurationPlanItem, Exception?> report,
            SendGate? gate = null)
        {
            _session = session;
            _log = log;
            _zoneId = zoneId;
            _report = report;
            _gate = gate;
            _failFast = gate?.CloseOnFailure == true;
        }

        private bool Stopped => _gate?.IsClosed == true;

        private const string StoppedReason = "not sent: the command stopped after an earlier failure (-ErrorAction Stop).";

        /// <summary>Calls in flight at once: one under -ErrorAction Stop, so a failure is known before the next call.</summary>
        private int InFlight(int parallel) => _failFast ? 1 : parallel;


        private static readonly (ConfigurationAction Action, ConfigurationKind Kind)[] Phases =
        {
            (ConfigurationAction.Add, ConfigurationKind.Identity),
            (ConfigurationAction.Change, ConfigurationKind.Identity),
            (ConfigurationAction.Add, ConfigurationKind.MemberAuthIdentity),
            (ConfigurationAction.Add, ConfigurationKind.RoleAssignment),
            (ConfigurationAction.Remove, ConfigurationKind.RoleAssignment),
            (ConfigurationAction.Remove, ConfigurationKind.MemberAuthIdentity),
            (ConfigurationAction.Remove, ConfigurationKind.Identity),
            // The zone (issue 18), indexes 7 on: ZoneAddPhases run before the assignment adds, ZoneRemovePhases after the assignment removals.
            (ConfigurationAction.Add, ConfigurationKind.User),
            (ConfigurationAction.Change, ConfigurationKind.User),
            (ConfigurationAction.Add, ConfigurationKind.Group),
            (ConfigurationAction.Change, ConfigurationKind.Group),
            (ConfigurationAction.Add, ConfigurationKind.GroupMember),
            (ConfigurationAction.Add, ConfigurationKind.RoleConfiguration),
            (ConfigurationAction.Change, ConfigurationKind.RoleConfiguration),
            (ConfigurationAction.Add, ConfigurationKind.RolePolicy),
            (ConfigurationAction.Change, ConfigurationKind.RolePolicy),
            (ConfigurationAction.Remove, ConfigurationKind.RolePolicy),
            (ConfigurationAction.Change, ConfigurationKind.Redeployment),
            (ConfigurationAction.Remove, ConfigurationKind.RoleConfiguration),
            (ConfigurationAction.Remove, ConfigurationKind.GroupMember),
            (ConfigurationAction.Remove, ConfigurationKind.Group),
            (ConfigurationAction.Remove, ConfigurationKind.User),
        };

        /// <summary>The order items are sent (and reported) in: dependencies first for adds, in reverse for removals.</summary>
        private static readonly int[] SendOrder = { 0, 1, 2, 7, 8, 9, 10, 11, 12, 13, 14, 15, 3, 4, 16, 17, 18, 19, 20, 21, 5, 6 };

        /// <summary>The plan in the order Sync sends it (stable within a phase), so Compare and -WhatIf preview the real order.</summary>
        public static List<ConfigurationPlanItem> InSendOrder(IEnumerable<ConfigurationPlanItem> plan)
        {
            var rank = new Dictionary<(ConfigurationAction, ConfigurationKind), int>();
            for (int position = 0; position < SendOrder.Length; position++) rank[Phases[SendOrder[position]]] = position;
            return plan.Select((item, index) => (item, index))
                .OrderBy(x => rank.TryGetValue((x.item.Action, x.item.Kind), out var r) ? r : int.MaxValue).ThenBy(x => x.index)
                .Select(x => x.item).ToList();
        }

        public async Task ApplyAsync(IReadOnlyList<ConfigurationPlanItem> items, bool wait, TimeSpan timeout, CancellationToken ct)
        {
            if (_gate != null)
            {
                // The services' calls see the gate too (a batch split into single calls stops between them); the answers
                // that mean "already done" do not close it. Set in this async method, so it ends with it.
                _gate.Tolerates = error => error is OrgApiException api && ConvergedCodes.Contains(api.Code);
                SendGate.Current = _gate;
            }
            List<ConfigurationPlanItem> Select(ConfigurationAction action, ConfigurationKind kind) =>
                items.Where(i => i.Action == action && i.Kind == kind).ToList();
            var phases = Phases.Select(p => Select(p.Action, p.Kind)).ToList();
            _sequence = SendOrder.SelectMany(i => phases[i]).ToList();

            var createdIdentities = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            await AddIdentitiesAsync(phases[0], createdIdentities, ct).ConfigureAwait(false);
            await ChangeIdentitiesAsync(phases[1], ct).ConfigureAwait(false);
            await AddGrantsAsync(phases[2], createdIdentities, ct).ConfigureAwait(false);
            await ApplyZoneAddsAsync(phases, ct).ConfigureAwait(false);
            if (phases[3].Count + phases[4].Count > 0)
            {
                string zone = await _zoneId().ConfigureAwait(false);
                phases[3] = WithCreatedIds(phases[3]);
                // Without -Wait each item is reported as its call returns; with it, once its task ends.
                var started = new ConcurrentDictionary<ConfigurationPlanItem, RoleTask>();
                await AddAssignmentsAsync(zone, phases[3], wait, started, ct).ConfigureAwait(false);
                // With -Wait the adds' tasks end first: a failed add keeps the assignment it was replacing.
                if (wait) await WaitAsync(zone, started, timeout, ct).ConfigureAwait(false);
                var removing = new ConcurrentDictionary<ConfigurationPlanItem, RoleTask>();
                await RemoveAssignmentsAsync(zone, SkipReplaced(phases[4]), wait, removing, ct).ConfigureAwait(false);
                if (wait) await WaitAsync(zone, removing, timeout, ct).ConfigureAwait(false);
            }
            await ApplyZoneRemovesAsync(phases, wait, timeout, ct).ConfigureAwait(false);
            await RemoveGrantsAsync(SkipReplaced(phases[5]), ct).ConfigureAwait(false);
            await RemoveIdentitiesAsync(SkipStillGranted(phases[6], phases[5]), ct).ConfigureAwait(false);
        }

        /// <summary>
        /// What an add and the removes it replaces share: for assignments the principal and the account (the file moves
        /// a principal to another permission configuration on that account), for grants the member account (it moves to
        /// another identity). Identities are matched by name and are never replaced.
        /// </summary>
        private static string? ReplacedBy(ConfigurationPlanItem item) => (item.Desired ?? item.Current) switch
        {
            ConfigurationRoleAssignment a => "A|" + a.PrincipalType?.ToUpperInvariant() + "|" + a.PrincipalId + "|" + (a.TargetType ?? "MemberUin").ToUpperInvariant()
                + "|" + a.TargetUin.GetValueOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConfigurationMemberAuthIdentity g => "G|" + g.MemberUin.GetValueOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };

        /// <summary>The removes to send: those whose replacing add failed are Skipped, so the access they give stays.</summary>
        private List<ConfigurationPlanItem> SkipReplaced(List<ConfigurationPlanItem> removes)
        {
            var send = new List<ConfigurationPlanItem>();
            foreach (var item in removes)
            {
                if (ReplacedBy(item) is { } key && _failedAdds.TryGetValue(key, out var add))
                    Skip(item, "not removed: the add that replaces it (" + add + ") failed, so the access it gives is kept.");
                else send.Add(item);
            }
            return send;
        }

        /// <summary>An identity is removed only once every grant of it that the plan removes is gone.</summary>
        private List<ConfigurationPlanItem> SkipStillGranted(List<ConfigurationPlanItem> identities, List<ConfigurationPlanItem> grantRemoves)
        {
            var kept = grantRemoves.Where(g => g.Outcome != ConfigurationOutcome.Done)
                .Select(g => (ConfigurationMemberAuthIdentity)g.Current!).ToList();
            var send = new List<ConfigurationPlanItem>();
            foreach (var item in identities)
            {
                var identity = (ConfigurationIdentity)item.Current!;
                var grant = kept.FirstOrDefault(g => g.IdentityId == identity.IdentityId);
                if (grant != null) Skip(item, "not removed: its grant " + grant + " was not removed.");
                else send.Add(item);
            }
            return send;
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
            if (error is OrgNotSentException)
            {
                Skip(item, StoppedReason);
                return;
            }
            if (Converged(item, error) is { } code)
            {
                _log.Verbose(item.Action + " " + item.Kind + " " + item.Key + ": the service answered " + code + "; it is already "
                    + (item.Action == ConfigurationAction.Add ? "there" : "gone") + " (someone else made the same change), so it is Done.");
                Succeed(item);
                return;
            }
            if (item.Action == ConfigurationAction.Add && ReplacedBy(item) is { } key) _failedAdds.TryAdd(key, item.Key);
            // Closed before the failure is reported, so nothing more is sent under -ErrorAction Stop.
            _gate?.ItemFailed();
            item.Outcome = ConfigurationOutcome.Failed;
            item.Error = error.Message;
            Done(item, error);
        }

        /// <summary>Not sent; the reason is the item's Error. Not an error of its own: the failure that caused it was reported.</summary>
        private void Skip(ConfigurationPlanItem item, string reason)
        {
            item.Outcome = ConfigurationOutcome.Skipped;
            item.Error = reason;
            Done(item, null);
        }

        /// <summary>
        /// The refusal that means the change is already made: "already exists" to an add of that very assignment, "not found"
        /// to a remove. An identity whose name is taken is not: the identity there may differ from the file's.
        /// </summary>
        private static string? Converged(ConfigurationPlanItem item, Exception error)
        {
            if (!(error is OrgApiException api)) return null;
            bool converged = (item.Action, item.Kind) switch
            {
                (ConfigurationAction.Add, ConfigurationKind.RoleAssignment) => api.Code == RoleAssignmentService.AlreadyExistsCode,
                (ConfigurationAction.Remove, ConfigurationKind.RoleAssignment) => api.Code == RoleAssignmentService.NotFoundCode,
                (ConfigurationAction.Remove, ConfigurationKind.MemberAuthIdentity) =>
                    api.Code == MemberAuthorizationService.GrantNotFoundCode || api.Code == OrganizationIdentityService.NotExistCode,
                (ConfigurationAction.Remove, ConfigurationKind.Identity) => api.Code == OrganizationIdentityService.NotExistCode,
                _ => false,
            };
            return converged ? api.Code : null;
        }

        private static readonly HashSet<string> ConvergedCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            RoleAssignmentService.AlreadyExistsCode, RoleAssignmentService.NotFoundCode, MemberAuthorizationService.GrantNotFoundCode,
            OrganizationIdentityService.NotExistCode,
        };

        /// <summary>Under a closed gate (-ErrorAction Stop after a failure) the items are Skipped instead of sent.</summary>
        private bool SkipIfStopped(IEnumerable<ConfigurationPlanItem> items)
        {
            if (!Stopped) return false;
            foreach (var item in items) Skip(item, StoppedReason);
            return true;
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
            return ForEachAsync(items, InFlight(ParallelSingleWrites), async item =>
            {
                if (SkipIfStopped(new[] { item })) return;
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
            return ForEachAsync(items, InFlight(ParallelSingleWrites), async item =>
            {
                if (SkipIfStopped(new[] { item })) return;
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
            await ForEachAsync(calls, InFlight(OrgClientOptions.CallsInFlightFor(_session.Options.RequestsPerSecond)), async call =>
            {
                if (SkipIfStopped(call.Members.SelectMany(m => call.Identities.SelectMany(id => byPair[(m, id)])))) return;
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
                InFlight(OrgClientOptions.CallsInFlightFor(_session.Options.RequestsPerSecond)), async batch =>
                {
                    if (SkipIfStopped(batch.Select(info => itemOf[info]))) return;
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
            return ForEachAsync(items, InFlight(OrgClientOptions.CallsInFlightFor(_session.Options.RequestsPerSecond)), async item =>
            {
                if (SkipIfStopped(new[] { item })) return;
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
            return ForEachAsync(items, InFlight(ParallelSingleWrites), async item =>
            {
                if (SkipIfStopped(new[] { item })) return;
                var grant = (ConfigurationMemberAuthIdentity)item.Current!;
                var outcome = await service.RevokeAsync(grant.MemberUin!.Value, grant.IdentityId!.Value, ct).ConfigureAwait(false);
                if (outcome.Succeeded) Succeed(item);
                else Fail(item, outcome.Error!);
            }, ct);
        }

        private Task RemoveIdentitiesAsync(List<ConfigurationPlanItem> items, CancellationToken ct)
        {
            var service = new OrganizationIdentityService(_session, _log);
            return ForEachAsync(items, InFlight(ParallelSingleWrites), async item =>
            {
                if (SkipIfStopped(new[] { item })) return;
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
