using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using TencentOrg.Emulator;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>Shared helpers: the file, the emulator's writes, policy documents.</summary>
    public abstract class ZoneTestBase : ConfigurationFileTestBase
    {
        protected void Save(JsonNode json) => File.WriteAllText(File_, json.ToJsonString());

        protected static string Doc(string effect, string action) =>
            "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"" + effect + "\",\"action\":[\"" + action + "\"],\"resource\":[\"*\"]}]}";
    }

    /// <summary>Issue 18 item 4: a whole zone from one file, on an empty organization, through the module's .psd1 on the emulator.</summary>
    public class ZoneAsCodeTests : ZoneTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            // An empty organization: no users, groups, configurations, assignments or deployments.
            options.SeedFile = SeedFile(new { Users = new object[0], Groups = new object[0], RoleConfigurations = new object[0], RoleAssignments = new object[0], Provisionings = new object[0] });
        }

        private static readonly (long Id, string Name)[] System = { (1, "AdministratorAccess"), (2, "ReadOnlyAccess"), (4, "QcloudFinanceFullAccess"), (5, "QcloudCVMFullAccess"), (6, "QcloudCOSReadOnlyAccess") };

        /// <summary>50 users, 10 groups of 5 (+ user001 in every group), 5 configurations each with 2 system policies and a custom one; 30 assignments.</summary>
        private static JsonObject ZoneFile()
        {
            var users = new JsonArray();
            for (int u = 1; u <= 50; u++)
                users.Add(new JsonObject
                {
                    ["UserName"] = "user" + u.ToString("D3"), ["DisplayName"] = "User " + u, ["Email"] = "user" + u.ToString("D3") + "@example.com",
                    ["UserStatus"] = u == 50 ? "Disabled" : "Enabled",
                });
            var groups = new JsonArray();
            for (int g = 1; g <= 10; g++)
            {
                var members = new JsonArray();
                foreach (int u in Enumerable.Range(1, 50).Where(u => u % 10 == g % 10 || u == 1).Distinct()) members.Add("user" + u.ToString("D3"));
                groups.Add(new JsonObject { ["GroupName"] = "team-" + g.ToString("D2"), ["Description"] = "Team " + g, ["Members"] = members });
            }
            var configurations = new JsonArray();
            for (int c = 1; c <= 5; c++)
            {
                var a = System[(c - 1) % System.Length];
                var b = System[c % System.Length];
                configurations.Add(new JsonObject
                {
                    ["RoleConfigurationName"] = "cfg-" + c, ["Description"] = "Configuration " + c, ["SessionDuration"] = 3600 * c,
                    ["RelayState"] = "https://console.cloud.tencent.com/cvm",
                    ["Policies"] = new JsonArray
                    {
                        new JsonObject { ["RolePolicyType"] = "System", ["RolePolicyId"] = a.Id, ["RolePolicyName"] = a.Name },
                        new JsonObject { ["RolePolicyType"] = "System", ["RolePolicyId"] = b.Id, ["RolePolicyName"] = b.Name },
                        new JsonObject { ["RolePolicyType"] = "Custom", ["RolePolicyName"] = "custom-" + c, ["RolePolicyDocument"] = Doc("allow", "name/cvm:Describe" + c) },
                    },
                });
            }
            var assignments = new JsonArray();
            // Each group gets configuration (g % 5)+1 on two accounts; users 2-11 get cfg-1 on account 3.
            for (int g = 1; g <= 10; g++)
                for (int m = 1; m <= 2; m++)
                    assignments.Add(new JsonObject
                    {
                        ["Principal"] = "team-" + g.ToString("D2"), ["PrincipalType"] = "Group", ["RoleConfiguration"] = "cfg-" + (g % 5 + 1),
                        ["Target"] = "member-" + (m + (g % 3)).ToString("D4"),
                    });
            for (int u = 2; u <= 11; u++)
                assignments.Add(new JsonObject { ["Principal"] = "user" + u.ToString("D3"), ["PrincipalType"] = "User", ["RoleConfiguration"] = "cfg-1", ["TargetUin"] = 100000000003L });
            return new JsonObject
            {
                ["SchemaVersion"] = 1, ["PruneScope"] = "All", ["Users"] = users, ["Groups"] = groups, ["RoleConfigurations"] = configurations, ["RoleAssignments"] = assignments,
            };
        }

        [Fact]
        public void A_zone_from_one_file_then_a_policy_change_redeploys_exactly_that_configurations_accounts()
        {
            var file = ZoneFile();
            Save(file);
            var plan = Run("Compare-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess().Output;
            Assert.Empty(Writes());
            int memberships = file["Groups"]!.AsArray().Sum(g => g!["Members"]!.AsArray().Count);
            Assert.Equal(50 + 10 + memberships + 5 + 15 + 30, plan.Count);

            Emulator.Requests.Clear();
            var sync = Run("Sync-TcOrgConfiguration -Path $file -Prune -Wait -Confirm:$false", FileVariable).AssertSuccess().Output;
            Assert.Equal(plan.Count, sync.Count);
            Assert.All(sync, p => Assert.Equal("Done", Prop(p, "Outcome")));

            // Dependency order: every user before any group, every group before any membership, ... assignments last.
            var writes = Writes();
            string[] order = { "CreateUser", "CreateGroup", "AddUserToGroup", "CreateRoleConfiguration", "AddPermissionPolicyToRoleConfiguration", "CreateRoleAssignment" };
            for (int i = 1; i < order.Length; i++)
                Assert.True(writes.LastIndexOf(order[i - 1]) < writes.IndexOf(order[i]), order[i - 1] + " must all come before " + order[i]);
            Assert.Equal(memberships, Sent("AddUserToGroup").Count);

            var state = Emulator.State;
            Assert.Equal(50, state.Users.Count);
            Assert.Equal("Disabled", state.Users.Single(u => u.UserName == "user050").UserStatus);
            Assert.Equal(10, state.Groups.Count);
            var team01 = state.Groups.Single(g => g.GroupName == "team-01");
            Assert.Equal(new[] { "user001", "user011", "user021", "user031", "user041" },
                team01.UserIds.Select(id => state.Users.Single(u => u.UserId == id).UserName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(5, state.RoleConfigurations.Count);
            Assert.All(state.RoleConfigurations, c => Assert.Equal(new[] { "Custom", "System", "System" }, c.Policies.Select(p => p.RolePolicyType).OrderBy(t => t)));
            Assert.Equal(30, state.RoleAssignments.Count);
            Assert.NotEmpty(state.Provisionings);
            Assert.All(state.Provisionings, p => Assert.Equal("Deployed", p.DeploymentStatus));

            // A second Sync sends no write; an export compared with the zone plans nothing, and two exports are byte-identical.
            Emulator.Requests.Clear();
            Assert.Empty(Run("Sync-TcOrgConfiguration -Path $file -Prune -Wait -Confirm:$false", FileVariable).AssertSuccess().Output);
            Assert.Empty(Writes());
            Run("Export-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess();
            byte[] exported = File.ReadAllBytes(File_);
            Assert.Empty(Run("Compare-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess().Output);
            Run("Export-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess();
            Assert.Equal(exported, File.ReadAllBytes(File_));
            Assert.Empty(Writes());

            // Change one policy (cfg-2's custom document): exactly cfg-2's accounts are re-deployed, and waited on.
            var json = JsonNode.Parse(exported)!;
            var cfg2 = json["RoleConfigurations"]!.AsArray().Single(c => (string)c!["RoleConfigurationName"]! == "cfg-2")!;
            string cfg2Id = (string)cfg2["RoleConfigurationId"]!;
            var custom = cfg2["Policies"]!.AsArray().Single(p => (string)p!["RolePolicyType"]! == "Custom")!;
            custom["RolePolicyDocument"] = Doc("allow", "name/cvm:*");
            Save(json);
            var deployedAccounts = state.Provisionings.Where(p => p.RoleConfigurationId == cfg2Id).Select(p => p.TargetUin).OrderBy(u => u).ToList();
            Assert.NotEmpty(deployedAccounts);
            Assert.True(deployedAccounts.Count < state.Provisionings.Count);

            Emulator.Requests.Clear();
            var change = Run("Sync-TcOrgConfiguration -Path $file -Prune -Wait -Confirm:$false", FileVariable).AssertSuccess().Output;
            Assert.Equal(new[] { "UpdateCustomPolicyForRoleConfiguration" }.Concat(deployedAccounts.Select(_ => "ProvisionRoleConfiguration")), Writes());
            var provisioned = Sent("ProvisionRoleConfiguration").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
            Assert.All(provisioned, r => Assert.Equal(cfg2Id, r.GetProperty("RoleConfigurationId").GetString()));
            Assert.Equal(deployedAccounts, provisioned.Select(r => r.GetProperty("TargetUin").GetInt64()).OrderBy(u => u));
            Assert.All(change, p => Assert.Equal("Done", Prop(p, "Outcome")));
            Assert.Equal(deployedAccounts.Count, change.Count(p => Prop(p, "Kind")!.ToString() == "Redeployment"));
            Assert.All(Emulator.State.Provisionings, p => Assert.Equal("Deployed", p.DeploymentStatus));

            Emulator.Requests.Clear();
            Assert.Empty(Run("Sync-TcOrgConfiguration -Path $file -Prune -Wait -Confirm:$false", FileVariable).AssertSuccess().Output);
            Assert.Empty(Writes());
        }
    }

    /// <summary>Issue 18 item 4: bad zone files are refused before any write (zero writes in the emulator's request log).</summary>
    public class ZoneFileRefusalTests : ZoneTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.GeneratedUserCount = 6;
            options.GeneratedGroupCount = 2;
            // One SCIM-synchronized user in a SCIM-synchronized group, beside the generated manual ones.
            var users = EmulatorSeed.DefaultUsers(6);
            users.Add(new CicUser { UserId = "u-scimuser0001", UserName = "scim.alice", DisplayName = "Alice (IdP)", Email = "alice@idp.example", UserType = "Synchronized" });
            var groups = EmulatorSeed.DefaultGroups(2, users.Take(6).ToList());
            groups.Add(new CicGroup { GroupId = "g-scimgroup001", GroupName = "idp-admins", GroupType = "Synchronized", UserIds = { "u-scimuser0001" } });
            options.SeedFile = SeedFile(new { Users = users, Groups = groups, RoleAssignments = new object[0], Provisionings = new object[0] });
        }

        public static IEnumerable<object[]> BadFiles() => new[]
        {
            new object[] { "duplicate user names", "InvalidConfigurationFile", "appears 2 times" },
            new object[] { "user names differing only in case", "InvalidConfigurationFile", "differing only in case" },
            new object[] { "an unknown system policy", ZonePlannerConflict, "unknown system policy 'NoSuchPolicy'" },
            new object[] { "an unknown policy type", "InvalidConfigurationFile", "'Managed' is not a policy type" },
            new object[] { "an oversized custom document", "InvalidConfigurationFile", "at most 4096 are allowed" },
            new object[] { "an invalid group name", "InvalidConfigurationFile", "'ops_team' is not a valid group name" },
            new object[] { "a SCIM-synchronized user edit", ZonePlannerConflict, "synchronized by SCIM and is never changed" },
            new object[] { "a SCIM-synchronized group's members", ZonePlannerConflict, "synchronized by SCIM and is never changed" },
            new object[] { "an unknown member", ZonePlannerConflict, "no user is named 'nobody'" },
        };

        private const string ZonePlannerConflict = "ConfigurationConflict";

        [Theory]
        [MemberData(nameof(BadFiles))]
        public void A_bad_zone_file_is_refused_before_any_write(string fault, string errorId, string message)
        {
            Run("Export-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess();
            var json = JsonNode.Parse(File.ReadAllText(File_))!;
            var users = json["Users"]!.AsArray();
            var groups = json["Groups"]!.AsArray();
            var configuration = json["RoleConfigurations"]!.AsArray()[0]!;
            // Something to write besides the fault, so a missing check would show as a write.
            users.Add(new JsonObject { ["UserName"] = "newcomer" });
            switch (fault)
            {
                case "duplicate user names": users.Add(new JsonObject { ["UserName"] = "user00001" }); break;
                case "user names differing only in case": users.Add(new JsonObject { ["UserName"] = "Newcomer" }); break;
                case "an unknown system policy": configuration["Policies"]!.AsArray().Add(new JsonObject { ["RolePolicyType"] = "System", ["RolePolicyName"] = "NoSuchPolicy" }); break;
                case "an unknown policy type": configuration["Policies"]!.AsArray().Add(new JsonObject { ["RolePolicyType"] = "Managed", ["RolePolicyName"] = "x" }); break;
                case "an oversized custom document":
                    configuration["Policies"]!.AsArray().Add(new JsonObject
                    {
                        ["RolePolicyType"] = "Custom", ["RolePolicyName"] = "big", ["RolePolicyDocument"] = "{\"version\":\"2.0\",\"pad\":\"" + new string('x', 4096) + "\"}",
                    });
                    break;
                case "an invalid group name": groups.Add(new JsonObject { ["GroupName"] = "ops_team" }); break;
                case "a SCIM-synchronized user edit": users.Single(u => (string)u!["UserName"]! == "scim.alice")!["DisplayName"] = "Alice (edited)"; break;
                case "a SCIM-synchronized group's members": groups.Single(g => (string)g!["GroupName"]! == "idp-admins")!["Members"]!.AsArray().Add("user00001"); break;
                case "an unknown member": groups[0]!["Members"]!.AsArray().Add("nobody"); break;
                default: throw new ArgumentOutOfRangeException(nameof(fault));
            }
            Save(json);
            Emulator.Requests.Clear();
            var result = Run("Sync-TcOrgConfiguration -Path $file -Prune -Wait -Confirm:$false", FileVariable);
            var record = result.FirstError;
            Assert.NotNull(record);
            Assert.StartsWith(errorId, record.FullyQualifiedErrorId);
            Assert.Contains(message, record.Exception.Message);
            Assert.Empty(Writes());
        }

        [Fact]
        public void PruneScope_Users_and_the_removal_guard_apply_to_the_zone()
        {
            Run("Export-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess();
            var json = JsonNode.Parse(File.ReadAllText(File_))!;
            var gone = new[] { "user00003", "user00005", "user00006" };
            json["Users"] = new JsonArray(json["Users"]!.AsArray().Where(u => !gone.Contains((string)u!["UserName"]!)).Select(u => u!.DeepClone()).ToArray());
            foreach (var g in json["Groups"]!.AsArray())
                g!["Members"] = new JsonArray(g["Members"]!.AsArray().Where(m => !gone.Contains((string)m!)).Select(m => m!.DeepClone()).ToArray());
            Save(json);
            Emulator.Requests.Clear();
            // Scope All: 3 users and 3 memberships = 6 removals, over -MaxRemove 5: refused before any write.
            var guarded = Run("Sync-TcOrgConfiguration -Path $file -Prune -MaxRemove 5 -Confirm:$false", FileVariable);
            Assert.Equal("TooManyRemovals,TencentOrg.SyncTcOrgConfigurationCommand", guarded.FirstError!.FullyQualifiedErrorId);
            Assert.Contains("removes 6 items", guarded.FirstError.Exception.Message);
            Assert.Empty(Writes());

            // A scope of one user: only that user (and its membership) is removed; the other two are outside.
            json["PruneScope"] = new JsonObject { ["Users"] = new JsonArray("user00005") };
            Save(json);
            var sync = Run("Sync-TcOrgConfiguration -Path $file -Prune -MaxRemove 5 -Confirm:$false", FileVariable).AssertSuccess().Output;
            Assert.Equal(new[] { "Remove GroupMember", "Remove User" }, sync.Select(p => Prop(p, "Action") + " " + Prop(p, "Kind")));
            Assert.Equal(new[] { "RemoveUserFromGroup", "DeleteUser" }, Writes());
            Assert.DoesNotContain(Emulator.State.Users, u => u.UserName == "user00005");
            Assert.Contains(Emulator.State.Users, u => u.UserName == "user00003");
            Assert.Contains(Emulator.State.Users, u => u.UserName == "user00006");
        }

        [Fact]
        public void The_export_marks_SCIM_synchronized_users_and_groups_and_Sync_never_removes_them()
        {
            Run("Export-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess();
            var json = JsonNode.Parse(File.ReadAllText(File_))!;
            Assert.Equal("Synchronized", (string)json["Users"]!.AsArray().Single(u => (string)u!["UserName"]! == "scim.alice")!["UserType"]!);
            Assert.Null(json["Users"]!.AsArray().Single(u => (string)u!["UserName"]! == "user00001")!["UserType"]);
            Assert.Equal("Synchronized", (string)json["Groups"]!.AsArray().Single(g => (string)g!["GroupName"]! == "idp-admins")!["GroupType"]!);
            // A file without them, pruned with scope All: the manual ones it leaves out go, the SCIM ones stay.
            json["Users"] = new JsonArray(json["Users"]!.AsArray().Where(u => (string)u!["UserName"]! != "scim.alice" && (string)u["UserName"]! != "user00006")
                .Select(u => u!.DeepClone()).ToArray());
            json["Groups"] = new JsonArray(json["Groups"]!.AsArray().Where(g => (string)g!["GroupName"]! != "idp-admins").Select(g => g!.DeepClone()).ToArray());
            foreach (var g in json["Groups"]!.AsArray())
                g!["Members"] = new JsonArray(g["Members"]!.AsArray().Where(m => (string)m! != "user00006").Select(m => m!.DeepClone()).ToArray());
            Save(json);
            Emulator.Requests.Clear();
            var plan = Run("Compare-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess().Output;
            // Listed in the order Sync sends them: the membership goes before the user.
            Assert.Equal(new[] { "Remove GroupMember", "Remove User" }, plan.Select(p => Prop(p, "Action") + " " + Prop(p, "Kind")));
            var sync = Run("Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false", FileVariable).AssertSuccess().Output;
            // Removals in reverse dependency order: the membership before the user.
            Assert.Equal(new[] { "Remove GroupMember", "Remove User" }, sync.Select(p => Prop(p, "Action") + " " + Prop(p, "Kind")));
            Assert.All(sync, p => Assert.Equal("Done", Prop(p, "Outcome")));
            Assert.Equal(new[] { "RemoveUserFromGroup", "DeleteUser" }, Writes());
            Assert.Contains(Emulator.State.Users, u => u.UserName == "scim.alice");
            Assert.DoesNotContain(Emulator.State.Users, u => u.UserName == "user00006");
        }
    }
}
