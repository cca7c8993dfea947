using System;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Credentials;
using TencentOrg.Emulator;
using TencentOrg.Models;
using static TencentOrg.Benchmarks.Program;
#if TENCENT_SDK
using System.Net.Http;
using System.Net.Sockets;
using Sdk = TencentCloud.Organization.V20210331;
using TencentCloud.Common;
using TencentCloud.Common.Profile;
#endif

namespace TencentOrg.Benchmarks
{
    /// <summary>
    /// Issue 20, Must show 1: cost per DescribeOrganization call, the module's OrgApiClient next to the official .NET SDK's
    /// OrganizationClient, in this one process, interleaved round by round so machine load hits both alike. Two paths:
    /// the same in-memory handler (injected into both through their HttpClient), and the same loopback emulator (child
    /// process, so the CPU measured here is the clients' only). The SDK is built outside the repo (docs/performance.md)
    /// and referenced only with -p:TencentSdkDll=...; without it the rows say so.
    /// </summary>
    internal static class SdkBench
    {
        public static async Task RunAsync(Results results)
        {
#if TENCENT_SDK
            var credential = new OrgCredential(EmulatorCredential.Demo.SecretId, EmulatorCredential.Demo.SecretKey, null, "bench");
            var sdkCredential = new Credential { SecretId = EmulatorCredential.Demo.SecretId, SecretKey = EmulatorCredential.Demo.SecretKey };

            // In memory: both clients get the same handler type answering the same bytes.
            var endpoint = new Uri("https://organization.tencentcloudapi.com/");
            var module = new OrgApiClient(credential, new OrgClientOptions { Endpoint = endpoint, RequestsPerSecond = 0 }, null, new ClientBench.InMemoryHandler());
            var sdk = SdkClient(sdkCredential, "https://", new HttpClient(new ClientBench.InMemoryHandler()));
            await CompareAsync(results, "in memory", module, sdk);

            // Emulator: the SDK signs for the host it connects to and takes the service from the host's first label, so it
            // talks to organization.tencentcloudapi.com over plain HTTP, and its sockets are connected to the emulator.
            using var emulator = EmulatorProcess.Start(0, 50, 20);
            var emulatorUri = new Uri(emulator.Info.Endpoint);
            var onEmulator = new OrgApiClient(credential, new OrgClientOptions { Endpoint = emulatorUri, RequestsPerSecond = 0 });
            var toEmulator = new SocketsHttpHandler
            {
                ConnectCallback = async (context, token) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(emulatorUri.Host, emulatorUri.Port, token).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            var sdkOnEmulator = SdkClient(sdkCredential, "http://", new HttpClient(toEmulator));
            await CompareAsync(results, "emulator", onEmulator, sdkOnEmulator);
            // For scale, not a target: the module over HttpClient (what a proxy or TCORG_HTTP_TRANSPORT=HttpClient gives).
            var overHttpClient = new OrgApiClient(credential, new OrgClientOptions { Endpoint = emulatorUri, RequestsPerSecond = 0 }, null, Api.Http.HttpClientTransport.Shared);
            await CompareAsync(results, "emulator, module over HttpClient", overHttpClient, sdkOnEmulator, target: false);
#else
            await Task.CompletedTask;
            results.Add("Module vs SDK per " + ClientBench.Action + " call", "not built: pass -p:TencentSdkDll=<TencentCloudSdk.Org.dll> (docs/performance.md)", "info", null);
#endif
        }

#if TENCENT_SDK
        private static Sdk.OrganizationClient SdkClient(Credential credential, string protocol, HttpClient http)
        {
            var profile = new ClientProfile();
            profile.HttpProfile.Endpoint = "organization.tencentcloudapi.com";
            profile.HttpProfile.Protocol = protocol;
            return new Sdk.OrganizationClient(credential, "", profile) { HttpClient = http };
        }

        private static async Task CompareAsync(Results results, string path, OrgApiClient module, Sdk.OrganizationClient sdk, bool target = true)
        {
            Func<Task> moduleCall = () => module.CallAsync<DescribeOrganizationResponse>(ClientBench.Action, new DescribeOrganizationRequest(), ApiCallKind.Read, null, CancellationToken.None);
            Func<Task> sdkCall = async () =>
            {
                var answer = await sdk.DescribeOrganization(new Sdk.Models.DescribeOrganizationRequest()).ConfigureAwait(false);
                if (answer.OrgId == null) throw new InvalidOperationException("the SDK got no OrgId");
            };
            // Proof that both get a real, parsed answer, then warm-up.
            var first = await module.CallAsync<DescribeOrganizationResponse>(ClientBench.Action, new DescribeOrganizationRequest(), ApiCallKind.Read, null, CancellationToken.None);
            if (first.OrgId == null) throw new InvalidOperationException("the module got no OrgId");
            await sdkCall();
            await ClientBench.Loop(moduleCall, TimeSpan.FromSeconds(Quick ? 0.3 : 1));
            await ClientBench.Loop(sdkCall, TimeSpan.FromSeconds(Quick ? 0.3 : 1));

            var rounds = await ClientBench.InterleavedAsync(TimeSpan.FromSeconds(Quick ? 0.5 : 2), moduleCall, sdkCall);
            var (m, s) = (rounds[0], rounds[1]);
            double mCpu = m.cpu / m.n * 1e6, sCpu = s.cpu / s.n * 1e6;
            double mAlloc = m.alloc / (double)m.n, sAlloc = s.alloc / (double)s.n;
            string load = System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
            results.Add("Module vs SDK, " + path + ": CPU per " + ClientBench.Action + " call", F(mCpu, 1) + " us vs SDK " + F(sCpu, 1) + " us = " + F(mCpu / sCpu, 2)
                + "x (" + m.n + " / " + s.n + " calls, load " + load + ")", target ? "<= 0.5x SDK" : "info", target ? mCpu / sCpu <= 0.5 : null);
            results.Add("Module vs SDK, " + path + ": bytes allocated per " + ClientBench.Action + " call", F(mAlloc, 0) + " B vs SDK " + F(sAlloc, 0) + " B = " + F(mAlloc / sAlloc, 2) + "x",
                target ? "<= 8192 B and <= 0.3x SDK" : "info", target ? mAlloc <= 8192 && mAlloc / sAlloc <= 0.3 : null);
        }
#endif
    }
}
