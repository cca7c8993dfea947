using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>Connect-TcOrg / Get-TcOrgContext / Disconnect-TcOrg and the credential chain, through the engine.</summary>
    public class SessionCmdletTests : IAsyncLifetime
    {
        private static readonly string[] Chain =
        {
            "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_TOKEN",
            "TENCENTCLOUD_SECURITY_TOKEN", "TCCLI_PROFILE", "TCORG_ENDPOINT", "HOME", "TENCENTCLOUD_CREDENTIALS_FILE",
        };

        private readonly Dictionary<string, string?> _saved = new();
        private readonly string _home = Path.Combine(Path.GetTempPath(), "tcorg-session-" + Guid.NewGuid().ToString("N"));
        private EmulatorServer _emulator = null!;

        public async Task InitializeAsync()
        {
            foreach (var name in Chain) _saved[name] = Environment.GetEnvironmentVariable(name);
            foreach (var name in Chain) Environment.SetEnvironmentVariable(name, null);
            System.IO.Directory.CreateDirectory(_home);
            Environment.SetEnvironmentVariable("HOME", _home);
            _emulator = await EmulatorServer.StartAsync(new EmulatorOptions());
        }

        public async Task DisposeAsync()
        {
            foreach (var pair in _saved) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            System.IO.Directory.Delete(_home, recursive: true);
            await _emulator.DisposeAsync();
        }

        private Dictionary<string, object?> Vars() => new()
        {
            ["endpoint"] = _emulator.Endpoint,
            ["id"] = EmulatorCredential.Demo.SecretId,
            ["key"] = ModuleTestBase.Secure(EmulatorCredential.Demo.SecretKey),
        };

        [Fact]
        public void Connect_with_key_then_context_shows_masked_id_never_the_key()
        {
            using var ps = new PsRunner();
            var connected = ps.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $id -SecretKey $key -Language zh-CN -PassThru", Vars()).AssertSuccess();
            Assert.Single(connected.Output);
            var context = ps.Run("Get-TcOrgContext").AssertSuccess();
            var ctx = Assert.Single(context.Output);
            Assert.Equal("AKID****0000", ctx.Properties["SecretId"].Value);
            Assert.Equal(_emulator.Endpoint.ToString(), ctx.Properties["Endpoint"].Value);
            Assert.Equal("zh-CN", ctx.Properties["Language"].Value);
            Assert.Equal(true, ctx.Properties["Connected"].Value);
            // The table view as rendered to the host; Format-List * of every property is checked in real pwsh
            // (tests/Pester/Module.Tests.ps1), since this engine has no Microsoft.PowerShell.Utility.
            var shown = ps.Run("Get-TcOrgContext | Out-Default").AssertSuccess();
            Assert.Contains("AKID****0000", shown.HostText);
            Assert.Contains(_emulator.Endpoint.ToString(), shown.HostText);
            Assert.DoesNotContain(EmulatorCredential.Demo.SecretKey, shown.AllText());
            Assert.DoesNotContain(EmulatorCredential.Demo.SecretKey, context.AllText());
            Assert.Empty(_emulator.Requests.Snapshot());
        }

        [Fact]
        public void Connect_with_pscredential_works_against_the_emulator()
        {
            using var ps = new PsRunner();
            ps.Run("Connect-TcOrg -Endpoint $endpoint -Credential ([pscredential]::new($id, $key))", Vars()).AssertSuccess();
            var zone = ps.Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001").AssertSuccess();
            Assert.Single(zone.Output);
            Assert.All(_emulator.Requests.Snapshot(), r => Assert.Null(r.ErrorCode));
        }

        [Fact]
        public void Without_connect_the_environment_chain_and_TCORG_ENDPOINT_are_used()
        {
            Environment.SetEnvironmentVariable("TENCENTCLOUD_SECRET_ID", EmulatorCredential.Demo.SecretId);
            Environment.SetEnvironmentVariable("TENCENTCLOUD_SECRET_KEY", EmulatorCredential.Demo.SecretKey);
            Environment.SetEnvironmentVariable("TCORG_ENDPOINT", _emulator.Endpoint.ToString());
            using var ps = new PsRunner();
            var ctx = Assert.Single(ps.Run("Get-TcOrgContext").AssertSuccess().Output);
            Assert.Equal("environment variables", ctx.Properties["CredentialSource"].Value);
            Assert.Equal(false, ctx.Properties["Connected"].Value);
            ps.Run("Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig001 -TargetUin 100000000001").AssertSuccess();
            Assert.Contains(_emulator.Requests.Snapshot(), r => r.Action == "ProvisionRoleConfiguration" && r.ErrorCode == null);
        }

        [Fact]
        public void Named_profile_is_read_from_the_tccli_file()
        {
            System.IO.Directory.CreateDirectory(Path.Combine(_home, ".tccli"));
            File.WriteAllText(Path.Combine(_home, ".tccli", "ops.credential"),
                "{\"secretId\":\"" + EmulatorCredential.Demo.SecretId + "\",\"secretKey\":\"" + EmulatorCredential.Demo.SecretKey + "\"}");
            using var ps = new PsRunner();
            ps.Run("Connect-TcOrg -ProfileName ops -Endpoint $endpoint", Vars()).AssertSuccess();
            var ctx = Assert.Single(ps.Run("Get-TcOrgContext").AssertSuccess().Output);
            Assert.Contains("ops.credential", (string)ctx.Properties["CredentialSource"].Value);
        }

        [Fact]
        public void No_credential_is_one_clear_error_naming_every_place_and_sends_nothing()
        {
            Environment.SetEnvironmentVariable("TCORG_ENDPOINT", _emulator.Endpoint.ToString());
            using var ps = new PsRunner();
            var result = ps.Run("New-TcOrgIdentity -Name x -Policy '1:AdministratorAccess'; 'after'");
            var error = Assert.Single(result.Errors);
            string message = error.Exception.Message;
            Assert.Contains("TENCENTCLOUD_SECRET_ID", message);
            Assert.Contains(".tccli", message);
            Assert.Contains(".tencentcloud", message);
            Assert.Equal("CredentialNotFound,TencentOrg.NewTcOrgIdentityCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Empty(_emulator.Requests.Snapshot());
        }

        [Fact]
        public void Plain_http_to_a_remote_host_is_refused_before_any_request()
        {
            using var ps = new PsRunner();
            var result = ps.Run("Connect-TcOrg -Endpoint 'http://organization.tencentcloudapi.com/' -SecretId $id -SecretKey $key", Vars());
            Assert.Contains("https", result.FirstError!.Exception.Message);
            Assert.Equal("InvalidArgument,TencentOrg.ConnectTcOrgCommand", result.FirstError.FullyQualifiedErrorId);
        }

        [Fact]
        public void Disconnect_forgets_the_session_and_sessions_are_per_runspace()
        {
            using var first = new PsRunner();
            using var second = new PsRunner();
            first.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $id -SecretKey $key", Vars()).AssertSuccess();
            Assert.Equal("CredentialNotFound,TencentOrg.GetTcOrgContextCommand", second.Run("Get-TcOrgContext").FirstError?.FullyQualifiedErrorId);
            Assert.Equal(true, Assert.Single(first.Run("Get-TcOrgContext").Output).Properties["Connected"].Value);
            first.Run("Disconnect-TcOrg").AssertSuccess();
            Assert.Equal("CredentialNotFound,TencentOrg.GetTcOrgContextCommand", first.Run("Get-TcOrgContext").FirstError?.FullyQualifiedErrorId);
            // Not terminating: a script can ask whether it is connected, and -ErrorAction decides.
            var asked = first.Run("if (-not (Get-TcOrgContext -ErrorAction Ignore)) { 'not connected' }");
            Assert.Null(asked.Terminating);
            Assert.Empty(asked.Errors);
            Assert.Equal("not connected", Assert.Single(asked.Output).BaseObject);
        }
    }
}
