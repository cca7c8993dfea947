using System.Linq;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.MemberAuthorizations
{
    /// <summary>
    /// Issue 17, Must show 2, outside Sync: Get-TcOrgMemberAuthIdentity (and every reader of the grant listing) checks each
    /// row with the one listing check Sync uses. A row without its member or identity is an error naming the action and the
    /// field, never a grant of the member or identity the request filtered on; a row that ignores the filter is an error.
    /// Through the module's manifest, on the emulator with its listing faults.
    /// </summary>
    public class MemberAuthListingTrustTests : CmdletTestBase
    {
        private const string Listing = "DescribeOrganizationMemberAuthIdentities";

        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.SeedFile = SeedFile(new
            {
                Identities = new object[]
                {
                    new { IdentityId = 101, IdentityAliasName = "auditor", IdentityType = 2, IdentityRoleName = "OrgIdentity_auditor",
                        Description = "Read-only auditors", IdentityPolicy = new[] { new { PolicyId = 2, PolicyName = "ReadOnlyAccess", PolicyType = 2 } } },
                    new { IdentityId = 102, IdentityAliasName = "ops", IdentityType = 2, IdentityRoleName = "OrgIdentity_ops", Description = "Operators",
                        IdentityPolicy = new[] { new { PolicyId = 2, PolicyName = "ReadOnlyAccess", PolicyType = 2 } } },
                },
                MemberAuthIdentities = Enumerable.Range(1, 3).Select(m => new { MemberUin = 100000000000L + m, IdentityId = 101 })
                    .Concat(new[] { new { MemberUin = 100000000001L, IdentityId = 102 } }).ToArray(),
            });
        }

        [Fact]
        public void Without_a_fault_the_same_listings_give_each_row_its_own_member_and_identity()
        {
            var byMember = Run("Get-TcOrgMemberAuthIdentity -MemberUin 100000000001").AssertSuccess().Output;
            Assert.Equal(new long[] { 101, 102 }, byMember.Select(o => (long)Prop(o, "IdentityId")!).OrderBy(i => i));
            Assert.All(byMember, o => Assert.Equal(100000000001L, Prop(o, "MemberUin")));
            var byIdentity = Run("Get-TcOrgMemberAuthIdentity -IdentityId 101").AssertSuccess().Output;
            Assert.Equal(3, byIdentity.Count);
        }

        [Theory]
        [InlineData("-MemberUin 100000000001", "MemberUin", "row 0 of member 100000000001")]
        [InlineData("-IdentityId 101", "MemberUin", "row 0 of identity 101")]
        [InlineData("-MemberUin 100000000001", "IdentityId", "row 0 of member 100000000001")]
        [InlineData("-MemberUin 100000000001 -IdentityId 102", "MemberUin", "row 0 of member 100000000001 and identity 102")]
        public void A_row_missing_its_key_field_is_an_error_naming_the_action_and_the_field_not_the_filtered_value(string filter, string field, string where)
        {
            ListingFault(Listing, FaultKind.DropField, field);
            var result = Run("Get-TcOrgMemberAuthIdentity " + filter);
            AssertListingError(result, Listing, where, "has no " + field);
            Assert.Contains(Emulator.Requests.Snapshot(), r => r.Fault == "DropField/Listing");
        }

        [Theory]
        [InlineData("-MemberUin 100000000002 -IdentityId 101", "MemberUin", "ignored the MemberUin filter")]
        [InlineData("-MemberUin 100000000001 -IdentityId 102", "IdentityId", "ignored the IdentityId filter")]
        public void A_listing_that_ignores_its_filter_is_an_error_not_grants_of_the_filtered_member(string filter, string field, string words)
        {
            ListingFault(Listing, FaultKind.IgnoreFilter, field);
            var result = Run("Get-TcOrgMemberAuthIdentity " + filter);
            AssertListingError(result, Listing, words);
        }

        [Fact]
        public void The_access_report_stops_on_a_grant_row_without_its_member_instead_of_leaving_it_out()
        {
            ListingFault(Listing, FaultKind.DropField, "MemberUin");
            var result = Run("Get-TcOrgAccess -IncludeMemberIdentities");
            Assert.Contains(result.Errors.Concat(result.Terminating is System.Management.Automation.IContainsErrorRecord c ? new[] { c.ErrorRecord } : new System.Management.Automation.ErrorRecord[0]),
                e => e.Exception.Message.Contains("DescribeOrganizationMemberAuthIdentities") && e.Exception.Message.Contains("has no MemberUin"));
        }
    }
}
