using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace TencentOrg
{
    /// <summary>
    /// One effective access path (Get-TcOrgAccess): a CIC user reaching an account with a permission configuration,
    /// directly or through a group; or, with -IncludeMemberIdentities, an organization identity granted to a member
    /// account. Every property is flat text or a number (Policies has a text form), so Export-Csv writes it whole.
    /// </summary>
    public sealed class OrgAccess
    {
        /// <summary>IdentityCenter (a CIC assignment) or OrganizationIdentity (a member grant).</summary>
        public string Source { get; set; } = AccessSources.IdentityCenter;
        public string? ZoneId { get; set; }
        public string? UserId { get; set; }
        public string? UserName { get; set; }
        /// <summary>Enabled or Disabled, as ListUsers (or ListGroupMembers) gave it.</summary>
        public string? UserStatus { get; set; }
        /// <summary>True when the user is disabled: the path exists but cannot be used until the user is enabled.</summary>
        public bool UserDisabled { get; set; }
        /// <summary>Direct, or the group as "name (g-...)"; Identity for an organization identity.</summary>
        public string Via { get; set; } = AccessSources.Direct;
        public string? GroupId { get; set; }
        public string? GroupName { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RoleConfigurationName { get; set; }
        /// <summary>The configuration's (or identity's) policies; text form "ReadOnlyAccess;Custom:name".</summary>
        public AccessPolicyList Policies { get; set; } = AccessPolicyList.Empty;
        /// <summary>MemberUin or ManagerUin.</summary>
        public string? TargetType { get; set; }
        public long TargetUin { get; set; }
        public string? TargetName { get; set; }
        /// <summary>
        /// The configuration on the account: Deployed, DeployedRequired (changed since it was deployed), DeployFailed,
        /// or NotDeployed (no deployment listed). Null for organization identities.
        /// </summary>
        public string? DeploymentStatus { get; set; }
        public long? IdentityId { get; set; }
        public string? IdentityName { get; set; }
        /// <summary>Organization identities: Configured or NeedsReconfiguration, as the service lists the grant.</summary>
        public string? GrantStatus { get; set; }

        public override string ToString() => Source == AccessSources.OrganizationIdentity
            ? "identity " + IdentityName + " (" + IdentityId + ") on " + TargetUin
            : UserName + " (" + UserId + ") via " + Via + ": " + RoleConfigurationName + " on " + TargetUin;
    }

    /// <summary>The words <see cref="OrgAccess"/> uses for where a path comes from and its deployment.</summary>
    public static class AccessSources
    {
        public const string IdentityCenter = "IdentityCenter";
        public const string OrganizationIdentity = "OrganizationIdentity";
        public const string Direct = "Direct";
        public const string Identity = "Identity";
        public const string NotDeployed = "NotDeployed";
        public const string Deployed = "Deployed";
    }

    /// <summary>One policy of a permission configuration (ListPermissionPoliciesInRoleConfiguration) or identity.</summary>
    public sealed class AccessPolicy
    {
        public string? Name { get; set; }
        /// <summary>System or Custom.</summary>
        public string? Type { get; set; }
        public long? PolicyId { get; set; }

        public bool IsCustom => string.Equals(Type, "Custom", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => IsCustom ? "Custom:" + Name : Name ?? "";
    }

    /// <summary>Policies with the text form "ReadOnlyAccess;Custom:name" (what a CSV cell and the table show).</summary>
    public sealed class AccessPolicyList : ReadOnlyCollection<AccessPolicy>
    {
        public AccessPolicyList(IEnumerable<AccessPolicy> policies) : base(policies.ToList()) { }

        public static AccessPolicyList Empty { get; } = new AccessPolicyList(Array.Empty<AccessPolicy>());

        public override string ToString() => string.Join(";", this.Select(p => p.ToString()));
    }
}
