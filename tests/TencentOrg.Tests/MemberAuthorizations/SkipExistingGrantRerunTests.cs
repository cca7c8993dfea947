using System.Linq;
using System.Text.Json;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.MemberAuthorizations
{
    /// <summary>Add-TcOrgMemberAuthIdentity -SkipExisting reads the grants once per identity, not once per member.</summary>
    public class SkipExistingGrantRerunTests : CmdletTestBase
    {
        protected override void Configure(TencentOrg.Emulator.EmulatorOptions options)
        {
            base.Configure(options);
            options.GeneratedMemberCount = 150;
        }

        [Fact]
        public void Rerun_of_30_members_by_1_identity_is_one_listing_and_no_write()
        {
            long id = (long)Prop(Assert.Single(Run("New-TcOrgIdentity -Name Rerun30 -Policy '2:ReadOnlyAccess'").AssertSuccess().Output), "IdentityId")!;
            const string grant = "Add-TcOrgMemberAuthIdentity -MemberUin (1..30 | ForEach-Object { 100000000000 + $_ }) -IdentityId $id -PassThru";
            var vars = new System.Collections.Generic.Dictionary<string, object?> { ["id"] = id };
            Run(grant, vars).AssertSuccess();
            Emulator.Requests.Clear();

            var rerun = Run(grant + " -SkipExisting", vars).AssertSuccess();
            Assert.Equal(30, rerun.Output.Count);
            Assert.All(rerun.Output, o => Assert.Equal(true, Prop(o, "AlreadyGranted")));
            Assert.Equal(30, rerun.Warnings.Count(w => w.Contains("already granted")));
            Assert.Empty(Sent("CreateOrganizationMemberAuthIdentity"));
            var listing = Assert.Single(Sent("DescribeOrganizationMemberAuthIdentities"));
            var body = JsonDocument.Parse(listing.Body).RootElement;
            Assert.Equal(id, body.GetProperty("IdentityId").GetInt64());
            Assert.Equal(50, body.GetProperty("Limit").GetInt64());
            Assert.False(body.TryGetProperty("MemberUin", out _));
            Assert.Equal(1, Emulator.Requests.Count);
        }

        [Fact]
        public void Rerun_of_120_members_lists_per_50_and_grants_only_the_missing()
        {
            long id = (long)Prop(Assert.Single(Run("New-TcOrgIdentity -Name Rerun120 -Policy '2:ReadOnlyAccess'").AssertSuccess().Output), "IdentityId")!;
            var vars = new System.Collections.Generic.Dictionary<string, object?> { ["id"] = id };
            Run("Add-TcOrgMemberAuthIdentity -MemberUin (1..110 | ForEach-Object { 100000000000 + $_ }) -IdentityId $id", vars).AssertSuccess();
            Emulator.Requests.Clear();

            var rerun = Run("1..120 | ForEach-Object { 100000000000 + $_ } | Add-TcOrgMemberAuthIdentity -IdentityId $id -SkipExisting -PassThru", vars).AssertSuccess();
            Assert.Equal(120, rerun.Output.Count);
            Assert.Equal(110, rerun.Output.Count(o => (bool)Prop(o, "AlreadyGranted")!));
            // 3 pages find what exists; one more listing of the identity (3 pages of its 120 grants) reads back the 10 new
            // grants for -PassThru: per identity, not per member.
            Assert.Equal(6, SentCount("DescribeOrganizationMemberAuthIdentities"));
            var sent = Assert.Single(Sent("CreateOrganizationMemberAuthIdentity"));
            Assert.Equal(10, JsonDocument.Parse(sent.Body).RootElement.GetProperty("MemberUins").GetArrayLength());
            Assert.Equal(120, Emulator.State.MemberAuthIdentities.Count(a => a.IdentityId == id));
        }
    }
}
