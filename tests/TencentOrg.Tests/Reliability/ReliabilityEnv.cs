using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TencentOrg.Tests.Reliability
{
    /// <summary>An emulator configured per test plus a runspace connected to it with the given Connect-TcOrg arguments.</summary>
    public sealed class ReliabilityEnv : IAsyncDisposable
    {
        private ReliabilityEnv(EmulatorServer emulator, PsRunner ps)
        {
            Emulator = emulator;
            Ps = ps;
        }

        public EmulatorServer Emulator { get; }
        public PsRunner Ps { get; }

        public static async Task<ReliabilityEnv> StartAsync(Action<EmulatorOptions>? configure = null, string connectArguments = "",
            EmulatorCredential? credential = null, bool connect = true)
        {
            var options = new EmulatorOptions();
            configure?.Invoke(options);
            if (credential != null) options.Credentials.Add(credential);
            var emulator = await EmulatorServer.StartAsync(options);
            var ps = new PsRunner();
            var env = new ReliabilityEnv(emulator, ps);
            if (connect)
            {
                var cred = credential ?? EmulatorCredential.Demo;
                var variables = new Dictionary<string, object?>
                {
                    ["endpoint"] = emulator.Endpoint,
                    ["secretId"] = cred.SecretId,
                    ["secretKey"] = ModuleTestBase.Secure(cred.SecretKey),
                    ["sessionToken"] = cred.Token == null ? null : ModuleTestBase.Secure(cred.Token),
                };
                string tokenArg = cred.Token == null ? "" : " -SessionToken $sessionToken";
                var connected = ps.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $secretId -SecretKey $secretKey" + tokenArg + " " + connectArguments, variables);
                Assert.Null(connected.Terminating);
                Assert.Empty(connected.Errors);
            }
            return env;
        }

        public PsResult Run(string script, IDictionary<string, object?>? variables = null) => Ps.Run(script, variables);

        public async ValueTask DisposeAsync()
        {
            Ps.Dispose();
            await Emulator.DisposeAsync();
        }
    }

    internal static class Report
    {
        /// <summary>Figures go to the xunit output and to the console (dotnet test --logger "console;verbosity=detailed").</summary>
        public static void Line(ITestOutputHelper output, string text)
        {
            output.WriteLine(text);
            Console.WriteLine(text);
        }
    }
}
