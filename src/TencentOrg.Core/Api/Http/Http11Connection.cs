using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Threading;

namespace TencentOrg.Api.Http
{
    /// <summary>
    /// One HTTP/1.1 connection (TCP, TLS for https) driven with blocking calls by the one worker thread that owns it.
    /// It writes one POST at a time and reads its answer strictly: a status line, CRLF header lines up to 64 KB, then a body
    /// framed by Content-Length, chunked encoding or the connection's end, never past the size cap. Anything else is an
    /// error, and after any error or an answer that does not say how it ends, the connection is not used again.
    /// </summary>
    internal sealed class Http11Connection : IDisposable
    {
        private const int HeadLimit = 64 * 1024;
        private const int LineLimit = 8 * 1024;

        private readonly Socket _socket;
        private readonly Stream _stream;
        // Every read lands here first, with room for a whole TLS record (16 KB): bytes a server sends past an answer are then
        // in this buffer, not hidden in SslStream's, and the connection is not reused (see Reusable).
        private const int ReadSize = 32 * 1024;
        private byte[] _buffer = new byte[ReadSize];
        private int _start;
        private int _end;
        private int _aborted;

        private Http11Connection(Socket socket, Stream stream)
        {
            _socket = socket;
            _stream = stream;
        }

        /// <summary>True once a byte of the current request may have left this machine.</summary>
        public bool WroteRequest { get; private set; }
        /// <summary>The last answer ended where its framing said and the server keeps the connection open.</summary>
        public bool Reusable { get; private set; }
        public bool Aborted => Volatile.Read(ref _aborted) != 0;

        /// <summary>Connects to the first address that answers; with https, TLS with the system's certificate checks (or <paramref name="validate"/>).</summary>
        public static Http11Connection Open(Uri endpoint, RemoteCertificateValidationCallback? validate, CancellationToken cancellationToken)
        {
            string host = HostOf(endpoint);
            IPAddress[] addresses;
            if (IPAddress.TryParse(host, out var literal)) addresses = new[] { literal };
            else
            {
                var lookup = Dns.GetHostAddressesAsync(host);
                try
                {
                    lookup.Wait(cancellationToken);
                }
                catch (AggregateException ex) when (ex.InnerException != null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                }
                addresses = lookup.Result;
            }
            if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);

            SocketException? failure = null;
            foreach (var address in addresses)
            {
                Socket? socket = null;
                try
                {
                    socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    using (cancellationToken.Register(s => ((Socket)s!).Dispose(), socket))
                    {
                        socket.Connect(new IPEndPoint(address, endpoint.Port));
                        Stream stream = new NetworkStream(socket, ownsSocket: true);
                        if (endpoint.Scheme == Uri.UriSchemeHttps)
                        {
                            var tls = new SslStream(stream, false, validate);
                            stream = tls;
                            tls.AuthenticateAsClient(host, null, TlsVersions, checkCertificateRevocation: false);
                        }
                        return new Http11Connection(socket, stream);
                    }
                }
                catch (SocketException ex)
                {
                    socket?.Dispose();
                    cancellationToken.ThrowIfCancellationRequested();
                    failure = ex;
                }
                catch
                {
                    socket?.Dispose();
                    cancellationToken.ThrowIfCancellationRequested();
                    throw;
                }
            }
            throw failure!;
        }

        /// <summary>
        /// The system's choice (None), except where .NET Framework refuses None: in an app built for a framework before 4.7
        /// (powershell.exe 5.1) without the SystemDefaultTlsVersions registry value. There, TLS 1.2.
        /// </summary>
        private static readonly SslProtocols TlsVersions =
            typeof(ServicePointManager).GetProperty("DisableSystemDefaultTlsVersions", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
                ?.GetValue(null) is true ? SslProtocols.Tls12 : SslProtocols.None;

        private static string HostOf(Uri endpoint) =>
            endpoint.HostNameType == UriHostNameType.IPv6 ? endpoint.DnsSafeHost : endpoint.IdnHost;

        /// <summary>True when the idle connection has nothing to read: a readable idle socket is closed or holds stray bytes.</summary>
        public bool IsAlive()
        {
            if (!Reusable || Aborted) return false;
            try
            {
                return !_socket.Poll(0, SelectMode.SelectRead);
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException)
            {
                return false;
            }
        }

        /// <summary>Closes the socket from any thread, so a blocked read or write returns at once.</summary>
        public void Abort()
        {
            Interlocked.Exchange(ref _aborted, 1);
            _socket.Dispose();
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _aborted, 1);
            try
            {
                _stream.Dispose();
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException)
            {
                // An aborted TLS stream may fail to close; the socket below is closed either way.
            }
            _socket.Dispose();
        }

