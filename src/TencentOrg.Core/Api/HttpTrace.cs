using System.Text;
using System.Text.RegularExpressions;

namespace TencentOrg.Api
{
    /// <summary>Debug-stream text for requests and responses, with every secret removed.</summary>
    internal static class HttpTrace
    {
        private const int MaxBodyChars = 4096;
        private static readonly Regex SignaturePart = new Regex("Signature=[0-9a-fA-F]+", RegexOptions.Compiled);

        /// <summary>How many traces were built in this process: a test proves none is built when nobody reads them.</summary>
        internal static long Built => System.Threading.Interlocked.Read(ref _built);
        private static long _built;

        public static string Request(Http.OrgHttpRequest request)
        {
            System.Threading.Interlocked.Increment(ref _built);
            var text = new StringBuilder();
            text.Append("HTTP request: POST ").Append(request.Endpoint).AppendLine();
            text.Append("  Host: ").Append(request.Host).AppendLine();
            foreach (var header in request.Headers)
            {
                text.Append("  ").Append(header.Key).Append(": ").Append(RedactHeader(header.Key, header.Value)).AppendLine();
            }
            text.Append("  Body: ").Append(Truncate(Encoding.UTF8.GetString(request.Body)));
            return text.ToString();
        }

        public static string Response(Http.OrgHttpAnswer answer)
        {
            System.Threading.Interlocked.Increment(ref _built);
            return "HTTP response: " + answer.StatusCode + " " + ServerText.Clean(answer.ReasonPhrase) + "\n  Body: "
                + Truncate(RedactBody(Encoding.UTF8.GetString(answer.Body.Buffer, 0, answer.Body.Length)));
        }

        // CreateUser answers with the user's initial password (UserInfo.Password): a secret, never traced. Redacted before
        // truncation, so a cut cannot leave part of it.
        private static readonly Regex PasswordField = new Regex("(\"Password\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)", RegexOptions.Compiled);

        /// <summary>A response body with every "Password" value replaced.</summary>
        public static string RedactBody(string body) =>
            body.IndexOf("\"Password\"", System.StringComparison.Ordinal) < 0 ? body : PasswordField.Replace(body, "$1\"<redacted>\"");

        public static string RedactHeader(string name, string value)
        {
            if (name.Equals("Authorization", System.StringComparison.OrdinalIgnoreCase))
                return SignaturePart.Replace(value, "Signature=<redacted>");
            if (name.Equals("X-TC-Token", System.StringComparison.OrdinalIgnoreCase))
                return "<redacted>";
            return value;
        }

        private static string Truncate(string text) =>
            text.Length <= MaxBodyChars ? text : text.Substring(0, MaxBodyChars) + "...(" + text.Length + " chars)";
    }
}
