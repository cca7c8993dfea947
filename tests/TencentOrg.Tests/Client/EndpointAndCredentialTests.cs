using System;
using System.Collections.Generic;
using System.IO;
using TencentOrg.Api;
using TencentOrg.Credentials;
using Xunit;

namespace TencentOrg.Tests.Client
{
    public class EndpointAndCredentialTests : IDisposable
    {
        private readonly string _home = Path.Combine(Path.GetTempPath(), "tcorg-home-" + Guid.NewGuid().ToString("N"));

        public EndpointAndCredentialTests() => System.IO.Directory.CreateDirectory(_home);
        public void Dispose() => System.IO.Directory.Delete(_home, recursive: true);

        private static Func<string, string?> Env(Dictionary<string, string> values) => name => values.TryGetValue(name, out var v) ? v : null;

        [Fact]
        public void Sites_map_to_documented_hosts_and_env_overrides()
        {
            Assert.Equal("https://organization.tencentcloudapi.com/", OrgEndpoint.Resolve(null, OrgSite.China, Env(new())).ToString());
            Assert.Equal("https://organization.intl.tencentcloudapi.com/", OrgEndpoint.Resolve(null, OrgSite.International, Env(new())).ToString());
            Assert.Equal("http://127.0.0.1:8080/", OrgEndpoint.Resolve(null, OrgSite.China, Env(new() { ["TCORG_ENDPOINT"] = "http://127.0.0.1:8080" })).ToString());
            Assert.Equal("https://example.test/", OrgEndpoint.Resolve(new Uri("https://example.test"), OrgSite.China, Env(new() { ["TCORG_ENDPOINT"] = "http://127.0.0.1:1" })).ToString());
            // A path is refused rather than dropped (issue 21).
            Assert.Throws<ArgumentException>(() => OrgEndpoint.Resolve(new Uri("https://example.test/x"), OrgSite.China, Env(new())));
        }

        [Theory]
        [InlineData("http://organization.tencentcloudapi.com/")]
        [InlineData("http://10.0.0.5:8080/")]
        [InlineData("ftp://127.0.0.1/")]
        public void Plain_http_is_refused_unless_loopback(string uri)
        {
            Assert.Throws<ArgumentException>(() => OrgEndpoint.Validate(new Uri(uri)));
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000/")]
        [InlineData("http://localhost:5000/")]
        [InlineData("http://[::1]:5000/")]
        public void Plain_http_to_loopback_is_allowed(string uri)
        {
            Assert.Equal(uri, OrgEndpoint.Validate(new Uri(uri)).ToString());
        }

        [Fact]
        public void Environment_wins_over_profiles_and_accepts_each_token_variable()
        {
            WriteTccli("default", "{\"secretId\":\"AKIDPROFILE0000\",\"secretKey\":\"profilekey\"}");
            foreach (var tokenVar in CredentialResolver.TokenVariables)
            {
                var cred = new CredentialResolver(Env(new()
                {
                    ["TENCENTCLOUD_SECRET_ID"] = "AKIDENVIRONMENT0",
                    ["TENCENTCLOUD_SECRET_KEY"] = "envkey",
                    [tokenVar] = "tok",
                }), _home).Resolve();
                Assert.Equal("AKIDENVIRONMENT0", cred.SecretId);
                Assert.True(cred.HasSessionToken);
                Assert.Equal("environment variables", cred.Source);
            }
        }

        [Fact]
        public void Named_profile_from_tccli_then_ini()
        {
            WriteTccli("ops", "{\"secretId\":\"AKIDTCCLIOPS0000\",\"secretKey\":\"k1\",\"token\":\"t1\"}");
            var ops = new CredentialResolver(Env(new() { ["TCCLI_PROFILE"] = "ops" }), _home).Resolve();
            Assert.Equal("AKIDTCCLIOPS0000", ops.SecretId);
            Assert.True(ops.HasSessionToken);

            System.IO.Directory.CreateDirectory(Path.Combine(_home, ".tencentcloud"));
            File.WriteAllText(Path.Combine(_home, ".tencentcloud", "credentials"), "# comment\n[default]\nsecret_id = AKIDINIDEFAULT00\nsecret_key = k2\n[other]\nsecret_id=X\n");
            var fallback = new CredentialResolver(Env(new()), _home).Resolve();
            Assert.Equal("AKIDINIDEFAULT00", fallback.SecretId);
            Assert.Contains("credentials", fallback.Source);
        }

        [Fact]
        public void Explicit_profile_name_skips_environment()
        {
            WriteTccli("prod", "{\"secretId\":\"AKIDPRODPROFILE0\",\"secretKey\":\"k\"}");
            var cred = new CredentialResolver(Env(new() { ["TENCENTCLOUD_SECRET_ID"] = "AKIDENV", ["TENCENTCLOUD_SECRET_KEY"] = "k" }), _home).Resolve("prod");
            Assert.Equal("AKIDPRODPROFILE0", cred.SecretId);
        }

        [Fact]
        public void Nothing_found_names_every_place_looked()
        {
            var ex = Assert.Throws<OrgCredentialNotFoundException>(() => new CredentialResolver(Env(new()), _home).Resolve());
            Assert.Contains("TENCENTCLOUD_SECRET_ID", ex.Message);
            Assert.Contains(Path.Combine(_home, ".tccli", "default.credential"), ex.Message);
            Assert.Contains(Path.Combine(_home, ".tencentcloud", "credentials"), ex.Message);
            Assert.Contains("Connect-TcOrg", ex.Message);
        }

        [Fact]
        public void Broken_profile_file_error_does_not_echo_the_key()
        {
            WriteTccli("default", "{\"secretId\":\"AKID\",\"secretKey\":\"LEAKYKEY123\"");
            var ex = Assert.Throws<InvalidDataException>(() => new CredentialResolver(Env(new()), _home).Resolve());
            Assert.DoesNotContain("LEAKYKEY123", ex.Message);
        }

        [Fact]
        public void Credential_text_masks_the_id_and_never_shows_key_or_token()
        {
            var cred = new OrgCredential("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "SuperSecretKey", "SuperSecretToken", "test");
            Assert.Equal("AKID****MPLE (test)", cred.ToString());
            Assert.DoesNotContain("SuperSecret", cred.ToString());
        }

        private void WriteTccli(string profile, string json)
        {
            System.IO.Directory.CreateDirectory(Path.Combine(_home, ".tccli"));
            File.WriteAllText(Path.Combine(_home, ".tccli", profile + ".credential"), json);
        }
    }
}
