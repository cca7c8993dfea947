using System.Linq;
using System.Text.Json;
using TencentOrg.Emulator;
using Xunit;
using EmulatedConfiguration = TencentOrg.Emulator.RoleConfiguration;

namespace TencentOrg.Tests.RoleConfigurations
{
    /// <summary>The permission-configuration cmdlets on the emulator, through the module's .psd1.</summary>
    public class RoleConfigurationCmdletTests : Module.CmdletTestBase
    {
        private const string Doc = "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"name/cvm:*\"],\"resource\":[\"*\"]}]}";

        private EmulatorState State => Emulator.State;

        private EmulatedConfiguration Config(string name) => State.RoleConfigurations.Single(c => c.RoleConfigurationName == name);

        private int Writes => Emulator.Requests.Snapshot().Count(r => !r.Action.StartsWith("List") && !r.Action.StartsWith("Get") && !r.Action.StartsWith("Describe"));

        [Fact]
        public void New_Set_and_Remove_a_configuration_from_the_pipeline()
        {
            var created = Run("'ops-admin','ops-read' | New-TcRoleConfiguration -Description 'Ops' -SessionDuration 7200").AssertSuccess();
            Assert.Equal(2, created.Output.Count);
            Assert.Equal("TencentOrg.RoleConfiguration", created.Output[0].TypeNames[0]);
            Assert.Matches("^rc-[a-z0-9]{12}$", (string)Prop(created.Output[0], "RoleConfigurationId")!);
            Assert.Equal(7200L, Config("ops-read").SessionDuration);

            var set = Run("Get-TcRoleConfiguration -Filter ops- | Set-TcRoleConfiguration -Description 'Operations' -RelayState https://console.cloud.tencent.com/cvm -PassThru").AssertSuccess();
            Assert.Equal(2, set.Output.Count);
            Assert.Equal("Operations", Config("ops-admin").Description);
            Assert.Equal("https://console.cloud.tencent.com/cvm", Config("ops-admin").RelayState);

            Run("Get-TcRoleConfiguration -Filter ops- | Remove-TcRoleConfiguration -Force").AssertSuccess();
            Assert.DoesNotContain(State.RoleConfigurations, c => c.RoleConfigurationName.StartsWith("ops-"));
        }

        [Fact]
        public void WhatIf_sends_no_write_and_Remove_asks_unless_Force()
        {
            Run("New-TcRoleConfiguration -Name dev -WhatIf; Add-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyId 2 -WhatIf; Remove-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyId 1 -WhatIf -Force; Set-TcRoleConfigurationPolicy rc-emuconfig004 dev-vpc -CustomPolicyDocument '" + Doc + "' -WhatIf").AssertSuccess();
            Assert.Equal(0, Writes);

            Ps.Host.Recorder.ChoiceAnswers.Enqueue(2); // No
            Run("Remove-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyId 1").AssertSuccess();
            Assert.Single(Ps.Host.Recorder.PromptCaptions);
            Assert.Equal(0, Writes);
            Run("Remove-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyId 1 -Force").AssertSuccess();
            Assert.Empty(Ps.Host.Recorder.PromptCaptions);
            Assert.Empty(Config("AdministratorAccess").Policies);
        }

        [Fact]
        public void Get_Add_Remove_and_Set_policies()
        {
            var listed = Run("Get-TcRoleConfiguration -RoleConfigurationId rc-emuconfig004 | Get-TcRoleConfigurationPolicy").AssertSuccess();
            Assert.Equal(3, listed.Output.Count);
            Assert.Equal("TencentOrg.RoleConfigurationPolicy", listed.Output[0].TypeNames[0]);
            var custom = listed.Output.Single(p => (string)Prop(p, "RolePolicyType")! == "Custom");
            Assert.Null(Prop(custom, "RolePolicyId"));
            Assert.Single(Run("Get-TcRoleConfigurationPolicy rc-emuconfig004 -PolicyType Custom").AssertSuccess().Output);

            // By ID and by name (the names go in one call); an attached one sends nothing.
            var added = Run("Add-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyId 2,3 -PassThru; Add-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyName QcloudCVMFullAccess,AdministratorAccess -PassThru").AssertSuccess();
            Assert.Equal(4, added.Output.Count);
            Assert.Equal(5L, Prop(added.Output[2], "RolePolicyId"));
            Assert.Equal(new long[] { 1, 2, 3, 5 }, Config("AdministratorAccess").Policies.Select(p => p.RolePolicyId).OrderBy(i => i));
            Assert.Equal(2, SentCount("AddPermissionPolicyToRoleConfiguration"));

            Run("Add-TcRoleConfigurationPolicy rc-emuconfig001 -CustomPolicyName admin-cvm -CustomPolicyDocument '" + Doc + "'").AssertSuccess();
            Assert.Equal(Doc, Config("AdministratorAccess").Policies.Single(p => p.RolePolicyType == "Custom").RolePolicyDocument);
            // Copy every policy of one configuration to another, through the pipeline.
            Run("New-TcRoleConfiguration -Name copy | Out-Null; $id = (Get-TcRoleConfiguration -Filter copy).RoleConfigurationId; Get-TcRoleConfigurationPolicy rc-emuconfig004 | Add-TcRoleConfigurationPolicy -RoleConfigurationId $id").AssertSuccess();
            Assert.Equal(3, Config("copy").Policies.Count);

            string newDoc = Doc.Replace("cvm", "cos");
            Run("Set-TcRoleConfigurationPolicy rc-emuconfig001 -CustomPolicyName admin-cvm -CustomPolicyDocument '" + newDoc + "'").AssertSuccess();
            Assert.Equal(newDoc, Config("AdministratorAccess").Policies.Single(p => p.RolePolicyType == "Custom").RolePolicyDocument);
            int updates = SentCount("UpdateCustomPolicyForRoleConfiguration");
            Run("Set-TcRoleConfigurationPolicy rc-emuconfig001 -CustomPolicyName admin-cvm -CustomPolicyDocument '" + newDoc + "'").AssertSuccess();
            Assert.Equal(updates, SentCount("UpdateCustomPolicyForRoleConfiguration"));

            // Piped policies remove by ID (system) and by name (custom); a policy not attached is success.
            Run("Get-TcRoleConfigurationPolicy rc-emuconfig001 | Remove-TcRoleConfigurationPolicy -Force").AssertSuccess();
            Assert.Empty(Config("AdministratorAccess").Policies);
            Run("Remove-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyName admin-cvm -PolicyType Custom -Force").AssertSuccess();
            Run("Remove-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyName nothing-here -Force").AssertSuccess();
        }

