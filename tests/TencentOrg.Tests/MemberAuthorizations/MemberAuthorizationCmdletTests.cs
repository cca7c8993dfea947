using System.Linq;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.MemberAuthorizations
{
    /// <summary>Get-TcOrgMember, Get- and Remove-TcOrgMemberAuthIdentity.</summary>
    public class MemberAuthorizationCmdletTests : Module.CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.GeneratedMemberCount = 120;
        }

        [Fact]
        public void Get_member_reads_every_page_and_First_stops_early()
        {
            var all = Run("Get-TcOrgMember").AssertSuccess();
            Assert.Equal(120, all.Output.Count);
            Assert.Equal("TencentOrg.OrgMember", all.Output[0].TypeNames[0]);
            Assert.Equal(3, SentCount("DescribeOrganizationMembers"));

            Emulator.Requests.Clear();
            Assert.Equal(60, Run("Get-TcOrgMember -First 60").AssertSuccess().Output.Count);
            Assert.Equal(2, SentCount("DescribeOrganizationMembers"));
        }

        [Fact]
        public void Get_member_by_uin_and_name()
        {
            var one = Run("Get-TcOrgMember -MemberUin 100000000001").AssertSuccess();
            var member = Assert.Single(one.Output);
            Assert.Equal(100000000001L, Prop(member, "MemberUin"));
            Assert.Equal("member-0001", Prop(member, "Name"));

            Assert.Equal(9, Run("Get-TcOrgMember -Name 'member-000*'").AssertSuccess().Output.Count);

            var missing = Run("Get-TcOrgMember -MemberUin 199999999999, 100000000002");
            Assert.Equal(199999999999L, SingleError(missing, "ObjectNotFound", "GetTcOrgMemberCommand").TargetObject);
            Assert.Single(missing.Output);
        }

        [Fact]
        public void Member_output_shows_granted_identities_in_the_table_view()
        {
            Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000003 -IdentityId 1").AssertSuccess();
            var identity = Assert.Single(Run("(Get-TcOrgMember -MemberUin 100000000003).Identities.IdentityId").AssertSuccess().Output);
            Assert.Equal(1L, identity.BaseObject);

            var table = Run("Get-TcOrgMember -MemberUin 100000000003 | Out-Default").AssertSuccess();
            Assert.Contains("MemberUin", table.HostText);
            Assert.Contains("member-0003", table.HostText);
        }

        [Fact]
        public void Get_auth_identity_by_member_or_identity_across_pages()
        {
            var uins = string.Join(",", Members(60));
            Run("Add-TcOrgMemberAuthIdentity -MemberUin " + uins + " -IdentityId 1").AssertSuccess();

            Emulator.Requests.Clear();
            var byIdentity = Run("Get-TcOrgMemberAuthIdentity -IdentityId 1").AssertSuccess();
            Assert.Equal(60, byIdentity.Output.Count);
            Assert.Equal(2, SentCount("DescribeOrganizationMemberAuthIdentities"));
            Assert.Equal("TencentOrg.MemberAuthIdentity", byIdentity.Output[0].TypeNames[0]);

            var byMember = Run("Get-TcOrgMember -MemberUin 100000000002, 100000000061 | Get-TcOrgMemberAuthIdentity").AssertSuccess();
            var grant = Assert.Single(byMember.Output);
            Assert.Equal(100000000002L, Prop(grant, "MemberUin"));
            Assert.Equal("Configured", Prop(grant, "Status"));
        }

        [Fact]
        public void Get_auth_identity_without_a_filter_fails_before_sending()
        {
            var result = Run("Get-TcOrgMemberAuthIdentity");
            Assert.Equal("InvalidArgument,TencentOrg.GetTcOrgMemberAuthIdentityCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, SentCount("DescribeOrganizationMemberAuthIdentities"));
        }

        [Fact]
        public void Remove_auth_identity_from_the_pipeline_one_pair_per_request()
        {
            Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002,100000000003 -IdentityId 1").AssertSuccess();
            Run("Get-TcOrgMemberAuthIdentity -IdentityId 1 | Remove-TcOrgMemberAuthIdentity -Confirm:$false").AssertSuccess();
            Assert.Equal(3, SentCount("DeleteOrganizationMemberAuthIdentity"));
            Assert.Empty(Emulator.State.MemberAuthIdentities);
        }

        [Fact]
        public void Remove_auth_identity_WhatIf_and_Confirm()
        {
            Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002 -IdentityId 1").AssertSuccess();
            var whatIf = Run("Remove-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002 -IdentityId 1 -WhatIf").AssertSuccess();
            Assert.Contains("Member account 100000000001", whatIf.HostText);
            Assert.Contains("Member account 100000000002", whatIf.HostText);
            Assert.Equal(0, SentCount("DeleteOrganizationMemberAuthIdentity"));

            Ps.Host.Recorder.ChoiceAnswers.Enqueue(2);
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(0);
            Run("Remove-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002 -IdentityId 1").AssertSuccess();
            Assert.Equal(2, Ps.Host.Recorder.PromptCaptions.Count);
            Assert.Equal(100000000001L, Assert.Single(Emulator.State.MemberAuthIdentities).MemberUin);
        }

        [Fact]
        public void Remove_auth_identity_not_held_is_an_error_naming_the_pair()
        {
            var result = Run("Remove-TcOrgMemberAuthIdentity -MemberUin 100000000005 -IdentityId 1 -Confirm:$false");
            var error = SingleError(result, "ResourceNotFound.MemberIdentityNotExist", "RemoveTcOrgMemberAuthIdentityCommand");
            // The module and the tests share one TencentOrg.Core, so the target is the typed pair itself.
            var pair = Assert.IsType<MemberGrant>(error.TargetObject);
            Assert.Equal(new MemberGrant(100000000005, 1), pair);
            Assert.Equal("member 100000000005 / identity 1", pair.ToString());
        }
    }
}
