using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 21 item 2: the implicit session follows rotation, BOMs are read, profile names stay in ~/.tccli, half pairs are errors.</summary>
    public class CredentialTrustTests : IAsyncLifetime
    {
        private static readonly string[] Chain =
        {
            "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_TOKEN",
            "TENCENTCLOUD_SECURITY_TOKEN", "TCCLI_PROFILE", "TCORG_ENDPOINT", "HOME", "TENCENTCLOUD_CREDENTIALS_FILE",
        };

        private static readonly EmulatorCredential Temporary = new("AKIDTEMPORARYROTATION000000000000001", "TemporaryRotationSecretKey0000000001", "RefreshedSessionToken000000000000000001");

        private readonly Dictionary<string, string?> _saved = new();
        private readonly string _home = Path.Combine(Path.GetTempPath(), "tcorg-cred-" + Guid.NewGuid().ToString("N"));
        private EmulatorServer _emulator = null!;

        public async Task InitializeAsync()
        {
            foreach (var name in Chain) _saved[name] = Environment.GetEnvironmentVariable(name);
            foreach (var name in Chain) Environment.SetEnvironmentVariable(name, null);
            Directory.CreateDirectory(Path.Combine(_home, ".tccli"));
            Environment.SetEnvironmentVariable("HOME", _home);
            var options = new EmulatorOptions { RateLimitPerSecond = 0 };
            options.Credentials.Add(Temporary);
            _emulator = await EmulatorServer.StartAsync(options);
            Environment.SetEnvironmentVariable("TCORG_ENDPOINT", _emulator.Endpoint.ToString());
        }

        public async Task DisposeAsync()
        {
            foreach (var pair in _saved) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            Directory.Delete(_home, recursive: true);
            await _emulator.DisposeAsync();
        }

        private static void Env(string name, string? value) => Environment.SetEnvironmentVariable(name, value);

        private static string TccliJson(EmulatorCredential c) => "{\"secretId\":\"" + c.SecretId + "\",\"secretKey\":\"" + c.SecretKey + "\"}";

        [Fact]
        public void A_corrected_key_and_a_refreshed_token_are_used_by_the_next_command_and_Disconnect_forgets_the_implicit_session()
        {
            using var ps = new PsRunner();
            Env("TENCENTCLOUD_SECRET_ID", Temporary.SecretId);
            Env("TENCENTCLOUD_SECRET_KEY", "WrongSecretKeyTypedFirst00000000000001");
            Env("TENCENTCLOUD_SESSION_TOKEN", "ExpiredSessionToken0000000000000000001");
            Assert.StartsWith("AuthFailure", ps.Run("Get-TcOrgIdentity").FirstError!.FullyQualifiedErrorId);

            Env("TENCENTCLOUD_SECRET_KEY", Temporary.SecretKey);     // the key corrected
            Assert.Equal("AuthFailure.TokenFailure", ps.Run("Get-TcOrgIdentity").FirstError!.FullyQualifiedErrorId.Split(',')[0]);

            Env("TENCENTCLOUD_SESSION_TOKEN", Temporary.Token);      // the token refreshed
            ps.Run("Get-TcOrgIdentity").AssertSuccess();

            // The implicit session keeps what it discovered (the CIC zone) only until Disconnect-TcOrg.
            ps.Run("Get-TcOrgUser; Get-TcOrgUser").AssertSuccess();
            Assert.Single(_emulator.Requests.ForAction("DescribeIdentityCenter"));
            ps.Run("Disconnect-TcOrg; Get-TcOrgUser").AssertSuccess();
            Assert.Equal(2, _emulator.Requests.ForAction("DescribeIdentityCenter").Count);
        }

        [Fact]
        public void Credential_files_with_a_byte_order_mark_are_read()
        {
            var bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
            File.WriteAllText(Path.Combine(_home, ".tccli", "notepad.credential"), TccliJson(EmulatorCredential.Demo), bom);
            Directory.CreateDirectory(Path.Combine(_home, ".tencentcloud"));
            File.WriteAllText(Path.Combine(_home, ".tencentcloud", "credentials"),
                "[inifile]\nsecret_id = " + EmulatorCredential.Demo.SecretId + "\nsecret_key = " + EmulatorCredential.Demo.SecretKey + "\n", bom);
            using var ps = new PsRunner();

            foreach (var profile in new[] { "notepad", "inifile" })
            {
                Env("TCCLI_PROFILE", profile);
                var context = Assert.Single(ps.Run("Get-TcOrgContext").AssertSuccess().Output);
                Assert.Equal(EmulatorCredential.Demo.SecretId.Substring(0, 4), ((string)context.Properties["SecretId"].Value).Substring(0, 4));
                ps.Run("Get-TcOrgIdentity").AssertSuccess();
            }
            Assert.Equal(2, _emulator.Requests.ForAction("ListOrganizationIdentity").Count(r => r.ErrorCode == null));
        }

        [Theory]
        [InlineData("../outside/evil")]
        [InlineData("..")]
        [InlineData("sub/evil")]
        public void A_profile_name_with_a_path_is_refused_and_no_file_outside_tccli_is_read(string profile)
        {
            Directory.CreateDirectory(Path.Combine(_home, "outside"));
            File.WriteAllText(Path.Combine(_home, "outside", "evil.credential"), TccliJson(EmulatorCredential.Demo));
            File.WriteAllText(Path.Combine(_home, "..credential"), TccliJson(EmulatorCredential.Demo));
            Directory.CreateDirectory(Path.Combine(_home, ".tccli", "sub"));
            File.WriteAllText(Path.Combine(_home, ".tccli", "sub", "evil.credential"), TccliJson(EmulatorCredential.Demo));
            Env("TCCLI_PROFILE", profile);
            using var ps = new PsRunner();

            var implicitRun = ps.Run("Get-TcOrgIdentity");
            var connect = ps.Run("Connect-TcOrg -ProfileName '" + profile + "'");

            foreach (var error in new[] { implicitRun.FirstError!, connect.FirstError! })
            {
                Assert.Contains("'" + profile + "'", error.Exception.Message);
                Assert.Contains("not a plain file name", error.Exception.Message);
            }
            Assert.Equal(0, _emulator.Requests.Count);
        }

        [Fact]
        public void A_half_set_pair_of_variables_is_an_error_naming_the_missing_one_and_no_profile_key_is_taken()
        {
            File.WriteAllText(Path.Combine(_home, ".tccli", "default.credential"), TccliJson(EmulatorCredential.Demo));
            using var ps = new PsRunner();

            Env("TENCENTCLOUD_SECRET_ID", EmulatorCredential.Demo.SecretId);
            var idOnly = ps.Run("Get-TcOrgIdentity");
            Env("TENCENTCLOUD_SECRET_ID", null);
            Env("TENCENTCLOUD_SECRET_KEY", EmulatorCredential.Demo.SecretKey);
            var keyOnly = ps.Run("Get-TcOrgIdentity");

            Assert.Contains("TENCENTCLOUD_SECRET_KEY is not", idOnly.FirstError!.Exception.Message);
            Assert.Contains("TENCENTCLOUD_SECRET_ID is not", keyOnly.FirstError!.Exception.Message);
            Assert.DoesNotContain(EmulatorCredential.Demo.SecretKey, idOnly.AllText() + keyOnly.AllText());
            Assert.Equal(0, _emulator.Requests.Count);
        }
    }
}
