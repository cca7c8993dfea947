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
                    + ambiguous.Code + "; reconciling: reading back the deployment.");
                var existing = await ReconcileReadAsync(request, ambiguous, ct).ConfigureAwait(false);
                if (existing != null) return existing;
                _log.Verbose("Not deployed and no deployment running; sending ProvisionRoleConfiguration once more.");
                try
                {
                    return await SendAsync(request, ct).ConfigureAwait(false);
                }
                catch (OrgAmbiguousResultException again)
                {
                    // Never a third send: look once more, else report the uncertainty for this account.
                    _log.Verbose("ProvisionRoleConfiguration " + request.RoleConfigurationId + " on " + request.TargetUin + ": " + again.Code + " again; reconciling once more.");
                    var late = await ReconcileReadAsync(request, again, ct).ConfigureAwait(false);
                    if (late != null) return late;
                    throw;
                }
            }
        }

        /// <summary>
        /// What the ambiguous call may have started: a finished deployment, or a ProvisionRoleConfiguration task still running
        /// for this configuration and account (a deployment is only listed once its task ends). Null when neither exists.
        /// </summary>
        private async Task<RoleTask?> ReconcileReadAsync(ProvisionRoleConfigurationRequest request, OrgAmbiguousResultException ambiguous, CancellationToken ct)
        {
            try
            {
                var running = await RunningTaskAsync(request, ct).ConfigureAwait(false);
                if (running != null)
                {
                    _log.Verbose("A deployment task (" + running.TaskId + ") is running; not sending again.");
                    return RoleAssignmentService.ToRoleTask(running, request.ZoneId!, null);
                }
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
                return null;
            }
            catch (OrgException readError)
            {
                throw new OrgAmbiguousResultException("ProvisionRoleConfiguration",
                    new Exception(request.RoleConfigurationId + " on " + request.TargetUin + " may have been deployed; reading it back failed too ("
                        + readError.Message + "). " + ambiguous.Message, readError));
            }
        }

        private async Task<TaskInfo?> RunningTaskAsync(ProvisionRoleConfigurationRequest request, CancellationToken ct)
        {
            TaskInfo? running = null;
            await new TaskService(_client, _log).ListAsync(new ListTasksRequest
            {
                ZoneId = request.ZoneId,
                RoleConfigurationId = request.RoleConfigurationId,
                TargetType = request.TargetType,
                TargetUin = request.TargetUin,
                TaskType = "ProvisionRoleConfiguration",
                Status = "InProgress",
            }, task => { running = task; return true; }, ct).ConfigureAwait(false);
            return running;
        }

        private async Task<RoleTask> SendAsync(ProvisionRoleConfigurationRequest request, CancellationToken ct)
        {
            var response = await _client.CallAsync<RoleProvisioningTaskResponse>("ProvisionRoleConfiguration", request, ApiCallKind.Write, _log, ct,
                async probeCt => await RunningTaskAsync(request, probeCt).ConfigureAwait(false) != null).ConfigureAwait(false);
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
            Paging.ByTokenAsync<ListRoleConfigurationProvisioningsResponse, RoleConfigurationProvisioningItem>(_client, "ListRoleConfigurationProvisionings",
                filter, PageSize, page => page.RoleConfigurationProvisionings, onItem, _log, ct);

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
