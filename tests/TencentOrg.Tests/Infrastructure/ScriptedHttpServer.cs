using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TencentOrg.Tests.Infrastructure
{
    /// <summary>
    /// A loopback server that speaks raw bytes: each accepted connection runs <see cref="Script"/>, which reads requests
    /// and writes whatever bytes a test wants (broken framing, stray bytes, resets), so the module's HTTP/1.1 transport
    /// meets servers no real HTTP stack would imitate. With a certificate it speaks TLS.
    /// </summary>
    public sealed class ScriptedHttpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly X509Certificate2? _certificate;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _accepting;
        private int _connections;
        private long _bytesReceived;

        public ScriptedHttpServer(Func<ScriptedConnection, Task> script, X509Certificate2? certificate = null)
        {
            Script = script;
            _certificate = certificate;
            _listener.Start();
            Endpoint = new Uri((certificate == null ? "http" : "https") + "://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
            _accepting = AcceptAsync();
        }

        public Func<ScriptedConnection, Task> Script { get; set; }
        public Uri Endpoint { get; }
        public int Connections => Volatile.Read(ref _connections);
        /// <summary>Bytes of requests read so far, over all connections (after TLS).</summary>
        public long BytesReceived => Interlocked.Read(ref _bytesReceived);
        public ConcurrentQueue<string> RequestHeads { get; } = new ConcurrentQueue<string>();
        public ConcurrentQueue<Exception> Failures { get; } = new ConcurrentQueue<Exception>();

        /// <summary>A DescribeOrganization answer with Content-Length, keep-alive.</summary>
        public static byte[] Ok(string extraHeaders = "") => Answer("{\"Response\":{\"OrgId\":7,\"RequestId\":\"r-1\"}}", extraHeaders);

        public static byte[] Answer(string json, string extraHeaders = "") =>
            Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + Encoding.UTF8.GetByteCount(json) + "\r\n"
                + extraHeaders + "\r\n" + json);

        public static string OkJson => "{\"Response\":{\"OrgId\":7,\"RequestId\":\"r-1\"}}";

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }
                Interlocked.Increment(ref _connections);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    Stream stream = client.GetStream();
                    if (_certificate != null)
                    {
                        var tls = new SslStream(stream, false);
                        await tls.AuthenticateAsServerAsync(_certificate);
                        stream = tls;
                    }
                    await Script(new ScriptedConnection(this, client, stream));
                }
                catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException || ex is System.Security.Authentication.AuthenticationException)
                {
                    Failures.Enqueue(ex);
                }
            }
        }

        internal void Count(long bytes) => Interlocked.Add(ref _bytesReceived, bytes);

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            await _accepting;
        }
    }

    /// <summary>One accepted connection, as the script sees it.</summary>
    public sealed class ScriptedConnection
    {
        private readonly ScriptedHttpServer _server;
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        internal ScriptedConnection(ScriptedHttpServer server, TcpClient client, Stream stream)
        {
            _server = server;
            Client = client;
            Stream = stream;
        }

        public TcpClient Client { get; }
        public Stream Stream { get; }

        /// <summary>Reads one request (head and Content-Length body); null when the client closed the connection first.</summary>
        public async Task<string?> ReadRequestAsync()
        {
            int headEnd;
            while ((headEnd = IndexOf("\r\n\r\n")) < 0)
            {
                if (!await FillAsync()) return null;
            }
            string head = Encoding.ASCII.GetString(_buffer, _start, headEnd - _start);
            _server.RequestHeads.Enqueue(head);
            int length = 0;
            foreach (string line in head.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
            }
            _start = headEnd + 4;
            while (_end - _start < length)
            {
                if (!await FillAsync()) return null;
            }
            _start += length;
            return head;
        }

        public async Task WriteAsync(byte[] bytes)
        {
            await Stream.WriteAsync(bytes);
            await Stream.FlushAsync();
        }

        public Task WriteAsync(string text) => WriteAsync(Encoding.ASCII.GetBytes(text));

        /// <summary>Serves every request on the connection with the same answer until the client leaves.</summary>
        public async Task AnswerEachAsync(byte[] answer, TimeSpan? delay = null)
        {
            while (await ReadRequestAsync() != null)
            {
                if (delay is TimeSpan wait) await Task.Delay(wait);
                await WriteAsync(answer);
            }
        }

        /// <summary>Closes with a TCP reset rather than a clean close.</summary>
        public void Reset()
        {
            Client.Client.LingerState = new LingerOption(true, 0);
            Client.Client.Close();
        }

        private async Task<bool> FillAsync()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            int read = await Stream.ReadAsync(_buffer.AsMemory(_end));
            if (read == 0) return false;
            _server.Count(read);
            _end += read;
            return true;
        }

        private int IndexOf(string marker)
        {
            for (int i = _start; i + marker.Length <= _end; i++)
            {
                bool match = true;
                for (int j = 0; j < marker.Length && match; j++) match = _buffer[i + j] == marker[j];
                if (match) return i;
            }
            return -1;
        }
    }
}
