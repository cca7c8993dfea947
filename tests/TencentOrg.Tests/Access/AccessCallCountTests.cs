using System;
using System.Collections.Generic;
using System.Linq;
using TencentOrg.Emulator;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.Access
{
    /// <summary>
    /// Get-TcOrgAccess reads a zone with the call count its help states, checked against the emulator's request log:
    /// listings only, never one read per user or per account.
    /// </summary>
    public class AccessCallCountTests : CmdletTestBase
    {
        private const int Users = 250, GroupsWithMembers = 100, EmptyGroups = 20, Assignments = 230;

        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            var users = Enumerable.Range(1, Users).Select(i => new { UserId = "u-user" + i.ToString("D4"), UserName = "user" + i.ToString("D4") }).ToList();
            var groups = Enumerable.Range(1, GroupsWithMembers + EmptyGroups).Select(g => new
            {
                GroupId = "g-group" + g.ToString("D4"),
                GroupName = "group" + g.ToString("D4"),
                // 2 or 3 members each for the first 100 groups; the last 20 are empty.
                UserIds = g > GroupsWithMembers ? new string[0] : users.Where((_, i) => i % GroupsWithMembers == g - 1).Select(u => u.UserId).ToArray(),
            }).ToList();
            var configurations = AccessSeed.Configurations();
            var assignments = new List<object>();
            for (int i = 0; i < Assignments; i++)
            {
                // Users directly, groups with members, and one empty group (its MemberCount says 0, so it is listed once more).
                string principal = i < 150 ? users[i].UserId : i < 229 ? groups[i - 150].GroupId : groups[GroupsWithMembers].GroupId;
                assignments.Add(AccessCmdletTests.Assignment(i % 2 == 0 ? "rc-admin" : "rc-read", 100000000001 + i % 40, i < 150 ? "User" : "Group", principal));
            }
            var deployments = Enumerable.Range(0, 40).SelectMany(a => new[] { "rc-admin", "rc-read" }.Select(c =>
                new { RoleConfigurationId = c, TargetType = "MemberUin", TargetUin = 100000000001L + a, DeploymentStatus = "Deployed" })).Take(150).ToList();
            options.SeedFile = SeedFile(new { Users = users, Groups = groups, RoleConfigurations = configurations, RoleAssignments = assignments, Provisionings = deployments });
        }

        private static int Pages(int rows, int size) => Math.Max(1, (rows + size - 1) / size);

        [Fact]
        public void The_whole_zone_is_read_with_the_documented_count_of_listings()
        {
            Emulator.Requests.Clear();
            var rows = Run("Get-TcOrgAccess").AssertSuccess().Output;
            Assert.NotEmpty(rows);

            int configurations = Emulator.State.RoleConfigurations.Count;
            int deployments = Emulator.State.Provisionings.Count;
            var expected = new Dictionary<string, int>
            {
                ["DescribeIdentityCenter"] = 1,
                ["ListUsers"] = Pages(Users, 100),                                   // 3
                ["ListGroups"] = Pages(GroupsWithMembers + EmptyGroups, 100),        // 2
                ["ListGroupMembers"] = GroupsWithMembers + 1,                        // groups with members + the assigned empty one
                ["ListRoleConfigurations"] = Pages(configurations, 100),
                ["ListPermissionPoliciesInRoleConfiguration"] = configurations,
                ["ListRoleAssignments"] = Pages(Assignments, 100),                   // 3
                ["ListRoleConfigurationProvisionings"] = Pages(deployments, 100),    // 80 deployments: 1
            };
            var sent = Emulator.Requests.Snapshot().GroupBy(r => r.Action).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expected.OrderBy(e => e.Key), sent.OrderBy(e => e.Key));
            // The help's formula: 1 + ceil(U/100) + ceil(G/100) + G' + ceil(C/100) + C + ceil(A/100) + ceil(D/100), plus the assigned empty group.
            Assert.Equal(1 + 3 + 2 + (GroupsWithMembers + 1) + 1 + configurations + 3 + Pages(deployments, 100), Emulator.Requests.Count);
            // 150 users directly, 79 more through groups 1-79 (users whose index mod 100 is 0-78).
            Assert.Equal(229, rows.Select(r => (string?)r.Properties["UserId"].Value).Distinct().Count());
        }
    }
}
