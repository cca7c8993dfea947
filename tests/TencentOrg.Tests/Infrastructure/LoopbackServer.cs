using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TencentOrg.Tests.Infrastructure
{
    /// <summary>A request as it reached the loopback server.</summary>
    public sealed class ReceivedRequest
    {
        public string Method { get; init; } = "";
        public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);
        public byte[] Body { get; init; } = Array.Empty<byte>();
        public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
    }

    /// <summary>A real Kestrel server on 127.0.0.1 with a scripted handler, for client tests.</summary>
    public sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private LoopbackServer(WebApplication app) { _app = app; }

        public ConcurrentQueue<ReceivedRequest> Received { get; } = new();
        public Uri Endpoint { get; private set; } = null!;

        public static async Task<LoopbackServer> StartAsync(Func<ReceivedRequest, HttpContext, Task> handler)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new LoopbackServer(app);
            app.Run(async context =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                var received = new ReceivedRequest
                {
                    Method = context.Request.Method,
                    Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                    Body = buffer.ToArray(),
                };
                server.Received.Enqueue(received);
                await handler(received, context);
            });
            await app.StartAsync();
            server.Endpoint = new Uri(app.Urls.First().TrimEnd('/') + "/");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
