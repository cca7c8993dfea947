using System;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>CIC companions: the zone, directory reads, listing and removing assignments and deployments.</summary>
    public sealed class IdentityCenterService
    {
        private const long PageSize = 100;

        private readonly OrgSession _session;
        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;

        public IdentityCenterService(OrgSession session, IOrgLog log)
        {
            _session = session;
            _client = session.Client;
            _log = log;
        }

        public async Task<IdentityCenter> DescribeAsync(CancellationToken ct)
        {
            var r = await _client.CallAsync<DescribeIdentityCenterResponse>("DescribeIdentityCenter", new EmptyRequest(), ApiCallKind.Read, _log, ct).ConfigureAwait(false);
            // Later commands of this session then skip their own DescribeIdentityCenter.
            if (!string.IsNullOrEmpty(r.ZoneId) && r.ServiceStatus == "Enabled") _session.SetZoneId(r.ZoneId!);
            return new IdentityCenter
            {
                ZoneId = r.ZoneId,
                ZoneName = r.ZoneName,
                ServiceStatus = r.ServiceStatus,
                ScimSyncStatus = r.ScimSyncStatus,
                CreateTime = r.CreateTime,
                UpdateTime = r.UpdateTime,
            };
        }

        public async Task<RoleConfiguration> GetRoleConfigurationAsync(string zoneId, string roleConfigurationId, CancellationToken ct)
        {
            var r = await _client.CallAsync<GetRoleConfigurationResponse>("GetRoleConfiguration",
                new GetRoleConfigurationRequest { ZoneId = zoneId, RoleConfigurationId = roleConfigurationId }, ApiCallKind.Read, _log, ct).ConfigureAwait(false);
            return ToConfiguration(r.RoleConfigurationInfo ?? new RoleConfigurationItem { RoleConfigurationId = roleConfigurationId }, zoneId);
        }

        public Task ListRoleConfigurationsAsync(string zoneId, string? filter, Func<RoleConfiguration, bool> onItem, CancellationToken ct) =>
            Paging.ByTokenAsync<ListRoleConfigurationsResponse, RoleConfigurationItem>(_client, "ListRoleConfigurations",
                new ListRoleConfigurationsRequest { ZoneId = zoneId, Filter = filter }, PageSize,
                page => page.RoleConfigurations, item => onItem(ToConfiguration(item, zoneId)), _log, ct);

        public Task ListUsersAsync(ListUsersRequest filter, Func<OrgUser, bool> onItem, CancellationToken ct) =>
            Paging.ByTokenAsync<ListUsersResponse, UserItem>(_client, "ListUsers", filter, PageSize, page => page.Users,
                u => onItem(new OrgUser
                {
                    ZoneId = filter.ZoneId,
                    UserId = u.UserId,
                    UserName = u.UserName,
                    DisplayName = u.DisplayName,
                    FirstName = u.FirstName,
                    LastName = u.LastName,
                    Email = u.Email,
                    UserStatus = u.UserStatus,
                    UserType = u.UserType,
                    Description = u.Description,
                    CreateTime = u.CreateTime,
                    UpdateTime = u.UpdateTime,
                }), _log, ct);

        public Task ListGroupsAsync(ListGroupsRequest filter, Func<OrgGroup, bool> onItem, CancellationToken ct) =>
            Paging.ByTokenAsync<ListGroupsResponse, GroupItem>(_client, "ListGroups", filter, PageSize, page => page.Groups,
                g => onItem(new OrgGroup
                {
                    ZoneId = filter.ZoneId,
                    GroupId = g.GroupId,
                    GroupName = g.GroupName,
                    GroupType = g.GroupType,
                    Description = g.Description,
                    MemberCount = g.MemberCount,
                    CreateTime = g.CreateTime,
                    UpdateTime = g.UpdateTime,
                }), _log, ct);

        public Task ListRoleAssignmentsAsync(ListRoleAssignmentsRequest filter, Func<RoleAssignment, bool> onItem, CancellationToken ct) =>
            new RoleAssignmentService(_session, _log).ListAsync(filter, a => onItem(new RoleAssignment
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
            }), ct);

        /// <summary>DeleteRoleAssignment; the answer's Task may be absent, so the request fills in what is known.</summary>
        public async Task<RoleTask> DeleteRoleAssignmentAsync(DeleteRoleAssignmentRequest request, CancellationToken ct)
        {
            // Null: our unanswered first attempt removed it; done, with no task left to wait for.
            var r = await _client.RemoveAsync<DeleteRoleAssignmentResponse>("DeleteRoleAssignment", request,
                "ResourceNotFound.RoleConfigurationAuthorizationNotFound", _log, ct).ConfigureAwait(false) ?? new DeleteRoleAssignmentResponse();
            var task = r.Task;
            return new RoleTask
            {
                TaskId = task?.TaskId,
                ZoneId = request.ZoneId,
                // No task in the answer means nothing is left to wait for.
                Status = task == null ? "Success" : task.Status ?? "InProgress",
                TaskType = task?.TaskType ?? "DeleteRoleAssignment",
                RoleConfigurationId = task?.RoleConfigurationId ?? request.RoleConfigurationId,
                RoleConfigurationName = task?.RoleConfigurationName,
                TargetType = task?.TargetType ?? request.TargetType,
                TargetUin = task?.TargetUin ?? request.TargetUin,
                PrincipalType = task?.PrincipalType ?? request.PrincipalType,
                PrincipalId = task?.PrincipalId ?? request.PrincipalId,
                FailureReason = string.IsNullOrEmpty(task?.FailureReason) ? null : task!.FailureReason,
                RequestId = r.RequestId,
            };
        }

        public Task ListProvisioningsAsync(ListRoleConfigurationProvisioningsRequest filter, Func<RoleProvisioning, bool> onItem, CancellationToken ct) =>
            new ProvisioningService(_session, _log).ListAsync(filter, x => onItem(new RoleProvisioning
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

        /// <summary>DismantleRoleConfiguration (undeploy); the service refuses while assignments still use the configuration there.</summary>
        public async Task<RoleTask> DismantleAsync(DismantleRoleConfigurationRequest request, CancellationToken ct)
        {
            var r = await _client.RemoveAsync<RoleProvisioningTaskResponse>("DismantleRoleConfiguration", request,
                "ResourceNotFound.RoleConfigurationProvisioningNotFound", _log, ct).ConfigureAwait(false)
                ?? new RoleProvisioningTaskResponse { Task = new RoleProvisioningsTask { TaskStatus = "Success" } };
            return ProvisioningService.ToRoleTask(r.Task, request.ZoneId!, request.RoleConfigurationId, request.TargetType, request.TargetUin,
                r.RequestId, "DeprovisionRoleConfiguration");
        }

        private static RoleConfiguration ToConfiguration(RoleConfigurationItem c, string zoneId) => new RoleConfiguration
        {
            ZoneId = zoneId,
            RoleConfigurationId = c.RoleConfigurationId,
            RoleConfigurationName = c.RoleConfigurationName,
            Description = c.Description,
            SessionDuration = c.SessionDuration,
            RelayState = c.RelayState,
            CreateTime = c.CreateTime,
            UpdateTime = c.UpdateTime,
        };
    }
}
