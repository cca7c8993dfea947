using System;
using System.Collections.Generic;
using System.Security;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Infrastructure
{
    /// <summary>
    /// End-to-end base: a real emulator on loopback, a fresh runspace with the module imported from
    /// out/TencentOrg, and Connect-TcOrg pointed at the emulator with its demo key.
    /// </summary>
    public abstract class ModuleTestBase : IAsyncLifetime
    {
        protected EmulatorServer Emulator { get; private set; } = null!;
        protected PsRunner Ps { get; private set; } = null!;

        /// <summary>Adjust the emulator before it starts (members, rate limit, task behaviour).</summary>
        protected virtual void Configure(EmulatorOptions options) { }

        /// <summary>Extra Connect-TcOrg arguments, e.g. "-RequestsPerSecond 0.5".</summary>
        protected virtual string ConnectArguments => "";

        public async Task InitializeAsync()
        {
            var options = new EmulatorOptions();
            Configure(options);
            Emulator = await EmulatorServer.StartAsync(options);
            Ps = new PsRunner();
            var connected = Ps.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $secretId -SecretKey $secretKey " + ConnectArguments,
                new Dictionary<string, object?>
                {
                    ["endpoint"] = Emulator.Endpoint,
                    ["secretId"] = EmulatorCredential.Demo.SecretId,
                    ["secretKey"] = Secure(EmulatorCredential.Demo.SecretKey),
                });
            Assert.Null(connected.Terminating);
            Assert.Empty(connected.Errors);
        }

        public async Task DisposeAsync()
        {
            Ps.Dispose();
            await Emulator.DisposeAsync();
        }

        protected PsResult Run(string script, IDictionary<string, object?>? variables = null) => Ps.Run(script, variables);

        public static SecureString Secure(string value)
        {
            var secure = new SecureString();
            foreach (char c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
