using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>Organization-side companions: members, identity update/delete, revoking member authorizations.</summary>
    public sealed class OrganizationService
    {
        public const string IdentityNotExistCode = "ResourceNotFound.OrganizationIdentityNotExist";
        private const long PageSize = 50;

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;
        private readonly IdentityService _identities;

        public OrganizationService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
            _identities = new IdentityService(session, log);
        }

        /// <summary>Members matching the filter (SearchKey matches name or UIN); onItem returns false to stop early.</summary>
        public Task ListMembersAsync(string? searchKey, long? nodeId, Func<OrgMember, bool> onItem, CancellationToken ct) =>
            Paging.ByOffsetAsync<DescribeOrganizationMembersResponse, OrgMemberItem>(PageSize,
                offset => _client.CallAsync<DescribeOrganizationMembersResponse>("DescribeOrganizationMembers", new DescribeOrganizationMembersRequest
                {
                    Offset = offset,
                    Limit = PageSize,
                    SearchKey = searchKey,
                    NodeId = nodeId,
                }, ApiCallKind.Read, _log, ct),
                page => page.Items, page => page.Total,
                item => onItem(ToMember(item)));

        /// <summary>The identity with this ID; a missing one fails with the API's own not-found code.</summary>
        public async Task<OrgIdentity> GetIdentityAsync(long identityId, CancellationToken ct)
        {
            OrgIdentity? found = null;
            await _identities.ListAsync(new ListOrganizationIdentityRequest { IdentityId = identityId }, identity =>
            {
                if (identity.IdentityId != identityId) return true;
                found = identity;
                return false;
            }, ct).ConfigureAwait(false);
            return found ?? throw new OrgApiException("ListOrganizationIdentity", IdentityNotExistCode,
                "The organization identity " + identityId + " does not exist.", null);
        }

        /// <summary>
        /// UpdateOrganizationIdentity requires Description and the full policy list, so the current
        /// identity is read first and whatever the caller did not give is sent unchanged.
        /// </summary>
        public async Task<OrgIdentity> UpdateIdentityAsync(long identityId, string? description, IReadOnlyList<IdentityPolicy>? policies, CancellationToken ct)
        {
            var current = await GetIdentityAsync(identityId, ct).ConfigureAwait(false);
            var merged = (policies ?? current.Policies).Select(ForUpdate).ToList();
            var request = new UpdateOrganizationIdentityRequest
            {
                IdentityId = identityId,
                Description = description ?? current.Description ?? "",
                IdentityPolicy = merged,
            };
            // Sending the same full replacement twice leaves the same state, so it is retried like a read.
            var response = await _client.CallAsync<EmptyResponse>("UpdateOrganizationIdentity", request, ApiCallKind.IdempotentWrite, _log, ct).ConfigureAwait(false);
            return new OrgIdentity
            {
                IdentityId = identityId,
                Name = current.Name,
                Description = request.Description,
                Policies = merged.ToArray(),
                IdentityType = current.IdentityType,
                UpdateTime = current.UpdateTime,
                RequestId = response.RequestId,
            };
        }

        public Task<string?> DeleteIdentityAsync(long identityId, CancellationToken ct) =>
            DeleteAsync("DeleteOrganizationIdentity", new DeleteOrganizationIdentityRequest { IdentityId = identityId },
                "ResourceNotFound.OrganizationIdentityNotExist", ct);

        /// <summary>Revokes one identity from one member (the API takes one pair per call).</summary>
        public Task<string?> RevokeMemberAuthAsync(long memberUin, long identityId, CancellationToken ct) =>
            DeleteAsync("DeleteOrganizationMemberAuthIdentity", new DeleteOrganizationMemberAuthIdentityRequest { MemberUin = memberUin, IdentityId = identityId },
                "ResourceNotFound.MemberIdentityNotExist", ct);

        private async Task<string?> DeleteAsync(string action, object request, string notFoundCode, CancellationToken ct) =>
            (await _client.RemoveAsync<EmptyResponse>(action, request, notFoundCode, _log, ct).ConfigureAwait(false))?.RequestId;

        // Policies read back from the list carry PolicyId 0 on custom entries; send only what each kind needs.
        private static IdentityPolicy ForUpdate(IdentityPolicy policy) => policy.IsCustom
            ? new IdentityPolicy { PolicyType = IdentityPolicy.CustomPolicyType, PolicyName = policy.PolicyName, PolicyDocument = policy.PolicyDocument }
            : new IdentityPolicy { PolicyId = policy.PolicyId, PolicyName = policy.PolicyName, PolicyType = policy.PolicyType };

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
