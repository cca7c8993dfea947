using System;
using System.Collections.Generic;
using System.Linq;

namespace TencentOrg.Services.Configuration
{
    /// <summary>The CIC zone as the listings showed it (null = not read). Group members are held as user IDs.</summary>
    internal sealed partial class OrgSnapshot
    {
        /// <summary>Every user, UserType always set (Manual or Synchronized).</summary>
        public List<ConfigurationUser>? Users { get; set; }
        /// <summary>Every group, GroupType always set; Members are user IDs.</summary>
        public List<ConfigurationGroup>? Groups { get; set; }
        /// <summary>Every permission configuration with all its policies.</summary>
        public List<ConfigurationRoleConfiguration>? RoleConfigurations { get; set; }
        /// <summary>Every deployment (configuration x account) with its status; read for re-deployment decisions.</summary>
        public List<RoleProvisioning>? Deployments { get; set; }

        /// <summary>Users as the file writes them: Manual is the default and is not written.</summary>
        private List<ConfigurationUser>? ExportUsers() => Users?.Select(u => new ConfigurationUser
        {
            UserName = u.UserName, UserId = u.UserId, UserType = u.IsSynchronized ? u.UserType : null, DisplayName = Empty(u.DisplayName),
            FirstName = Empty(u.FirstName), LastName = Empty(u.LastName), Email = Empty(u.Email), Description = Empty(u.Description), UserStatus = u.UserStatus,
        }).ToList();

        /// <summary>Groups as the file writes them: members by user name (by ID for a user the listing did not name).</summary>
        private List<ConfigurationGroup>? ExportGroups()
        {
            if (Groups == null) return null;
            var names = UserNamesById();
            return Groups.Select(g => new ConfigurationGroup
            {
                GroupName = g.GroupName, GroupId = g.GroupId, GroupType = g.IsSynchronized ? g.GroupType : null, Description = Empty(g.Description),
                Members = (g.Members ?? new List<string>()).Select(id => names.TryGetValue(id, out var name) ? name : id).ToList(),
            }).ToList();
        }

        /// <summary>Takes the zone parts another snapshot read.</summary>
        public void TakeZone(OrgSnapshot zone)
        {
            Users = zone.Users;
            Groups = zone.Groups;
            RoleConfigurations = zone.RoleConfigurations;
            Deployments = zone.Deployments;
        }

        /// <summary>The name lookups the zone listings already give, so assignments and scopes resolve without listing again.</summary>
        public void FillDirectory(OrgDirectory directory)
        {
            if (Users != null) directory.Users = Users.Select(u => new NamedId(u.UserName, u.UserId!)).ToList();
            if (Groups != null) directory.Groups = Groups.Select(g => new NamedId(g.GroupName, g.GroupId!)).ToList();
            if (RoleConfigurations != null) directory.RoleConfigurations = RoleConfigurations.Select(c => new NamedId(c.RoleConfigurationName, c.RoleConfigurationId!)).ToList();
        }

        public Dictionary<string, string> UserNamesById() =>
            (Users ?? new List<ConfigurationUser>()).Where(u => u.UserId != null && u.UserName != null)
                .GroupBy(u => u.UserId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().UserName!, StringComparer.Ordinal);

        private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
