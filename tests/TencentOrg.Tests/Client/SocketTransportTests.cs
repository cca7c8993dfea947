using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Api.Http;
using TencentOrg.Credentials;
using TencentOrg.Models;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Client
{
    /// <summary>
    /// The module's own HTTP/1.1 transport (issue #20, item 1) against servers that speak raw bytes: framing, keep-alive,
    /// stale connections, hostile heads, what counts as "may have reached the server", concurrency, timeouts and TLS.
    /// </summary>
    public sealed class SocketTransportTests
    {
        private static OrgApiClient Client(Uri endpoint, out SocketTransport transport, string? token = null, TimeSpan? timeout = null,
            RemoteCertificateValidationCallback? validate = null, int maxRetries = 0)
        {
            transport = new SocketTransport(endpoint, validate);
            return new OrgApiClient(new OrgCredential("AKIDSOCKETTRANSPORT0000000000000001", "SocketTransportSecretKey0000000001", token, "test"),
                new OrgClientOptions
                {
                    Endpoint = endpoint,
                    Timeout = timeout ?? TimeSpan.FromSeconds(10),
                    MaxRetries = maxRetries,
                    RetryBaseDelay = TimeSpan.FromMilliseconds(5),
                    RetryMaxDelay = TimeSpan.FromMilliseconds(20),
                    RequestsPerSecond = 0,
                }, null, transport);
        }

        private static Task<DescribeOrganizationResponse> Describe(OrgApiClient client, ApiCallKind kind = ApiCallKind.Read) =>
            client.CallAsync<DescribeOrganizationResponse>("DescribeOrganization", new DescribeOrganizationRequest(), kind, null, CancellationToken.None);

        private static async Task OnTheAnsweringWorkerAsync(OrgApiClient client, int calls)
        {
            for (int i = 0; i < calls; i++) Assert.Equal(7, (await Describe(client).ConfigureAwait(false)).OrgId);
        }

        /// <summary>
        /// Calls one after another with a pause between, each answered right: the pause lets the worker that answered go
        /// idle, so the next call goes to it (and its connection) rather than to a second worker.
        /// </summary>
        private static async Task CallsApartAsync(OrgApiClient client, int calls, int pauseMs, ApiCallKind kind = ApiCallKind.Read)
        {
            for (int i = 0; i < calls; i++)
            {
                Assert.Equal(7, (await Describe(client, kind)).OrgId);
                await Task.Delay(pauseMs);
            }
        }

        [Fact]
        public async Task Sequential_calls_reuse_one_keep_alive_connection_and_one_worker()
        {
            // Answers after 10 ms, so each await is registered before its call ends (a call already ended would continue here).
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(ScriptedHttpServer.Ok(), TimeSpan.FromMilliseconds(10)));
            var client = Client(server.Endpoint, out var transport);
            // ConfigureAwait(false): the loop continues on the worker that answered, as the module's own code does, and its
            // next request is parked on that worker rather than handed to a second one.
            await OnTheAnsweringWorkerAsync(client, 20);
            Assert.Equal(1, transport.ConnectionsOpened);
            Assert.Equal(1, transport.Workers);
            Assert.Equal(20, server.RequestHeads.Count);
        }

        [Fact]
        public async Task A_continuation_that_blocks_on_the_request_it_parked_on_its_own_worker_is_rescued()
        {
            // Answers after 100 ms, so the continuation below is registered before the first call ends and runs on its worker.
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(ScriptedHttpServer.Ok(), TimeSpan.FromMilliseconds(100)));
            var client = Client(server.Endpoint, out var transport);
            // Runs on the worker that completed the first call, and waits there, synchronously, for a second call that
            // would be parked on that same worker: only the rescue can serve it.
            string? thread = null;
            var nested = Describe(client).ContinueWith(first => { thread = Thread.CurrentThread.Name; return Describe(client).GetAwaiter().GetResult().OrgId; },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            var clock = Stopwatch.StartNew();
            Assert.Equal(7, await nested.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.InRange(clock.ElapsedMilliseconds, 0, 2000);
            Assert.True(2 == transport.Workers, "continuation ran on " + thread);
        }

        [Fact]
        public async Task The_request_is_one_POST_with_the_signed_headers_and_its_length()
        {
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(ScriptedHttpServer.Ok()));
            var client = Client(server.Endpoint, out _, token: "token-1");
            await Describe(client);
            string head = server.RequestHeads.Single();
            string[] lines = head.Split("\r\n");
            Assert.Equal("POST / HTTP/1.1", lines[0]);
            Assert.Equal("Host: 127.0.0.1:" + server.Endpoint.Port, lines[1]);
            Assert.Equal("Content-Type: application/json", lines[2]);
            Assert.StartsWith("Authorization: TC3-HMAC-SHA256 Credential=AKIDSOCKETTRANSPORT0000000000000001/", lines[3]);
            Assert.Contains("X-TC-Action: DescribeOrganization", lines);
            Assert.Contains("X-TC-Token: token-1", lines);
            Assert.Contains("Content-Length: 2", lines);
        }

        [Fact]
        public async Task Chunked_answers_with_extensions_and_trailers_are_read_whole_and_the_connection_kept()
        {
            string json = ScriptedHttpServer.OkJson;
            string chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\n" + json.Substring(0, 5) + "\r\n"
                + (json.Length - 5).ToString("X") + "\r\n" + json.Substring(5) + "\r\n"
                + "0\r\nX-Trailer: t\r\n\r\n";
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(System.Text.Encoding.ASCII.GetBytes(chunked)));
            var client = Client(server.Endpoint, out var transport);
            await CallsApartAsync(client, 5, 20);
            Assert.Equal(1, transport.ConnectionsOpened);
        }

        [Fact]
        public async Task Interim_100_answers_are_skipped()
        {
            await using var server = new ScriptedHttpServer(async c =>
            {
                while (await c.ReadRequestAsync() != null)
                {
                    await c.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n");
                    await c.WriteAsync(ScriptedHttpServer.Ok());
                }
            });
            Assert.Equal(7, (await Describe(Client(server.Endpoint, out _))).OrgId);
        }

        [Fact]
        public async Task An_answer_ended_by_closing_the_connection_is_read_and_the_connection_not_reused()
        {
            await using var server = new ScriptedHttpServer(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + ScriptedHttpServer.OkJson);
            });
            var client = Client(server.Endpoint, out var transport);
            await CallsApartAsync(client, 3, 20);
            Assert.Equal(3, transport.ConnectionsOpened);
        }

        [Theory]
        [InlineData("Connection: close\r\n")]
        [InlineData("X-Stray: after the body\r\n", "junk")]
        public async Task An_answer_that_says_close_or_leaves_stray_bytes_ends_its_connection(string header, string after = "")
        {
            byte[] answer = System.Text.Encoding.ASCII.GetBytes(System.Text.Encoding.ASCII.GetString(ScriptedHttpServer.Ok(header)) + after);
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(answer));
            var client = Client(server.Endpoint, out var transport);
            await CallsApartAsync(client, 3, 20);
            Assert.Equal(3, transport.ConnectionsOpened);
        }

        [Fact]
        public async Task An_idle_connection_the_server_closed_is_replaced_before_the_request_is_written()
        {
            // The server answers once per connection and closes without saying so: a stale keep-alive connection.
            await using var server = new ScriptedHttpServer(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(ScriptedHttpServer.Ok());
            });
            var client = Client(server.Endpoint, out var transport);
            await CallsApartAsync(client, 3, 100, ApiCallKind.Write);
            // Each call went out once, on a fresh connection: no write was sent into a closed one and then found ambiguous.
            Assert.Equal(3, server.RequestHeads.Count);
            Assert.Equal(3, transport.ConnectionsOpened);
        }

        [Theory]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", "two different Content-Lengths")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length is not a number")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "not chunked alone")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}", "encoded (gzip)")]
        [InlineData("HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\nContent-Length: 2\r\n\r\n{}", "folds a header line")]
        [InlineData("HTTP/2 200 OK\r\nContent-Length: 2\r\n\r\n{}", "status line is not HTTP/1.x")]
        [InlineData("HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\n{}", "not three digits")]
        [InlineData("HTTP/1.1 101 Switching\r\n\r\n", "switches protocols")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size is not a hexadecimal number")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}}\r\n0\r\n\r\n", "longer than its size says")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"Resp", "closed the connection before the answer's body ended")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Le", "in the middle of the answer's header")]
        [InlineData("", "closed the connection without an answer")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\n{}", "header name holds a character")]
        [InlineData("HTTP/1.1 200 OK\r\nX-A: a\nContent-Length: 2\r\n\r\n{}", "bare line break or NUL")]
        [InlineData("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "HTTP/1.0 answer uses Transfer-Encoding")]
        [InlineData("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}", "more than 10 interim")]
        public async Task A_head_or_body_that_is_not_HTTP_as_written_is_an_error_that_may_have_reached_the_server(string answer, string expected)
        {
            await using var server = new ScriptedHttpServer(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(answer);
            });
            var error = await Assert.ThrowsAsync<OrgTransportException>(() => Describe(Client(server.Endpoint, out _)));
            Assert.Equal("ClientError.NetworkError", error.Code);
            Assert.Contains(expected, error.Message);
            Assert.True(error.MayHaveReachedServer);
        }

        [Fact]
        public async Task A_head_longer_than_64_KB_is_refused_without_reading_on()
        {
            string longHead = "HTTP/1.1 200 OK\r\n" + string.Concat(Enumerable.Repeat("X-Pad: " + new string('a', 1000) + "\r\n", 70)) + "Content-Length: 2\r\n\r\n{}";
            await using var server = new ScriptedHttpServer(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(longHead);
            });
            var error = await Assert.ThrowsAsync<OrgTransportException>(() => Describe(Client(server.Endpoint, out _)));
            Assert.True(error.Message.Contains("header is longer than 65536 bytes"), error.Message);
        }

        [Fact]
        public async Task Control_characters_in_the_reason_phrase_are_escaped_in_the_error()
        {
            await using var server = new ScriptedHttpServer(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync("HTTP/1.1 500 Bad \u001b[31mRED\u0007\r\nContent-Length: 0\r\n\r\n");
            });
            var error = await Assert.ThrowsAsync<OrgTransportException>(() => Describe(Client(server.Endpoint, out _)));
            Assert.Equal("ClientError.HttpStatusCodeError", error.Code);
            Assert.DoesNotContain('\u001b', error.Message);
            Assert.Contains("\\x1B[31mRED\\x07", error.Message);
        }

        [Fact]
        public async Task A_reset_after_the_request_makes_a_create_ambiguous_and_a_refused_connection_never_reached_the_server()
        {
            await using var server = new ScriptedHttpServer(async c =>
            {
                await c.ReadRequestAsync();
                c.Reset();
            });
            var reset = await Assert.ThrowsAsync<OrgAmbiguousResultException>(() => Describe(Client(server.Endpoint, out _), ApiCallKind.Write));
            Assert.True(reset.MayHaveReachedServer);

            var closedPort = ClosedPort();
            var refused = await Assert.ThrowsAsync<OrgTransportException>(() => Describe(Client(closedPort, out _), ApiCallKind.Write));
            Assert.IsNotType<OrgAmbiguousResultException>(refused);
            Assert.False(refused.MayHaveReachedServer);
            Assert.Equal("ClientError.NetworkError", refused.Code);
        }

        [Fact]
        public void A_failure_to_reach_the_host_names_it_and_one_after_the_request_does_not_guess()
        {
            var origin = new Uri("https://no-such-host.invalid/");
            var dns = (OrgTransportException)SocketTransport.Describe("DescribeOrganization",
                new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound), wroteRequest: false, origin);
            Assert.EndsWith("(no-such-host.invalid:443)", dns.Message);
            Assert.False(dns.MayHaveReachedServer);
            var reset = (OrgTransportException)SocketTransport.Describe("DescribeOrganization",
                new System.IO.IOException("reset", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset)), wroteRequest: true, origin);
            Assert.True(reset.MayHaveReachedServer);
            Assert.DoesNotContain("no-such-host", reset.Message);
            var bug = (OrgTransportException)SocketTransport.Describe("DescribeOrganization", new InvalidOperationException("oops"), wroteRequest: true, origin);
            Assert.True(bug.MayHaveReachedServer);
            Assert.False(bug.IsRetryable);
        }

        private static Uri ClosedPort()
        {
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return new Uri("http://127.0.0.1:" + port + "/");
        }

        [Fact]
        public async Task A_header_value_with_a_line_break_sends_no_byte()
        {
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(ScriptedHttpServer.Ok()));
            var client = Client(server.Endpoint, out _, token: "token\r\nX-Injected: 1");
            var error = await Assert.ThrowsAsync<OrgTransportException>(() => Describe(client, ApiCallKind.Write));
            Assert.Equal("ClientError.InvalidHeader", error.Code);
            Assert.False(error.MayHaveReachedServer);
            Assert.Contains("U+000D", error.Message);
            await Task.Delay(100);
            Assert.Equal(0, server.BytesReceived);
        }

        [Fact]
        public async Task Requests_in_flight_at_once_go_out_at_once_on_their_own_connections()
        {
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(ScriptedHttpServer.Ok(), TimeSpan.FromMilliseconds(500)));
            var client = Client(server.Endpoint, out var transport);
            var clock = Stopwatch.StartNew();
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Describe(client)));
            clock.Stop();
            Assert.All(answers, a => Assert.Equal(7, a.OrgId));
            // One after another would take 8 x 500 ms.
            Assert.InRange(clock.ElapsedMilliseconds, 500, 2500);
            Assert.Equal(8, transport.ConnectionsOpened);
        }

        [Fact]
        public async Task A_server_that_never_answers_times_out_and_the_worker_serves_the_next_call()
        {
            bool hang = true;
            await using var server = new ScriptedHttpServer(async c =>
            {
                while (await c.ReadRequestAsync() != null)
                {
                    if (hang) await Task.Delay(TimeSpan.FromSeconds(30));
                    await c.WriteAsync(ScriptedHttpServer.Ok());
                }
            });
            var client = Client(server.Endpoint, out var transport, timeout: TimeSpan.FromMilliseconds(400));
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<OrgTransportException>(() => Describe(client));
            Assert.Equal("ClientError.Timeout", error.Code);
            Assert.InRange(clock.ElapsedMilliseconds, 300, 3000);
            hang = false;
            await Task.Delay(50);
            Assert.Equal(7, (await Describe(client)).OrgId);
            Assert.Equal(1, transport.Workers);
        }

        [Fact]
        public async Task A_caller_cancellation_stops_a_hung_exchange_at_once()
        {
            await using var server = new ScriptedHttpServer(async c =>
            {
                await c.ReadRequestAsync();
                await Task.Delay(TimeSpan.FromSeconds(30));
            });
            var client = Client(server.Endpoint, out _);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                client.CallAsync<DescribeOrganizationResponse>("DescribeOrganization", new DescribeOrganizationRequest(), ApiCallKind.Read, null, cancel.Token));
            Assert.InRange(clock.ElapsedMilliseconds, 200, 3000);
        }

        [Fact]
        public async Task Idle_workers_end_and_close_their_connection()
        {
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(ScriptedHttpServer.Ok()));
            var transport = new SocketTransport(server.Endpoint, idleLife: TimeSpan.FromMilliseconds(200));
            var client = new OrgApiClient(new OrgCredential("AKIDSOCKETTRANSPORT0000000000000001", "SocketTransportSecretKey0000000001", null, "test"),
                new OrgClientOptions { Endpoint = server.Endpoint, RequestsPerSecond = 0 }, null, transport);
            await Describe(client);
            Assert.InRange(transport.Workers, 1, 2);
            for (int i = 0; i < 50 && transport.Workers > 0; i++) await Task.Delay(50);
            Assert.Equal(0, transport.Workers);
            Assert.Equal(7, (await Describe(client)).OrgId);
        }

        [Fact]
        public async Task Https_with_an_untrusted_certificate_is_refused_before_any_request_byte_and_not_retried()
        {
            using var certificate = SelfSigned();
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(ScriptedHttpServer.Ok()), certificate);
            var client = Client(server.Endpoint, out _, maxRetries: 3);
            var error = await Assert.ThrowsAsync<OrgTransportException>(() => Describe(client, ApiCallKind.Write));
            Assert.Contains("TLS handshake", error.Message);
            Assert.False(error.MayHaveReachedServer);
            Assert.False(error.IsRetryable);
            Assert.Equal(1, server.Connections);
            Assert.Empty(server.RequestHeads);
        }

        [Fact]
        public async Task Https_with_the_certificate_accepted_carries_the_calls_over_TLS()
        {
            using var certificate = SelfSigned();
            string thumbprint = certificate.Thumbprint;
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(ScriptedHttpServer.Ok()), certificate);
            var client = Client(server.Endpoint, out var transport,
                validate: (_, presented, _, _) => presented != null && new X509Certificate2(presented).Thumbprint == thumbprint);
            await CallsApartAsync(client, 3, 20);
            Assert.Equal(1, transport.ConnectionsOpened);
            Assert.Equal(3, server.RequestHeads.Count);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Bytes_a_server_sends_past_a_long_answer_end_the_connection_also_inside_TLS(bool tls)
        {
            // A 20,000-byte answer followed in the same write by a second, well-formed answer nobody asked for. Over TLS the
            // extra answer sits in the last decrypted record: read through the connection's own buffer, it is seen there.
            string padded = "{\"Response\":{\"OrgId\":7,\"RequestId\":\"r-1\"}}".PadRight(20000);
            byte[] answer = System.Text.Encoding.ASCII.GetBytes(System.Text.Encoding.ASCII.GetString(ScriptedHttpServer.Answer(padded))
                + System.Text.Encoding.ASCII.GetString(ScriptedHttpServer.Answer("{\"Response\":{\"OrgId\":666,\"RequestId\":\"stray\"}}")));
            using var certificate = tls ? SelfSigned() : null;
            string? thumbprint = certificate?.Thumbprint;
            await using var server = new ScriptedHttpServer(c => c.AnswerEachAsync(answer), certificate);
            var client = Client(server.Endpoint, out var transport,
                validate: (_, presented, _, _) => presented != null && new X509Certificate2(presented).Thumbprint == thumbprint);
            await CallsApartAsync(client, 3, 50);
            Assert.Equal(3, transport.ConnectionsOpened);
        }

        [Fact]
        public void Through_HttpClient_only_a_connect_failure_never_reached_the_server_not_a_socket_error_on_an_open_connection()
        {
            Assert.True(HttpClientTransport.NeverReachedServer(
                new System.Net.Http.HttpRequestException("connect", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))));
            Assert.False(HttpClientTransport.NeverReachedServer(new System.Net.Http.HttpRequestException("send",
                new System.IO.IOException("broken", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostUnreachable)))));
        }

        private static X509Certificate2 SelfSigned()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        }

        [Fact]
        public void A_proxy_for_the_endpoint_means_HttpClient_and_none_or_a_bypass_means_the_module_transport()
        {
            var endpoint = new Uri("https://organization.tencentcloudapi.com/");
            Assert.False(TransportChoice.ProxyApplies(null, endpoint, out _));
            Assert.True(TransportChoice.ProxyApplies(new WebProxy("http://proxy.example:8080"), endpoint, out _));
            Assert.False(TransportChoice.ProxyApplies(new WebProxy("http://proxy.example:8080", false, new[] { "organization\\.tencentcloudapi\\.com" }), endpoint, out _));
            Assert.True(TransportChoice.ProxyApplies(new ThrowingProxy(), endpoint, out _));
            Assert.False(TransportChoice.ProxyApplies(new DirectProxy(), endpoint, out _));
        }

        [Fact]
        public void The_transport_variable_picks_HttpClient_or_Socket_and_anything_else_is_an_error_naming_it()
        {
            Assert.Same(HttpClientTransport.Shared, TransportChoice.Asked(_ => " httpclient "));
            Assert.Null(TransportChoice.Asked(_ => "Socket"));
            Assert.Null(TransportChoice.Asked(_ => null));
            var error = Assert.Throws<ArgumentException>(() => TransportChoice.Asked(_ => "curl"));
            Assert.Contains("TCORG_HTTP_TRANSPORT is 'curl'", error.Message);
            Assert.IsType<SocketTransport>(TransportChoice.For(new Uri("http://127.0.0.1:9/"), _ => null));
            Assert.Same(HttpClientTransport.Shared, TransportChoice.For(new Uri("http://127.0.0.1:9/"), _ => "HttpClient"));
        }

        private sealed class ThrowingProxy : IWebProxy
        {
            public ICredentials? Credentials { get; set; }
            public Uri GetProxy(Uri destination) => throw new InvalidOperationException("no answer");
            public bool IsBypassed(Uri host) => throw new InvalidOperationException("no answer");
        }

        /// <summary>What HttpClient.DefaultProxy is with no proxy configured: GetProxy gives the destination itself or null.</summary>
        private sealed class DirectProxy : IWebProxy
        {
            public ICredentials? Credentials { get; set; }
            public Uri? GetProxy(Uri destination) => null;
            public bool IsBypassed(Uri host) => false;
        }
    }
}
