using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;
using Xunit;
using Xunit.Abstractions;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 11 item 5: a body over OrgClientOptions.MaxResponseBytes is an error, and the client stops reading at the cap.</summary>
    public class ResponseSizeCapTests
    {
        private const long Hostile = 400L * 1024 * 1024;
        // What may sit between the server's writes and the client's reads: both sockets' kernel buffers and the handler's
        // drain of at most 1 MB when an unread body is disposed.
        private const long InFlight = 16L * 1024 * 1024;

        private readonly ITestOutputHelper _output;

        public ResponseSizeCapTests(ITestOutputHelper output) { _output = output; }

        /// <summary>
        /// A bare-socket HTTP/1.1 server streaming 400 MB of one endless JSON string. A plain socket counts truthfully: a write
        /// to a connection the client closed fails, where Kestrel would complete it silently.
        /// </summary>
        private sealed class StreamingServer : IAsyncDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly Task _serving;
            private long _sent;
            private int _requests;

            public StreamingServer(bool announceLength)
            {
                _listener.Start();
                Endpoint = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
                _serving = ServeAsync(announceLength);
            }

            public Uri Endpoint { get; }
            public long Sent => Interlocked.Read(ref _sent);
            public int Requests => Volatile.Read(ref _requests);
            public Task Finished => _serving;

            private async Task ServeAsync(bool announceLength)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref _requests);
                var stream = client.GetStream();
                await ReadRequestAsync(stream);
                string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + (announceLength ? "Content-Length: " + Hostile + "\r\n" : "Transfer-Encoding: chunked\r\n") + "\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                var payload = new byte[64 * 1024];
                payload.AsSpan().Fill((byte)'a');
                "{\"Response\":{\"RequestId\":\""u8.CopyTo(payload);
                byte[] chunkHead = Encoding.ASCII.GetBytes(payload.Length.ToString("x") + "\r\n");
                byte[] crlf = Encoding.ASCII.GetBytes("\r\n");
                try
                {
                    for (long written = 0; written < Hostile; written += payload.Length)
                    {
                        if (!announceLength) await stream.WriteAsync(chunkHead);
                        await stream.WriteAsync(payload);
                        if (!announceLength) await stream.WriteAsync(crlf);
                        Interlocked.Add(ref _sent, payload.Length);
                    }
                }
                catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException)
                {
                    // The client hung up: that is the point.
                }
            }

            private static async Task ReadRequestAsync(NetworkStream stream)
            {
                var seen = new StringBuilder();
                var one = new byte[4096];
                int headerEnd;
                while ((headerEnd = seen.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
                {
                    int n = await stream.ReadAsync(one);
                    if (n == 0) return;
                    seen.Append(Encoding.ASCII.GetString(one, 0, n));
                }
                string text = seen.ToString();
                var match = System.Text.RegularExpressions.Regex.Match(text, @"Content-Length:\s*(\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                int bodyLength = match.Success ? int.Parse(match.Groups[1].Value) : 0;
                int have = text.Length - headerEnd - 4;
                while (have < bodyLength)
                {
                    int n = await stream.ReadAsync(one);
                    if (n == 0) return;
                    have += n;
                }
            }

            public async ValueTask DisposeAsync()
            {
                _listener.Stop();
                try { await _serving.WaitAsync(TimeSpan.FromSeconds(10)); } catch (Exception) { }
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_400_MB_body_is_an_error_and_the_client_reads_no_more_than_the_cap(bool announceLength)
        {
            await using var server = new StreamingServer(announceLength);
            var client = HostileEnv.Client(server.Endpoint);

            var error = await Assert.ThrowsAsync<OrgTransportException>(() => client.CallAsync<DescribeOrganizationMembersResponse>("DescribeOrganizationMembers",
                new DescribeOrganizationMembersRequest { Limit = 50 }, ApiCallKind.Read, null, CancellationToken.None));

            Assert.Equal("ClientError.ResponseTooLarge", error.Code);
            Assert.Contains(OrgClientOptions.DefaultMaxResponseBytes.ToString(), error.Message);
            // The server ends once the client hangs up (a write fails), long before 400 MB.
            await server.Finished.WaitAsync(TimeSpan.FromSeconds(30));
            // Not retried: the same server would send the same body.
            Assert.Equal(1, server.Requests);
            _output.WriteLine("FIGURES response cap: the server got " + server.Sent / (1024 * 1024) + " MiB of 400 MiB out (announced length: " + announceLength + ")");
            long limit = (announceLength ? 0 : OrgClientOptions.DefaultMaxResponseBytes) + InFlight;
            Assert.InRange(server.Sent, 0, limit);
        }

        [Fact]
        public async Task A_write_with_an_oversized_answer_is_uncertain()
        {
            await using var server = new StreamingServer(false);
            var client = new OrgApiClient(new TencentOrg.Credentials.OrgCredential("AKIDHOSTILECLIENT00000000000000001", "HostileClientSecretKey00000000000001", null, "test"),
                new OrgClientOptions { Endpoint = server.Endpoint, RequestsPerSecond = 0, MaxResponseBytes = 1024 * 1024 });

            var error = await Assert.ThrowsAsync<OrgAmbiguousResultException>(() => client.CallAsync<CreateOrganizationIdentityResponse>("CreateOrganizationIdentity",
                new CreateOrganizationIdentityRequest { IdentityAliasName = "Huge" }, ApiCallKind.Write, null, CancellationToken.None));
            Assert.Contains("1048576 bytes", error.Message);
        }
    }
}
