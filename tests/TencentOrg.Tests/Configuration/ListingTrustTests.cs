using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TencentOrg.Emulator;
using TencentOrg.Services.Configuration;
using TencentOrg.Tests.Infrastructure;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>
    /// Issue 17, Must show 1 and 2: Export, Compare and Sync plan only from complete listings whose rows were checked.
    /// A listing that disagrees with its own count, or a row that cannot be trusted, ends the command before any write.
    /// The faults are the emulator's listing faults; the module is imported by its manifest and the writes counted in
    /// the emulator's request log.
    /// </summary>
    public class ListingTrustTests : DesiredStateTestBase
    {
        /// <summary>A good baseline of the whole organization, then the fault, then the command: it must end in the error, before any write.</summary>
        private PsResult ExportThen(Action fault, string command)
        {
            Run("Export-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess();
            fault();
            Emulator.Requests.Clear();
            return Run(command, FileVariable);
        }

        private void AssertStoppedBeforeAnyWrite(PsResult result, string code, params string[] words)
        {
            var error = result.FirstError;
            Assert.NotNull(error);
            Assert.StartsWith(code + ",", error!.FullyQualifiedErrorId);
            foreach (string word in words) Assert.Contains(word, error.Exception.Message);
            Assert.Empty(Writes());
            Assert.DoesNotContain(result.Output, o => o.TypeNames[0] == "TencentOrg.ConfigurationPlanItem");
        }

        // Must show 1: complete listings or an error.

        [Theory]
        [InlineData("Export-TcOrgConfiguration -Path $file")]
        [InlineData("Compare-TcOrgConfiguration -Path $file")]
        [InlineData("Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false")]
        public void A_short_token_page_with_a_larger_TotalCounts_stops_the_command_before_any_write(string command)
        {
            byte[]? before = null;
            var result = ExportThen(() =>
            {
                before = File.ReadAllBytes(File_);
                // A gateway capping the page at 10 rows, saying it is the last page; TotalCounts still says 50.
                ListingFault("ListRoleAssignments", FaultKind.ShortPage, rows: 10);
            }, command);

            AssertStoppedBeforeAnyWrite(result, "ClientError.IncompleteListing", "ListRoleAssignments", "10 of the 50 rows", "TotalCounts");
            Assert.Equal(before, File.ReadAllBytes(File_));
            Assert.Equal(50, Emulator.State.RoleAssignments.Count);
        }

        [Fact]
        public void A_short_grant_page_with_a_larger_Total_stops_Sync_Prune_before_any_revoke()
        {
            var result = ExportThen(() => ListingFault("DescribeOrganizationMemberAuthIdentities", FaultKind.ShortPage, rows: 4),
                "Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false");
            AssertStoppedBeforeAnyWrite(result, "ClientError.IncompleteListing", "DescribeOrganizationMemberAuthIdentities", "4 of the 12 rows", "Total");
            Assert.Equal(15, Emulator.State.MemberAuthIdentities.Count);
        }

        [Fact]
        public void A_short_identity_page_with_a_larger_Total_stops_Sync_Prune_before_any_delete()
        {
            var result = ExportThen(() => ListingFault("ListOrganizationIdentity", FaultKind.ShortPage, rows: 2),
                "Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false");
            AssertStoppedBeforeAnyWrite(result, "ClientError.IncompleteListing", "ListOrganizationIdentity", "2 of the 3 rows");
            Assert.Equal(3, Emulator.State.Identities.Count);
        }

        [Fact]
        public void Never_repeating_token_pages_end_with_an_error_one_page_past_TotalCounts()
        {
            // New rows and a new token on every page, for 30 pages (then the emulator would let the listing end).
            var result = ExportThen(() => ListingFault("ListRoleAssignments", FaultKind.EndlessPages, field: "PrincipalId", count: 30),
                "Compare-TcOrgConfiguration -Path $file");
            AssertStoppedBeforeAnyWrite(result, "ClientError.IncompleteListing", "100 rows, more than its TotalCounts of 50");
            Assert.Equal(2, SentCount("ListRoleAssignments"));

            // The same through a plain listing cmdlet.
            Emulator.Requests.Clear();
            var listing = Run("Get-TcRoleAssignment");
            Assert.StartsWith("ClientError.IncompleteListing,", listing.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(2, SentCount("ListRoleAssignments"));
        }

        // Must show 2: rows checked and normalized before planning.

        [Theory]
        [InlineData("PrincipalType", null)]
        [InlineData("TargetType", null)]
        [InlineData("TargetType", "MEMBERUIN")]
        public void Enum_values_in_another_case_are_canonicalized_and_plan_nothing(string field, string? value)
        {
            var result = ExportThen(() => ListingFault("ListRoleAssignments", FaultKind.FieldCase, field: field, value: value),
                "Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false");
            Assert.Empty(result.AssertSuccess().Output);
            Assert.Empty(Writes());
            Assert.Contains(Emulator.Requests.Snapshot(), r => r.Fault == "FieldCase/Listing");
        }

        [Fact]
        public void Export_writes_enum_values_in_their_canonical_case()
        {
            ListingFault("ListRoleAssignments", FaultKind.FieldCase, field: "PrincipalType");
            Run("Export-TcOrgConfiguration -Path $file -Include RoleAssignments", FileVariable).AssertSuccess();
            var rows = JsonNode.Parse(File.ReadAllText(File_))!["RoleAssignments"]!.AsArray();
            Assert.Equal(50, rows.Count);
            Assert.All(rows, r => Assert.Contains((string)r!["PrincipalType"]!, new[] { "User", "Group" }));
        }

        [Theory]
        [InlineData("ListRoleAssignments", "PrincipalType")]
        [InlineData("ListRoleAssignments", "TargetType")]
        [InlineData("ListRoleAssignments", "TargetUin")]
        [InlineData("ListRoleAssignments", "PrincipalId")]
        [InlineData("ListRoleAssignments", "RoleConfigurationId")]
        [InlineData("DescribeOrganizationMemberAuthIdentities", "MemberUin")]
        [InlineData("DescribeOrganizationMemberAuthIdentities", "IdentityId")]
        [InlineData("ListOrganizationIdentity", "IdentityType")]
        [InlineData("ListOrganizationIdentity", "IdentityId")]
        [InlineData("ListOrganizationIdentity", "IdentityAliasName")]
        public void A_row_missing_a_key_field_is_an_error_naming_the_action_and_the_field(string action, string field)
        {
            var result = ExportThen(() => ListingFault(action, FaultKind.DropField, field: field), "Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false");
            AssertStoppedBeforeAnyWrite(result, "ClientError.InvalidListingRow", action, "has no " + field);
        }

        [Fact]
        public void An_empty_TargetType_is_an_error_not_MemberUin()
        {
            var result = ExportThen(() => ListingFault("ListRoleAssignments", FaultKind.FieldCase, field: "TargetType", value: ""),
                "Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false");
            AssertStoppedBeforeAnyWrite(result, "ClientError.InvalidListingRow", "ListRoleAssignments", "has no TargetType");
        }

        [Fact]
        public void Grant_rows_of_a_listing_that_ignores_its_filter_are_an_error_not_grants_of_the_filtered_identity()
        {
            var result = ExportThen(() => ListingFault("DescribeOrganizationMemberAuthIdentities", FaultKind.IgnoreFilter, field: "IdentityId"),
                "Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false");
            AssertStoppedBeforeAnyWrite(result, "ClientError.InvalidListingRow", "ignored the IdentityId filter");
            Assert.Equal(15, Emulator.State.MemberAuthIdentities.Count);
        }

        [Fact]
        public void Duplicate_rows_collapse_one_remove_per_assignment_and_one_export_row()
        {
            Run("Export-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess();
            var json = JsonNode.Parse(File.ReadAllText(File_))!;
            var assignments = json["RoleAssignments"]!.AsArray();
            assignments.RemoveAt(0);
            File.WriteAllText(File_, json.ToJsonString());
            ListingFault("ListRoleAssignments", FaultKind.DuplicateRows);
            ListingFault("DescribeOrganizationMemberAuthIdentities", FaultKind.DuplicateRows);
            Emulator.Requests.Clear();

            var plan = Run("Compare-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess().Output;
            Assert.Single(plan);
            var sync = Run("Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false", FileVariable).AssertSuccess().Output;
            Assert.Single(sync);
            Assert.Equal(new[] { "DeleteRoleAssignment" }, Writes());

            var exported = Run("Export-TcOrgConfiguration").AssertSuccess().Output;
            Assert.Equal(49, exported.Count(o => o.TypeNames[0] == "TencentOrg.ConfigurationRoleAssignment"));
            Assert.Equal(15, exported.Count(o => o.TypeNames[0] == "TencentOrg.ConfigurationMemberAuthIdentity"));
        }

        [Fact]
        public void A_plan_with_a_Remove_and_an_Add_of_the_same_item_is_refused()
        {
            var row = new ConfigurationRoleAssignment { PrincipalId = "g-emugroup0001", PrincipalType = "Group", RoleConfigurationId = "rc-emuconfig001", TargetType = "MemberUin", TargetUin = 100000000001 };
            var sameInOtherCase = new ConfigurationRoleAssignment { PrincipalId = "g-emugroup0001", PrincipalType = "group", RoleConfigurationId = "rc-emuconfig001", TargetType = "memberuin", TargetUin = 100000000001 };
            var plan = new[]
            {
                new ConfigurationPlanItem { Action = ConfigurationAction.Add, Kind = ConfigurationKind.RoleAssignment, Key = "a", Desired = row },
                new ConfigurationPlanItem { Action = ConfigurationAction.Remove, Kind = ConfigurationKind.RoleAssignment, Key = "a", Current = sameInOtherCase },
            };
            var error = Assert.Throws<InvalidOperationException>(() => ConfigurationPlanner.AssertNoRemoveOfAnAdd(plan));
            Assert.Contains("both adds and removes", error.Message);
            // And the planner itself keys them as one item: nothing to do.
            Assert.Empty(ConfigurationPlanner.Plan(new OrgConfiguration { RoleAssignments = new List<ConfigurationRoleAssignment> { row } },
                new OrgSnapshot { RoleAssignments = new List<ConfigurationRoleAssignment> { sameInOtherCase } }));
        }
    }
}
