using System;
using System.Collections.Generic;
using System.Linq;

namespace TencentOrg
{
    // The CIC zone sections of the desired-state file (issue 18): Users, Groups (with Members) and RoleConfigurations
    // (with Policies). Users and configurations are keyed by their immutable names; a group by its GroupId when given
    // (a rename), else by its name. A null property is not managed.

    /// <summary>A CIC user. UserName is the key (it cannot change); a SCIM-synchronized user is listed for the record only.</summary>
    public sealed class ConfigurationUser
    {
        public string? UserName { get; set; }
        /// <summary>Informational in a file: checked against the user named UserName.</summary>
        public string? UserId { get; set; }
        /// <summary>Synchronized marks a SCIM-synchronized user (exported for the record, never changed); Manual otherwise.</summary>
        public string? UserType { get; set; }
        public string? DisplayName { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        public string? Description { get; set; }
        /// <summary>Enabled or Disabled.</summary>
        public string? UserStatus { get; set; }

        public bool IsSynchronized => string.Equals(UserType, "Synchronized", StringComparison.Ordinal);

        public override string ToString() => ConfigurationMemberAuthIdentity.Readable(UserName, UserId);
    }

    /// <summary>A CIC group and (when Members is not null) its complete member list, by user name or u- ID.</summary>
    public sealed class ConfigurationGroup
    {
        public string? GroupName { get; set; }
        /// <summary>With a GroupId the group is matched by ID, so a different GroupName renames it.</summary>
        public string? GroupId { get; set; }
        /// <summary>Synchronized marks a SCIM-synchronized group (for the record, never changed); Manual otherwise.</summary>
        public string? GroupType { get; set; }
        public string? Description { get; set; }
        /// <summary>User names or u- IDs; null = membership not managed.</summary>
        public List<string>? Members { get; set; }

        public bool IsSynchronized => string.Equals(GroupType, "Synchronized", StringComparison.Ordinal);

        public override string ToString() => ConfigurationMemberAuthIdentity.Readable(GroupName, GroupId);
    }

    /// <summary>One user in one group: a plan entry of Sync (the file holds it as the group's Members).</summary>
    public sealed class ConfigurationGroupMember
    {
        public string? GroupName { get; set; }
        public string? GroupId { get; set; }
        public string? UserName { get; set; }
        public string? UserId { get; set; }

        public override string ToString() =>
            ConfigurationMemberAuthIdentity.Readable(UserName, UserId) + " in " + ConfigurationMemberAuthIdentity.Readable(GroupName, GroupId);
    }

    /// <summary>A CIC permission configuration (role configuration), keyed by its name, with its complete policy list when Policies is not null.</summary>
    public sealed class ConfigurationRoleConfiguration
    {
        public string? RoleConfigurationName { get; set; }
        /// <summary>Informational in a file: checked against the configuration named RoleConfigurationName.</summary>
        public string? RoleConfigurationId { get; set; }
        public string? Description { get; set; }
        /// <summary>900-43200 seconds.</summary>
        public long? SessionDuration { get; set; }
        /// <summary>A Tencent Cloud console page opened after sign-in.</summary>
        public string? RelayState { get; set; }
        /// <summary>System policies (by ID, name or both) and custom ones (by name, with the document); null = not managed.</summary>
        public List<ConfigurationRolePolicy>? Policies { get; set; }

        public override string ToString() => ConfigurationMemberAuthIdentity.Readable(RoleConfigurationName, RoleConfigurationId);
    }

    /// <summary>A policy of a permission configuration: System (a CAM system policy) or Custom (a named document).</summary>
    public sealed class ConfigurationRolePolicy
    {
        /// <summary>System or Custom.</summary>
        public string? RolePolicyType { get; set; }
        /// <summary>The CAM policy ID of a system policy.</summary>
        public long? RolePolicyId { get; set; }
        public string? RolePolicyName { get; set; }
        /// <summary>The CAM policy document of a custom policy (at most 4096 characters).</summary>
        public string? RolePolicyDocument { get; set; }

        public bool IsCustom => string.Equals(RolePolicyType, RoleConfigurationPolicy.CustomType, StringComparison.Ordinal);

        public override string ToString() =>
            IsCustom ? "Custom " + RolePolicyName : "System " + (RolePolicyName ?? "?") + (RolePolicyId.HasValue ? " (" + RolePolicyId + ")" : "");
    }

    /// <summary>A plan entry: a policy of one configuration (Add, Change of a custom document, Remove).</summary>
    public sealed class ConfigurationRoleConfigurationPolicy
    {
        public string? RoleConfigurationName { get; set; }
        public string? RoleConfigurationId { get; set; }
        public ConfigurationRolePolicy Policy { get; set; } = new ConfigurationRolePolicy();

        public override string ToString() => Policy + " in " + ConfigurationMemberAuthIdentity.Readable(RoleConfigurationName, RoleConfigurationId);
    }

    /// <summary>A plan entry: re-deploy a configuration on one account where it is deployed, because its policies change (or it is marked DeployedRequired).</summary>
    public sealed class ConfigurationRedeployment
    {
        public string? RoleConfigurationName { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }
        public string? Target { get; set; }
        /// <summary>The deployment status listed before the Sync: Deployed, DeployedRequired or DeployFailed.</summary>
        public string? DeploymentStatus { get; set; }
        /// <summary>The policy items this re-deployment follows: it is sent only when one of them was applied, or the deployment was not current.</summary>
        internal IReadOnlyList<ConfigurationPlanItem>? Triggers { get; set; }

        public override string ToString() =>
            ConfigurationMemberAuthIdentity.Readable(RoleConfigurationName, RoleConfigurationId) + " on "
            + ConfigurationMemberAuthIdentity.Readable(Target, TargetUin?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
