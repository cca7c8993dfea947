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
    /// Permission configurations and their policies (CIC spec §4): create, update, delete, attach and detach policies,
    /// replace the custom document, list policies. No request carries a client token, so every write goes through
    /// <see cref="ReconcilingWrite"/> and is read back before any resend.
    /// </summary>
    internal sealed partial class RoleConfigurationService
    {
        private const string ListPoliciesAction = "ListPermissionPoliciesInRoleConfiguration";

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;

        public RoleConfigurationService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
        }

        /// <summary>
        /// Every policy of the configuration, system and custom, in one unpaged call (spec §4.6). A list shorter than its
        /// own TotalCounts is an error, not a partial answer.
        /// </summary>
        public async Task<IReadOnlyList<RoleConfigurationPolicy>> ListPoliciesAsync(string zoneId, string roleConfigurationId, CancellationToken ct)
        {
            var response = await _client.CallAsync<ListPermissionPoliciesInRoleConfigurationResponse>(ListPoliciesAction,
                new ListPermissionPoliciesInRoleConfigurationRequest { ZoneId = zoneId, RoleConfigurationId = roleConfigurationId },
                ApiCallKind.Read, _log, ct).ConfigureAwait(false);
            var rows = response.RolePolicies ?? new List<RolePolicie>();
            if (response.TotalCounts.HasValue && response.TotalCounts.Value != rows.Count)
                throw new OrgApiException(ListPoliciesAction, "ClientError.IncompleteList",
                    "ListPermissionPoliciesInRoleConfiguration returned " + rows.Count + " policies of " + roleConfigurationId
                    + " but said there are " + response.TotalCounts.Value + "; the list is not trusted.", response.RequestId);
            var policies = new List<RoleConfigurationPolicy>(rows.Count);
            foreach (var row in rows)
            {
                bool custom = string.Equals(row.RolePolicyType, RoleConfigurationPolicy.CustomType, StringComparison.OrdinalIgnoreCase);
                if (!custom && !string.Equals(row.RolePolicyType, RoleConfigurationPolicy.SystemType, StringComparison.OrdinalIgnoreCase))
                    throw new OrgApiException(ListPoliciesAction, "ClientError.UnknownPolicyType",
                        "A policy of " + roleConfigurationId + " has the unknown type '" + Shown(row.RolePolicyType) + "'.", response.RequestId);
                policies.Add(new RoleConfigurationPolicy
                {
                    ZoneId = zoneId,
                    RoleConfigurationId = roleConfigurationId,
                    RolePolicyType = custom ? RoleConfigurationPolicy.CustomType : RoleConfigurationPolicy.SystemType,
                    RolePolicyId = custom || row.RolePolicyId == 0 ? null : row.RolePolicyId,
                    RolePolicyName = row.RolePolicyName,
                    RolePolicyDocument = custom ? row.RolePolicyDocument : null,
                    AddTime = row.AddTime,
                });
            }
            return policies;
        }

        /// <summary>Server text inside a message: control characters dropped, at most 64 characters.</summary>
        private static string Shown(string? text)
        {
            var clean = new string((text ?? "").Where(c => !char.IsControl(c)).ToArray());
            return clean.Length > 64 ? clean.Substring(0, 64) + "..." : clean;
        }
    }
}
