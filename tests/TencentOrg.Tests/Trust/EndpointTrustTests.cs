using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 21 item 3: an endpoint with userinfo, a path, a query or a fragment is an error, from -Endpoint and TCORG_ENDPOINT, and no password is shown.</summary>
    public class EndpointTrustTests : IAsyncLifetime
    {
        private static readonly string[] Chain = { "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TCORG_ENDPOINT", "TCCLI_PROFILE" };
        private readonly Dictionary<string, string?> _saved = new();
        private EmulatorServer _emulator = null!;

        public async Task InitializeAsync()
        {
            foreach (var name in Chain) _saved[name] = Environment.GetEnvironmentVariable(name);
            _emulator = await EmulatorServer.StartAsync(new EmulatorOptions());
        }

        public async Task DisposeAsync()
        {
            foreach (var pair in _saved) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            await _emulator.DisposeAsync();
        }

        [Theory]
        [InlineData("http://user:p4ssw0rd@127.0.0.1:{port}/", "user name or password")]
        [InlineData("http://127.0.0.1:{port}/api/v3", "path")]
        [InlineData("http://127.0.0.1:{port}/?Action=DeleteOrganizationIdentity", "query")]
        [InlineData("http://127.0.0.1:{port}/#p4ssw0rd", "fragment")]
        public void An_endpoint_with_userinfo_path_query_or_fragment_is_refused_from_the_parameter_and_the_variable(string template, string named)
        {
            string endpoint = template.Replace("{port}", _emulator.Endpoint.Port.ToString());
            using var ps = new PsRunner();
            var connect = ps.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $id -SecretKey $key; Get-TcOrgContext", new Dictionary<string, object?>
            {
                ["endpoint"] = endpoint,
                ["id"] = EmulatorCredential.Demo.SecretId,
                ["key"] = ModuleTestBase.Secure(EmulatorCredential.Demo.SecretKey),
            });
            Environment.SetEnvironmentVariable("TENCENTCLOUD_SECRET_ID", EmulatorCredential.Demo.SecretId);
            Environment.SetEnvironmentVariable("TENCENTCLOUD_SECRET_KEY", EmulatorCredential.Demo.SecretKey);
            Environment.SetEnvironmentVariable("TCORG_ENDPOINT", endpoint);
            var fromVariable = ps.Run("Get-TcOrgIdentity; Get-TcOrgContext");

            foreach (var result in new[] { connect, fromVariable })
            {
                Assert.Contains(named, result.FirstError!.Exception.Message);
                Assert.Empty(result.Output);
                Assert.DoesNotContain("p4ssw0rd", result.AllText());
            }
            Assert.Contains("TCORG_ENDPOINT", fromVariable.FirstError!.Exception.Message);
            Assert.Equal(0, _emulator.Requests.Count);
        }
    }
}
