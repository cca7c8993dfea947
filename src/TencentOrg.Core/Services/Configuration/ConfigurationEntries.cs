using System.Collections.Generic;
using System.Linq;

namespace TencentOrg.Services.Configuration
{
    // The keys of every entry of the file and how each value is read: one table a kind of entry, all read by
    // EntryReader. Key order is the order an "unknown property" problem lists them in.
    internal static partial class ConfigurationFile
    {
        private static readonly EntryReader<IdentityPolicy> PolicyEntry = new EntryReader<IdentityPolicy>()
            .Field("PolicyId", Long, (p, v) => p.PolicyId = v)
            .Field("PolicyName", Str, (p, v) => p.PolicyName = v)
            .Field("PolicyType", Long, (p, v) => p.PolicyType = v)
            .Field("PolicyDocument", Str, (p, v) => p.PolicyDocument = v);

        // Nested tables are named inside lambdas, so they are looked up when read, whatever the order fields start in.
        private static readonly EntryReader<ConfigurationIdentity> IdentityEntry = new EntryReader<ConfigurationIdentity>()
            .Field("Name", Str, (i, v) => i.Name = v)
            .Field("IdentityId", Long, (i, v) => i.IdentityId = v)
            .Field("IdentityType", Long, (i, v) => i.IdentityType = v)
            .Field("Description", Str, (i, v) => i.Description = v)
            .Field("Policies", (v, path, problems) => Array(v, path, problems, PolicyEntry.Read)?.ToArray(), (i, v) => i.Policies = v);

        private static readonly EntryReader<ConfigurationMemberAuthIdentity> GrantEntry = new EntryReader<ConfigurationMemberAuthIdentity>()
            .Field("Member", Str, (g, v) => g.Member = v)
            .Field("MemberUin", Long, (g, v) => g.MemberUin = v)
            .Field("Identity", Str, (g, v) => g.Identity = v)
            .Field("IdentityId", Long, (g, v) => g.IdentityId = v);

        private static readonly EntryReader<ConfigurationRoleAssignment> AssignmentEntry = new EntryReader<ConfigurationRoleAssignment>()
            .Field("Principal", Str, (a, v) => a.Principal = v)
            .Field("PrincipalId", Str, (a, v) => a.PrincipalId = v)
            .Field("PrincipalType", Str, (a, v) => a.PrincipalType = v)
            .Field("RoleConfiguration", Str, (a, v) => a.RoleConfiguration = v)
            .Field("RoleConfigurationId", Str, (a, v) => a.RoleConfigurationId = v)
            .Field("Target", Str, (a, v) => a.Target = v)
            .Field("TargetType", Str, (a, v) => a.TargetType = v)
            .Field("TargetUin", Long, (a, v) => a.TargetUin = v);

        /// <summary>The keys a PruneScope object may hold, for messages.</summary>
        internal static IReadOnlyList<string> PruneScopeKeys => PruneScopeEntry.Keys;

        private static readonly EntryReader<ConfigurationPruneScope> PruneScopeEntry = new EntryReader<ConfigurationPruneScope>()
            .Field("Principals", ScopeList, (s, v) => s.Principals = v)
            .Field("Targets", ScopeList, (s, v) => s.Targets = v)
            .Field("RoleConfigurations", ScopeList, (s, v) => s.RoleConfigurations = v)
            .Field("Identities", ScopeList, (s, v) => s.Identities = v)
            .Field("Members", ScopeList, (s, v) => s.Members = v)
            .Field("Users", ScopeList, (s, v) => s.Users = v)
            .Field("Groups", ScopeList, (s, v) => s.Groups = v);

        private static readonly EntryReader<ConfigurationUser> UserEntry = new EntryReader<ConfigurationUser>()
            .Field("UserName", Str, (u, v) => u.UserName = v)
            .Field("UserId", Str, (u, v) => u.UserId = v)
            .Field("UserType", Str, (u, v) => u.UserType = v)
            .Field("DisplayName", Str, (u, v) => u.DisplayName = v)
            .Field("FirstName", Str, (u, v) => u.FirstName = v)
            .Field("LastName", Str, (u, v) => u.LastName = v)
            .Field("Email", Str, (u, v) => u.Email = v)
            .Field("Description", Str, (u, v) => u.Description = v)
            .Field("UserStatus", Str, (u, v) => u.UserStatus = v);

        private static readonly EntryReader<ConfigurationGroup> GroupEntry = new EntryReader<ConfigurationGroup>()
            .Field("GroupName", Str, (g, v) => g.GroupName = v)
            .Field("GroupId", Str, (g, v) => g.GroupId = v)
            .Field("GroupType", Str, (g, v) => g.GroupType = v)
            .Field("Description", Str, (g, v) => g.Description = v)
            .Field("Members", MemberList, (g, v) => g.Members = v);

        private static readonly EntryReader<ConfigurationRolePolicy> RolePolicyEntry = new EntryReader<ConfigurationRolePolicy>()
            .Field("RolePolicyType", Str, (p, v) => p.RolePolicyType = v)
            .Field("RolePolicyId", Long, (p, v) => p.RolePolicyId = v)
            .Field("RolePolicyName", Str, (p, v) => p.RolePolicyName = v)
            .Field("RolePolicyDocument", Str, (p, v) => p.RolePolicyDocument = v);

        private static readonly EntryReader<ConfigurationRoleConfiguration> RoleConfigurationEntry = new EntryReader<ConfigurationRoleConfiguration>()
            .Field("RoleConfigurationName", Str, (c, v) => c.RoleConfigurationName = v)
            .Field("RoleConfigurationId", Str, (c, v) => c.RoleConfigurationId = v)
            .Field("Description", Str, (c, v) => c.Description = v)
            .Field("SessionDuration", Long, (c, v) => c.SessionDuration = v)
            .Field("RelayState", Str, (c, v) => c.RelayState = v)
            .Field("Policies", (v, path, problems) => Array(v, path, problems, RolePolicyEntry.Read), (c, v) => c.Policies = v);
    }
}
