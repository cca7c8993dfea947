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
    /// <summary>Export, Compare and Sync against the emulator; writes and reads are counted in its request log.</summary>
    public class DesiredStateTests : DesiredStateTestBase
    {
        private static string AssignmentKey(string config, string targetType, long uin, string principalType, string principal) =>
            config + "|" + targetType + "|" + uin + "|" + principalType + "|" + principal;

        [Fact]
        public void Export_writes_the_state_with_IDs_and_names_and_a_second_export_is_byte_identical()
        {
            Run("Export-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess();
            Assert.Empty(Writes());
            // Listings only: one page of assignments, one listing per identity for grants.
            Assert.Equal(1, SentCount("ListRoleAssignments"));
            Assert.Equal(1, SentCount("ListOrganizationIdentity"));
            Assert.Equal(3, SentCount("DescribeOrganizationMemberAuthIdentities"));

            byte[] first = File.ReadAllBytes(File_);
            Assert.DoesNotContain((byte)'\r', first);
            Assert.NotEqual(0xEF, first[0]);
            var json = JsonNode.Parse(first)!;
            var state = Emulator.State;

            var identities = json["Identities"]!.AsArray();
            Assert.Equal(state.Identities.Select(i => i.IdentityAliasName).OrderBy(n => n, StringComparer.Ordinal), identities.Select(i => (string)i!["Name"]!));
            var ops = identities.Single(i => (string)i!["Name"]! == "ops")!;
            Assert.Equal(102, (long)ops["IdentityId"]!);
            Assert.Contains("cvm:*", (string)ops["Policies"]![0]!["PolicyDocument"]!);

            var grants = json["MemberAuthIdentities"]!.AsArray();
            Assert.Equal(state.MemberAuthIdentities.Select(g => g.MemberUin + "/" + g.IdentityId).OrderBy(k => k),
                grants.Select(g => (long)g!["MemberUin"]! + "/" + (long)g["IdentityId"]!).OrderBy(k => k));
            Assert.All(grants, g => Assert.StartsWith("member-", (string)g!["Member"]!));
            Assert.Contains(grants, g => (string)g!["Identity"]! == "auditor");

            var assignments = json["RoleAssignments"]!.AsArray();
            Assert.Equal(state.RoleAssignments.Select(a => AssignmentKey(a.RoleConfigurationId, a.TargetType, a.TargetUin, a.PrincipalType, a.PrincipalId)).OrderBy(k => k, StringComparer.Ordinal),
                assignments.Select(a => AssignmentKey((string)a!["RoleConfigurationId"]!, (string)a["TargetType"]!, (long)a["TargetUin"]!, (string)a["PrincipalType"]!, (string)a["PrincipalId"]!)).OrderBy(k => k, StringComparer.Ordinal));
            var firstRow = assignments[0]!;
            Assert.Equal("group0001", (string)firstRow["Principal"]!);
            Assert.Equal("AdministratorAccess", (string)firstRow["RoleConfiguration"]!);
            Assert.Equal("member-0001", (string)firstRow["Target"]!);

            Run("Export-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess();
            Assert.Equal(first, File.ReadAllBytes(File_));
            // An export compared with the organization it came from plans nothing.
            Assert.Empty(Run("Compare-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess().Output);
        }

        [Fact]
        public void Export_without_Path_emits_entries_and_Include_picks_sections()
        {
            var all = Run("Export-TcOrgConfiguration").AssertSuccess().Output;
            Assert.Equal(3, all.Count(o => o.TypeNames[0] == "TencentOrg.ConfigurationIdentity"));
            Assert.Equal(15, all.Count(o => o.TypeNames[0] == "TencentOrg.ConfigurationMemberAuthIdentity"));
            Assert.Equal(50, all.Count(o => o.TypeNames[0] == "TencentOrg.ConfigurationRoleAssignment"));

            Emulator.Requests.Clear();
            var only = Run("Export-TcOrgConfiguration -Include RoleAssignments").AssertSuccess().Output;
            Assert.Equal(50, only.Count);
            Assert.Equal(0, SentCount("ListOrganizationIdentity"));
            Assert.Equal(0, SentCount("DescribeOrganizationMemberAuthIdentities"));

            Run("Export-TcOrgConfiguration -Path $file -Include Identities", FileVariable).AssertSuccess();
            var json = JsonNode.Parse(File.ReadAllText(File_))!.AsObject();
            Assert.Equal(new[] { "Identities", "PruneScope", "SchemaVersion" }, json.Select(p => p.Key));
            Assert.Equal("All", (string)json["PruneScope"]!);
        }

        [Fact]
        public void Add_100_drop_10_Compare_WhatIf_Sync_Prune_then_a_second_Sync_sends_nothing()
        {
            Run("Export-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess();
            var json = JsonNode.Parse(File.ReadAllText(File_))!;
            var assignments = json["RoleAssignments"]!.AsArray();
            // Drop 10 of group0001's assignments (members 21-30).
            foreach (var row in assignments.Where(a => (string)a!["PrincipalId"]! == "g-emugroup0001" && (long)a["TargetUin"]! > 100000000020).ToList())
                assignments.Remove(row);
            // 100 for another group, by names only: 2 permission configurations x 50 member accounts.
            foreach (var config in new[] { "ReadOnlyAccess", "FinanceAccess" })
                for (int m = 1; m <= 50; m++)
                    assignments.Add(new JsonObject { ["Principal"] = "group0002", ["PrincipalType"] = "Group", ["RoleConfiguration"] = config, ["Target"] = "member-" + m.ToString("D4") });
            File.WriteAllText(File_, json.ToJsonString());
            Emulator.Requests.Clear();

            var plan = Run("Compare-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess().Output;
            Assert.Equal(110, plan.Count);
            Assert.All(plan, p => Assert.Equal("TencentOrg.ConfigurationPlanItem", p.TypeNames[0]));
            Assert.Equal(100, plan.Count(p => Prop(p, "Action")!.ToString() == "Add" && Prop(p, "Kind")!.ToString() == "RoleAssignment"));
            Assert.Equal(10, plan.Count(p => Prop(p, "Action")!.ToString() == "Remove" && Prop(p, "Kind")!.ToString() == "RoleAssignment"));
            Assert.Contains(plan, p => (string)Prop(p, "Key")! == "Group group0002 (g-emugroup0002) -> ReadOnlyAccess (rc-emuconfig002) on member-0007 (100000000007)");
            Assert.Empty(Writes());
            // Each kind of name resolved with one listing; the state read with listings, never one read per entry.
            Assert.Equal(1, SentCount("ListGroups"));
            Assert.Equal(1, SentCount("ListRoleConfigurations"));
            Assert.Equal(1, SentCount("DescribeOrganizationMembers"));
            // u-emuuser00001 is given by ID: its ID is checked with the user listing, as a name would be.
            Assert.Equal(1, SentCount("ListUsers"));
            Assert.Equal(1, SentCount("ListRoleAssignments"));

            Emulator.Requests.Clear();
            var whatIf = Run("Sync-TcOrgConfiguration -Path $file -Prune -WhatIf", FileVariable).AssertSuccess();
            Assert.Empty(Writes());
            Assert.Equal(110, whatIf.HostText.Split('\n').Count(l => l.StartsWith("What if:")));

            Emulator.Requests.Clear();
            var sync = Run("Sync-TcOrgConfiguration -Path $file -Confirm:$false", FileVariable).AssertSuccess().Output;
            Assert.Equal(new[] { 50, 50 }, BatchSizes("CreateRoleAssignment", "RoleAssignmentInfo"));
            Assert.Equal(0, SentCount("DeleteRoleAssignment"));
            Assert.Equal(new[] { "CreateRoleAssignment", "CreateRoleAssignment" }, Writes());
            Assert.Equal(100, sync.Count(p => Prop(p, "Action")!.ToString() == "Add" && (string)Prop(p, "Outcome")! == "Started"));
            // Emitted in plan order, though two batches were in flight.
            Assert.Equal(plan.Where(p => Prop(p, "Action")!.ToString() == "Add").Select(p => (string)Prop(p, "Key")!),
                sync.Where(p => Prop(p, "Action")!.ToString() == "Add").Select(p => (string)Prop(p, "Key")!));
            Assert.DoesNotContain(sync, p => (string)Prop(p, "Outcome")! == "NotPruned");
            Assert.Equal("10 item(s) in the organization are not in the file and were not removed (NotPruned); Compare-TcOrgConfiguration lists them, and -Prune removes them.",
                Assert.Single(Run("Sync-TcOrgConfiguration -Path $file -Confirm:$false", FileVariable).AssertSuccess().Warnings));
            Assert.Equal(150, Emulator.State.RoleAssignments.Count);

            Emulator.Requests.Clear();
            var prune = Run("Sync-TcOrgConfiguration -Path $file -Prune -Wait -Confirm:$false", FileVariable).AssertSuccess().Output;
            Assert.Equal(10, SentCount("DeleteRoleAssignment"));
            Assert.Equal(0, SentCount("CreateRoleAssignment"));
            Assert.Equal(10, prune.Count);
            Assert.All(prune, p => Assert.Equal("Done", Prop(p, "Outcome")));
            Assert.Equal(140, Emulator.State.RoleAssignments.Count);
            Assert.DoesNotContain(Emulator.State.RoleAssignments, a => a.PrincipalId == "g-emugroup0001" && a.TargetUin > 100000000020);

            Emulator.Requests.Clear();
            var again = Run("Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false", FileVariable).AssertSuccess();
            Assert.Empty(again.Output);
            Assert.Empty(Writes());
        }

        [Fact]
        public void Identities_and_grants_by_name_sync_through_update_create_and_batched_grants()
        {
            File.WriteAllText(File_, @"{
  ""SchemaVersion"": 1,
  ""PruneScope"": ""All"",
  ""Identities"": [
    { ""Name"": ""auditor"", ""Description"": ""Auditors (read only)"", ""Policies"": [ { ""PolicyId"": 2, ""PolicyName"": ""ReadOnlyAccess"" }, { ""PolicyId"": 6, ""PolicyName"": ""QcloudCOSReadOnlyAccess"" } ] },
    { ""Name"": ""deploy"", ""Description"": ""Deployers"", ""Policies"": [ { ""PolicyId"": 5, ""PolicyName"": ""QcloudCVMFullAccess"" } ] },
    { ""Name"": ""ops"" },
    { ""Name"": ""OrganizationAccessControl"" }
  ],
  ""MemberAuthIdentities"": [
" + string.Join(",\n", Enumerable.Range(1, 12).Select(m => "    { \"Member\": \"member-" + m.ToString("D4") + "\", \"Identity\": \"deploy\" }, { \"MemberUin\": " + (100000000000L + m) + ", \"IdentityId\": 101 }"))
  + @",
    { ""MemberUin"": 100000000001, ""Identity"": ""ops"" }, { ""MemberUin"": 100000000002, ""Identity"": ""ops"" }, { ""MemberUin"": 100000000003, ""Identity"": ""ops"" }
  ]
}");
            var plan = Run("Compare-TcOrgConfiguration $file", FileVariable).AssertSuccess().Output;
            Assert.Equal(new[] { "Add Identity deploy", "Change Identity auditor" }.Concat(Enumerable.Range(1, 12).Select(m => "Add MemberAuthIdentity member-" + m.ToString("D4") + " (" + (100000000000L + m) + ") / deploy")),
                plan.Select(p => p.BaseObject.ToString()));
            Assert.Equal("Description, Policies", Prop(plan[1], "Difference"));
            Assert.Empty(Writes());

            Emulator.Requests.Clear();
            var run = Run("Sync-TcOrgConfiguration $file -Confirm:$false", FileVariable).AssertSuccess();
            var sync = run.Output;
            Assert.Equal(14, sync.Count);
            Assert.Contains(run.Progress, p => p.StatusDescription == "14 of 14 change(s) applied" && p.PercentComplete == 100);
            // Every update is reported: the first one says 1 of 14.
            Assert.Contains(run.Progress, p => p.StatusDescription == "1 of 14 change(s) applied" && p.PercentComplete == 7);
            Assert.All(sync, p => Assert.Equal("Done", Prop(p, "Outcome")));
            Assert.Equal(1, SentCount("CreateOrganizationIdentity"));
            Assert.Equal(1, SentCount("UpdateOrganizationIdentity"));
            // The plan's own listing is the only identity read: the change is sent over it, not after a read per identity.
            Assert.Equal(1, SentCount("ListOrganizationIdentity"));
            // 12 members x 1 identity: 10 + 2 members a call.
            Assert.Equal(new[] { 2, 10 }, BatchSizes("CreateOrganizationMemberAuthIdentity", "MemberUins"));
            var deploy = Emulator.State.Identities.Single(i => i.IdentityAliasName == "deploy");
            Assert.Equal(12, Emulator.State.MemberAuthIdentities.Count(g => g.IdentityId == deploy.IdentityId));
            var auditor = Emulator.State.Identities.Single(i => i.IdentityAliasName == "auditor");
            Assert.Equal("Auditors (read only)", auditor.Description);
            Assert.Equal(new long[] { 2, 6 }, auditor.IdentityPolicy.Select(p => (long)p.PolicyId!).OrderBy(id => id));

            Emulator.Requests.Clear();
            Assert.Empty(Run("Sync-TcOrgConfiguration $file -Prune -Confirm:$false", FileVariable).AssertSuccess().Output);
            Assert.Empty(Writes());
        }

        [Fact]
        public void Prune_removes_grants_before_the_identity_they_use()
        {
            File.WriteAllText(File_, "{ \"SchemaVersion\": 1, \"PruneScope\": \"All\", \"Identities\": [ { \"Name\": \"auditor\" } ], \"MemberAuthIdentities\": ["
                + string.Join(",", Enumerable.Range(1, 12).Select(m => "{ \"MemberUin\": " + (100000000000L + m) + ", \"IdentityId\": 101 }")) + "] }");
            var result = Run("Sync-TcOrgConfiguration $file -Prune -Confirm:$false", FileVariable).AssertSuccess();
            Assert.Equal(new[] { "Remove MemberAuthIdentity", "Remove MemberAuthIdentity", "Remove MemberAuthIdentity", "Remove Identity" },
                result.Output.Select(p => Prop(p, "Action") + " " + Prop(p, "Kind")));
            Assert.Equal(Enumerable.Repeat("DeleteOrganizationMemberAuthIdentity", 3).Append("DeleteOrganizationIdentity"), Writes());
            Assert.DoesNotContain(Emulator.State.Identities, i => i.IdentityAliasName == "ops");
        }

        [Fact]
        public void A_failing_item_is_Failed_with_an_error_and_the_others_are_still_applied()
        {
            File.WriteAllText(File_, @"{ ""SchemaVersion"": 1, ""RoleAssignments"": [
  { ""PrincipalId"": ""g-emugroup0004"", ""RoleConfigurationId"": ""rc-emuconfig003"", ""TargetUin"": 100000000001 },
  { ""PrincipalId"": ""g-emugroup0004"", ""RoleConfigurationId"": ""rc-emuconfig003"", ""TargetUin"": 100000000002 },
  { ""PrincipalId"": ""g-emugroup0004"", ""RoleConfigurationId"": ""rc-emuconfig003"", ""TargetUin"": 100000000003 } ] }");
            var result = Run("Sync-TcOrgConfiguration $file -Wait -Confirm:$false", FileVariable);
            var adds = result.Output.Where(p => Prop(p, "Action")!.ToString() == "Add").ToList();
            Assert.Equal(new[] { "Done", "Failed", "Done" }, adds.Select(p => (string)Prop(p, "Outcome")!));
            // The 50 seeded assignments the file leaves out are one warning, not 50 rows.
            Assert.Equal(3, result.Output.Count);
            Assert.Contains(result.Warnings, w => w.StartsWith("50 item(s) in the organization are not in the file", StringComparison.Ordinal));
            var failed = adds[1];
            Assert.Contains("100000000002", (string)Prop(failed, "Key")!);
            Assert.False(string.IsNullOrEmpty((string?)Prop(failed, "Error")));
            var error = Assert.Single(result.Errors);
            Assert.EndsWith(",TencentOrg.SyncTcOrgConfigurationCommand", error.FullyQualifiedErrorId);
            Assert.Same(failed.BaseObject, error.TargetObject);
        }

        [Fact]
        public void Unknown_or_ambiguous_name_stops_Sync_before_any_write()
        {
            File.WriteAllText(File_, @"{ ""SchemaVersion"": 1, ""RoleAssignments"": [
  { ""Principal"": ""group0002"", ""PrincipalType"": ""Group"", ""RoleConfiguration"": ""ReadOnlyAccess"", ""Target"": ""member-0001"" },
  { ""Principal"": ""no-such-group"", ""PrincipalType"": ""Group"", ""RoleConfiguration"": ""ReadOnlyAccess"", ""Target"": ""member-0002"" },
  { ""Principal"": ""group0002"", ""PrincipalType"": ""Group"", ""RoleConfiguration"": ""NoSuchConfiguration"", ""Target"": ""member-0003"" } ], ""PruneScope"": ""All"" }");
            var result = Run("Sync-TcOrgConfiguration $file -Prune -Confirm:$false", FileVariable);
            var error = result.FirstError;
            Assert.NotNull(error);
            Assert.Equal("ConfigurationNameNotResolved,TencentOrg.SyncTcOrgConfigurationCommand", error!.FullyQualifiedErrorId);
            Assert.Contains("RoleAssignments[1].Principal: no group is named 'no-such-group'.", error.Exception.Message);
            Assert.Contains("RoleAssignments[2].RoleConfiguration: no permission configuration is named 'NoSuchConfiguration'.", error.Exception.Message);
            Assert.Empty(result.Output);
            Assert.Empty(Writes());
        }

        [Fact]
        public void Export_creates_missing_folders()
        {
            string folder = Path.Combine(Path.GetTempPath(), "tcorg-no-such-folder-" + Guid.NewGuid().ToString("N"));
            string missing = Path.Combine(folder, "audit", "org.json");
            try
            {
                Run("Export-TcOrgConfiguration -Path $missing", new Dictionary<string, object?> { ["missing"] = missing }).AssertSuccess();
                Assert.Contains("\"PruneScope\": \"All\"", File.ReadAllText(missing));
                Assert.Equal(new[] { "org.json" }, Directory.GetFiles(Path.GetDirectoryName(missing)!).Select(Path.GetFileName));
            }
            finally
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void Invalid_file_stops_before_any_request()
        {
            File.WriteAllText(File_, "{ \"SchemaVersion\": 1, \"RoleAssignments\": [ { \"PrincipalId\": \"x-1\", \"RoleConfigurationId\": \"rc-emuconfig001\", \"TargetUin\": 100000000001 } ] }");
            var result = Run("Compare-TcOrgConfiguration $file", FileVariable);
            Assert.Equal("InvalidConfigurationFile,TencentOrg.CompareTcOrgConfigurationCommand", result.FirstError!.FullyQualifiedErrorId);
            Assert.Contains("RoleAssignments[0].PrincipalId: 'x-1' is not a CIC user (u-...) or group (g-...) ID.", result.FirstError.Exception.Message);
            Assert.Equal(0, Emulator.Requests.Count);
        }

        [Fact]
        public void Plan_table_view_shows_action_kind_outcome_and_key()
        {
            File.WriteAllText(File_, "{ \"SchemaVersion\": 1, \"Identities\": [ { \"Name\": \"auditor\", \"Description\": \"changed\" }, { \"Name\": \"ops\" } ] }");
            var text = Run("Compare-TcOrgConfiguration $file | Out-Default", FileVariable).AssertSuccess().HostText;
            Assert.Contains("Action Kind               Outcome   Key", text);
            // A Change shows each changed property with its old and new value, under the key.
            Assert.Contains("Change Identity           Planned   auditor\n                                      Description: 'Read-only auditors' -> 'cha", text);
        }
    }
}
