using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;

namespace TencentOrg.Api
{
    /// <summary>Debug-stream text for requests and responses, with every secret removed.</summary>
    public static class HttpTrace
    {
        private const int MaxBodyChars = 4096;
        private static readonly Regex SignaturePart = new Regex("Signature=[0-9a-fA-F]+", RegexOptions.Compiled);

        public static string Request(HttpRequestMessage request, byte[] body)
        {
            var text = new StringBuilder();
            text.Append("HTTP request: ").Append(request.Method).Append(' ').Append(request.RequestUri).AppendLine();
            foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>>()))
            {
                text.Append("  ").Append(header.Key).Append(": ").Append(RedactHeader(header.Key, string.Join(",", header.Value))).AppendLine();
            }
            text.Append("  Body: ").Append(Truncate(Encoding.UTF8.GetString(body)));
            return text.ToString();
        }

        public static string Response(HttpResponseMessage response, byte[] body) =>
            "HTTP response: " + (int)response.StatusCode + " " + response.ReasonPhrase + "\n  Body: " + Truncate(RedactBody(Encoding.UTF8.GetString(body)));

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
