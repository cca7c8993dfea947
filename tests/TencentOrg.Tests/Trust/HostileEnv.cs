using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Credentials;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Trust
{
    /// <summary>The emulator, a hostile front before it, and a runspace connected to the front (with a session token to watch for).</summary>
    public sealed class HostileEnv : IAsyncDisposable
    {
        public const string Token = "HostileTestSessionToken0000000000000001";

        private HostileEnv(EmulatorServer emulator, HostileFront front, PsRunner ps)
        {
            Emulator = emulator;
            Front = front;
            Ps = ps;
        }

        public EmulatorServer Emulator { get; }
        public HostileFront Front { get; }
        public PsRunner Ps { get; }

        public static async Task<HostileEnv> StartAsync(string connectArguments = "-RequestsPerSecond 1000 -MaxRetries 2")
        {
            var options = new EmulatorOptions();
            var credential = new EmulatorCredential("AKIDHOSTILEFRONTTEST000000000000001", "HostileFrontTestSecretKey000000000001", Token);
            options.Credentials.Add(credential);
            var emulator = await EmulatorServer.StartAsync(options);
            var front = await HostileFront.StartAsync(emulator.Endpoint);
            var ps = new PsRunner();
            var connected = ps.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $secretId -SecretKey $secretKey -SessionToken $token " + connectArguments,
                new Dictionary<string, object?>
                {
                    ["endpoint"] = front.Endpoint,
                    ["secretId"] = credential.SecretId,
                    ["secretKey"] = ModuleTestBase.Secure(credential.SecretKey),
                    ["token"] = ModuleTestBase.Secure(Token),
                });
            Assert.Null(connected.Terminating);
            Assert.Empty(connected.Errors);
            return new HostileEnv(emulator, front, ps);
        }

        public PsResult Run(string script) => Ps.Run(script);

        /// <summary>A client straight to a loopback server, no rate limit, quick retries.</summary>
        internal static OrgApiClient Client(Uri endpoint, System.Net.Http.HttpMessageHandler? handler = null, int maxRetries = 2) =>
            new OrgApiClient(new OrgCredential("AKIDHOSTILECLIENT00000000000000001", "HostileClientSecretKey00000000000001", Token, "test"),
                new OrgClientOptions
                {
                    Endpoint = endpoint,
                    Timeout = TimeSpan.FromSeconds(20),
                    MaxRetries = maxRetries,
                    RetryBaseDelay = TimeSpan.FromMilliseconds(5),
                    RetryMaxDelay = TimeSpan.FromMilliseconds(20),
                    RequestsPerSecond = 0,
                }, null, handler);

        public async ValueTask DisposeAsync()
        {
            Ps.Dispose();
            await Front.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }
}
