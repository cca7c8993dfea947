using System.Collections.Generic;
using System.Linq;
using TencentOrg.Services.Access;
using Xunit;

namespace TencentOrg.Tests.Access
{
    /// <summary>The join of a zone's listings into access paths, on in-memory snapshots (no server).</summary>
    public class AccessJoinTests
    {
        internal static AccessSnapshot Zone()
        {
            var zone = new AccessSnapshot { ZoneId = "z-test00000001" };
            zone.Users.Add(new OrgUser { UserId = "u-alice", UserName = "alice", UserStatus = "Enabled" });
            zone.Users.Add(new OrgUser { UserId = "u-bob", UserName = "bob", UserStatus = "Disabled" });
            zone.Users.Add(new OrgUser { UserId = "u-carol", UserName = "carol", UserStatus = "Enabled" });
            zone.Groups.Add(new OrgGroup { GroupId = "g-ops", GroupName = "ops", MemberCount = 2 });
            zone.Groups.Add(new OrgGroup { GroupId = "g-dev", GroupName = "dev", MemberCount = 1 });
            zone.GroupMembers["g-ops"] = new List<AccessMember> { Member("u-alice", "alice"), Member("u-bob", "bob") };
            zone.GroupMembers["g-dev"] = new List<AccessMember> { Member("u-alice", "alice") };
            zone.Configurations.Add(new RoleConfiguration { RoleConfigurationId = "rc-admin", RoleConfigurationName = "Admin" });
            zone.Configurations.Add(new RoleConfiguration { RoleConfigurationId = "rc-read", RoleConfigurationName = "Read" });
            zone.Policies["rc-admin"] = new List<AccessPolicy>
            {
                new AccessPolicy { Name = "AdministratorAccess", Type = "System", PolicyId = 1 },
                new AccessPolicy { Name = "extra", Type = "Custom" },
            };
            zone.Policies["rc-read"] = new List<AccessPolicy> { new AccessPolicy { Name = "ReadOnlyAccess", Type = "System", PolicyId = 2 } };
            zone.Assignments.Add(Assign("rc-admin", 100000000001, "User", "u-alice", "alice"));
            zone.Assignments.Add(Assign("rc-admin", 100000000001, "Group", "g-ops", "ops"));
            zone.Assignments.Add(Assign("rc-admin", 100000000001, "Group", "g-dev", "dev"));
            zone.Assignments.Add(Assign("rc-read", 100000000002, "User", "u-carol", "carol"));
            zone.Deployments.Add(new RoleProvisioning { RoleConfigurationId = "rc-admin", TargetUin = 100000000001, DeploymentStatus = "DeployedRequired" });
            return zone;
        }

        internal static AccessMember Member(string id, string name) => new AccessMember { UserId = id, UserName = name, UserStatus = "Enabled" };

        internal static RoleAssignment Assign(string config, long uin, string type, string principal, string name) => new RoleAssignment
        {
            RoleConfigurationId = config, TargetUin = uin, TargetType = "MemberUin", TargetName = "member-" + uin % 100,
            PrincipalType = type, PrincipalId = principal, PrincipalName = name,
        };

        private static List<OrgAccess> Join(AccessSnapshot zone, AccessFilter? filter = null, List<string>? warnings = null) =>
            AccessJoin.Join(zone, filter ?? new AccessFilter(), w => warnings?.Add(w));

        private static string Key(OrgAccess p) => p.UserName + "|" + p.Via + "|" + p.RoleConfigurationId + "|" + p.TargetUin;

        [Fact]
        public void A_user_reaching_an_account_directly_and_through_two_groups_is_three_paths()
        {
            var alice = Join(Zone()).Where(p => p.UserId == "u-alice").ToList();
            Assert.Equal(new[] { "alice|Direct|rc-admin|100000000001", "alice|dev (g-dev)|rc-admin|100000000001", "alice|ops (g-ops)|rc-admin|100000000001" },
                alice.Select(Key));
            Assert.Equal(new string?[] { null, "g-dev", "g-ops" }, alice.Select(p => p.GroupId));
            Assert.All(alice, p => Assert.Equal("Admin", p.RoleConfigurationName));
            Assert.All(alice, p => Assert.Equal("AdministratorAccess;Custom:extra", p.Policies.ToString()));
            Assert.All(alice, p => Assert.Equal("member-1", p.TargetName));
        }

        [Fact]
        public void Removing_the_user_from_one_group_removes_exactly_that_path()
        {
            var zone = Zone();
            var before = Join(zone).Select(Key).ToList();
            zone.GroupMembers["g-dev"].Clear();
            var after = Join(zone).Select(Key).ToList();
            Assert.Equal(new[] { "alice|dev (g-dev)|rc-admin|100000000001" }, before.Except(after));
            Assert.Empty(after.Except(before));
        }

        [Fact]
        public void A_disabled_user_is_flagged_and_deployment_status_is_carried_or_NotDeployed()
        {
            var rows = Join(Zone());
            var bob = Assert.Single(rows, p => p.UserId == "u-bob");
            Assert.True(bob.UserDisabled);
            Assert.Equal("Disabled", bob.UserStatus);
            Assert.All(rows.Where(p => p.UserId != "u-bob"), p => Assert.False(p.UserDisabled));
            Assert.Equal("DeployedRequired", bob.DeploymentStatus);
            Assert.Equal(AccessSources.NotDeployed, Assert.Single(rows, p => p.UserId == "u-carol").DeploymentStatus);
        }

