using System.Linq;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.DirectoryDomain
{
    /// <summary>
    /// Issue 17, Must show 2, outside Sync: the CIC directory's Get- cmdlets check each row against the filters they sent
    /// with the one listing check Sync uses. A listing that ignores -UserStatus, -UserType or -GroupType, is an error naming the action and the field; `Get-TcOrgUser -UserStatus Disabled |
    /// Remove-TcOrgUser` never removes an enabled user because the server ignored the filter.
    /// </summary>
    public class DirectoryListingTrustTests : CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            // Enabled, manual rows first, so a listing that ignores a filter for the others starts with a row that does not match.
            options.SeedFile = SeedFile(new
            {
                Users = new object[]
                {
                    new { UserId = "u-emuuser00001", UserName = "user00001", UserStatus = "Enabled", UserType = "Manual" },
                    new { UserId = "u-emuuser00002", UserName = "user00002", UserStatus = "Enabled", UserType = "Manual" },
                    new { UserId = "u-emuuser00003", UserName = "user00003", UserStatus = "Disabled", UserType = "Synchronized" },
                },
                Groups = new object[]
                {
                    new { GroupId = "g-emugroup0001", GroupName = "group0001", GroupType = "Manual", UserIds = new[] { "u-emuuser00001", "u-emuuser00002" } },
                    new { GroupId = "g-emugroup0002", GroupName = "group0002", GroupType = "Synchronized", UserIds = new[] { "u-emuuser00003" } },
                },
            });
        }

        [Fact]
        public void Without_a_fault_the_filters_give_their_rows()
        {
            Assert.Equal("u-emuuser00003", Prop(Assert.Single(Run("Get-TcOrgUser -UserStatus Disabled").AssertSuccess().Output), "UserId"));
            Assert.Equal("g-emugroup0002", Prop(Assert.Single(Run("Get-TcOrgGroup -GroupType Synchronized").AssertSuccess().Output), "GroupId"));
            Assert.Equal(2, Run("Get-TcOrgGroupMember g-emugroup0001").AssertSuccess().Output.Count);
        }

        [Theory]
        [InlineData("-UserStatus Disabled", "UserStatus")]
        [InlineData("-UserType Synchronized", "UserType")]
        public void A_user_listing_that_ignores_its_filter_is_an_error(string filter, string field)
        {
            ListingFault("ListUsers", FaultKind.IgnoreFilter, field);
            AssertListingError(Run("Get-TcOrgUser " + filter), "ListUsers", "ignored the " + field + " filter");
        }

        [Fact]
        public void Piped_into_Remove_a_user_listing_that_ignores_UserStatus_removes_nobody()
        {
            ListingFault("ListUsers", FaultKind.IgnoreFilter, "UserStatus");
            var result = Run("Get-TcOrgUser -UserStatus Disabled | Remove-TcOrgUser -Force");
            Assert.Contains(result.Errors, e => e.Exception.Message.Contains("ignored the UserStatus filter"));
            Assert.Equal(0, SentCount("DeleteUser"));
            Assert.Equal(3, Emulator.State.Users.Count);
        }

        [Fact]
        public void A_group_listing_that_ignores_GroupType_is_an_error()
        {
            ListingFault("ListGroups", FaultKind.IgnoreFilter, "GroupType");
            AssertListingError(Run("Get-TcOrgGroup -GroupType Synchronized"), "ListGroups", "ignored the GroupType filter");
        }

        [Fact]
        public void A_group_member_listing_that_ignores_UserType_is_an_error()
        {
            ListingFault("ListGroupMembers", FaultKind.IgnoreFilter, "UserType");
            // group0001 holds two manual users: asked for the synchronized ones, the server answers with both.
            AssertListingError(Run("Get-TcOrgGroupMember g-emugroup0001 -UserType Synchronized"), "ListGroupMembers", "row 0 of group g-emugroup0001", "ignored the UserType filter");
        }
    }
}
