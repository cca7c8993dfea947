using System.Linq;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.OrganizationIdentities
{
    /// <summary>Get-, Set- and Remove-TcOrgIdentity.</summary>
    public class OrganizationIdentityCmdletTests : Module.CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            // 60 custom identities plus the preset one: two pages of 50.
            var identities = new object[] { new { IdentityId = 1, IdentityAliasName = "OrganizationAccessControl", IdentityType = 1, IdentityRoleName = "OrganizationAccessControlRole", Description = "preset", IdentityPolicy = new[] { new { PolicyId = 1, PolicyName = "AdministratorAccess" } } } }
                .Concat(Enumerable.Range(1, 60).Select(i => (object)new
                {
                    IdentityId = 100 + i,
                    IdentityAliasName = "Bulk" + i.ToString("00"),
                    IdentityType = 2,
                    IdentityRoleName = "OrgIdentity_Bulk" + i,
                    Description = "bulk " + i,
                    IdentityPolicy = new[] { new { PolicyId = 2, PolicyName = "ReadOnlyAccess", PolicyType = 2 } },
                })).ToArray();
            options.SeedFile = SeedFile(new { Identities = identities });
        }

        [Fact]
        public void Get_lists_every_page_and_First_stops_early()
        {
            var all = Run("Get-TcOrgIdentity").AssertSuccess();
            Assert.Equal(61, all.Output.Count);
            Assert.Equal("TencentOrg.OrgIdentity", all.Output[0].TypeNames[0]);
            Assert.Equal(2, SentCount("ListOrganizationIdentity"));

            Emulator.Requests.Clear();
            var first = Run("Get-TcOrgIdentity -First 3").AssertSuccess();
            Assert.Equal(3, first.Output.Count);
            Assert.Equal(1, SentCount("ListOrganizationIdentity"));
        }

        [Fact]
        public void Get_by_name_exact_wildcard_type_and_id()
        {
            var exact = Run("Get-TcOrgIdentity -Name bulk07").AssertSuccess();
            Assert.Equal("Bulk07", Prop(Assert.Single(exact.Output), "Name"));

            var wildcard = Run("Get-TcOrgIdentity -Name 'Bulk1*'").AssertSuccess();
            Assert.Equal(10, wildcard.Output.Count);
            Assert.Contains("\"SearchKey\":\"Bulk1\"", Emulator.Requests.ForAction("ListOrganizationIdentity").Last().Body);

            var preset = Run("Get-TcOrgIdentity -IdentityType Preset").AssertSuccess();
            Assert.Equal(1L, Prop(Assert.Single(preset.Output), "IdentityId"));

            var byId = Run("102, 103 | Get-TcOrgIdentity").AssertSuccess();
            Assert.Equal(new object?[] { "Bulk02", "Bulk03" }, byId.Output.Select(o => Prop(o, "Name")).ToArray());

            Assert.Empty(Run("Get-TcOrgIdentity -Name 'NoSuch*'").AssertSuccess().Output);
        }

        [Fact]
        public void Get_unknown_id_or_name_is_a_not_found_error_per_input()
        {
            var result = Run("Get-TcOrgIdentity -IdentityId 999, 101");
            var error = SingleError(result, "ObjectNotFound", "GetTcOrgIdentityCommand");
            Assert.Equal(999L, error.TargetObject);
            Assert.Single(result.Output);

            var byName = Run("Get-TcOrgIdentity -Name 'Missing'");
            Assert.Equal("Missing", SingleError(byName, "ObjectNotFound", "GetTcOrgIdentityCommand").TargetObject);
        }

        [Fact]
        public void Set_sends_the_merged_description_and_policies()
        {
            var updated = Run("Get-TcOrgIdentity -Name Bulk05 | Set-TcOrgIdentity -Description 'changed' -PassThru").AssertSuccess();
            Assert.Equal("changed", Prop(Assert.Single(updated.Output), "Description"));
            var body = Emulator.Requests.ForAction("UpdateOrganizationIdentity").Single().Body;
            Assert.Contains("\"PolicyName\":\"ReadOnlyAccess\"", body);
            var stored = Emulator.State.Identities.Single(i => i.IdentityId == 105);
            Assert.Equal("changed", stored.Description);
            Assert.Equal("ReadOnlyAccess", Assert.Single(stored.IdentityPolicy).PolicyName);

            Run("Set-TcOrgIdentity -IdentityId 105 -Policy '1:AdministratorAccess','5:QcloudCVMFullAccess'").AssertSuccess();
            stored = Emulator.State.Identities.Single(i => i.IdentityId == 105);
            Assert.Equal("changed", stored.Description);
            Assert.Equal(new[] { "AdministratorAccess", "QcloudCVMFullAccess" }, stored.IdentityPolicy.Select(p => p.PolicyName).ToArray());
        }

        [Fact]
        public void Set_validates_before_sending_and_reports_unknown_identities()
        {
            var nothing = Run("Set-TcOrgIdentity -IdentityId 105");
            Assert.Equal("InvalidArgument,TencentOrg.SetTcOrgIdentityCommand", Assert.Single(nothing.Errors).FullyQualifiedErrorId);
            var badPolicy = Run("Set-TcOrgIdentity -IdentityId 105 -Policy @{PolicyType=1; PolicyDocument='not json'}");
            Assert.Equal("InvalidArgument,TencentOrg.SetTcOrgIdentityCommand", Assert.Single(badPolicy.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, SentCount("ListOrganizationIdentity") + SentCount("UpdateOrganizationIdentity"));

            var missing = Run("Set-TcOrgIdentity -IdentityId 999 -Description x");
            Assert.Equal(999L, SingleError(missing, "ObjectNotFound", "SetTcOrgIdentityCommand").TargetObject);
            Assert.Equal(0, SentCount("UpdateOrganizationIdentity"));
        }

        [Fact]
        public void Remove_WhatIf_sends_nothing_and_names_each_identity()
        {
            var result = Run("Get-TcOrgIdentity -Name 'Bulk0[12]' | Remove-TcOrgIdentity -WhatIf").AssertSuccess();
            Assert.Contains("Organization identity 101", result.HostText);
            Assert.Contains("Organization identity 102", result.HostText);
            Assert.Equal(0, SentCount("DeleteOrganizationIdentity"));
            Assert.Equal(61, Emulator.State.Identities.Count);
        }

        [Fact]
        public void Remove_Confirm_prompt_names_the_identity_and_WhatIf_or_no_prompt_lists_nothing()
        {
            var before = SentCount("ListOrganizationIdentity");
            Run("Remove-TcOrgIdentity -IdentityId 103 -WhatIf").AssertSuccess();
            Run("Remove-TcOrgIdentity -IdentityId 104 -Confirm:$false").AssertSuccess();
            Assert.Equal(before, SentCount("ListOrganizationIdentity"));

            Ps.Host.Recorder.ChoiceAnswers.Enqueue(2); // No
            Run("Remove-TcOrgIdentity -IdentityId 105").AssertSuccess();
            Assert.Contains(Ps.Host.Recorder.PromptCaptions, c => c.Contains("Organization identity 105 (Bulk05)"));
            Assert.Equal(1, SentCount("DeleteOrganizationIdentity"));
        }

        [Fact]
        public void Remove_WhatIf_names_a_piped_identity_without_a_read()
        {
            Run("Get-TcOrgIdentity -IdentityId 105").AssertSuccess();
            int listings = SentCount("ListOrganizationIdentity"), deletes = SentCount("DeleteOrganizationIdentity");
            var listed = Run("Get-TcOrgIdentity -IdentityId 105 | Remove-TcOrgIdentity -WhatIf").AssertSuccess();
            Assert.Contains("Organization identity 105 (Bulk05)", listed.HostText);
            // The name came with the piped object: the only listing is Get-TcOrgIdentity's own, and nothing is deleted.
            Assert.Equal(2 * listings, SentCount("ListOrganizationIdentity"));
            Assert.Equal(deletes, SentCount("DeleteOrganizationIdentity"));
        }

        [Fact]
        public void Remove_Confirm_asks_per_identity()
        {
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(0);
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(2);
            var result = Run("Remove-TcOrgIdentity -IdentityId 101, 102").AssertSuccess();
            Assert.Equal(2, Ps.Host.Recorder.PromptCaptions.Count);
            Assert.Equal(1, SentCount("DeleteOrganizationIdentity"));
            Assert.DoesNotContain(Emulator.State.Identities, i => i.IdentityId == 101);
            Assert.Contains(Emulator.State.Identities, i => i.IdentityId == 102);
        }

        [Fact]
        public void Remove_identity_in_use_is_an_error_naming_it_and_others_go_on()
        {
            Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId 103").AssertSuccess();
            var result = Run("Remove-TcOrgIdentity -IdentityId 103, 104 -Confirm:$false");
            Assert.Equal(103L, SingleError(result, "FailedOperation.OrganizationIdentityInUsed", "RemoveTcOrgIdentityCommand").TargetObject);
            Assert.DoesNotContain(Emulator.State.Identities, i => i.IdentityId == 104);
        }
    
        [Fact]
        public void Set_WhatIf_sends_nothing_and_names_the_identity()
        {
            var result = Run("Get-TcOrgIdentity -IdentityId 101 | Set-TcOrgIdentity -Description 'x' -WhatIf").AssertSuccess();
            Assert.Contains("Organization identity 101", result.HostText);
            Assert.Equal(0, SentCount("UpdateOrganizationIdentity"));
        }
    }
}