        [Fact]
        public void Deployment_rows_that_disagree_or_differ_in_case_give_the_worst_status_in_the_API_spelling()
        {
            var zone = Zone();
            zone.Deployments.Add(new RoleProvisioning { RoleConfigurationId = "rc-admin", TargetUin = 100000000001, DeploymentStatus = "deployfailed" });
            zone.Deployments.Add(new RoleProvisioning { RoleConfigurationId = "rc-read", TargetUin = 100000000002, DeploymentStatus = "DEPLOYED" });
            var rows = Join(zone);
            Assert.All(rows.Where(p => p.RoleConfigurationId == "rc-admin"), p => Assert.Equal("DeployFailed", p.DeploymentStatus));
            Assert.Equal("Deployed", Assert.Single(rows, p => p.RoleConfigurationId == "rc-read").DeploymentStatus);
        }

        [Fact]
        public void Each_filter_returns_exactly_the_matching_paths()
        {
            var all = Join(Zone());
            void Check(System.Action<AccessFilter> set, System.Func<OrgAccess, bool> expected)
            {
                var filter = new AccessFilter();
                set(filter);
                var got = Join(Zone(), filter).Select(Key).ToList();
                Assert.NotEmpty(got);
                Assert.Equal(all.Where(expected).Select(Key), got);
            }
            Check(f => f.UserNames.Add("ALICE"), p => p.UserName == "alice");
            Check(f => f.UserIds.Add("u-bob"), p => p.UserId == "u-bob");
            Check(f => f.GroupNames.Add("Ops"), p => p.GroupId == "g-ops");
            Check(f => f.GroupIds.Add("g-dev"), p => p.GroupId == "g-dev");
            Check(f => f.TargetUins.Add(100000000002), p => p.TargetUin == 100000000002);
            Check(f => f.RoleConfigurationIds.Add("rc-admin"), p => p.RoleConfigurationId == "rc-admin");
            // Kinds combine; values of one kind are alternatives.
            Check(f => { f.UserIds.Add("u-alice"); f.GroupIds.Add("g-ops"); }, p => p.UserId == "u-alice" && p.GroupId == "g-ops");
            Check(f => { f.UserIds.Add("u-bob"); f.UserNames.Add("carol"); }, p => p.UserId == "u-bob" || p.UserId == "u-carol");
        }

        [Fact]
        public void Rows_listed_twice_are_one_path_and_rows_without_keys_are_reported_not_guessed()
        {
            var zone = Zone();
            zone.Assignments.Add(Assign("rc-admin", 100000000001, "user", "u-alice", "alice"));
            zone.Assignments.Add(new RoleAssignment { RoleConfigurationId = "rc-admin", PrincipalType = "User", PrincipalId = "u-carol" });
            zone.Assignments.Add(Assign("rc-read", 100000000003, "Robot", "r-1", "robot"));
            zone.Assignments.Add(Assign("rc-read", 100000000003, "Group", "g-unlisted", "ghosts"));
            var warnings = new List<string>();
            var rows = Join(zone, null, warnings);
            Assert.Equal(Join(Zone()).Select(Key), rows.Select(Key));
            Assert.Equal(3, warnings.Count);
            Assert.Contains(warnings, w => w.Contains("without its configuration, account or principal"));
            Assert.Contains(warnings, w => w.Contains("'Robot'"));
            Assert.Contains(warnings, w => w.Contains("g-unlisted") && w.Contains("not listed"));
        }

        [Fact]
        public void Member_identities_are_added_with_their_policies_and_kept_only_by_a_target_filter()
        {
            var zone = Zone();
            zone.Identities = new List<OrgIdentity>
            {
                new OrgIdentity { IdentityId = 1, Name = "Admin", Policies = new[] { new IdentityPolicy { PolicyId = 1, PolicyName = "AdministratorAccess", PolicyType = 2 } } },
            };
            zone.Grants = new List<MemberAuthIdentity>
            {
                new MemberAuthIdentity { MemberUin = 100000000005, MemberName = "member-5", IdentityId = 1, Status = "Configured" },
                new MemberAuthIdentity { MemberUin = 100000000005, MemberName = "member-5", IdentityId = 1, Status = "Configured" },
            };
            var identity = Assert.Single(Join(zone), p => p.Source == AccessSources.OrganizationIdentity);
            Assert.Equal("Admin", identity.IdentityName);
            Assert.Equal("1:AdministratorAccess".Split(':')[1], identity.Policies.ToString());
            Assert.Equal(100000000005, identity.TargetUin);
            Assert.Equal("Configured", identity.GrantStatus);
            Assert.Null(identity.UserId);

            var byTarget = new AccessFilter();
            byTarget.TargetUins.Add(100000000005);
            Assert.Single(Join(zone, byTarget));
            var byUser = new AccessFilter();
            byUser.UserNames.Add("alice");
            Assert.DoesNotContain(Join(zone, byUser), p => p.Source == AccessSources.OrganizationIdentity);
        }
    }
}
