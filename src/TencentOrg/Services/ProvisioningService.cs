using System;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>Deploys (provisions) a permission configuration to an account.</summary>
    public sealed class ProvisioningService
    {
        private const long PageSize = 100;

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;

        public ProvisioningService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
        }

        public async Task<RoleTask> ProvisionAsync(ProvisionRoleConfigurationRequest request, CancellationToken ct)
        {
            try
            {
                return await SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (OrgAmbiguousResultException ambiguous)
            {
                _log.Verbose("ProvisionRoleConfiguration " + request.RoleConfigurationId + " on " + request.TargetUin + ": "
                    + ambiguous.Code + "; reading back the deployment.");
                var deployed = await FindAsync(request, ct).ConfigureAwait(false);
                if (deployed != null && deployed.DeploymentStatus == "Deployed")
                {
                    _log.Verbose("The configuration is deployed; not sending again.");
                    return new RoleTask
                    {
                        ZoneId = request.ZoneId,
                        Status = "Success",
                        TaskType = "ProvisionRoleConfiguration",
                        RoleConfigurationId = request.RoleConfigurationId,
                        RoleConfigurationName = deployed.RoleConfigurationName,
                        TargetType = request.TargetType,
                        TargetUin = request.TargetUin,
                    };
                }
                // Deploying is idempotent on the service side (one deployment per configuration and account), so once more is safe.
                _log.Verbose("Not deployed yet; sending ProvisionRoleConfiguration once more.");
                return await SendAsync(request, ct).ConfigureAwait(false);
            }
        }

        private async Task<RoleTask> SendAsync(ProvisionRoleConfigurationRequest request, CancellationToken ct)
        {
            var response = await _client.CallAsync<RoleProvisioningTaskResponse>("ProvisionRoleConfiguration", request, ApiCallKind.Write, _log, ct).ConfigureAwait(false);
            return ToRoleTask(response.Task, request.ZoneId!, request.RoleConfigurationId, request.TargetType, request.TargetUin, response.RequestId, "ProvisionRoleConfiguration");
        }

        public async Task<RoleConfigurationProvisioningItem?> FindAsync(ProvisionRoleConfigurationRequest request, CancellationToken ct)
        {
            RoleConfigurationProvisioningItem? match = null;
            await ListAsync(new ListRoleConfigurationProvisioningsRequest
            {
                ZoneId = request.ZoneId,
                RoleConfigurationId = request.RoleConfigurationId,
                TargetType = request.TargetType,
                TargetUin = request.TargetUin,
            }, item =>
            {
                if (item.RoleConfigurationId != request.RoleConfigurationId || item.TargetUin != request.TargetUin) return true;
                match = item;
                return false;
            }, ct).ConfigureAwait(false);
            return match;
        }

        public Task ListAsync(ListRoleConfigurationProvisioningsRequest filter, Func<RoleConfigurationProvisioningItem, bool> onItem, CancellationToken ct) =>
            Paging.ByTokenAsync<ListRoleConfigurationProvisioningsResponse, RoleConfigurationProvisioningItem>(
                token =>
                {
                    filter.NextToken = token;
                    filter.MaxResults = PageSize;
                    return _client.CallAsync<ListRoleConfigurationProvisioningsResponse>("ListRoleConfigurationProvisionings", filter, ApiCallKind.Read, _log, ct);
                },
                page => page.RoleConfigurationProvisionings, page => page.IsTruncated, page => page.NextToken, onItem);

        /// <summary>RoleProvisioningsTask names its status TaskStatus; RoleTask calls it Status like every other task.</summary>
        internal static RoleTask ToRoleTask(RoleProvisioningsTask? task, string zoneId, string? roleConfigurationId, string? targetType,
            long? targetUin, string? requestId, string defaultTaskType) => new RoleTask
        {
            TaskId = task?.TaskId,
            ZoneId = zoneId,
            Status = task?.TaskStatus ?? "InProgress",
            TaskType = task?.TaskType ?? defaultTaskType,
            RoleConfigurationId = task?.RoleConfigurationId ?? roleConfigurationId,
            RoleConfigurationName = task?.RoleConfigurationName,
            TargetType = task?.TargetType ?? targetType,
            TargetUin = task?.TargetUin ?? targetUin,
            RequestId = requestId,
        };
    }
}
