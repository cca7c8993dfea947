using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TencentOrg.Api;
using TencentOrg.Emulator;

namespace TencentOrg.Tests.Emulator;

/// <summary>How to build one signed request; defaults produce a valid one.</summary>
internal sealed class SendOptions
{
    public string? SecretId { get; set; }
    public string? SecretKey { get; set; }
    public long? Timestamp { get; set; }
    public string ContentType { get; set; } = "application/json";
    public string? Version { get; set; } = "2021-03-31";
    public string? Language { get; set; }
    public Func<string, string>? MutateAuthorization { get; set; }
    /// <summary>Body actually sent after signing another one (tamper test).</summary>
    public string? BodySentInstead { get; set; }
    public HttpMethod Method { get; set; } = HttpMethod.Post;
}

/// <summary>Sends real TC3-signed HTTP requests to an emulator, the way the module's client does.</summary>
internal sealed class EmulatorTestClient : IDisposable
{
    private readonly EmulatorServer _server;

    public EmulatorTestClient(EmulatorServer server, TimeSpan? timeout = null)
    {
        _server = server;
        Http = new HttpClient { BaseAddress = server.Endpoint, Timeout = timeout ?? TimeSpan.FromSeconds(10) };
    }

    public HttpClient Http { get; }

    public async Task<HttpResponseMessage> SendAsync(string action, string body, SendOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SendOptions();
        var credential = EmulatorCredential.Demo;
        long timestamp = options.Timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        byte[] payload = Encoding.UTF8.GetBytes(body);
        var signer = new Tc3Signer(options.SecretId ?? credential.SecretId, options.SecretKey ?? credential.SecretKey);
        var signature = signer.Sign(new Tc3Request
        {
            Host = _server.Endpoint.Authority,
            ContentType = options.ContentType,
            Payload = payload,
            Timestamp = timestamp,
        });

        var request = new HttpRequestMessage(options.Method, _server.Endpoint);
        var content = new ByteArrayContent(options.BodySentInstead is null ? payload : Encoding.UTF8.GetBytes(options.BodySentInstead));
        // Set the header value verbatim: the signature covers these exact bytes.
        content.Headers.TryAddWithoutValidation("Content-Type", options.ContentType);
        if (options.Method != HttpMethod.Get) request.Content = content;
        string authorization = options.MutateAuthorization?.Invoke(signature.Authorization) ?? signature.Authorization;
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("X-TC-Action", action);
        if (options.Version is not null) request.Headers.TryAddWithoutValidation("X-TC-Version", options.Version);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (options.Language is not null) request.Headers.TryAddWithoutValidation("X-TC-Language", options.Language);
        return await Http.SendAsync(request, ct);
    }

    /// <summary>Sends and returns the parsed "Response" object (success or error).</summary>
    public async Task<JsonElement> CallAsync(string action, string body = "{}", SendOptions? options = null)
    {
        using var response = await SendAsync(action, body, options);
        Assert.Equal(200, (int)response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        var inner = doc.RootElement.GetProperty("Response").Clone();
        Assert.True(inner.TryGetProperty("RequestId", out _), "every answer carries a RequestId: " + text);
        return inner;
    }

    /// <summary>Calls and asserts success; returns the Response object.</summary>
    public async Task<JsonElement> OkAsync(string action, string body = "{}")
    {
        var response = await CallAsync(action, body);
        Assert.True(ErrorCode(response) is null, action + " failed: " + response);
        return response;
    }

    /// <summary>Calls and asserts the given error code.</summary>
    public async Task<JsonElement> FailsAsync(string expectedCode, string action, string body = "{}", SendOptions? options = null)
    {
        var response = await CallAsync(action, body, options);
        Assert.Equal(expectedCode, ErrorCode(response));
        return response;
    }

    public static string? ErrorCode(JsonElement response) =>
        response.TryGetProperty("Error", out var error) ? error.GetProperty("Code").GetString() : null;

    public void Dispose() => Http.Dispose();
}

/// <summary>Starts a fresh emulator per test; small seeds keep start-up cheap.</summary>
internal sealed class EmulatorScope : IAsyncDisposable
{
    private EmulatorScope(EmulatorServer server, EmulatorTestClient client)
    {
        Server = server;
        Client = client;
    }

    public EmulatorServer Server { get; }
    public EmulatorTestClient Client { get; }

    public static async Task<EmulatorScope> StartAsync(Action<EmulatorOptions>? configure = null, TimeSpan? clientTimeout = null)
    {
        var options = new EmulatorOptions { GeneratedMemberCount = 10 };
        configure?.Invoke(options);
        var server = await EmulatorServer.StartAsync(options);
        return new EmulatorScope(server, new EmulatorTestClient(server, clientTimeout));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
