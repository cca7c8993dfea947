using System.Linq;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.OrganizationIdentities
{
    /// <summary>
    /// Issue 17, Must show 2, outside Sync: Get-TcOrgIdentity and Get-TcOrgMember check each row against the filters they
    /// sent with the one listing check Sync uses. A listing that ignores -IdentityType, -IdentityId or -NodeId, or a row
    /// without the filtered field, is an error naming the action and the field, never a row of another kind or a "not found".
    /// </summary>
    public class IdentityAndMemberListingTrustTests : CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.SeedFile = SeedFile(new
            {
                Identities = new object[]
                {
                    new { IdentityId = 1, IdentityAliasName = "OrganizationAccessControl", IdentityType = 1, IdentityRoleName = "OrganizationAccessControlRole",
                        Description = "Preset administrator identity", IdentityPolicy = new[] { new { PolicyId = 1, PolicyName = "AdministratorAccess", PolicyType = 2 } } },
                    new { IdentityId = 101, IdentityAliasName = "auditor", IdentityType = 2, IdentityRoleName = "OrgIdentity_auditor",
                        Description = "Read-only auditors", IdentityPolicy = new[] { new { PolicyId = 2, PolicyName = "ReadOnlyAccess", PolicyType = 2 } } },
                },
                // Node 1 first, so a listing that ignores -NodeId 2 starts with a row of node 1.
                Members = Enumerable.Range(1, 4).Select(m => new { MemberUin = 100000000000L + m, Name = "member-" + m, NodeId = m <= 2 ? 1L : 2L, NodeName = m <= 2 ? "Root" : "Dev" }).ToArray(),
            });
        }

        [Fact]
        public void Without_a_fault_the_filters_give_their_rows()
        {
            Assert.Equal(101L, Prop(Assert.Single(Run("Get-TcOrgIdentity -IdentityType Custom").AssertSuccess().Output), "IdentityId"));
            Assert.Equal(101L, Prop(Assert.Single(Run("Get-TcOrgIdentity -IdentityId 101").AssertSuccess().Output), "IdentityId"));
            Assert.Equal(2, Run("Get-TcOrgMember -NodeId 2").AssertSuccess().Output.Count);
        }

        [Fact]
        public void A_listing_that_ignores_IdentityType_is_an_error_not_the_preset_identity_shown_as_custom()
        {
            ListingFault("ListOrganizationIdentity", FaultKind.IgnoreFilter, "IdentityType");
            AssertListingError(Run("Get-TcOrgIdentity -IdentityType Custom"), "ListOrganizationIdentity", "ignored the IdentityType filter");
        }

        [Fact]
        public void A_row_without_IdentityId_is_an_error_naming_it_not_a_not_found()
        {
            ListingFault("ListOrganizationIdentity", FaultKind.DropField, "IdentityId");
            AssertListingError(Run("Get-TcOrgIdentity -IdentityId 101"), "ListOrganizationIdentity", "row 0", "has no IdentityId");
        }

        [Fact]
        public void A_listing_that_ignores_NodeId_is_an_error_not_members_of_another_node()
        {
            ListingFault("DescribeOrganizationMembers", FaultKind.IgnoreFilter, "NodeId");
            AssertListingError(Run("Get-TcOrgMember -NodeId 2"), "DescribeOrganizationMembers", "ignored the NodeId filter");
        }

        [Fact]
        public void A_member_row_without_NodeId_under_a_NodeId_filter_is_an_error_naming_it()
        {
            ListingFault("DescribeOrganizationMembers", FaultKind.DropField, "NodeId");
            AssertListingError(Run("Get-TcOrgMember -NodeId 2"), "DescribeOrganizationMembers", "has no NodeId");
        }
    }
}
