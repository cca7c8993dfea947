using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TencentOrg.Tests.Reliability
{
    /// <summary>One emulator and one connected runspace for the whole bad-input corpus.</summary>
    public sealed class BadInputFixture : IAsyncLifetime
    {
        public ReliabilityEnv Env { get; private set; } = null!;
        public async Task InitializeAsync() => Env = await ReliabilityEnv.StartAsync();
        public async Task DisposeAsync() => await Env.DisposeAsync();
    }

    /// <summary>Every bad input is refused with a clear error before a single request leaves the machine.</summary>
    public class BadInputTests : IClassFixture<BadInputFixture>
    {
        private const string P = " -Policy '2:ReadOnlyAccess'";
        private const string Ra = "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001";
        private readonly BadInputFixture _fixture;
        private readonly ITestOutputHelper _output;

        public BadInputTests(BadInputFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        /// <summary>Each bad input and what its error must say: the parameter it names, and where the module words the
        /// error itself, the reason ("a|b": both must appear).</summary>
        public static IEnumerable<object[]> Corpus() => new[]
        {
            // New-TcOrgIdentity: names, descriptions, policies, pipeline items.
            new[] { "New-TcOrgIdentity -Name ''" + P, "parameter 'Name'" },
            new[] { "New-TcOrgIdentity -Name ('x' * 10000)" + P, "parameter 'Name'" },
            new[] { "New-TcOrgIdentity -Name ('x' * 65)" + P, "parameter 'Name'" },
            new[] { "New-TcOrgIdentity -Name \"a`tb\"" + P, "parameter 'Name'" },
            new[] { "New-TcOrgIdentity -Name \"a`nb\"" + P, "parameter 'Name'" },
            new[] { "New-TcOrgIdentity -Name \"a`0b\"" + P, "parameter 'Name'" },
            new[] { "New-TcOrgIdentity -Name \"a$([char]0x1b)[31mb\"" + P, "parameter 'Name'" },
            new[] { "New-TcOrgIdentity -Name $null" + P, "parameter 'Name'" },
            new[] { "New-TcOrgIdentity -Name ok -Policy @()", "parameter 'Policy'" },
            new[] { "New-TcOrgIdentity -Name ok -Policy $null", "parameter 'Policy'" },
            new[] { "New-TcOrgIdentity -Name ok -Policy @{Bogus=1}", "parameter 'Policy'" + "|" + "unknown key 'Bogus'" },
            new[] { "New-TcOrgIdentity -Name ok -Policy @{PolicyId='abc'; PolicyName='x'}", "parameter 'Policy'" + "|" + "as a policy" },
            new[] { "New-TcOrgIdentity -Name ok -Policy (1..21 | ForEach-Object { '2:ReadOnlyAccess' })", "parameter 'Policy'" },
            new[] { "New-TcOrgIdentity -Name ok -Policy ([datetime]::UtcNow)", "parameter 'Policy'" + "|" + "as a policy" },
            new[] { "New-TcOrgIdentity -Name ok" + P + " -Description ('d' * 1025)", "parameter 'Description'" },
            new[] { "New-TcOrgIdentity -Name ok" + P + " -Description \"a`nb\"", "parameter 'Description'" },
            new[] { "$null | New-TcOrgIdentity" + P, "The input object cannot be bound" },
            new[] { "@($null, $null) | New-TcOrgIdentity" + P, "The input object cannot be bound" },
            // Add-TcOrgMemberAuthIdentity: UINs and identity IDs.
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin 0 -IdentityId 5", "parameter 'MemberUin'" + "|" + "is not valid: a UIN is a positive number" },
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin -1 -IdentityId 5", "parameter 'MemberUin'" + "|" + "is not valid: a UIN is a positive number" },
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin 99999999999999999999 -IdentityId 5", "parameter 'MemberUin'" },
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin 'abc' -IdentityId 5", "parameter 'MemberUin'" },
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin ([datetime]::UtcNow) -IdentityId 5", "parameter 'MemberUin'" },
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId 0", "parameter 'IdentityId'" },
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId -5", "parameter 'IdentityId'" },
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId (1..101)", "parameter 'IdentityId'" },
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin (1..100001) -IdentityId 5", "parameter 'MemberUin'" },
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin @() -IdentityId 5", "parameter 'MemberUin'" },
            new[] { "$null | Add-TcOrgMemberAuthIdentity -IdentityId 5", "parameter 'MemberUin'" },
            new[] { "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId 'five'", "parameter 'IdentityId'" },
            // New-TcRoleAssignment: ID shapes, enums, UINs, mismatches, pipeline objects.
            new[] { "New-TcRoleAssignment -RoleConfigurationId 'rc-' -PrincipalId u-emuuser00001 -TargetUin 100000000001", "parameter 'RoleConfigurationId'" + "|" + "is not a permission configuration ID" },
            new[] { "New-TcRoleAssignment -RoleConfigurationId 'xx-abc' -PrincipalId u-emuuser00001 -TargetUin 100000000001", "parameter 'RoleConfigurationId'" + "|" + "is not a permission configuration ID" },
            new[] { "New-TcRoleAssignment -RoleConfigurationId 'rc-ABC' -PrincipalId u-emuuser00001 -TargetUin 100000000001", "parameter 'RoleConfigurationId'" + "|" + "is not a permission configuration ID" },
            new[] { "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId 'x-abc' -TargetUin 100000000001", "parameter 'PrincipalId'" + "|" + "is not a CIC user ID" },
            new[] { "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId 'u-' -TargetUin 100000000001", "parameter 'PrincipalId'" + "|" + "is not a CIC user ID" },
            new[] { "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId 'u-abc!' -TargetUin 100000000001", "parameter 'PrincipalId'" + "|" + "is not a CIC user ID" },
            new[] { "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId 'g-' -TargetUin 100000000001", "parameter 'PrincipalId'" + "|" + "is not a CIC user ID" },
            new[] { Ra + " -TargetType 'Member'", "parameter 'TargetType'" },
            new[] { Ra + " -PrincipalType 'Robot'", "parameter 'PrincipalType'" },
            new[] { Ra + " -PrincipalType Group", "PrincipalType Group does not match PrincipalId u-emuuser00001" },
            new[] { Ra + " -ZoneId 'z-short'", "parameter 'ZoneId'" + "|" + "is not a CIC zone ID" },
            new[] { Ra + " -ZoneId 'zz-abcdefghijkl'", "parameter 'ZoneId'" + "|" + "is not a CIC zone ID" },
            // The old name is an alias of -TimeoutSec: the error names the parameter it reached.
            new[] { Ra + " -TimeoutSeconds 0", "parameter 'TimeoutSec'" },
            new[] { "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 0", "parameter 'TargetUin'" + "|" + "is not valid: a UIN is a positive number" },
            new[] { "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin -5", "parameter 'TargetUin'" + "|" + "is not valid: a UIN is a positive number" },
            new[] { "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin (1..100001)", "parameter 'TargetUin'" },
            new[] { "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId @{a=1} -TargetUin 100000000001", "parameter 'PrincipalId'" + "|" + "is not a CIC user ID" },
            new[] { "$null | New-TcRoleAssignment", "parameter 'InputObject'" },
            new[] { "[pscustomobject]@{RoleConfigurationId='rc-emuconfig001'; TargetUin=100000000001; PrincipalId='u-emuuser00001'; TargetType='Nope'} | New-TcRoleAssignment", "parameter 'TargetType'" },
            new[] { "[pscustomobject]@{RoleConfigurationId='rc-emuconfig001'; TargetUin='abc'; PrincipalId='u-emuuser00001'} | New-TcRoleAssignment", "TargetUin" },
            // Start-TcRoleProvisioning.
            new[] { "Start-TcRoleProvisioning -RoleConfigurationId 'bad' -TargetUin 100000000001", "parameter 'RoleConfigurationId'" + "|" + "is not a permission configuration ID" },
            new[] { "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 0", "parameter 'TargetUin'" + "|" + "is not valid: a UIN is a positive number" },
            new[] { "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 'abc'", "parameter 'TargetUin'" },
            new[] { "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000001 -TargetType 'Foo'", "parameter 'TargetType'" },
            new[] { "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000001 -ZoneId 'z-UPPERCASE123'", "parameter 'ZoneId'" + "|" + "is not a CIC zone ID" },
            new[] { "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin (1..100001)", "parameter 'TargetUin'" },
            new[] { "Start-TcRoleProvisioning -RoleConfigurationId 'rc-EMUCONFIG002' -TargetUin 100000000001", "parameter 'RoleConfigurationId'" + "|" + "is not a permission configuration ID" },
            new[] { Ra.Replace("u-emuuser00001", "U-EMUUSER00001"), "parameter 'PrincipalId'" + "|" + "is not a CIC user ID" },
            // Tasks.
            new[] { "Get-TcOrgTask -TaskId 'x-123'", "parameter 'TaskId'" + "|" + "is not a CIC task ID" },
            new[] { "Get-TcOrgTask -TaskId 't-'", "parameter 'TaskId'" + "|" + "is not a CIC task ID" },
            new[] { "Get-TcOrgTask -TaskId 't-ABCDEF'", "parameter 'TaskId'" + "|" + "is not a CIC task ID" },
            new[] { "Wait-TcOrgTask -TaskId 'task1'", "parameter 'TaskId'" + "|" + "is not a CIC task ID" },
            new[] { "Wait-TcOrgTask -TaskId t-abc -TimeoutSeconds 0", "parameter 'TimeoutSec'" },
            new[] { "Wait-TcOrgTask -InputObject $null", "parameter 'InputObject'" },
            // Connect-TcOrg settings.
            new[] { "Connect-TcOrg -SecretId 'short' -SecretKey ([System.Security.SecureString]::new())", "parameter 'SecretId'" },
            new[] { "Connect-TcOrg -SecretId 'AKIDVALIDLOOKING0001' -SecretKey $null", "parameter 'SecretKey'" },
            new[] { "Connect-TcOrg -RequestsPerSecond 0", "parameter 'RequestsPerSecond'" },
            new[] { "Connect-TcOrg -RequestsPerSecond 100000", "parameter 'RequestsPerSecond'" },
            new[] { "Connect-TcOrg -TimeoutSec 0", "parameter 'TimeoutSec'" },
            new[] { "Connect-TcOrg -MaxRetries -1", "parameter 'MaxRetries'" },
            new[] { "Connect-TcOrg -Language 'fr-FR'", "parameter 'Language'" },
        };

        [Theory]
        [MemberData(nameof(Corpus))]
        public void Bad_input_gives_a_clear_error_and_sends_nothing(string script, string expected)
        {
            var emulator = _fixture.Env.Emulator;
            int before = emulator.Requests.Count;
            var result = _fixture.Env.Run(script);
            int sent = emulator.Requests.Count - before;
            string message = result.Terminating?.Message ?? result.Errors.FirstOrDefault()?.ToString() ?? "(no error)";
            Report.Line(_output, "BADINPUT sent=" + sent + " " + script.Substring(0, Math.Min(script.Length, 110)) + " => "
                + message.Substring(0, Math.Min(message.Length, 160)).Replace("\n", " "));
            Assert.True(result.Terminating != null || result.Errors.Count > 0, "no error for: " + script);
            foreach (string part in expected.Split('|')) Assert.Contains(part, message);
            Assert.Equal(0, sent);
            Assert.Empty(result.Output);
        }
    }
}