        [Fact]
        public void Bad_input_is_refused_before_any_write_and_names_the_value()
        {
            string big = "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"" + new string('a', 4100) + "\"],\"resource\":[\"*\"]}]}";
            var oversized = Run("Add-TcRoleConfigurationPolicy rc-emuconfig001 -CustomPolicyName big -CustomPolicyDocument '" + big + "'");
            Assert.Contains("at most 4096", Assert.Single(oversized.Errors).Exception.Message);
            var notJson = Run("Set-TcRoleConfigurationPolicy rc-emuconfig004 -CustomPolicyName dev-vpc -CustomPolicyDocument 'allow everything'");
            Assert.Contains("not valid JSON", Assert.Single(notJson.Errors).Exception.Message);

            var unknownType = Run("[TencentOrg.RoleConfigurationPolicy]@{ ZoneId = 'z-emulator0001'; RolePolicyType = 'Sytem'; RolePolicyId = 2 } | Add-TcRoleConfigurationPolicy rc-emuconfig001");
            Assert.Contains("'Sytem' is unknown", Assert.Single(unknownType.Errors).Exception.Message + unknownType.Terminating);
            var badId = Run("Add-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyId 0,2");
            Assert.Contains("ID 0 is not valid", Assert.Single(badId.Errors).Exception.Message);
            var longName = Run("Add-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyName " + new string('n', 33));
            Assert.Contains("at most 32", Assert.Single(longName.Errors).Exception.Message);
            // A custom policy the configuration does not have: refused after one read, before any write.
            var missing = Run("Set-TcRoleConfigurationPolicy rc-emuconfig001 -CustomPolicyName nope -CustomPolicyDocument '" + Doc + "'");
            var notFound = Assert.Single(missing.Errors);
            Assert.Equal("ObjectNotFound", notFound.FullyQualifiedErrorId.Split(',')[0]); // decided by the module: its own words, no service code
            Assert.Contains("has no custom policy named 'nope'; nothing was sent", notFound.Exception.Message);
            Assert.DoesNotContain("UpdateCustomPolicyForRoleConfiguration failed", notFound.ToString());

            var badNames = Run("'ops_admin','ok-name','has space' | New-TcRoleConfiguration -WhatIf:$false");
            Assert.Equal(2, badNames.Errors.Count);
            Assert.Contains("'ops_admin'", badNames.Errors[0].Exception.Message);
            Assert.Contains(State.RoleConfigurations, c => c.RoleConfigurationName == "ok-name");
            Assert.Equal(1, SentCount("CreateRoleConfiguration"));
            Assert.Single(Run("Set-TcRoleConfiguration rc-emuconfig001 -SessionDuration 60").Errors);
            Assert.Single(Run("Set-TcRoleConfiguration rc-emuconfig001 -RelayState http://example.com").Errors);

            // Only the good policy of the -PolicyId list above was written, and only the one good name.
            Assert.Equal(1, SentCount("AddPermissionPolicyToRoleConfiguration"));
            Assert.Equal(2, Writes);
        }

        [Fact]
        public void Remove_of_a_configuration_that_still_holds_policies_is_refused_by_the_service()
        {
            var refused = Run("Remove-TcRoleConfiguration rc-emuconfig002 -Force");
            SingleError(refused, "InvalidParameter.RolePolicyAlreadyExist", "RemoveTcRoleConfigurationCommand");
            Run("Get-TcRoleConfigurationPolicy rc-emuconfig002 | Remove-TcRoleConfigurationPolicy -Force; Remove-TcRoleConfiguration rc-emuconfig002 -Force").AssertSuccess();
            Assert.DoesNotContain(State.RoleConfigurations, c => c.RoleConfigurationId == "rc-emuconfig002");
        }
    }
}
