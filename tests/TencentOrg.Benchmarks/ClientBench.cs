using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Credentials;
using TencentOrg.Emulator;
using TencentOrg.Models;
using static TencentOrg.Benchmarks.Program;

namespace TencentOrg.Benchmarks
{
    /// <summary>
    /// Per-request cost of OrgApiClient.CallAsync (serialize, rate-limiter check, sign, send, read, parse) for
    /// DescribeOrganization against the loopback emulator (rate limit off, running in a child process so the CPU
    /// time measured here is the client's only), next to the floor: a bare HttpClient POST of the same bytes
    /// with the same headers, signed by Tc3Signer per request (the emulator rejects unsigned calls), reading the
    /// body as bytes without parsing it. One request at a time; rounds interleave client and floor.
    /// </summary>
    internal static class ClientBench
    {
        internal const string Action = "DescribeOrganization";

        public static async Task RunAsync(Results results)
        {
            using var emulator = EmulatorProcess.Start(0, 50, 20);
            var endpoint = new Uri(emulator.Info.Endpoint);
            var credential = new OrgCredential(EmulatorCredential.Demo.SecretId, EmulatorCredential.Demo.SecretKey, null, "bench");
            var client = new OrgApiClient(credential, new OrgClientOptions { Endpoint = endpoint, RequestsPerSecond = 0 });
            // The same client over HttpClient (TCORG_HTTP_TRANSPORT=HttpClient, or a proxy): the module's own cost on the floor's transport.
            var viaHttpClient = new OrgApiClient(credential, new OrgClientOptions { Endpoint = endpoint, RequestsPerSecond = 0 }, null, Api.Http.HttpClientTransport.Shared);

            byte[] body = OrgJson.Serialize(new DescribeOrganizationRequest());
            var floorSigner = new Tc3Signer(EmulatorCredential.Demo.SecretId, EmulatorCredential.Demo.SecretKey);
            using var floorHttp = new HttpClient();
            string host = endpoint.IsDefaultPort ? endpoint.Host : endpoint.Authority;

            Func<Task> moduleCall = () => client.CallAsync<DescribeOrganizationResponse>(Action, new DescribeOrganizationRequest(), ApiCallKind.Read, null, CancellationToken.None);
            Func<Task> floorCall = () => FloorAsync(floorHttp, floorSigner, endpoint, host, body, check: false);
            Func<Task> viaHttpClientCall = () => viaHttpClient.CallAsync<DescribeOrganizationResponse>(Action, new DescribeOrganizationRequest(), ApiCallKind.Read, null, CancellationToken.None);

            // Warm-up, and proof that the floor gets a real answer.
            await FloorAsync(floorHttp, floorSigner, endpoint, host, body, check: true);
            await Loop(moduleCall, TimeSpan.FromSeconds(Quick ? 0.3 : 1));
            await Loop(floorCall, TimeSpan.FromSeconds(Quick ? 0.3 : 1));
            await Loop(viaHttpClientCall, TimeSpan.FromSeconds(Quick ? 0.3 : 1));

            var rounds = await InterleavedAsync(TimeSpan.FromSeconds(Quick ? 0.5 : 2), moduleCall, floorCall, viaHttpClientCall);
            var (module, floor, http) = (rounds[0], rounds[1], rounds[2]);

            double mRps = module.n / module.wall, fRps = floor.n / floor.wall;
            double mCpu = module.cpu / module.n * 1e6, fCpu = floor.cpu / floor.n * 1e6;
            double mLat = module.wall / module.n * 1e6, fLat = floor.wall / floor.n * 1e6;
            results.Add("Client request rate (sequential, " + Action + ")", F(mRps, 0) + " req/s (floor " + F(fRps, 0) + " req/s)", "info", null);
            double hCpu = http.cpu / http.n * 1e6, hLat = http.wall / http.n * 1e6;
            results.Add("Client CPU per request", F(mCpu, 0) + " us (floor " + F(fCpu, 0) + " us) = " + F(mCpu / fCpu, 2) + "x", "<= 1.3x floor", mCpu / fCpu <= 1.3);
            results.Add("Client allocations per request", F(module.alloc / (double)module.n, 0) + " B (floor " + F(floor.alloc / (double)floor.n, 0) + " B)", "info", null);
            // Not a target since the module has its own transport: a thread blocked in the kernel wakes later than HttpClient's
            // spinning thread-pool worker, which on loopback (~100 us answers) shows; at network latencies it does not.
            results.Add("Client wall time per request", F(mLat, 0) + " us (floor " + F(fLat, 0) + " us) = " + F(mLat / fLat, 2) + "x", "info: own transport (docs)", null);
            results.Add("Client over HttpClient: CPU per request", F(hCpu, 0) + " us (floor " + F(fCpu, 0) + " us) = " + F(hCpu / fCpu, 2) + "x", "<= 1.3x floor", hCpu / fCpu <= 1.3);
            results.Add("Client over HttpClient: wall time per request", F(hLat, 0) + " us (floor " + F(fLat, 0) + " us) = " + F(hLat / fLat, 2) + "x", "<= 1.3x floor", hLat / fLat <= 1.3);
            double mAlloc = module.alloc / (double)module.n;
            results.Add("Client allocations per request, emulator, vs the SDK (issue 20: 25,386 B)", F(mAlloc, 0) + " B = " + F(mAlloc / SdkBytesPerCall, 2) + "x the SDK", "<= 8192 B (0.3x)", mAlloc <= 8192);

            await InMemoryAsync(results, credential, body);
        }

        /// <summary>The SDK's figure from issue 20 (TencentCloud .NET SDK built from source, same process, same emulator).</summary>
        private const double SdkBytesPerCall = 25386;

