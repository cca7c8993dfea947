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
    // The zone phases of Sync (issue 18), through the domain services' reconciling writes: users, groups, memberships,
    // configurations and policies before the assignments; after the assignment removals, the policy removals, the
    // re-deployments of changed configurations (waited on with -Wait), then configurations, memberships, groups and users
    // are removed. What a phase creates is known by name to the phases after it (a membership of a new user, an
    // assignment of a new configuration).
    internal sealed partial class ConfigurationApplier
    {
        // "user:name", "group:name", "configuration:name" -> the ID the create returned.
        private readonly ConcurrentDictionary<string, string> _createdZone = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        private int ZoneInFlight => InFlight(OrgClientOptions.CallsInFlightFor(_session.Options.RequestsPerSecond));

        private async Task ApplyZoneAddsAsync(List<List<ConfigurationPlanItem>> phases, CancellationToken ct)
        {
            if (Enumerable.Range(7, 9).All(i => phases[i].Count == 0)) return;
            string zone = await _zoneId().ConfigureAwait(false);
            var users = new UserGroupService(_session, _log);
            var configurations = new RoleConfigurationService(_session, _log);
            await ForEachAsync(phases[7], ZoneInFlight, item => AddUserAsync(users, zone, item, ct), ct).ConfigureAwait(false);
            await ForEachAsync(phases[8], ZoneInFlight, item => ChangeUserAsync(users, zone, item, ct), ct).ConfigureAwait(false);
            await ForEachAsync(phases[9], ZoneInFlight, item => AddGroupAsync(users, zone, item, ct), ct).ConfigureAwait(false);
            await ForEachAsync(phases[10], ZoneInFlight, item => ChangeGroupAsync(users, zone, item, ct), ct).ConfigureAwait(false);
            // One user per AddUserToGroup call (CIC spec §3.5): the calls run side by side within the rate budget.
            await ForEachAsync(phases[11], ZoneInFlight, item => MemberAsync(users, zone, item, add: true, ct), ct).ConfigureAwait(false);
            await ForEachAsync(phases[12], ZoneInFlight, item => AddConfigurationAsync(configurations, zone, item, ct), ct).ConfigureAwait(false);
            await ForEachAsync(phases[13], ZoneInFlight, item => ChangeConfigurationAsync(configurations, zone, item, ct), ct).ConfigureAwait(false);
            // Policies of one configuration go together (system ones up to 20 a call); configurations side by side.
            await ForEachAsync(phases[14].GroupBy(i => ((ConfigurationRoleConfigurationPolicy)i.Desired!).RoleConfigurationName), ZoneInFlight,
                group => AddPoliciesAsync(configurations, zone, group.ToList(), ct), ct).ConfigureAwait(false);
            await ForEachAsync(phases[15], ZoneInFlight, item => ChangePolicyAsync(configurations, zone, item, ct), ct).ConfigureAwait(false);
        }

        private async Task ApplyZoneRemovesAsync(List<List<ConfigurationPlanItem>> phases, bool wait, TimeSpan timeout, CancellationToken ct)
        {
            if (Enumerable.Range(16, 6).All(i => phases[i].Count == 0)) return;
            string zone = await _zoneId().ConfigureAwait(false);
            var users = new UserGroupService(_session, _log);
            var configurations = new RoleConfigurationService(_session, _log);
            await ForEachAsync(phases[16], ZoneInFlight, item => RemovePolicyAsync(configurations, zone, item, ct), ct).ConfigureAwait(false);
            await RedeployAsync(zone, phases[17], wait, timeout, ct).ConfigureAwait(false);
            await ForEachAsync(phases[18], ZoneInFlight, item => RemoveConfigurationAsync(configurations, zone, item, timeout, ct), ct).ConfigureAwait(false);
            await ForEachAsync(phases[19], ZoneInFlight, item => MemberAsync(users, zone, item, add: false, ct), ct).ConfigureAwait(false);
            var membersLeft = phases[19].Where(i => i.Outcome != ConfigurationOutcome.Done).Select(i => (ConfigurationGroupMember)i.Current!).ToList();
            await ForEachAsync(phases[20], ZoneInFlight, item =>
            {
                var group = (ConfigurationGroup)item.Current!;
                var left = membersLeft.FirstOrDefault(m => m.GroupId == group.GroupId);
                if (left != null)
                {
                    Skip(item, "not removed: its member " + left.UserName + " (" + left.UserId + ") was not removed, and a group with members cannot be deleted.");
                    return Task.CompletedTask;
                }
                return Settle(item, () => users.DeleteGroupAsync(zone, group.GroupId!, ct));
            }, ct).ConfigureAwait(false);
            await ForEachAsync(phases[21], ZoneInFlight, item => Settle(item, () => users.DeleteUserAsync(zone, ((ConfigurationUser)item.Current!).UserId!, ct)), ct)
                .ConfigureAwait(false);
        }

        /// <summary>Runs one service write for an item unless the command stopped; its outcome is the item's.</summary>
        private async Task Settle<TIn, TOut>(ConfigurationPlanItem item, Func<Task<ItemOutcome<TIn, TOut>>> write, Action<TOut>? onSuccess = null)
        {
            if (SkipIfStopped(new[] { item })) return;
            ItemOutcome<TIn, TOut> outcome;
            try
            {
                outcome = await write().ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                Fail(item, error);
                return;
            }
            if (!outcome.Succeeded)
            {
                Fail(item, outcome.Error!);
                return;
            }
            onSuccess?.Invoke(outcome.Result!);
            Succeed(item);
        }

        private Task AddUserAsync(UserGroupService service, string zone, ConfigurationPlanItem item, CancellationToken ct)
        {
            var u = (ConfigurationUser)item.Desired!;
            // The initial password CreateUser returns is not kept: a Sync emits no secret (have the user reset it).
            return Settle(item, () => service.CreateUserAsync(new CreateUserRequest
            {
                ZoneId = zone, UserName = u.UserName, FirstName = NonEmpty(u.FirstName), LastName = NonEmpty(u.LastName), DisplayName = NonEmpty(u.DisplayName),
                Description = NonEmpty(u.Description), Email = NonEmpty(u.Email), UserStatus = u.UserStatus,
            }, ct), user =>
            {
                u.UserId = user.UserId;
                _createdZone["user:" + u.UserName] = user.UserId!;
            });
        }

        private Task ChangeUserAsync(UserGroupService service, string zone, ConfigurationPlanItem item, CancellationToken ct)
        {
            var u = (ConfigurationUser)item.Desired!;
            bool Has(string property) => item.Changes.Any(c => c.Property == property);
            return Settle(item, () => service.UpdateUserAsync(zone, u.UserId!, new UserChanges
            {
                DisplayName = Has("DisplayName") ? u.DisplayName : null, FirstName = Has("FirstName") ? u.FirstName : null, LastName = Has("LastName") ? u.LastName : null,
                Email = Has("Email") ? u.Email : null, Description = Has("Description") ? u.Description : null, UserStatus = Has("UserStatus") ? u.UserStatus : null,
            }, ct));
        }

        private Task AddGroupAsync(UserGroupService service, string zone, ConfigurationPlanItem item, CancellationToken ct)
        {
            var g = (ConfigurationGroup)item.Desired!;
            return Settle(item, () => service.CreateGroupAsync(new CreateGroupRequest { ZoneId = zone, GroupName = g.GroupName, Description = NonEmpty(g.Description) }, ct),
                group => _createdZone["group:" + g.GroupName] = group.GroupId!);
        }

        private Task ChangeGroupAsync(UserGroupService service, string zone, ConfigurationPlanItem item, CancellationToken ct)
        {
            var g = (ConfigurationGroup)item.Desired!;
            bool rename = item.Changes.Any(c => c.Property == "GroupName");
            bool describe = item.Changes.Any(c => c.Property == "Description");
            return Settle(item, () => service.UpdateGroupAsync(zone, g.GroupId!, rename ? g.GroupName : null, describe ? g.Description : null, ct));
        }

        private Task MemberAsync(UserGroupService service, string zone, ConfigurationPlanItem item, bool add, CancellationToken ct)
        {
            var m = (ConfigurationGroupMember)(item.Desired ?? item.Current)!;
            string? groupId = m.GroupId ?? Created("group", m.GroupName);
            string? userId = m.UserId ?? Created("user", m.UserName);
            if (groupId == null || userId == null)
            {
                Fail(item, new InvalidOperationException((groupId == null ? "The group '" + m.GroupName : "The user '" + m.UserName) + "' was not created, so the membership cannot be added."));
                return Task.CompletedTask;
            }
            return Settle(item, () => add ? service.AddMemberAsync(zone, groupId, userId, ct) : service.RemoveMemberAsync(zone, groupId, userId, ct));
        }

        private Task AddConfigurationAsync(RoleConfigurationService service, string zone, ConfigurationPlanItem item, CancellationToken ct)
        {
            var c = (ConfigurationRoleConfiguration)item.Desired!;
            return Settle(item, () => service.CreateAsync(new CreateRoleConfigurationRequest
            {
                ZoneId = zone, RoleConfigurationName = c.RoleConfigurationName, Description = NonEmpty(c.Description), SessionDuration = c.SessionDuration,
                RelayState = NonEmpty(c.RelayState),
            }, ct), created => _createdZone["configuration:" + c.RoleConfigurationName] = created.RoleConfigurationId!);
        }

        private Task ChangeConfigurationAsync(RoleConfigurationService service, string zone, ConfigurationPlanItem item, CancellationToken ct)
        {
            var c = (ConfigurationRoleConfiguration)item.Desired!;
            bool Has(string property) => item.Changes.Any(x => x.Property == property);
            return Settle(item, () => service.UpdateAsync(new UpdateRoleConfigurationRequest
            {
                ZoneId = zone, RoleConfigurationId = c.RoleConfigurationId, NewDescription = Has("Description") ? c.Description : null,
                NewSessionDuration = Has("SessionDuration") ? c.SessionDuration : null, NewRelayState = Has("RelayState") ? c.RelayState : null,
            }, ct));
        }

        private async Task AddPoliciesAsync(RoleConfigurationService service, string zone, List<ConfigurationPlanItem> items, CancellationToken ct)
        {
            if (SkipIfStopped(items)) return;
            var first = (ConfigurationRoleConfigurationPolicy)items[0].Desired!;
            string? id = first.RoleConfigurationId ?? Created("configuration", first.RoleConfigurationName);
            if (id == null)
            {
                foreach (var item in items) Fail(item, new InvalidOperationException("The permission configuration '" + first.RoleConfigurationName + "' was not created, so its policies cannot be added."));
                return;
            }
            var byPolicy = new Dictionary<RoleConfigurationPolicy, ConfigurationPlanItem>();
            foreach (var item in items) byPolicy[ToPolicy(((ConfigurationRoleConfigurationPolicy)item.Desired!).Policy)] = item;
            IReadOnlyList<ItemOutcome<RoleConfigurationPolicy, RoleConfigurationPolicy>> outcomes;
            try
            {
                outcomes = await service.AddPoliciesAsync(zone, id, byPolicy.Keys.ToList(), ct).ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                foreach (var item in items) Fail(item, error);
                return;
            }
            foreach (var outcome in outcomes)
            {
                if (!byPolicy.TryGetValue(outcome.Input, out var item)) continue;
                byPolicy.Remove(outcome.Input);
                if (outcome.Succeeded) Succeed(item);
                else Fail(item, outcome.Error!);
            }
            foreach (var missed in byPolicy.Values) Fail(missed, new InvalidOperationException("No outcome was reported for " + missed.Key + "."));
        }

        private Task ChangePolicyAsync(RoleConfigurationService service, string zone, ConfigurationPlanItem item, CancellationToken ct)
        {
            var p = (ConfigurationRoleConfigurationPolicy)item.Desired!;
            return Settle(item, () => service.SetCustomDocumentAsync(zone, p.RoleConfigurationId!, ToPolicy(p.Policy), ct));
        }

        private Task RemovePolicyAsync(RoleConfigurationService service, string zone, ConfigurationPlanItem item, CancellationToken ct)
        {
            var p = (ConfigurationRoleConfigurationPolicy)item.Current!;
            return Settle(item, () => service.RemovePolicyAsync(zone, p.RoleConfigurationId!, ToPolicy(p.Policy), ct));
        }

        /// <summary>
        /// ProvisionRoleConfiguration again on each account where a changed configuration is deployed (CIC spec §6). A
        /// re-deployment whose policy changes were all declined, skipped or failed is not sent, unless the deployment was
        /// already not current (DeployedRequired or DeployFailed). With -Wait every task is followed to its end.
        /// </summary>
        private async Task RedeployAsync(string zone, List<ConfigurationPlanItem> items, bool wait, TimeSpan timeout, CancellationToken ct)
        {
            if (items.Count == 0) return;
            var service = new ProvisioningService(_session, _log);
            var started = new ConcurrentDictionary<ConfigurationPlanItem, RoleTask>();
            await ForEachAsync(items, ZoneInFlight, async item =>
            {
                var r = (ConfigurationRedeployment)item.Desired!;
                var triggers = r.Triggers ?? Array.Empty<ConfigurationPlanItem>();
                bool stale = !string.Equals(r.DeploymentStatus, "Deployed", StringComparison.OrdinalIgnoreCase);
                if (!stale && triggers.All(t => t.Outcome != ConfigurationOutcome.Done))
                {
                    Skip(item, "not re-deployed: none of its configuration's policy changes was applied.");
                    return;
                }
                if (SkipIfStopped(new[] { item })) return;
                var outcome = await service.ProvisionAsync(new DeploymentTarget
                {
                    ZoneId = zone, RoleConfigurationId = r.RoleConfigurationId!, TargetType = r.TargetType ?? "MemberUin", TargetUin = r.TargetUin!.Value,
                }, ct).ConfigureAwait(false);
                if (outcome.Succeeded) Started(item, outcome.Result!, wait, started);
                else Fail(item, outcome.Error!);
            }, ct).ConfigureAwait(false);
            if (wait) await WaitAsync(zone, started, timeout, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Nothing cascades (CIC spec §4.3): the configuration is undeployed from every account (each task waited on), its
        /// policies are removed, then it is deleted. Its assignments are the RoleAssignments section's removals, sent before.
        /// </summary>
        private async Task RemoveConfigurationAsync(RoleConfigurationService service, string zone, ConfigurationPlanItem item, TimeSpan timeout, CancellationToken ct)
        {
            if (SkipIfStopped(new[] { item })) return;
            var c = (ConfigurationRoleConfiguration)item.Current!;
            try
            {
                var provisioning = new ProvisioningService(_session, _log);
                var deployments = new List<RoleProvisioning>();
                await provisioning.ListAsync(new ListRoleConfigurationProvisioningsRequest { ZoneId = zone, RoleConfigurationId = c.RoleConfigurationId }, row =>
                {
                    if (row.RoleConfigurationId == c.RoleConfigurationId && row.TargetUin.HasValue) deployments.Add(row);
                    return true;
                }, ct).ConfigureAwait(false);
                var tasks = new List<RoleTask>();
                foreach (var d in deployments)
                {
                    var undeploy = await provisioning.DeprovisionAsync(new DeploymentTarget
                    {
                        ZoneId = zone, RoleConfigurationId = c.RoleConfigurationId!, TargetType = d.TargetType ?? "MemberUin", TargetUin = d.TargetUin!.Value,
                    }, ct).ConfigureAwait(false);
                    if (!undeploy.Succeeded)
                    {
                        Fail(item, undeploy.Error!);
                        return;
                    }
                    tasks.Add(undeploy.Result!);
                }
                Exception? taskError = null;
                if (tasks.Count > 0)
                    await new TaskService(_session, _log).WaitAsync(zone, tasks, timeout, o => { if (!o.Succeeded) taskError ??= o.Error; }, null, ct).ConfigureAwait(false);
                if (taskError != null)
                {
                    Fail(item, taskError);
                    return;
                }
                foreach (var p in c.Policies ?? new List<ConfigurationRolePolicy>())
                {
                    var removed = await service.RemovePolicyAsync(zone, c.RoleConfigurationId!, ToPolicy(p), ct).ConfigureAwait(false);
                    if (!removed.Succeeded)
                    {
                        Fail(item, removed.Error!);
                        return;
                    }
                }
                var deleted = await service.DeleteAsync(zone, c.RoleConfigurationId!, ct).ConfigureAwait(false);
                if (deleted.Succeeded) Succeed(item);
                else Fail(item, deleted.Error!);
            }
            catch (OrgException error)
            {
                Fail(item, error);
            }
        }

        /// <summary>Assignments to users, groups or configurations this Sync created get their new IDs; without one they fail.</summary>
        private List<ConfigurationPlanItem> WithCreatedIds(List<ConfigurationPlanItem> adds)
        {
            var ready = new List<ConfigurationPlanItem>();
            foreach (var item in adds)
            {
                var a = (ConfigurationRoleAssignment)item.Desired!;
                a.PrincipalId ??= Created(a.PrincipalType == "Group" ? "group" : "user", a.Principal);
                a.RoleConfigurationId ??= Created("configuration", a.RoleConfiguration);
                if (a.PrincipalId == null || a.RoleConfigurationId == null)
                    Fail(item, new InvalidOperationException("The " + (a.PrincipalId == null ? (a.PrincipalType ?? "user").ToLowerInvariant() + " '" + a.Principal
                        : "permission configuration '" + a.RoleConfiguration) + "' was not created, so it cannot be assigned."));
                else ready.Add(item);
            }
            return ready;
        }

        private string? Created(string kind, string? name) => name != null && _createdZone.TryGetValue(kind + ":" + name, out var id) ? id : null;

        private static RoleConfigurationPolicy ToPolicy(ConfigurationRolePolicy p) => new RoleConfigurationPolicy
        {
            RolePolicyType = p.RolePolicyType, RolePolicyId = p.IsCustom ? null : p.RolePolicyId, RolePolicyName = p.RolePolicyName,
            RolePolicyDocument = p.IsCustom ? p.RolePolicyDocument : null,
        };

        private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
