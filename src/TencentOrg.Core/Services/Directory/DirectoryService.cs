using System;
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
    /// Directory domain (reads only): the organization's member accounts, and in CIC the zone (Identity Center), users,
    /// groups and permission configurations.
    /// </summary>
    internal sealed class DirectoryService
    {
        private const long PageSize = 100;
        private const long MemberPageSize = 50;

        private readonly OrgSession _session;
        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;

        public DirectoryService(OrgSession session, IOrgLog log)
        {
            _session = session;
            _client = session.Client;
            _log = log;
        }

        /// <summary>DescribeIdentityCenter; an enabled zone is remembered by the session.</summary>
        public async Task<IdentityCenter> DescribeIdentityCenterAsync(CancellationToken ct)
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

        /// <summary>One permission configuration by ID.</summary>
        public async Task<RoleConfiguration> GetRoleConfigurationAsync(string zoneId, string roleConfigurationId, CancellationToken ct)
        {
            var r = await _client.CallAsync<GetRoleConfigurationResponse>("GetRoleConfiguration",
                new GetRoleConfigurationRequest { ZoneId = zoneId, RoleConfigurationId = roleConfigurationId }, ApiCallKind.Read, _log, ct).ConfigureAwait(false);
            // Nothing read is trusted: an answer about another configuration is an error, never that configuration under this ID.
            string? answered = r.RoleConfigurationInfo?.RoleConfigurationId;
            if (!string.Equals(answered, roleConfigurationId, StringComparison.Ordinal))
                throw new OrgApiException("GetRoleConfiguration", "ClientError.WrongObject", "GetRoleConfiguration was asked for " + roleConfigurationId
                    + " and answered with " + (string.IsNullOrEmpty(answered) ? "no RoleConfigurationId" : ServerText.Clean(answered)) + "; nothing is reported for it.", r.RequestId);
            return RoleConfigurationService.ToConfiguration(r.RoleConfigurationInfo!, zoneId);
        }

        /// <summary>Permission configurations of the zone; onItem returns false to stop early.</summary>
        public Task ListRoleConfigurationsAsync(string zoneId, string? filter, Func<RoleConfiguration, bool> onItem, CancellationToken ct) =>
            Paging.ByTokenAsync<ListRoleConfigurationsResponse, RoleConfigurationItem>(_client, "ListRoleConfigurations",
                new ListRoleConfigurationsRequest { ZoneId = zoneId, Filter = filter }, PageSize,
                page => page.RoleConfigurations, item => onItem(RoleConfigurationService.ToConfiguration(item, zoneId)), _log, ct);

        /// <summary>
        /// CIC users matching the filter; onItem returns false to stop early. A row outside the UserStatus or UserType filter
        /// (or without the field) is an error (the listing check Sync uses): `-UserStatus Disabled | Remove-TcOrgUser` stays safe.
        /// </summary>
        public Task ListUsersAsync(ListUsersRequest filter, Func<OrgUser, bool> onItem, CancellationToken ct)
        {
            int row = 0;
            return Paging.ByTokenAsync<ListUsersResponse, UserItem>(_client, "ListUsers", filter, PageSize, page => page.Users,
                u =>
                {
                    string where = "row " + row++, what = "user " + u.UserId + " (" + u.UserStatus + ", " + u.UserType + ")";
                    ListingRows.InFilter("ListUsers", where, what, "UserStatus", filter.UserStatus, u.UserStatus, StringComparison.OrdinalIgnoreCase);
                    ListingRows.InFilter("ListUsers", where, what, "UserType", filter.UserType, u.UserType, StringComparison.OrdinalIgnoreCase);
                    return onItem(new OrgUser
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
                    });
                }, _log, ct);
        }

        /// <summary>CIC groups matching the filter; onItem returns false to stop early. A row outside the GroupType filter is an error.</summary>
        public Task ListGroupsAsync(ListGroupsRequest filter, Func<OrgGroup, bool> onItem, CancellationToken ct)
        {
            int row = 0;
            return Paging.ByTokenAsync<ListGroupsResponse, GroupItem>(_client, "ListGroups", filter, PageSize, page => page.Groups,
                g =>
                {
                    ListingRows.InFilter("ListGroups", "row " + row++, "group " + g.GroupId + " (" + g.GroupType + ")", "GroupType", filter.GroupType, g.GroupType,
                        StringComparison.OrdinalIgnoreCase);
                    return onItem(UserGroupService.ToGroup(filter.ZoneId, g));
                }, _log, ct);
        }

        /// <summary>
        /// Members matching the filter (SearchKey matches name or UIN); onItem returns false to stop early. A row outside the
        /// NodeId filter, or without its NodeId, is an error (the listing check Sync uses).
        /// </summary>
        public Task ListMembersAsync(string? searchKey, long? nodeId, Func<OrgMember, bool> onItem, CancellationToken ct)
        {
            int row = 0;
            return Paging.ByOffsetAsync<DescribeOrganizationMembersResponse, OrgMemberItem>(MemberPageSize,
                offset => _client.CallAsync<DescribeOrganizationMembersResponse>("DescribeOrganizationMembers", new DescribeOrganizationMembersRequest
                {
                    Offset = offset,
                    Limit = MemberPageSize,
                    SearchKey = searchKey,
                    NodeId = nodeId,
                }, ApiCallKind.Read, _log, ct),
                page => page.Items, page => page.Total,
                item =>
                {
                    ListingRows.InFilter("DescribeOrganizationMembers", "row " + row++, "member " + item.MemberUin + " of node " + item.NodeId, "NodeId", nodeId, item.NodeId);
                    return onItem(ToMember(item));
                });
        }

        internal static OrgMember ToMember(OrgMemberItem item) => new OrgMember
        {
            MemberUin = item.MemberUin,
            Name = item.Name,
            MemberType = item.MemberType,
            NodeId = item.NodeId,
            NodeName = item.NodeName,
            Remark = item.Remark,
            PermissionStatus = item.PermissionStatus,
            BindStatus = item.BindStatus,
            IsAllowQuit = item.IsAllowQuit,
            PayUin = item.PayUin,
            PayName = item.PayName,
            NickName = item.NickName,
            Identities = (item.OrgIdentity ?? new List<MemberIdentityItem>())
                .Select(i => new OrgMemberIdentity { IdentityId = i.IdentityId ?? 0, IdentityAliasName = i.IdentityAliasName }).ToArray(),
            CreateTime = item.CreateTime,
            UpdateTime = item.UpdateTime,
        };
    }
}