        /// <summary>
        /// The same call through an in-memory handler that answers at once (what the emulator answers, from memory): no
        /// sockets, no server, so CPU and allocations are the client's alone. Floor: signing + HttpClient through the same
        /// handler, body read as bytes.
        /// </summary>
        private static async Task InMemoryAsync(Results results, OrgCredential credential, byte[] body)
        {
            var endpoint = new Uri("https://organization.tencentcloudapi.com/");
            var handler = new InMemoryHandler();
            var client = new OrgApiClient(credential, new OrgClientOptions { Endpoint = endpoint, RequestsPerSecond = 0 }, null, handler);
            var floorSigner = new Tc3Signer(EmulatorCredential.Demo.SecretId, EmulatorCredential.Demo.SecretKey);
            using var floorHttp = new HttpClient(new InMemoryHandler());
            Func<Task> moduleCall = () => client.CallAsync<DescribeOrganizationResponse>(Action, new DescribeOrganizationRequest(), ApiCallKind.Read, null, CancellationToken.None);
            Func<Task> floorCall = () => FloorAsync(floorHttp, floorSigner, endpoint, endpoint.Host, body, check: false);
            await Loop(moduleCall, TimeSpan.FromSeconds(Quick ? 0.3 : 1));
            await Loop(floorCall, TimeSpan.FromSeconds(Quick ? 0.3 : 1));

            var rounds = await InterleavedAsync(TimeSpan.FromSeconds(Quick ? 0.5 : 1), moduleCall, floorCall);
            var (module, floor) = (rounds[0], rounds[1]);
            double mCpu = module.cpu / module.n * 1e6, fCpu = floor.cpu / floor.n * 1e6;
            double mAlloc = module.alloc / (double)module.n;
            results.Add("Client in memory: CPU per request", F(mCpu, 1) + " us (floor: signing + HttpClient " + F(fCpu, 1) + " us) = " + F(mCpu / fCpu, 2) + "x", "info", null);
            results.Add("Client in memory: allocations per request vs the SDK (issue 20: 25,386 B)", F(mAlloc, 0) + " B (floor " + F(floor.alloc / (double)floor.n, 0)
                + " B) = " + F(mAlloc / SdkBytesPerCall, 2) + "x the SDK", "<= 8192 B (0.3x)", mAlloc <= 8192);
        }

        /// <summary>DescribeOrganization's answer as the emulator gives it, from memory, completed synchronously.</summary>
        internal sealed class InMemoryHandler : HttpMessageHandler
        {
            private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
                "{\"Response\":{\"OrgId\":45155,\"HostUin\":100000000001,\"NickName\":\"Emulated organization\",\"CreateTime\":\"2026-01-01 00:00:00\","
                + "\"OrgType\":1,\"IsManager\":true,\"OrgPolicyType\":\"Financial\",\"OrgPolicyName\":\"Self-financing\",\"OrgPermission\":[{\"Id\":1,\"Name\":\"View bill\"},"
                + "{\"Id\":2,\"Name\":\"Check balance\"}],\"RootNodeId\":100000,\"IsAllowQuit\":\"Allow\",\"RequestId\":\"3c140219-cfe9-470e-b241-907877d6fb03\"}}");

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var content = new ByteArrayContent(Answer);
                content.Headers.ContentLength = Answer.Length;
                return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request });
            }
        }

        /// <summary>Rounds that interleave the calls, so load changes hit each alike; totals of each, in the order given.</summary>
        internal static async Task<(long n, double wall, double cpu, long alloc)[]> InterleavedAsync(TimeSpan phase, params Func<Task>[] calls)
        {
            var totals = new (long n, double wall, double cpu, long alloc)[calls.Length];
            for (int i = 0; i < (Quick ? 1 : 4); i++)
            {
                for (int c = 0; c < calls.Length; c++) totals[c] = Sum(totals[c], await Loop(calls[c], phase));
            }
            return totals;
        }

        private static (long, double, double, long) Sum((long n, double wall, double cpu, long alloc) a, (long n, double wall, double cpu, long alloc) b) => (a.n + b.n, a.wall + b.wall, a.cpu + b.cpu, a.alloc + b.alloc);

        internal static async Task<(long n, double wall, double cpu, long alloc)> Loop(Func<Task> call, TimeSpan duration)
        {
            var self = Process.GetCurrentProcess();
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            long alloc0 = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            long n = 0;
            while (sw.Elapsed < duration)
            {
                await call().ConfigureAwait(false);
                n++;
            }
            sw.Stop();
            self.Refresh();
            return (n, sw.Elapsed.TotalSeconds, (self.TotalProcessorTime - cpu0).TotalSeconds, GC.GetTotalAllocatedBytes(true) - alloc0);
        }

        private static readonly MediaTypeHeaderValue Json = new MediaTypeHeaderValue("application/json");

        private static async Task FloorAsync(HttpClient http, Tc3Signer signer, Uri endpoint, string host, byte[] body, bool check)
        {
            long timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var signature = signer.Sign(new Tc3Request { Host = host, Service = "organization", ContentType = "application/json", Payload = body, Timestamp = timestamp });
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
            request.Headers.TryAddWithoutValidation("X-TC-Action", Action);
            request.Headers.TryAddWithoutValidation("X-TC-Version", OrgClientOptions.ApiVersion);
            request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            byte[] answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (check)
            {
                string text = Encoding.UTF8.GetString(answer);
                if (!response.IsSuccessStatusCode || text.Contains("\"Error\"", StringComparison.Ordinal))
                    throw new InvalidOperationException("the floor request was not answered: " + text);
            }
        }
    }
}
