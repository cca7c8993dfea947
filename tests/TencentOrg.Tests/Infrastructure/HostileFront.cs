using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TencentOrg.Tests.Infrastructure
{
    /// <summary>
    /// A hostile loopback server in front of the emulator: every request is forwarded untouched (the signature still
    /// verifies, since the Host header is kept) unless <see cref="Answer"/> takes it over for its action and answers
    /// as a broken or hostile server would (redirects, answers without results, endless pages, huge bodies).
    /// </summary>
    public sealed class HostileFront : IAsyncDisposable
    {
        private static readonly HttpClient Forwarder = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        private readonly Uri _upstream;
        private LoopbackServer _server = null!;

        private HostileFront(Uri upstream) { _upstream = upstream; }

        /// <summary>Returns true when it answered the request itself; false forwards it to the emulator.</summary>
        public Func<string, ReceivedRequest, HttpContext, Task<bool>> Answer { get; set; } = (_, _, _) => Task.FromResult(false);

        public Uri Endpoint => _server.Endpoint;

        /// <summary>Every request that reached the front, forwarded or not.</summary>
        public ConcurrentQueue<ReceivedRequest> Received => _server.Received;

        public int CountFor(string action) => Received.Count(r => r.Headers.TryGetValue("X-TC-Action", out var a) && a == action);

        public static async Task<HostileFront> StartAsync(Uri upstream)
        {
            var front = new HostileFront(upstream);
            front._server = await LoopbackServer.StartAsync(front.HandleAsync);
            return front;
        }

        private async Task HandleAsync(ReceivedRequest request, HttpContext context)
        {
            string action = request.Headers.TryGetValue("X-TC-Action", out var a) ? a : "";
            if (await Answer(action, request, context)) return;
            await ForwardAsync(request, context);
        }

        /// <summary>Sends the request on to the emulator and copies its answer back.</summary>
        public async Task ForwardAsync(ReceivedRequest request, HttpContext context)
        {
            var body = await ForwardRawAsync(request);
            context.Response.StatusCode = body.Status;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body.Body);
        }

        /// <summary>The emulator's answer to the request, for a handler that rewrites it.</summary>
        public async Task<(int Status, byte[] Body)> ForwardRawAsync(ReceivedRequest request)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, _upstream) { Content = new ByteArrayContent(request.Body) };
            foreach (var header in request.Headers)
            {
                if (header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                else if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            using var response = await Forwarder.SendAsync(message);
            return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
        }

        public static async Task<bool> Json(HttpContext context, string json, int status = 200)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
            return true;
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
