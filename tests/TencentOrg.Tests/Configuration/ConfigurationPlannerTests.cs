using System.Collections.Generic;
using System.Linq;
using TencentOrg.Services.Configuration;
using Xunit;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>Desired against current, and names against the directory listings, without any request.</summary>
    public class ConfigurationPlannerTests
    {
        private static ConfigurationRoleAssignment Assignment(string principalId, string config, long uin) => new ConfigurationRoleAssignment
        {
            PrincipalId = principalId, PrincipalType = principalId.StartsWith("g-") ? "Group" : "User", RoleConfigurationId = config, TargetType = "MemberUin", TargetUin = uin,
        };

        private static OrgSnapshot Current() => new OrgSnapshot
        {
            Identities = new List<ConfigurationIdentity>
            {
                new ConfigurationIdentity { Name = "OrganizationAccessControl", IdentityId = 1, IdentityType = 1, Description = "Preset",
                    Policies = new[] { new IdentityPolicy { PolicyId = 1, PolicyName = "AdministratorAccess", PolicyType = 2 } } },
                new ConfigurationIdentity { Name = "auditor", IdentityId = 101, IdentityType = 2, Description = "Auditors",
                    Policies = new[] { new IdentityPolicy { PolicyId = 2, PolicyName = "ReadOnlyAccess", PolicyType = 2 },
                        new IdentityPolicy { PolicyId = 0, PolicyName = "CustomPolicy1", PolicyType = 1, PolicyDocument = "{ \"version\": \"2.0\" }" } } },
                new ConfigurationIdentity { Name = "old", IdentityId = 102, IdentityType = 2, Description = "",
                    Policies = new[] { new IdentityPolicy { PolicyId = 2, PolicyName = "ReadOnlyAccess", PolicyType = 2 } } },
            },
            MemberAuthIdentities = new List<ConfigurationMemberAuthIdentity>
            {
                new ConfigurationMemberAuthIdentity { MemberUin = 100000000001, IdentityId = 101, Identity = "auditor", Member = "prod" },
                new ConfigurationMemberAuthIdentity { MemberUin = 100000000002, IdentityId = 101, Identity = "auditor", Member = "dev" },
            },
            RoleAssignments = new List<ConfigurationRoleAssignment>
            {
                Assignment("g-ops", "rc-read", 100000000001),
                Assignment("g-ops", "rc-read", 100000000002),
            },
        };

        private static OrgDirectory Directory(OrgSnapshot current) => new OrgDirectory
        {
            Users = new[] { new NamedId("alice", "u-alice"), new NamedId("bob", "u-bob1"), new NamedId("bob", "u-bob2") },
            Groups = new[] { new NamedId("ops", "g-ops") },
            Members = new[] { new NamedId("prod", "100000000001"), new NamedId("dev", "100000000002"), new NamedId("fin", "100000000003") },
            RoleConfigurations = new[] { new NamedId("ReadOnlyAccess", "rc-read") },
            Identities = current.Identities!.Select(i => new NamedId(i.Name, i.IdentityId!.Value.ToString())).ToList(),
        };

        private static List<ConfigurationPlanItem> Plan(OrgConfiguration desired, out IReadOnlyList<string> warnings)
        {
            var current = Current();
            var resolved = ConfigurationResolver.Resolve(desired, Directory(current), current, out warnings);
            return ConfigurationPlanner.Plan(resolved, current);
        }

        [Fact]
        public void Same_state_by_names_plans_nothing()
        {
            var desired = new OrgConfiguration
            {
                Identities = new List<ConfigurationIdentity>
                {
                    // Same policies in another order, and the custom document with other whitespace.
                    new ConfigurationIdentity { Name = "auditor", Description = "Auditors", Policies = new[]
                    {
                        new IdentityPolicy { PolicyType = 1, PolicyDocument = "{\"version\":\"2.0\"}" }, new IdentityPolicy { PolicyId = 2, PolicyName = "ReadOnlyAccess" },
                    } },
                    new ConfigurationIdentity { Name = "old" },
                },
                MemberAuthIdentities = new List<ConfigurationMemberAuthIdentity>
                {
                    new ConfigurationMemberAuthIdentity { Member = "prod", Identity = "auditor" },
                    new ConfigurationMemberAuthIdentity { MemberUin = 100000000002, IdentityId = 101 },
                },
                RoleAssignments = new List<ConfigurationRoleAssignment>
                {
                    new ConfigurationRoleAssignment { Principal = "ops", PrincipalType = "Group", RoleConfiguration = "ReadOnlyAccess", Target = "prod" },
                    new ConfigurationRoleAssignment { PrincipalId = "g-ops", RoleConfigurationId = "rc-read", TargetUin = 100000000002 },
                },
            };
            Assert.Empty(Plan(desired, out var warnings));
            Assert.Empty(warnings);
        }

        [Fact]
        public void Differences_become_Add_Change_Remove_items_in_a_fixed_order()
        {
            var desired = new OrgConfiguration
            {
                Identities = new List<ConfigurationIdentity>
                {
                    new ConfigurationIdentity { Name = "auditor", Description = "Read-only auditors" },
                    new ConfigurationIdentity { Name = "deploy", Policies = new[] { new IdentityPolicy { PolicyId = 5, PolicyName = "QcloudCVMFullAccess" } } },
                },
                MemberAuthIdentities = new List<ConfigurationMemberAuthIdentity>
                {
                    new ConfigurationMemberAuthIdentity { Member = "prod", Identity = "auditor" },
                    new ConfigurationMemberAuthIdentity { Member = "fin", Identity = "deploy" },
                },
                RoleAssignments = new List<ConfigurationRoleAssignment>
                {
                    new ConfigurationRoleAssignment { Principal = "alice", PrincipalType = "User", RoleConfiguration = "ReadOnlyAccess", Target = "fin" },
                    new ConfigurationRoleAssignment { PrincipalId = "g-ops", RoleConfigurationId = "rc-read", TargetUin = 100000000002 },
                },
            };
            var plan = Plan(desired, out _);
            Assert.Equal(new[]
            {
                "Add Identity deploy",
                "Change Identity auditor",
                "Remove Identity old",
                "Add MemberAuthIdentity fin (100000000003) / deploy",
                "Remove MemberAuthIdentity dev (100000000002) / auditor (101)",
                "Add RoleAssignment User alice (u-alice) -> ReadOnlyAccess (rc-read) on fin (100000000003)",
                "Remove RoleAssignment Group g-ops -> rc-read on 100000000001",
            }, plan.Select(p => p.ToString()));
            var change = plan[1];
            Assert.Equal("Description", change.Difference);
            Assert.Equal(101L, ((ConfigurationIdentity)change.Desired!).IdentityId);
            // A grant to an identity the plan creates waits for its ID.
            Assert.Null(((ConfigurationMemberAuthIdentity)plan[3].Desired!).IdentityId);
            Assert.Null(plan[4].Desired);
            Assert.NotNull(plan[4].Current);
        }

        [Fact]
        public void Preset_identities_are_never_planned_and_policies_compare_as_sets()
        {
            var desired = new OrgConfiguration
            {
                Identities = new List<ConfigurationIdentity>
                {
                    new ConfigurationIdentity { Name = "OrganizationAccessControl", Description = "changed" },
                    new ConfigurationIdentity { Name = "auditor", Policies = new[] { new IdentityPolicy { PolicyId = 2, PolicyName = "ReadOnlyAccess" } } },
                    new ConfigurationIdentity { Name = "old" },
                },
            };
            var item = Assert.Single(Plan(desired, out _));
            Assert.Equal("Change Identity auditor", item.ToString());
            Assert.Equal("Policies", item.Difference);
        }

        [Fact]
        public void Only_the_sections_in_the_file_are_compared()
        {
            var desired = new OrgConfiguration { RoleAssignments = new List<ConfigurationRoleAssignment> { Assignment("g-ops", "rc-read", 100000000001), Assignment("g-ops", "rc-read", 100000000002) } };
            Assert.Empty(Plan(desired, out _));
        }

        [Fact]
        public void Unknown_and_ambiguous_names_are_reported_together_once_each()
        {
            var desired = new OrgConfiguration
            {
                RoleAssignments = new List<ConfigurationRoleAssignment>
                {
                    new ConfigurationRoleAssignment { Principal = "bob", PrincipalType = "User", RoleConfiguration = "ReadOnlyAccess", Target = "prod" },
                    new ConfigurationRoleAssignment { Principal = "nobody", PrincipalType = "Group", RoleConfiguration = "ReadOnlyAccess", Target = "prod" },
                    new ConfigurationRoleAssignment { Principal = "nobody", PrincipalType = "Group", RoleConfiguration = "ReadOnlyAccess", Target = "dev" },
                },
                MemberAuthIdentities = new List<ConfigurationMemberAuthIdentity> { new ConfigurationMemberAuthIdentity { Member = "prod", Identity = "ghost" } },
            };
            var error = Assert.Throws<ConfigurationException>(() => Plan(desired, out _));
            Assert.Equal("ConfigurationNameNotResolved", error.ErrorId);
            Assert.Equal(new[]
            {
                "MemberAuthIdentities[0].Identity: no identity is named 'ghost'.",
                "RoleAssignments[0].Principal: the user name 'bob' is ambiguous (u-bob1, u-bob2); give the ID.",
                "RoleAssignments[1].Principal: no group is named 'nobody'. (and 1 more entries)",
            }, error.Problems.OrderBy(p => p));
        }

        [Fact]
        public void A_name_that_disagrees_with_its_ID_is_an_error_naming_both()
        {
            var desired = new OrgConfiguration
            {
                RoleAssignments = new List<ConfigurationRoleAssignment>
                {
                    new ConfigurationRoleAssignment { Principal = "operators", PrincipalId = "g-ops", RoleConfiguration = "ReadOnlyAccess", Target = "prod", TargetUin = 100000000001 },
                    new ConfigurationRoleAssignment { PrincipalId = "g-ops", RoleConfigurationId = "rc-read", TargetUin = 100000000002 },
                },
            };
            var error = Assert.Throws<ConfigurationException>(() => Plan(desired, out _));
            Assert.Equal("ConfigurationNameNotResolved", error.ErrorId);
            Assert.Equal("RoleAssignments[0]: Principal 'operators' and PrincipalId 'g-ops' disagree: group g-ops is named 'ops' in the organization; correct one of them.",
                Assert.Single(error.Problems));
        }
    }
}
