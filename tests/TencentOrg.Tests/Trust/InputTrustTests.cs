using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 21 item 1: input checked to the true end, in words, enum values in the API's case, lists item by item.</summary>
    public class InputTrustTests : CmdletTestBase
    {
        private const string Rc = "rc-emuconfig001";
        private const string User = "u-emuuser00001";

        [Fact]
        public void Names_ending_in_a_line_feed_blank_NBSP_only_or_holding_a_line_separator_are_refused_in_words_and_emoji_are_accepted()
        {
            var result = Run(@"
foreach ($name in ""Ops`n"", '   ', ([string][char]0x00A0 + [char]0x00A0), ('Ops' + [char]0x2028 + 'Admin')) {
    New-TcOrgIdentity -Name $name -Policy '2:ReadOnlyAccess'
}
New-TcOrgIdentity -Name ('Ops ' + [char]::ConvertFromUtf32(0x1F680)) -Policy '2:ReadOnlyAccess'
New-TcOrgIdentity -Name Described -Policy '2:ReadOnlyAccess' -Description ""line one`nline two""");

            Assert.Null(result.Terminating);
            var refusals = result.Errors.Where(e => e.Exception.Message.Contains("The identity name")).ToList();
            Assert.True(4 == refusals.Count, string.Join("\n", result.Errors.Select(e => e.Exception.Message)));
            foreach (var refusal in refusals)
            {
                Assert.DoesNotContain("^[", refusal.Exception.Message);
                Assert.DoesNotContain("\\p{", refusal.Exception.Message);
            }
            Assert.Contains(refusals, r => r.Exception.Message.Contains("line feed"));
            Assert.Equal(2, refusals.Count(r => r.Exception.Message.Contains("is blank")));
            Assert.Contains(refusals, r => r.Exception.Message.Contains("line separator (U+2028)"));
            Assert.Single(result.Errors, e => e.Exception.Message.Contains("The description") && e.Exception.Message.Contains("line feed"));
            Assert.Equal(5, result.Errors.Count);

            var created = Assert.Single(result.Output);
            Assert.Equal("Ops \U0001F680", Prop(created, "Name"));
            // Only the emoji name reached the service.
            var create = Assert.Single(Sent("CreateOrganizationIdentity"));
            Assert.Equal("Ops \U0001F680", JsonDocument.Parse(create.Body).RootElement.GetProperty("IdentityAliasName").GetString());
        }

        [Fact]
        public void IDs_with_a_trailing_line_feed_send_nothing()
        {
            var result = Run(@"
New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId ""rc-emuconfig001`n"" -PrincipalId u-emuuser00001 -TargetUin 100000000001 -ErrorAction SilentlyContinue
New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId ""g-emugroup0001`n"" -TargetUin 100000000001 -ErrorAction SilentlyContinue
Start-TcRoleProvisioning -ZoneId ""z-emulator0001`n"" -RoleConfigurationId rc-emuconfig001 -TargetUin 100000000001 -ErrorAction SilentlyContinue");

            Assert.Equal(3, result.Errors.Count + (result.Terminating == null ? 0 : 1));
            Assert.All(result.Errors, e => Assert.Contains("\\x0A", e.Exception.Message));
            Assert.Equal(0, Emulator.Requests.Count);
        }

        [Fact]
        public void CIC_user_and_group_text_with_a_trailing_line_feed_sends_nothing()
        {
            var result = Run(@"
New-TcOrgUser -ZoneId z-emulator0001 -UserName lf.user -Description ""ops`n"" -ErrorAction SilentlyContinue
New-TcOrgUser -ZoneId z-emulator0001 -UserName lf.user2 -Email ""a@example.com`n"" -ErrorAction SilentlyContinue
New-TcOrgGroup -ZoneId z-emulator0001 -GroupName lf-group -Description ""ops`n"" -ErrorAction SilentlyContinue");

            Assert.Equal(3, result.Errors.Count + (result.Terminating == null ? 0 : 1));
            Assert.Empty(Sent("CreateUser"));
            Assert.Empty(Sent("CreateGroup"));
        }

        [Fact]
        public void Enum_values_in_any_case_are_sent_in_the_API_case()
        {
            Run("Start-TcRoleProvisioning -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -TargetType memberuin -TargetUin 100000000001").AssertSuccess();
            Run("New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -TargetType MEMBERUIN -PrincipalType user -PrincipalId u-emuuser00001 -TargetUin 100000000002").AssertSuccess();
            Run("@{ RoleConfigurationId = 'rc-emuconfig001'; TargetType = 'memberUIN'; TargetUin = 100000000003; PrincipalId = 'u-emuuser00001'; PrincipalType = 'USER' } | New-TcRoleAssignment -ZoneId z-emulator0001").AssertSuccess();

            var provision = JsonDocument.Parse(Assert.Single(Sent("ProvisionRoleConfiguration")).Body).RootElement;
            Assert.Equal("MemberUin", provision.GetProperty("TargetType").GetString());
            foreach (var create in Sent("CreateRoleAssignment"))
            {
                var info = JsonDocument.Parse(create.Body).RootElement.GetProperty("RoleAssignmentInfo")[0];
                Assert.Equal("MemberUin", info.GetProperty("TargetType").GetString());
                Assert.Equal("User", info.GetProperty("PrincipalType").GetString());
            }
            Assert.Equal(2, SentCount("CreateRoleAssignment"));
        }

        /// <summary>Every ValidateSet of every cmdlet also turns the value into the API's case (a new cmdlet cannot forget it).</summary>
        [Fact]
        public void Every_ValidateSet_parameter_of_the_module_is_canonicalized()
        {
            var result = Run(@"
foreach ($command in Get-Command -Module TencentOrg) {
    foreach ($parameter in $command.Parameters.Values) {
        $set = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        if (-not $set) { continue }
        $canonical = $parameter.Attributes | Where-Object { $_.GetType().Name -eq 'ApiCaseAttribute' }
        if (-not $canonical -or (($canonical.Values -join '|') -cne ($set.ValidValues -join '|'))) { $command.Name + ' -' + $parameter.Name }
    }
}
(Get-Command -Module TencentOrg | ForEach-Object { $_.Parameters.Values } | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } }).Count");

            result.AssertSuccess();
            var count = (int)result.Output.Last().BaseObject;
            Assert.True(count >= 15, "only " + count + " ValidateSet parameters found");
            Assert.Empty(result.Output.Take(result.Output.Count - 1).Select(o => o.ToString()));
        }

        [Fact]
        public void A_repeated_UIN_is_sent_once_with_one_warning()
        {
            var assigned = Run("New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001, 100000000001, '100000000001'");
            var deployed = Run("Start-TcRoleProvisioning -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -TargetUin 100000000002, 100000000002");

            assigned.AssertSuccess();
            deployed.AssertSuccess();
            Assert.Contains("100000000001", Assert.Single(assigned.Warnings));
            Assert.Contains("100000000002", Assert.Single(deployed.Warnings));
            Assert.Equal(new[] { 1 }, BatchSizes("CreateRoleAssignment", "RoleAssignmentInfo"));
            Assert.Single(Sent("ProvisionRoleConfiguration"));
            Assert.Single(assigned.Output);
            Assert.Single(deployed.Output);
        }

        [Fact]
        public void One_blank_or_zero_element_is_one_error_and_the_other_accounts_are_sent()
        {
            var result = Run("New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin @('100000000001', '', '0', '100000000002')");

            Assert.Null(result.Terminating);
            Assert.Equal(2, result.Errors.Count);
            Assert.Contains(result.Errors, e => e.Exception.Message.Contains("blank"));
            Assert.Contains(result.Errors, e => e.Exception.Message.Contains("Account UIN 0"));
            Assert.Equal(new long[] { 100000000001, 100000000002 }, result.Output.Select(o => (long)Prop(o, "TargetUin")!).OrderBy(u => u));
            Assert.Equal(2, Emulator.State.RoleAssignments.Count);
        }

        [Fact]
        public void An_empty_trailing_Description_of_the_last_CSV_row_is_no_description()
        {
            var result = Run(@"
# What Import-Csv makes of a last row 'FromCsv2,2:ReadOnlyAccess' under the header Name,Policy,Description.
[pscustomobject]@{ Name = 'FromCsv1'; Policy = '2:ReadOnlyAccess'; Description = 'first' },
[pscustomobject]@{ Name = 'FromCsv2'; Policy = '2:ReadOnlyAccess'; Description = $null } | New-TcOrgIdentity");

            result.AssertSuccess();
            Assert.Equal(new[] { "FromCsv1", "FromCsv2" }, result.Output.Select(o => (string)Prop(o, "Name")!));
            Assert.Equal(2, SentCount("CreateOrganizationIdentity"));
        }
    }
}
