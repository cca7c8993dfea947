using System.Linq;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.RoleAssignments
{
    /// <summary>
    /// Issue 17, Must show 2, outside Sync: Get-TcRoleAssignment emits only rows that match its filter. A row the server sent
    /// although it does not match (the filter ignored), or without the filtered field, is an error from the one listing
    /// check, so `Get-TcRoleAssignment -PrincipalId X | Remove-TcRoleAssignment` never removes someone else's access.
    /// </summary>
    public class RoleAssignmentListingTrustTests : CmdletTestBase
    {
        private const string Listing = "ListRoleAssignments";

        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            // Group rows first, so a listing that ignores a filter for the user's rows starts with a row that does not match.
            var assignments = Enumerable.Range(1, 5).Select(m => Row("rc-emuconfig001", m, "Group", "g-emugroup0001"))
                .Concat(Enumerable.Range(1, 5).Select(m => Row("rc-emuconfig002", m, "User", "u-emuuser00001"))).ToArray();
            options.SeedFile = SeedFile(new { RoleAssignments = assignments });
        }

        private static object Row(string config, int member, string type, string principal) =>
            new { RoleConfigurationId = config, TargetType = "MemberUin", TargetUin = 100000000000L + member, PrincipalType = type, PrincipalId = principal };

        [Theory]
        [InlineData("-PrincipalId u-emuuser00001", "PrincipalId")]
        [InlineData("-RoleConfigurationId rc-emuconfig002", "RoleConfigurationId")]
        [InlineData("-TargetUin 100000000003", "TargetUin")]
        [InlineData("-PrincipalType User", "PrincipalType")]
        public void A_listing_that_ignores_its_filter_is_an_error_and_nothing_is_emitted(string filter, string field)
        {
            ListingFault(Listing, FaultKind.IgnoreFilter, field);
            AssertListingError(Run("Get-TcRoleAssignment " + filter), Listing, "ignored the " + field + " filter");
        }

        [Fact]
        public void A_row_without_the_filtered_field_is_an_error_naming_it()
        {
            ListingFault(Listing, FaultKind.DropField, "PrincipalId");
            AssertListingError(Run("Get-TcRoleAssignment -PrincipalId u-emuuser00001"), Listing, "row 0", "has no PrincipalId");
        }

        [Fact]
        public void Piped_into_Remove_a_listing_that_ignores_its_filter_removes_nothing()
        {
            ListingFault(Listing, FaultKind.IgnoreFilter, "PrincipalId");
            var result = Run("Get-TcRoleAssignment -PrincipalId u-emuuser00001 | Remove-TcRoleAssignment -Force");
            Assert.Contains(result.Errors, e => e.Exception.Message.Contains("ignored the PrincipalId filter"));
            Assert.Equal(0, SentCount("DeleteRoleAssignment"));
            Assert.Equal(10, Emulator.State.RoleAssignments.Count);
        }

        [Fact]
        public void Without_a_fault_each_filter_gives_its_rows()
        {
            Assert.Equal(5, Run("Get-TcRoleAssignment -PrincipalId u-emuuser00001").AssertSuccess().Output.Count);
            Assert.Single(Run("Get-TcRoleAssignment -TargetUin 100000000003 -PrincipalType User").AssertSuccess().Output);
            Assert.Equal(5, Run("Get-TcRoleAssignment -RoleConfigurationId rc-emuconfig001").AssertSuccess().Output.Count);
        }
    }
}
