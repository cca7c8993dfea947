using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Credentials;
using TencentOrg.Models;
using Xunit;
using Xunit.Abstractions;

namespace TencentOrg.Tests.Client
{
    /// <summary>
    /// Issue 20 item 1: bytes allocated per DescribeOrganization call through OrgApiClient (serialize, sign, send, read
    /// under the 32 MiB cap, parse), counted, not timed. The SDK allocates 25,386 B per call; the limit is 8 KB.
    /// </summary>
    public class AllocationTests
    {
        internal const long LimitPerCall = 8 * 1024;

        /// <summary>The answer the emulator gives to DescribeOrganization, served from memory; completes synchronously.</summary>
        internal sealed class InMemoryHandler : HttpMessageHandler
        {
            private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
                "{\"Response\":{\"OrgId\":45155,\"HostUin\":100000000001,\"NickName\":\"Emulated organization\",\"CreateTime\":\"2026-01-01 00:00:00\","
                + "\"OrgType\":1,\"IsManager\":true,\"OrgPolicyType\":\"Financial\",\"OrgPolicyName\":\"Self-financing\",\"OrgPermission\":[{\"Id\":1,\"Name\":\"View bill\"},"
                + "{\"Id\":2,\"Name\":\"Check balance\"}],\"RootNodeId\":100000,\"IsAllowQuit\":\"Allow\",\"RequestId\":\"3c140219-cfe9-470e-b241-907877d6fb03\"}}");

            public int Calls;

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Calls++;
                var content = new ByteArrayContent(Answer);
                content.Headers.ContentLength = Answer.Length;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
            }
        }

        private readonly ITestOutputHelper _output;

        public AllocationTests(ITestOutputHelper output) { _output = output; }

        internal static OrgApiClient Client(HttpMessageHandler handler) =>
            new OrgApiClient(new OrgCredential("AKIDALLOCATIONTEST0000000000000001", "AllocationTestSecretKey000000000001", null, "test"),
                new OrgClientOptions { Endpoint = new Uri("https://organization.tencentcloudapi.com/"), RequestsPerSecond = 0 }, null, handler);

        /// <summary>Bytes this thread allocated per call over <paramref name="calls"/> calls that all complete synchronously.</summary>
        internal static double BytesPerCall(OrgApiClient client, int calls)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < calls; i++)
            {
                var call = client.CallAsync<DescribeOrganizationResponse>("DescribeOrganization", new DescribeOrganizationRequest(), ApiCallKind.Read, null, CancellationToken.None);
                // Finished before returning: nothing ran on another thread, so this thread's count is the whole cost.
                if (!call.IsCompleted) throw new InvalidOperationException("the call went asynchronous; the count would miss allocations");
                if (call.Result.OrgId != 45155) throw new InvalidOperationException("wrong answer");
            }
            return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
        }

        [Fact]
        public void A_DescribeOrganization_call_allocates_at_most_8_KB()
        {
            var handler = new InMemoryHandler();
            var client = Client(handler);
            BytesPerCall(client, 200); // warm-up: JIT, pools, the signer's per-thread buffers and the cached key

            double perCall = BytesPerCall(client, 1000);

            _output.WriteLine("FIGURES allocation: " + perCall.ToString("0") + " B per DescribeOrganization call (SDK 25,386 B; limit " + LimitPerCall + " B)");
            Assert.Equal(1200, handler.Calls);
            Assert.True(perCall <= LimitPerCall, perCall.ToString("0") + " B allocated per DescribeOrganization call, over the limit of " + LimitPerCall + " B");
        }

        [Fact]
        public async Task The_cap_still_holds_for_a_body_that_grows_the_pooled_buffer()
        {
            // 100 KB of answer, cap 64 KB, no Content-Length: read in pooled chunks and stopped past the cap.
            var body = new byte[100 * 1024];
            body.AsSpan().Fill((byte)' ');
            var handler = new StreamHandler(body);
            var client = new OrgApiClient(new OrgCredential("AKIDALLOCATIONTEST0000000000000001", "AllocationTestSecretKey000000000001", null, "test"),
                new OrgClientOptions { Endpoint = new Uri("https://organization.tencentcloudapi.com/"), RequestsPerSecond = 0, MaxResponseBytes = 64 * 1024 }, null, handler);

            var error = await Assert.ThrowsAsync<OrgTransportException>(() => client.CallAsync<DescribeOrganizationResponse>("DescribeOrganization",
                new DescribeOrganizationRequest(), ApiCallKind.Read, null, CancellationToken.None));
            Assert.Equal("ClientError.ResponseTooLarge", error.Code);
            Assert.InRange(((SmallReads)handler.Stream!).Served, 64 * 1024 + 1, 64 * 1024 + 16 * 1024);
        }

        [Fact]
        public async Task A_body_longer_than_the_first_buffer_is_read_whole()
        {
            // 40 KB of whitespace then the answer, no Content-Length: the pooled buffer grows past its first 16 KB.
            string json = new string(' ', 40 * 1024) + "{\"Response\":{\"OrgId\":7,\"RequestId\":\"r\"}}";
            var handler = new StreamHandler(Encoding.UTF8.GetBytes(json));
            var response = await Client(handler).CallAsync<DescribeOrganizationResponse>("DescribeOrganization",
                new DescribeOrganizationRequest(), ApiCallKind.Read, null, CancellationToken.None);
            Assert.Equal(7, response.OrgId);
        }

        /// <summary>Serves a body as a stream of unknown length, 4 KB per read.</summary>
        private sealed class StreamHandler : HttpMessageHandler
        {
            private readonly byte[] _body;
            public StreamHandler(byte[] body) { _body = body; }
            public System.IO.Stream? Stream { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Stream = new SmallReads(_body);
                var content = new StreamContent(Stream);
                content.Headers.ContentLength = null;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
            }
        }

        private sealed class SmallReads : System.IO.MemoryStream
        {
            public SmallReads(byte[] body) : base(body, false) { }
            /// <summary>Bytes handed to the reader so far (the stream is disposed by then, so not its Position).</summary>
            public long Served { get; private set; }
            public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, Math.Min(count, 4096)));
            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Task.FromResult(Read(buffer, offset, count));
            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                new ValueTask<int>(Count(base.Read(buffer.Span.Slice(0, Math.Min(buffer.Length, 4096)))));
            private int Count(int read) { Served += read; return read; }
            public override bool CanSeek => false;
            public override long Length => throw new NotSupportedException();
        }
    }
}
