using System.Linq;
using System.Text.Json;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.RoleAssignments
{
    /// <summary>New-TcRoleAssignment -SkipExisting reruns: what exists is listed once per command and filter, only the missing is sent.</summary>
    public class SkipExistingRerunTests : CmdletTestBase
    {
        // 20 users x 30 members = 600 assignments, expanded and sent in 12 batches of 50.
        private const string Assign600 = "New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001"
            + " -PrincipalId (1..20 | ForEach-Object { 'u-emuuser{0:d5}' -f $_ }) -TargetUin (1..30 | ForEach-Object { 100000000000 + $_ })";

        [Fact]
        public void Rerun_of_600_existing_assignments_is_listing_calls_only_and_no_write()
        {
            Run(Assign600).AssertSuccess();
            Assert.Equal(600, Emulator.State.RoleAssignments.Count);
            Emulator.Requests.Clear();

            var rerun = Run(Assign600 + " -SkipExisting").AssertSuccess();
            Assert.Equal(600, rerun.Output.Count);
            Assert.All(rerun.Output, t => Assert.Equal("Success", Prop(t, "Status")));
            Assert.Equal(600, rerun.Warnings.Count(w => w.Contains("already exists")));
            Assert.Empty(Sent("CreateRoleAssignment"));
            // One listing for the whole command although the items came in 12 batches: ceil(600/100) pages.
            Assert.Equal(6, SentCount("ListRoleAssignments"));
            Assert.Equal(6, Emulator.Requests.Count);
            var body = JsonDocument.Parse(Sent("ListRoleAssignments")[0].Body).RootElement;
            Assert.Equal("rc-emuconfig001", body.GetProperty("RoleConfigurationId").GetString());
            Assert.Equal(100, body.GetProperty("MaxResults").GetInt64());
        }

        [Fact]
        public void Rerun_sends_only_the_missing_assignments()
        {
            Run("New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId (1..20 | ForEach-Object { 'u-emuuser{0:d5}' -f $_ })"
                + " -TargetUin (1..15 | ForEach-Object { 100000000000 + $_ })").AssertSuccess();
            Emulator.Requests.Clear();

            var rerun = Run(Assign600 + " -SkipExisting").AssertSuccess();
            Assert.Equal(600, rerun.Output.Count);
            Assert.Equal(300, rerun.Warnings.Count(w => w.Contains("already exists")));
            Assert.Equal(300, rerun.Output.Count(t => ((string?)Prop(t, "TaskId"))?.StartsWith("t-") == true));
            Assert.Equal(300, BatchSizes("CreateRoleAssignment", "RoleAssignmentInfo").Sum());
            Assert.All(Sent("CreateRoleAssignment"), r => Assert.Equal(200, r.StatusCode));
            Assert.True(SentCount("ListRoleAssignments") == 3, string.Join("\n", Sent("ListRoleAssignments").Select(r => r.Time.ToString("HH:mm:ss.fff") + " " + r.StatusCode + " " + r.Body)));
            Assert.Equal(600, Emulator.State.RoleAssignments.Count);
        }

        [Fact]
        public void Listing_is_narrowed_by_the_fields_the_items_share()
        {
            Run(Assign600).AssertSuccess();
            Emulator.Requests.Clear();

            var rerun = Run("New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00002"
                + " -TargetUin (1..30 | ForEach-Object { 100000000000 + $_ }) -SkipExisting").AssertSuccess();
            Assert.Equal(30, rerun.Output.Count);
            var listing = Assert.Single(Sent("ListRoleAssignments"));
            var body = JsonDocument.Parse(listing.Body).RootElement;
            Assert.Equal("u-emuuser00002", body.GetProperty("PrincipalId").GetString());
            Assert.Equal("User", body.GetProperty("PrincipalType").GetString());
            Assert.Equal("MemberUin", body.GetProperty("TargetType").GetString());
            Assert.Empty(Sent("CreateRoleAssignment"));
        }
    }
}
