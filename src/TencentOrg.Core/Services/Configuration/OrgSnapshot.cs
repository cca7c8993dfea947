using System;
using System.Collections.Generic;
using System.Linq;

namespace TencentOrg.Services.Configuration
{
    /// <summary>The organization as the listings showed it: one entry list per section that was read (null = not read).</summary>
    internal sealed partial class OrgSnapshot
    {
        public List<ConfigurationIdentity>? Identities { get; set; }
        public List<ConfigurationMemberAuthIdentity>? MemberAuthIdentities { get; set; }
        public List<ConfigurationRoleAssignment>? RoleAssignments { get; set; }

        /// <summary>The snapshot as a configuration of the given sections, for Export.</summary>
        public OrgConfiguration ToConfiguration(ICollection<ConfigurationSection> sections) => new OrgConfiguration
        {
            Identities = sections.Contains(ConfigurationSection.Identities) ? Identities : null,
            MemberAuthIdentities = sections.Contains(ConfigurationSection.MemberAuthIdentities) ? MemberAuthIdentities : null,
            RoleAssignments = sections.Contains(ConfigurationSection.RoleAssignments) ? RoleAssignments : null,
            Users = sections.Contains(ConfigurationSection.Users) ? ExportUsers() : null,
            Groups = sections.Contains(ConfigurationSection.Groups) ? ExportGroups() : null,
            RoleConfigurations = sections.Contains(ConfigurationSection.RoleConfigurations) ? RoleConfigurations : null,
        };
    }

    /// <summary>One directory entry: a name and the ID it stands for.</summary>
    internal readonly struct NamedId
    {
        public NamedId(string? name, string id)
        {
            Name = name;
            Id = id;
        }

        public string? Name { get; }
        public string Id { get; }
    }

    /// <summary>
    /// Name-to-ID lookups, one per kind, each filled from a single listing. A kind that was not listed is
    /// null: its names cannot be resolved, and its IDs are taken as given.
    /// </summary>
    internal sealed class OrgDirectory
    {
        public IReadOnlyList<NamedId>? Users { get; set; }
        public IReadOnlyList<NamedId>? Groups { get; set; }
        public IReadOnlyList<NamedId>? Members { get; set; }
        public IReadOnlyList<NamedId>? RoleConfigurations { get; set; }
        public IReadOnlyList<NamedId>? Identities { get; set; }
    }

    /// <summary>
    /// Which directory listings checking the file needs: a kind is listed when some entry or the PruneScope refers
    /// to it, by name or by ID, so an unknown ID is found before any write just as an unknown name is.
    /// </summary>
    internal sealed class DirectoryNeeds
    {
        public bool Users { get; set; }
        public bool Groups { get; set; }
        public bool Members { get; set; }
        public bool RoleConfigurations { get; set; }

        public bool Any => Users || Groups || Members || RoleConfigurations;

        public static DirectoryNeeds Of(OrgConfiguration desired)
        {
            var needs = new DirectoryNeeds();
            if (desired.MemberAuthIdentities?.Count > 0) needs.Members = true;
            foreach (var a in desired.RoleAssignments ?? Enumerable.Empty<ConfigurationRoleAssignment>())
            {
                needs.RoleConfigurations = needs.Members = true;
                string? type = a.PrincipalType ?? (a.PrincipalId != null ? TencentOrg.Services.RoleAssignments.InferPrincipalType(a.PrincipalId) : null);
                if (type == "Group") needs.Groups = true;
                else needs.Users = true;
            }
            var scope = desired.PruneScope;
            if (scope != null && !scope.All)
            {
                if (scope.Principals != null) needs.Users = needs.Groups = true;
                if (scope.Targets != null || scope.Members != null) needs.Members = true;
                if (scope.RoleConfigurations != null) needs.RoleConfigurations = true;
                if (scope.Users != null) needs.Users = true;
                if (scope.Groups != null) needs.Groups = true;
            }
            return needs;
        }
    }
}