        /// <summary>Writes the request and reads its answer; throws OrgTransportException for an answer that is not HTTP/1.1 as written.</summary>
        public OrgHttpAnswer Exchange(OrgHttpRequest request, long maxBytes)
        {
            Reusable = false;
            WroteRequest = false;
            WriteRequest(request);
            OrgHttpAnswer answer = ReadAnswer(request.Action, maxBytes);
            return answer;
        }

        private void WriteRequest(OrgHttpRequest request)
        {
            byte[] body = request.Body;
            int size = 64 + request.Endpoint.AbsolutePath.Length + request.Host.Length + body.Length;
            foreach (var header in request.Headers) size += header.Key.Length + header.Value.Length + 4;
            byte[] wire = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                int n = Raw(wire, 0, "POST ");
                n = Checked(wire, n, request.Endpoint.AbsolutePath, request);
                n = Raw(wire, n, " HTTP/1.1\r\nHost: ");
                n = Checked(wire, n, request.Host, request);
                foreach (var header in request.Headers)
                {
                    n = Raw(wire, n, "\r\n");
                    n = Checked(wire, n, header.Key, request);
                    n = Raw(wire, n, ": ");
                    n = Checked(wire, n, header.Value, request);
                }
                n = Raw(wire, n, "\r\nContent-Length: ");
                n = Raw(wire, n, body.Length.ToString(CultureInfo.InvariantCulture));
                n = Raw(wire, n, "\r\n\r\n");
                Buffer.BlockCopy(body, 0, wire, n, body.Length);
                WroteRequest = true;
                _stream.Write(wire, 0, n + body.Length);
                _stream.Flush();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(wire);
            }
        }

        /// <summary>Copies text that must be visible ASCII (or a tab): a line break in a header value would forge headers.</summary>
        private static int Checked(byte[] wire, int at, string text, OrgHttpRequest request)
        {
            foreach (char c in text)
            {
                if ((c < 0x20 && c != '\t') || c > 0x7E)
                {
                    throw new OrgTransportException(request.Action, "ClientError.InvalidHeader",
                        "a request header holds a character HTTP headers cannot carry (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
                        + "); nothing was sent. Check the credential's token and the endpoint.", mayHaveReachedServer: false, retryable: false);
                }
                wire[at++] = (byte)c;
            }
            return at;
        }

        /// <summary>Copies the protocol's own text.</summary>
        private static int Raw(byte[] wire, int at, string text)
        {
            foreach (char c in text) wire[at++] = (byte)c;
            return at;
        }

        private OrgHttpAnswer ReadAnswer(string action, long maxBytes)
        {
            for (int interim = 0; ; interim++)
            {
                if (interim > 10) throw NotHttp(action, "it sends more than 10 interim (1xx) answers");
                var head = ReadHead(action);
                // 1xx answers are interim (100 Continue): the real one follows. 101 would switch protocols: not this API.
                if (head.Status >= 100 && head.Status < 200)
                {
                    if (head.Status == 101) throw NotHttp(action, "it switches protocols (101)");
                    continue;
                }
                // A redirect's body is never read, so its encoding does not matter; the client names where it points.
                if (OrgHttpAnswer.IsRedirect(head.Status))
                    return new OrgHttpAnswer(head.Status, head.Reason, head.Date, head.Location, default);
                if (head.ContentEncoding != null && !head.ContentEncoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
                    throw NotHttp(action, "its body is encoded (" + head.ContentEncoding + ") though no encoding was asked for");

                ResponseBody body;
                if (head.Status == 204 || head.Status == 304) body = new ResponseBody(ArrayPool<byte>.Shared.Rent(1), 0);
                else if (head.Chunked) body = ReadChunked(action, maxBytes);
                else if (head.ContentLength is long length) body = ReadCounted(action, length, maxBytes);
                else body = ReadToEnd(action, maxBytes);
                // Bytes after the body are a server out of step with its own framing: never reuse such a connection.
                Reusable = head.KeepAlive && _start == _end;
                return new OrgHttpAnswer(head.Status, head.Reason, head.Date, null, body);
            }
        }

        private struct Head
        {
            public int Status;
            public string Reason;
            public bool KeepAlive;
            public bool Chunked;
            public long? ContentLength;
            public string? Date;
            public string? Location;
            public string? ContentEncoding;
        }

        private Head ReadHead(string action)
        {
            int end;
            int clear = 0; // bytes after _start known not to begin the blank line
            while ((end = IndexOfHeadEnd(_start + clear)) < 0)
            {
                clear = Math.Max(0, _end - _start - 3);
                if (_end - _start > HeadLimit) throw NotHttp(action, "its header is longer than " + HeadLimit + " bytes");
                if (Fill() == 0)
                {
                    throw new OrgTransportException(action, "ClientError.NetworkError",
                        _end == _start ? "the server closed the connection without an answer" : "the server closed the connection in the middle of the answer's header",
                        mayHaveReachedServer: true);
                }
            }
            if (end - _start > HeadLimit) throw NotHttp(action, "its header is longer than " + HeadLimit + " bytes");

            var head = new Head { Reason = "" };
            int lineEnd = IndexOfCrLf(_start, end);
            ParseStatusLine(action, _start, lineEnd, ref head);
            bool http11 = _buffer[_start + 7] == (byte)'1';
            bool close = !http11;
            bool hasTransferEncoding = false;
            for (int line = lineEnd + 2; line < end; line = lineEnd + 2)
            {
                lineEnd = IndexOfCrLf(line, end);
                if (_buffer[line] == (byte)' ' || _buffer[line] == (byte)'\t') throw NotHttp(action, "it folds a header line");
                int colon = Array.IndexOf(_buffer, (byte)':', line, lineEnd - line);
                if (colon <= line) throw NotHttp(action, "a header line has no name");
                for (int i = line; i < colon; i++)
                {
                    if (!IsTokenChar(_buffer[i])) throw NotHttp(action, "a header name holds a character names cannot hold");
                }
                for (int i = colon + 1; i < lineEnd; i++)
                {
                    byte b = _buffer[i];
                    if (b == (byte)'\r' || b == (byte)'\n' || b == 0) throw NotHttp(action, "a header value holds a bare line break or NUL");
                }
                // Text only for the headers read here; the others are checked above and skipped.
                string Value() => Ascii(colon + 1, lineEnd).Trim(' ', '\t');
                if (NameIs(line, colon, "Content-Length"))
                {
                    if (!long.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out long length))
                        throw NotHttp(action, "its Content-Length is not a number");
                    if (head.ContentLength is long earlier && earlier != length) throw NotHttp(action, "it gives two different Content-Lengths");
                    head.ContentLength = length;
                }
                else if (NameIs(line, colon, "Transfer-Encoding"))
                {
                    if (!Value().Equals("chunked", StringComparison.OrdinalIgnoreCase) || hasTransferEncoding)
                        throw NotHttp(action, "its Transfer-Encoding is not chunked alone");
                    hasTransferEncoding = true;
                    head.Chunked = true;
                }
                else if (NameIs(line, colon, "Connection"))
                {
                    foreach (string token in Value().Split(','))
                    {
                        if (token.Trim().Equals("close", StringComparison.OrdinalIgnoreCase)) close = true;
                    }
                }
                else if (NameIs(line, colon, "Date")) head.Date = Value();
                else if (NameIs(line, colon, "Location")) head.Location = Value();
                else if (NameIs(line, colon, "Content-Encoding")) head.ContentEncoding = Value();
            }
            _start = end + 4;
            if (head.Chunked && !http11) throw NotHttp(action, "an HTTP/1.0 answer uses Transfer-Encoding");
            // A chunked answer that also gives a length is suspect (request smuggling's shape): read as chunked, then close.
            head.KeepAlive = !close && !(head.Chunked && head.ContentLength != null) && (head.Chunked || head.ContentLength != null);
            return head;
        }

        /// <summary>RFC 9110 tchar: visible ASCII but separators.</summary>
        private static bool IsTokenChar(byte c) => c > 0x20 && c < 0x7F && "\"(),/:;<=>?@[\\]{}".IndexOf((char)c) < 0;

        private void ParseStatusLine(string action, int from, int to, ref Head head)
        {
            // "HTTP/1.1 200 OK": version, one space, three digits, then a space and a reason (which may be empty).
            if (to - from < 12 || !Matches(from, "HTTP/1.") || (_buffer[from + 7] != (byte)'0' && _buffer[from + 7] != (byte)'1')
                || _buffer[from + 8] != (byte)' ' || (to - from > 12 && _buffer[from + 12] != (byte)' '))
            {
                throw NotHttp(action, "its status line is not HTTP/1.x");
            }
            int status = 0;
            for (int i = from + 9; i < from + 12; i++)
            {
                int digit = _buffer[i] - '0';
                if (digit < 0 || digit > 9) throw NotHttp(action, "its status code is not three digits");
                status = status * 10 + digit;
            }
            if (status < 100) throw NotHttp(action, "its status code is below 100");
            head.Status = status;
            head.Reason = to - from > 13 ? Ascii(from + 13, to) : "";
        }

        private ResponseBody ReadCounted(string action, long length, long maxBytes)
        {
            if (length > maxBytes) throw ResponseLimit.TooLarge(action, maxBytes, "announces " + length + " bytes, more");
            if (length > ResponseLimit.MaxArrayLength) throw ResponseLimit.TooLarge(action, maxBytes, "announces " + length + " bytes, more than an array can hold, and");
            byte[] body = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, length));
            try
            {
                int count = TakeBuffered(body, 0, (int)length);
                while (count < length)
                {
                    if (Fill() == 0) throw EndedEarly(action);
                    count += TakeBuffered(body, count, (int)length - count);
                }
                return new ResponseBody(body, count);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(body);
                throw;
            }
        }

        private ResponseBody ReadChunked(string action, long maxBytes)
        {
            var body = new GrowingBody(action, maxBytes);
            try
            {
                while (true)
                {
                    long size = ChunkSize(action, ReadLine(action));
                    if (size == 0) break;
                    body.Reserve(size);
                    long left = size;
                    while (left > 0)
                    {
                        if (_start == _end && Fill() == 0) throw EndedEarly(action);
                        int taken = TakeBuffered(body.Buffer, body.Count, (int)left);
                        body.Count += taken;
                        left -= taken;
                    }
                    if (ReadLine(action).Length != 0) throw NotHttp(action, "a chunk is longer than its size says");
                }
                // Trailer lines end with an empty one; none of them is read.
                int trailers = 0;
                for (string line = ReadLine(action); line.Length != 0; line = ReadLine(action))
                {
                    trailers += line.Length;
                    if (trailers > HeadLimit) throw NotHttp(action, "its trailer is longer than " + HeadLimit + " bytes");
                }
                return body.Detach();
            }
            catch
            {
                body.Release();
                throw;
            }
        }

        private static long ChunkSize(string action, string line)
        {
            int end = line.IndexOf(';');
            string digits = (end < 0 ? line : line.Substring(0, end)).TrimEnd(' ', '\t');
            if (digits.Length == 0 || digits.Length > 15
                || !long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long size))
            {
                throw NotHttp(action, "a chunk size is not a hexadecimal number");
            }
            return size;
        }

        private ResponseBody ReadToEnd(string action, long maxBytes)
        {
            var body = new GrowingBody(action, maxBytes);
            try
            {
                while (_start < _end || Fill() > 0)
                {
                    body.Reserve(_end - _start);
                    body.Count += TakeBuffered(body.Buffer, body.Count, _end - _start);
                }
                return body.Detach();
            }
            catch
            {
                body.Release();
                throw;
            }
        }

        /// <summary>A pooled body buffer that doubles as it fills, never past the cap.</summary>
        private struct GrowingBody
        {
            private readonly string _action;
            private readonly long _maxBytes;
            public byte[] Buffer;
            public int Count;

            public GrowingBody(string action, long maxBytes)
            {
                _action = action;
                _maxBytes = maxBytes;
                Buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
                Count = 0;
            }

            /// <summary>Room for <paramref name="more"/> bytes, or ResponseTooLarge when they would pass the cap.</summary>
            public void Reserve(long more)
            {
                long need = Count + more;
                if (need > _maxBytes) throw ResponseLimit.TooLarge(_action, _maxBytes, "is longer");
                if (need > ResponseLimit.MaxArrayLength) throw ResponseLimit.TooLarge(_action, _maxBytes, "is longer than an array can hold, and");
                if (need > Buffer.Length) Grow(Math.Max(need, Buffer.Length * 2L));
            }

            private void Grow(long size)
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(ResponseLimit.ReadLimit(_maxBytes), size));
                System.Buffer.BlockCopy(Buffer, 0, larger, 0, Count);
                ArrayPool<byte>.Shared.Return(Buffer);
                Buffer = larger;
            }

            public ResponseBody Detach() => new ResponseBody(Buffer, Count);

            public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
        }

        /// <summary>Moves up to <paramref name="most"/> already-read bytes into the body.</summary>
        private int TakeBuffered(byte[] target, int at, int most)
        {
            int take = Math.Min(most, _end - _start);
            if (take <= 0) return 0;
            Buffer.BlockCopy(_buffer, _start, target, at, take);
            _start += take;
            return take;
        }

        /// <summary>The next CRLF-ended line (without its CRLF), at most 8 KB.</summary>
        private string ReadLine(string action)
        {
            int clear = 0;
            while (true)
            {
                int end = IndexOfCrLf(_start + clear, _end);
                if (end < _end)
                {
                    string line = Ascii(_start, end);
                    _start = end + 2;
                    return line;
                }
                if (_end - _start > LineLimit) throw NotHttp(action, "a chunk line is longer than " + LineLimit + " bytes");
                clear = Math.Max(0, _end - _start - 1);
                if (Fill() == 0) throw EndedEarly(action);
            }
        }

        /// <summary>Reads more bytes after the unread ones, moving or growing the buffer first when it is full.</summary>
        private int Fill()
        {
            int unread = _end - _start;
            if (unread == 0)
            {
                _start = _end = 0;
            }
            else if (_buffer.Length - _end < ReadSize / 2)
            {
                byte[] target = unread + ReadSize / 2 > _buffer.Length ? new byte[Math.Max(_buffer.Length * 2, unread + ReadSize)] : _buffer;
                Buffer.BlockCopy(_buffer, _start, target, 0, unread);
                _buffer = target;
                _start = 0;
                _end = unread;
            }
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            _end += read;
            return read;
        }

        private int IndexOfHeadEnd(int from)
        {
            for (int i = from; i + 3 < _end; i++)
            {
                if (_buffer[i] == '\r' && _buffer[i + 1] == '\n' && _buffer[i + 2] == '\r' && _buffer[i + 3] == '\n') return i;
            }
            return -1;
        }

        /// <summary>Index of the next CRLF at or after <paramref name="from"/>, or <paramref name="end"/> when there is none before it.</summary>
        private int IndexOfCrLf(int from, int end)
        {
            for (int i = from; i + 1 < end; i++)
            {
                if (_buffer[i] == '\r' && _buffer[i + 1] == '\n') return i;
            }
            return end;
        }

        private bool Matches(int at, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (_buffer[at + i] != text[i]) return false;
            }
            return true;
        }

        private bool NameIs(int from, int colon, string name)
        {
            if (colon - from != name.Length) return false;
            for (int i = 0; i < name.Length; i++)
            {
                int c = _buffer[from + i];
                if (c >= 'A' && c <= 'Z') c += 32;
                int n = name[i];
                if (n >= 'A' && n <= 'Z') n += 32;
                if (c != n) return false;
            }
            return true;
        }

        /// <summary>Header text as Latin-1, so no byte is lost; whoever shows it cleans control characters (ServerText).</summary>
        private string Ascii(int from, int to) => to <= from ? "" : Latin1.GetString(_buffer, from, to - from);

        private static readonly Encoding Latin1 = Encoding.GetEncoding("iso-8859-1");

        private static OrgTransportException NotHttp(string action, string what) =>
            new OrgTransportException(action, "ClientError.NetworkError", "the server's answer is not HTTP/1.1 as the API speaks it: " + what,
                mayHaveReachedServer: true);

        private static OrgTransportException EndedEarly(string action) =>
            new OrgTransportException(action, "ClientError.NetworkError", "the server closed the connection before the answer's body ended",
                mayHaveReachedServer: true);
    }
}
