using System;
using System.Collections.Generic;
using System.Linq;

namespace TencentOrg
{
    // The desired-state file (docs/configuration-schema.json) and what Export-, Compare- and
    // Sync-TcOrgConfiguration emit. Every reference carries an ID, a readable name, or both.

    /// <summary>The sections a configuration file can hold; -Include picks among them.</summary>
    public enum ConfigurationSection
    {
        Identities,
        MemberAuthIdentities,
        RoleAssignments,
        /// <summary>CIC users (issue 18).</summary>
        Users,
        /// <summary>CIC groups with their members.</summary>
        Groups,
        /// <summary>CIC permission configurations with their policies.</summary>
        RoleConfigurations,
    }

    /// <summary>
    /// A configuration: each section that is not null is managed; a section left out (null) is not
    /// looked at, so a file with only RoleAssignments never plans changes to identities.
    /// </summary>
    public sealed class OrgConfiguration
    {
        public const int CurrentSchemaVersion = 1;

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;
        public List<ConfigurationIdentity>? Identities { get; set; }
        public List<ConfigurationMemberAuthIdentity>? MemberAuthIdentities { get; set; }
        public List<ConfigurationRoleAssignment>? RoleAssignments { get; set; }
        public List<ConfigurationUser>? Users { get; set; }
        public List<ConfigurationGroup>? Groups { get; set; }
        public List<ConfigurationRoleConfiguration>? RoleConfigurations { get; set; }
        /// <summary>What -Prune may remove; null when the file declares no scope (Sync -Prune then refuses).</summary>
        public ConfigurationPruneScope? PruneScope { get; set; }

        public bool Has(ConfigurationSection section) => section switch
        {
            ConfigurationSection.Identities => Identities != null,
            ConfigurationSection.MemberAuthIdentities => MemberAuthIdentities != null,
            ConfigurationSection.Users => Users != null,
            ConfigurationSection.Groups => Groups != null,
            ConfigurationSection.RoleConfigurations => RoleConfigurations != null,
            _ => RoleAssignments != null,
        };
    }

    /// <summary>An organization identity: its name is its key (names are unique and cannot be changed).</summary>
    public sealed class ConfigurationIdentity
    {
        public string? Name { get; set; }
        /// <summary>Informational in a file: the identity is matched by Name.</summary>
        public long? IdentityId { get; set; }
        /// <summary>1 = preset (read-only, never planned), 2 = custom.</summary>
        public long? IdentityType { get; set; }
        /// <summary>Null in a file: the description is not managed.</summary>
        public string? Description { get; set; }
        /// <summary>Null in a file: the policies are not managed (a new identity needs them).</summary>
        public IdentityPolicy[]? Policies { get; set; }

        public override string ToString() => Name + (IdentityId != null ? " (" + IdentityId + ")" : "");
    }

    /// <summary>One identity granted to one member account.</summary>
    public sealed class ConfigurationMemberAuthIdentity
    {
        /// <summary>Member account name; used when MemberUin is not given.</summary>
        public string? Member { get; set; }
        public long? MemberUin { get; set; }
        /// <summary>Identity name; used when IdentityId is not given.</summary>
        public string? Identity { get; set; }
        public long? IdentityId { get; set; }

        public override string ToString() =>
            Readable(Member, MemberUin?.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " / " + Readable(Identity, IdentityId?.ToString(System.Globalization.CultureInfo.InvariantCulture));

        internal static string Readable(string? name, string? id) =>
            name == null ? id ?? "?" : id == null ? name : name + " (" + id + ")";
    }

    /// <summary>One CIC role assignment: a user or group gets a permission configuration on an account.</summary>
    public sealed class ConfigurationRoleAssignment
    {
        /// <summary>User or group name; used when PrincipalId is not given (PrincipalType is then required).</summary>
        public string? Principal { get; set; }
        public string? PrincipalId { get; set; }
        /// <summary>User or Group; inferred from the u-/g- prefix of PrincipalId when omitted.</summary>
        public string? PrincipalType { get; set; }
        /// <summary>Permission configuration name; used when RoleConfigurationId is not given.</summary>
        public string? RoleConfiguration { get; set; }
        public string? RoleConfigurationId { get; set; }
        /// <summary>Account name; used when TargetUin is not given.</summary>
        public string? Target { get; set; }
        /// <summary>MemberUin (default) or ManagerUin.</summary>
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }

