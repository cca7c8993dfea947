using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.MemberAuthorizations
{
    public class AddTcOrgMemberAuthIdentityTests : CmdletTestBase
    {
        private long CreateIdentity(string name) =>
            (long)Prop(Assert.Single(Run("New-TcOrgIdentity -Name " + name + " -Policy '1:AdministratorAccess'").AssertSuccess().Output), "IdentityId")!;

        [Fact]
        public void Identity_piped_from_New_TcOrgIdentity_is_granted_to_every_member()
        {
            var result = Run("New-TcOrgIdentity -Name Auditor -Policy '2:ReadOnlyAccess' | Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002,100000000003 -PassThru").AssertSuccess();
            Assert.Equal(3, result.Output.Count);
            Assert.All(result.Output, o => Assert.Equal("TencentOrg.MemberAuthIdentity", o.TypeNames[0]));
            Assert.Equal(new long[] { 100000000001, 100000000002, 100000000003 }, result.Output.Select(o => (long)Prop(o, "MemberUin")!).OrderBy(u => u));
            var body = JsonDocument.Parse(Assert.Single(Sent("CreateOrganizationMemberAuthIdentity")).Body).RootElement;
            Assert.Equal(3, body.GetProperty("MemberUins").GetArrayLength());
            Assert.Equal(3, Emulator.State.MemberAuthIdentities.Count(a => a.IdentityId >= 101));
        }

        [Fact]
        public void Twenty_five_members_piped_by_value_go_out_as_10_10_5()
        {
            long id = CreateIdentity("Batch25");
            var result = Run("1..25 | ForEach-Object { 100000000000 + $_ } | Add-TcOrgMemberAuthIdentity -IdentityId " + id + " -PassThru").AssertSuccess();
            Assert.Equal(25, result.Output.Count);
            Assert.Equal(new[] { 5, 10, 10 }, BatchSizes("CreateOrganizationMemberAuthIdentity", "MemberUins"));
            Assert.Equal(25, Emulator.State.MemberAuthIdentities.Count(a => a.IdentityId == id));
        }

        [Fact]
        public void Seven_identities_are_split_5_and_2_with_one_object_per_pair()
        {
            var ids = Enumerable.Range(1, 7).Select(i => CreateIdentity("Seven" + i)).ToArray();
            Emulator.Requests.Clear();
            var result = Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002 -IdentityId " + string.Join(",", ids) + " -PassThru").AssertSuccess();
            Assert.Equal(14, result.Output.Count);
            Assert.Equal(14, result.Output.Select(o => (long)Prop(o, "MemberUin")! + "/" + (long)Prop(o, "IdentityId")!).Distinct().Count());
            Assert.Equal(new[] { 2, 5 }, BatchSizes("CreateOrganizationMemberAuthIdentity", "IdentityIds"));
        }

        [Fact]
        public void Seven_identities_piped_to_25_fixed_members_are_pooled_5_and_2_then_10_10_5()
        {
            var result = Run(@"
$members = 1..25 | ForEach-Object { 100000000000 + $_ }
1..7 | ForEach-Object { New-TcOrgIdentity -Name ""Pooled$_"" -Policy '2:ReadOnlyAccess' } | Add-TcOrgMemberAuthIdentity -MemberUin $members -PassThru").AssertSuccess();
            Assert.Equal(7 * 25, result.Output.Count);
            Assert.Equal(7 * 25, result.Output.Select(o => (long)Prop(o, "MemberUin")! + "/" + (long)Prop(o, "IdentityId")!).Distinct().Count());
            // 2 identity pools x 3 member batches = 6 requests, not 7 identities x 3 batches = 21.
            Assert.Equal(new[] { 2, 2, 2, 5, 5, 5 }, BatchSizes("CreateOrganizationMemberAuthIdentity", "IdentityIds"));
            Assert.Equal(new[] { 5, 5, 10, 10, 10, 10 }, BatchSizes("CreateOrganizationMemberAuthIdentity", "MemberUins"));
        }

        [Fact]
        public void Confirm_on_pooled_identities_asks_once_per_piped_identity()
        {
            var ids = Enumerable.Range(1, 3).Select(i => CreateIdentity("Ask" + i)).ToArray();
            Emulator.Requests.Clear();
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(0);
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(2);
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(0);
            Run(string.Join(",", ids) + " | ForEach-Object { [pscustomobject]@{ IdentityId = $_ } } | Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002 -Confirm").AssertSuccess();
            Assert.Equal(3, Ps.Host.Recorder.PromptCaptions.Count);
            var body = JsonDocument.Parse(Assert.Single(Sent("CreateOrganizationMemberAuthIdentity")).Body).RootElement;
            Assert.Equal(new[] { ids[0], ids[2] }, body.GetProperty("IdentityIds").EnumerateArray().Select(e => e.GetInt64()).OrderBy(i => i));
        }

        [Fact]
        public void Rows_bind_Uin_and_IdentityId_by_property_name_without_PassThru_output()
        {
            long id = CreateIdentity("ByName");
            var result = Run("[pscustomobject]@{ Uin = 100000000007; IdentityId = " + id + " }, [pscustomobject]@{ MemberUin = 100000000008; IdentityId = " + id + " } | Add-TcOrgMemberAuthIdentity").AssertSuccess();
            Assert.Empty(result.Output);
            Assert.Equal(new long[] { 100000000007, 100000000008 },
                Emulator.State.MemberAuthIdentities.Where(a => a.IdentityId == id).Select(a => a.MemberUin).OrderBy(u => u));
        }

        [Fact]
        public void Unknown_member_is_an_error_for_that_member_only()
        {
            long id = CreateIdentity("Partial");
            var result = Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000999,100000000002 -IdentityId " + id + " -PassThru");
            Assert.Null(result.Terminating);
            Assert.Equal(new long[] { 100000000001, 100000000002 }, result.Output.Select(o => (long)Prop(o, "MemberUin")!).OrderBy(u => u));
            var error = Assert.Single(result.Errors);
            Assert.Equal("ResourceNotFound.OrganizationMemberNotExist,TencentOrg.AddTcOrgMemberAuthIdentityCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(100000000999L, error.TargetObject);
            Assert.Contains("RequestId", error.Exception.Message);
        }

        [Theory]
        [InlineData("-MemberUin 0 -IdentityId 101", "UIN")]
        [InlineData("-MemberUin -5 -IdentityId 101", "UIN")]
        [InlineData("-MemberUin 100000000001 -IdentityId 0", "IdentityId")]
        public void Invalid_values_send_nothing(string arguments, string message)
        {
            AssertRejected(Run("Add-TcOrgMemberAuthIdentity " + arguments), message);
        }
    }
}
