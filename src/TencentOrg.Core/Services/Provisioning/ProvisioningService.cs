using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>
    /// Provisioning domain: deploy (ProvisionRoleConfiguration) and undeploy (DismantleRoleConfiguration) a permission
    /// configuration on an account, and list deployments. Both writes read back after an uncertain answer.
    /// </summary>
    internal sealed class ProvisioningService
    {
        private const string ProvisionAction = "ProvisionRoleConfiguration";
        private const string DismantleAction = "DismantleRoleConfiguration";
        private const long PageSize = 100;

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;
        private readonly ReconcilingWrite _writes;

        public ProvisioningService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
            _writes = new ReconcilingWrite(session.Options, log);
        }

        /// <summary>ProvisionRoleConfiguration for one account.</summary>
        public async Task<ItemOutcome<DeploymentTarget, RoleTask>> ProvisionAsync(DeploymentTarget target, CancellationToken ct)
        {
            var path = new WritePath<DeploymentTarget, RoleTask>(ProvisionAction,
                async (batch, c) =>
                {
                    var t = batch[0];
                    var response = await _client.CallAsync<RoleProvisioningTaskResponse>(ProvisionAction, new ProvisionRoleConfigurationRequest
                    {
                        ZoneId = t.ZoneId, RoleConfigurationId = t.RoleConfigurationId, TargetType = t.TargetType, TargetUin = t.TargetUin,
                    }, ApiCallKind.Write, _log, c).ConfigureAwait(false);
                    return new[] { RoleTasks.From(response.Task, t.ZoneId, RoleTasks.ProvisionRoleConfiguration, t.RoleConfigurationId, t.TargetType, t.TargetUin, response.RequestId) };
                },
                async (batch, c) => new[] { await ReadBackProvisionAsync(batch[0], c).ConfigureAwait(false) });
            return (await _writes.RunAsync(path, new[] { target }, ct).ConfigureAwait(false))[0];
        }

        /// <summary>
        /// What an uncertain deploy may have started: a ProvisionRoleConfiguration task still running (a deployment is only
        /// listed once its task ends), or a finished deployment. Absent when neither exists.
        /// </summary>
        private async Task<ReadBack<RoleTask>> ReadBackProvisionAsync(DeploymentTarget target, CancellationToken ct)
        {
            var running = await RunningTaskAsync(target, RoleTasks.ProvisionRoleConfiguration, ct).ConfigureAwait(false);
            if (running != null) return ReadBack<RoleTask>.Applied(RoleTasks.From(running, target.ZoneId, null));
            var deployed = await FindAsync(target, ct).ConfigureAwait(false);
            if (deployed == null || deployed.DeploymentStatus != "Deployed") return ReadBack<RoleTask>.Absent;
            var done = RoleTasks.From(null, target.ZoneId, RoleTasks.ProvisionRoleConfiguration, target.RoleConfigurationId, target.TargetType, target.TargetUin, null);
            done.Status = RoleTaskStatus.Success;
            done.RoleConfigurationName = deployed.RoleConfigurationName;
            return ReadBack<RoleTask>.Applied(done);
        }

        /// <summary>DismantleRoleConfiguration (undeploy); the service refuses while assignments still use the configuration there.</summary>
        public async Task<ItemOutcome<DeploymentTarget, RoleTask>> DeprovisionAsync(DeploymentTarget target, CancellationToken ct)
        {
            var path = new WritePath<DeploymentTarget, RoleTask>(DismantleAction,
                async (batch, c) =>
                {
                    var t = batch[0];
                    var response = await _client.CallAsync<RoleProvisioningTaskResponse>(DismantleAction, new DismantleRoleConfigurationRequest
                    {
                        ZoneId = t.ZoneId, RoleConfigurationId = t.RoleConfigurationId, TargetType = t.TargetType, TargetUin = t.TargetUin,
                    }, ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false);
                    return new[] { RoleTasks.From(response.Task, t.ZoneId, RoleTasks.DeprovisionRoleConfiguration, t.RoleConfigurationId, t.TargetType, t.TargetUin, response.RequestId) };
                },
                async (batch, c) => new[] { await ReadBackDeprovisionAsync(batch[0], c).ConfigureAwait(false) })
            {
                IsRemove = true,
            };
            return (await _writes.RunAsync(path, new[] { target }, ct).ConfigureAwait(false))[0];
        }

        /// <summary>An undeploy took effect when its task is running or the deployment is gone.</summary>
        private async Task<ReadBack<RoleTask>> ReadBackDeprovisionAsync(DeploymentTarget target, CancellationToken ct)
        {
            var running = await RunningTaskAsync(target, RoleTasks.DeprovisionRoleConfiguration, ct).ConfigureAwait(false);
            if (running != null) return ReadBack<RoleTask>.Applied(RoleTasks.From(running, target.ZoneId, null));
            if (await FindAsync(target, ct).ConfigureAwait(false) != null) return ReadBack<RoleTask>.Absent;
            _log.Verbose(DismantleAction + ": " + target + " is already gone after an unanswered earlier attempt; treating it as done.");
            var done = RoleTasks.From(null, target.ZoneId, RoleTasks.DeprovisionRoleConfiguration, target.RoleConfigurationId, target.TargetType, target.TargetUin, null);
            done.Status = RoleTaskStatus.Success;
            return ReadBack<RoleTask>.Applied(done);
        }

        private Task<TaskInfo?> RunningTaskAsync(DeploymentTarget target, string taskType, CancellationToken ct) =>
            TaskListing.LatestAsync(_client, new ListTasksRequest
            {
                ZoneId = target.ZoneId,
                RoleConfigurationId = target.RoleConfigurationId,
                TargetType = target.TargetType,
                TargetUin = target.TargetUin,
                TaskType = taskType,
                Status = RoleTaskStatus.InProgress,
            }, _log, ct);

        /// <summary>The deployment of the configuration on the account, or null.</summary>
        public async Task<RoleConfigurationProvisioningItem?> FindAsync(DeploymentTarget target, CancellationToken ct)
        {
            RoleConfigurationProvisioningItem? match = null;
            await ListItemsAsync(new ListRoleConfigurationProvisioningsRequest
            {
                ZoneId = target.ZoneId,
                RoleConfigurationId = target.RoleConfigurationId,
                TargetType = target.TargetType,
                TargetUin = target.TargetUin,
            }, item =>
            {
                if (item.RoleConfigurationId != target.RoleConfigurationId || item.TargetUin != target.TargetUin) return true;
                match = item;
                return false;
            }, ct).ConfigureAwait(false);
            return match;
        }

        /// <summary>Deployments matching the filter, as users see them; onItem returns false to stop early.</summary>
        public Task ListAsync(ListRoleConfigurationProvisioningsRequest filter, Func<RoleProvisioning, bool> onItem, CancellationToken ct) =>
            ListItemsAsync(filter, x => onItem(new RoleProvisioning
            {
                ZoneId = filter.ZoneId,
                RoleConfigurationId = x.RoleConfigurationId,
                RoleConfigurationName = x.RoleConfigurationName,
                TargetType = x.TargetType,
                TargetUin = x.TargetUin,
                TargetName = x.TargetName,
                DeploymentStatus = x.DeploymentStatus,
                CreateTime = x.CreateTime,
                UpdateTime = x.UpdateTime,
            }), ct);

        private Task ListItemsAsync(ListRoleConfigurationProvisioningsRequest filter, Func<RoleConfigurationProvisioningItem, bool> onItem, CancellationToken ct) =>
            Paging.ByTokenAsync<ListRoleConfigurationProvisioningsResponse, RoleConfigurationProvisioningItem>(_client, "ListRoleConfigurationProvisionings",
                filter, PageSize, page => page.RoleConfigurationProvisionings, onItem, _log, ct);
    }

    /// <summary>One permission configuration on one account: what deploying and undeploying act on.</summary>
    internal sealed class DeploymentTarget
    {
        public string ZoneId { get; set; } = "";
        public string RoleConfigurationId { get; set; } = "";
        public string TargetType { get; set; } = "";
        public long TargetUin { get; set; }

        public override string ToString() => RoleConfigurationId + " on " + TargetType + " " + TargetUin;
    }
}
