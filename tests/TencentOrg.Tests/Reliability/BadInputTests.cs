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

        public static IEnumerable<object[]> Corpus() => new[]
        {
            // New-TcOrgIdentity: names, descriptions, policies, pipeline items.
            "New-TcOrgIdentity -Name ''" + P,
            "New-TcOrgIdentity -Name ('x' * 10000)" + P,
            "New-TcOrgIdentity -Name ('x' * 65)" + P,
            "New-TcOrgIdentity -Name \"a`tb\"" + P,
            "New-TcOrgIdentity -Name \"a`nb\"" + P,
            "New-TcOrgIdentity -Name \"a`0b\"" + P,
            "New-TcOrgIdentity -Name \"a$([char]0x1b)[31mb\"" + P,
            "New-TcOrgIdentity -Name $null" + P,
            "New-TcOrgIdentity -Name ok -Policy @()",
            "New-TcOrgIdentity -Name ok -Policy $null",
            "New-TcOrgIdentity -Name ok -Policy @{Bogus=1}",
            "New-TcOrgIdentity -Name ok -Policy @{PolicyId='abc'; PolicyName='x'}",
            "New-TcOrgIdentity -Name ok -Policy (1..21 | ForEach-Object { '2:ReadOnlyAccess' })",
            "New-TcOrgIdentity -Name ok -Policy ([datetime]::UtcNow)",
            "New-TcOrgIdentity -Name ok" + P + " -Description ('d' * 1025)",
            "New-TcOrgIdentity -Name ok" + P + " -Description \"a`nb\"",
            "$null | New-TcOrgIdentity" + P,
            "@($null, $null) | New-TcOrgIdentity" + P,
            // Add-TcOrgMemberAuthIdentity: UINs and identity IDs.
            "Add-TcOrgMemberAuthIdentity -MemberUin 0 -IdentityId 5",
            "Add-TcOrgMemberAuthIdentity -MemberUin -1 -IdentityId 5",
            "Add-TcOrgMemberAuthIdentity -MemberUin 99999999999999999999 -IdentityId 5",
            "Add-TcOrgMemberAuthIdentity -MemberUin 'abc' -IdentityId 5",
            "Add-TcOrgMemberAuthIdentity -MemberUin ([datetime]::UtcNow) -IdentityId 5",
            "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId 0",
            "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId -5",
            "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId (1..101)",
            "Add-TcOrgMemberAuthIdentity -MemberUin (1..100001) -IdentityId 5",
            "Add-TcOrgMemberAuthIdentity -MemberUin @() -IdentityId 5",
            "$null | Add-TcOrgMemberAuthIdentity -IdentityId 5",
            "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId 'five'",
            // New-TcRoleAssignment: ID shapes, enums, UINs, mismatches, pipeline objects.
            "New-TcRoleAssignment -RoleConfigurationId 'rc-' -PrincipalId u-emuuser00001 -TargetUin 100000000001",
            "New-TcRoleAssignment -RoleConfigurationId 'xx-abc' -PrincipalId u-emuuser00001 -TargetUin 100000000001",
            "New-TcRoleAssignment -RoleConfigurationId 'rc-ABC' -PrincipalId u-emuuser00001 -TargetUin 100000000001",
            "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId 'x-abc' -TargetUin 100000000001",
            "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId 'u-' -TargetUin 100000000001",
            "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId 'u-abc!' -TargetUin 100000000001",
            "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId 'g-' -TargetUin 100000000001",
            Ra + " -TargetType 'Member'",
            Ra + " -PrincipalType 'Robot'",
            Ra + " -PrincipalType Group",
            Ra + " -ZoneId 'z-short'",
            Ra + " -ZoneId 'zz-abcdefghijkl'",
            Ra + " -TimeoutSeconds 0",
            "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 0",
            "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin -5",
            "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin (1..100001)",
            "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId @{a=1} -TargetUin 100000000001",
            "$null | New-TcRoleAssignment",
            "[pscustomobject]@{RoleConfigurationId='rc-emuconfig001'; TargetUin=100000000001; PrincipalId='u-emuuser00001'; TargetType='Nope'} | New-TcRoleAssignment",
            "[pscustomobject]@{RoleConfigurationId='rc-emuconfig001'; TargetUin='abc'; PrincipalId='u-emuuser00001'} | New-TcRoleAssignment",
            // Start-TcRoleProvisioning.
            "Start-TcRoleProvisioning -RoleConfigurationId 'bad' -TargetUin 100000000001",
            "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 0",
            "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 'abc'",
            "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000001 -TargetType 'Foo'",
            "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000001 -ZoneId 'z-UPPERCASE123'",
            "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin (1..100001)",
            "Start-TcRoleProvisioning -RoleConfigurationId 'rc-EMUCONFIG002' -TargetUin 100000000001",
            Ra.Replace("u-emuuser00001", "U-EMUUSER00001"),
            // Tasks.
            "Get-TcOrgTask -TaskId 'x-123'",
            "Get-TcOrgTask -TaskId 't-'",
            "Get-TcOrgTask -TaskId 't-ABCDEF'",
            "Wait-TcOrgTask -TaskId 'task1'",
            "Wait-TcOrgTask -TaskId t-abc -TimeoutSeconds 0",
            "Wait-TcOrgTask -InputObject $null",
            // Connect-TcOrg settings.
            "Connect-TcOrg -SecretId 'short' -SecretKey ([System.Security.SecureString]::new())",
            "Connect-TcOrg -SecretId 'AKIDVALIDLOOKING0001' -SecretKey $null",
            "Connect-TcOrg -RequestsPerSecond 0",
            "Connect-TcOrg -RequestsPerSecond 100000",
            "Connect-TcOrg -TimeoutSec 0",
            "Connect-TcOrg -MaxRetries -1",
            "Connect-TcOrg -Language 'fr-FR'",
        }.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(Corpus))]
        public void Bad_input_gives_a_clear_error_and_sends_nothing(string script)
        {
            var emulator = _fixture.Env.Emulator;
            int before = emulator.Requests.Count;
            var result = _fixture.Env.Run(script);
            int sent = emulator.Requests.Count - before;
            string message = result.Terminating?.Message ?? result.Errors.FirstOrDefault()?.ToString() ?? "(no error)";
            Report.Line(_output, "BADINPUT sent=" + sent + " " + script.Substring(0, Math.Min(script.Length, 110)) + " => "
                + message.Substring(0, Math.Min(message.Length, 160)).Replace("\n", " "));
            Assert.True(result.Terminating != null || result.Errors.Count > 0, "no error for: " + script);
            Assert.False(string.IsNullOrWhiteSpace(message));
            Assert.Equal(0, sent);
            Assert.Empty(result.Output);
        }
    }
}