        public override string ToString() =>
            PrincipalType + " " + ConfigurationMemberAuthIdentity.Readable(Principal, PrincipalId) + " -> "
            + ConfigurationMemberAuthIdentity.Readable(RoleConfiguration, RoleConfigurationId) + " on "
            + ConfigurationMemberAuthIdentity.Readable(Target, TargetUin?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// What a file owns, so what -Prune may remove: everything in its sections ("All"), or only the items that
    /// match every list given (an item without the list's dimension, e.g. an identity for Principals, is outside).
    /// Each list holds IDs or names.
    /// </summary>
    public sealed class ConfigurationPruneScope
    {
        public bool All { get; set; }
        /// <summary>Users and groups (u-/g- IDs or names) whose role assignments are owned.</summary>
        public List<string>? Principals { get; set; }
        /// <summary>Accounts (UINs or names) whose role assignments are owned.</summary>
        public List<string>? Targets { get; set; }
        /// <summary>Permission configurations (rc- IDs or names) whose role assignments are owned.</summary>
        public List<string>? RoleConfigurations { get; set; }
        /// <summary>Identities (IDs or names): the identity itself and its member grants.</summary>
        public List<string>? Identities { get; set; }
        /// <summary>Member accounts (UINs or names) whose identity grants are owned.</summary>
        public List<string>? Members { get; set; }
        /// <summary>CIC users (u- IDs or names): the user and its group memberships.</summary>
        public List<string>? Users { get; set; }
        /// <summary>CIC groups (g- IDs or names): the group and its memberships.</summary>
        public List<string>? Groups { get; set; }

        public static ConfigurationPruneScope Everything => new ConfigurationPruneScope { All = true };

        public override string ToString() => All ? "All" : string.Join("; ", new[]
        {
            Part("Principals", Principals), Part("Targets", Targets), Part("RoleConfigurations", RoleConfigurations),
            Part("Identities", Identities), Part("Members", Members), Part("Users", Users), Part("Groups", Groups),
        }.Where(p => p != null));

        private static string? Part(string name, List<string>? items) => items == null ? null : name + ": " + string.Join(", ", items);
    }

    public enum ConfigurationAction
    {
        Add,
        Change,
        Remove,
    }

    public enum ConfigurationKind
    {
        Identity,
        MemberAuthIdentity,
        RoleAssignment,
        /// <summary>A CIC user.</summary>
        User,
        /// <summary>A CIC group.</summary>
        Group,
        /// <summary>A user in a group.</summary>
        GroupMember,
        /// <summary>A permission configuration's settings.</summary>
        RoleConfiguration,
        /// <summary>A policy of a permission configuration.</summary>
        RolePolicy,
        /// <summary>A re-deployment of a configuration on an account.</summary>
        Redeployment,
    }

    /// <summary>What became of a plan item.</summary>
    public static class ConfigurationOutcome
    {
        /// <summary>Compare: the difference exists; nothing was sent.</summary>
        public const string Planned = "Planned";
        /// <summary>Sync: the change is made (an assignment task finished, or the API has no task for it).</summary>
        public const string Done = "Done";
        /// <summary>Sync without -Wait: the API accepted the change and its task is still running.</summary>
        public const string Started = "Started";
        /// <summary>Sync: the change failed; Error says why.</summary>
        public const string Failed = "Failed";
        /// <summary>Sync: not sent, and Error says why: the add replacing this remove failed, or the command stopped on an earlier failure (-ErrorAction Stop).</summary>
        public const string Skipped = "Skipped";
        /// <summary>Sync without -Prune: a removal that was not sent.</summary>
        public const string NotPruned = "NotPruned";
        /// <summary>Sync: the item was answered No at the -Confirm prompt; nothing was sent for it.</summary>
        public const string Declined = "Declined";
        /// <summary>Sync -WhatIf: the item was named and nothing was sent.</summary>
        public const string WhatIf = "WhatIf";
    }

    /// <summary>One difference between the desired configuration and the organization, and (after Sync) its outcome.</summary>
    public sealed class ConfigurationPlanItem
    {
        public ConfigurationAction Action { get; set; }
        public ConfigurationKind Kind { get; set; }
        /// <summary>Readable identification, with names where known: "auditor", "acme-prod (100000000001) / auditor".</summary>
        public string Key { get; set; } = "";
        /// <summary>The entry as the file wants it (null for Remove).</summary>
        public object? Desired { get; set; }
        /// <summary>The entry as the organization has it (null for Add).</summary>
        public object? Current { get; set; }
        /// <summary>For Change: which fields differ, e.g. "Description, Policies".</summary>
        public string? Difference { get; set; }
        /// <summary>For Change: each changed property with its old and new value.</summary>
        public ConfigurationPropertyChange[] Changes { get; set; } = Array.Empty<ConfigurationPropertyChange>();
        public string Outcome { get; set; } = ConfigurationOutcome.Planned;
        /// <summary>The role assignment task Sync started or waited for.</summary>
        public RoleTask? Task { get; set; }
        /// <summary>Why the item failed (Outcome Failed) or was not sent (Outcome Skipped).</summary>
        public string? Error { get; set; }

        public override string ToString() => Action + " " + Kind + " " + Key + (Outcome != ConfigurationOutcome.Planned ? ": " + Outcome : "");
    }

    /// <summary>One property a Change item changes: its value in the organization and in the file.</summary>
    public sealed class ConfigurationPropertyChange
    {
        public ConfigurationPropertyChange(string property, string oldValue, string newValue)
        {
            Property = property;
            OldValue = oldValue;
            NewValue = newValue;
        }

        public string Property { get; }
        public string OldValue { get; }
        public string NewValue { get; }

        public override string ToString() => Property + ": " + OldValue + " -> " + NewValue;
    }
}
