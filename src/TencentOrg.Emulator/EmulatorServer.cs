using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TencentOrg.Emulator.Actions;

namespace TencentOrg.Emulator;

/// <summary>A Kestrel server on 127.0.0.1 that answers like the Organization API endpoint.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions ResponseJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly RequestVerifier _verifier;
    private readonly RateLimiter _rateLimiter = new();
    private readonly CancellationTokenSource _shutdown = new();
    private WebApplication? _app;

    private EmulatorServer(EmulatorOptions options)
    {
        Options = options;
        _verifier = new RequestVerifier(options);
        State = new EmulatorState(options, () => options.Clock.GetUtcNow() + options.ServerClockOffset);
        Faults = new FaultInjector(options.FaultRandomSeed);
        Endpoint = new Uri("http://127.0.0.1/");
    }

    public Uri Endpoint { get; private set; }
    public EmulatorOptions Options { get; }
    public EmulatorState State { get; }
    public RequestLog Requests { get; } = new();
    public FaultInjector Faults { get; }
    public RateLimiter RateLimiter => _rateLimiter;

    /// <summary>Server time for signature expiry and the Date header: real UTC plus ServerClockOffset. Resources use Options.Clock.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow + Options.ServerClockOffset;

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var server = new EmulatorServer(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
            k.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        server._app = app;
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // Cancelling first releases Hang faults so shutdown does not wait for them.
        await _shutdown.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        _shutdown.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var received = Now;
        string requestId = Guid.NewGuid().ToString();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in http.Request.Headers) headers[header.Key] = header.Value.ToString();
        var request = new IncomingRequest { Method = http.Request.Method, Path = http.Request.Path.Value ?? "/", Headers = headers, Body = buffer.ToArray() };
        string action = request.Header("X-TC-Action") ?? "";

        var outcome = new Outcome();
        bool recorded = false;
        // Logged before the answer's last byte leaves: a client that has read the answer must find its request in the log.
        void Record()
        {
            if (recorded) return;
            recorded = true;
            (Options.Clock as ManualClock)?.AfterAction(action);
            Requests.Add(new RecordedRequest
            {
                Time = received, Action = action, Body = Encoding.UTF8.GetString(request.Body), Headers = headers,
                StatusCode = outcome.Status, ErrorCode = outcome.ErrorCode, RequestId = requestId, Handled = outcome.Handled,
                Fault = outcome.Fault,
            });
        }
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _shutdown.Token);
        try
        {
            var before = Faults.Match(action, FaultPhase.BeforeHandling);
            if (before is not null && await ApplyFaultAsync(http, before, null, requestId, outcome, aborted.Token).ConfigureAwait(false))
                return;

            var (response, errorCode, handled) = Process(request, action, requestId, received, outcome);
            outcome.ErrorCode = errorCode;
            outcome.Handled = handled;

            var after = Faults.Match(action, FaultPhase.AfterHandling);
            if (after is not null && await ApplyFaultAsync(http, after, response, requestId, outcome, aborted.Token).ConfigureAwait(false))
                return;

            outcome.Status = 200;
            Record();
            await WriteAsync(http, 200, "application/json", Serialize(response)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (or the server is stopping) during a Hang/Slow fault: no answer at all.
            outcome.Status = 0;
            http.Abort();
        }
        finally
        {
            Record();
        }
    }

    /// <summary>Verification, rate limiting and the handler; API errors become the error envelope.</summary>
    private (JsonObject Response, string? ErrorCode, bool Handled) Process(IncomingRequest request, string action, string requestId, DateTimeOffset now, Outcome outcome)
    {
        try
        {
            RequestVerifier.VerifyTransport(request);
            _verifier.VerifySignature(request, now);
            var schema = RequestVerifier.VerifyActionHeaders(request);
            if (!_rateLimiter.TryAcquire(action, Options.RateFor(action)))
                throw new ApiException("RequestLimitExceeded", "Your current request times equals to `" + Options.RateFor(action).ToString(CultureInfo.InvariantCulture)
                    + "` in a second, which exceeds the frequency limit for " + action + ".");
            var parameters = RequestVerifier.ParseBody(request.Body, schema);
            var listingFault = Faults.Match(action, FaultPhase.Listing);
            var result = ActionRouter.Dispatch(new ActionContext(action, ListingFaults.Parameters(parameters, listingFault), State, Options) { Fault = listingFault });
            if (listingFault is not null)
            {
                outcome.Fault = listingFault.Kind + "/" + listingFault.Phase;
                ListingFaults.Rewrite(result, listingFault);
            }
            result["RequestId"] = requestId;
            return (new JsonObject { ["Response"] = result }, null, true);
        }
        catch (ApiException e)
        {
            return (ErrorEnvelope(e.Code, e.Message, requestId), e.Code, false);
        }
        catch (Exception e)
        {
            // A handler bug must look like the service's InternalError, not like an injected HTTP 500.
            return (ErrorEnvelope("InternalError", "Emulator internal error: " + e.Message, requestId), "InternalError", false);
        }
    }

    /// <summary>Applies a fault; returns true when it answered (or dropped) the request itself.</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext http, FaultRule rule, JsonObject? handledResponse, string requestId, Outcome outcome, CancellationToken ct)
    {
        outcome.Fault = rule.Kind + "/" + rule.Phase;
        if (rule.Kind == FaultKind.Slow)
        {
            await Task.Delay(rule.Delay ?? TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
            return false;
        }
        if (rule.Delay is TimeSpan delay && delay > TimeSpan.Zero)
            await Task.Delay(delay, ct).ConfigureAwait(false);

        switch (rule.Kind)
        {
            case FaultKind.Http500:
            case FaultKind.Http502:
            case FaultKind.Http503:
                int status = rule.Kind switch { FaultKind.Http500 => 500, FaultKind.Http502 => 502, _ => 503 };
                outcome.Status = status;
                await WriteAsync(http, status, "text/plain", Encoding.UTF8.GetBytes("Emulated HTTP " + status)).ConfigureAwait(false);
                return true;
            case FaultKind.ConnectionReset:
                outcome.Status = 0;
                http.Abort();
                return true;
            case FaultKind.Hang:
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                return true;
            case FaultKind.MalformedJson:
                byte[] full = Serialize(handledResponse ?? new JsonObject { ["Response"] = new JsonObject { ["RequestId"] = requestId } });
                outcome.Status = 200;
                await WriteAsync(http, 200, "application/json", full.AsSpan(0, Math.Max(1, full.Length / 2)).ToArray()).ConfigureAwait(false);
                return true;
            case FaultKind.InternalError:
            case FaultKind.RequestLimitExceeded:
            case FaultKind.BusinessError:
                string code = rule.Kind == FaultKind.BusinessError ? rule.Value ?? "FailedOperation" : rule.Kind.ToString();
                outcome.Status = 200;
                outcome.ErrorCode = code;
                await WriteAsync(http, 200, "application/json", Serialize(ErrorEnvelope(code, "Emulated fault: " + code + ".", requestId))).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private async Task WriteAsync(HttpContext http, int status, string contentType, byte[] body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        // Clients measure clock skew from Date, so it follows the emulated server clock.
        http.Response.Headers.Date = Now.ToString("R", CultureInfo.InvariantCulture);
        await http.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private static JsonObject ErrorEnvelope(string code, string message, string requestId) => new()
    {
        ["Response"] = new JsonObject
        {
            ["Error"] = new JsonObject { ["Code"] = code, ["Message"] = message },
            ["RequestId"] = requestId,
        },
    };

    private static byte[] Serialize(JsonObject body) => JsonSerializer.SerializeToUtf8Bytes(body, ResponseJson);

    private sealed class Outcome
    {
        public int Status;
        public string? ErrorCode;
        public bool Handled;
        public string? Fault;
    }
}
