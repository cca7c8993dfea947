using System;
using System.Net;
using System.Net.Http;
using System.Reflection;

namespace TencentOrg.Api.Http
{
    /// <summary>
    /// Which transport a client without a handler of its own sends through: the module's socket transport, unless a proxy
    /// applies to the endpoint (only HttpClient speaks to proxies) or TCORG_HTTP_TRANSPORT says HttpClient.
    /// </summary>
    internal static class TransportChoice
    {
        public const string Variable = "TCORG_HTTP_TRANSPORT";

        public static IOrgHttpTransport For(Uri endpoint, Func<string, string?> environment)
        {
            if (Asked(environment) is { } asked) return asked;
            return ProxyApplies(SystemProxy(), endpoint, out Uri? via) ? HttpClientTransport.Through(via) : SocketTransport.For(endpoint);
        }

        /// <summary>The transport the variable names, null when it is unset; any other value is an error, not a guess.</summary>
        internal static IOrgHttpTransport? Asked(Func<string, string?> environment)
        {
            string? value = environment(Variable);
            if (string.IsNullOrWhiteSpace(value)) return null;
            value = value!.Trim();
            if (value.Equals("HttpClient", StringComparison.OrdinalIgnoreCase)) return HttpClientTransport.Shared;
            if (value.Equals("Socket", StringComparison.OrdinalIgnoreCase)) return null;
            throw new ArgumentException(Variable + " is '" + ServerText.Clean(value) + "': set it to HttpClient or Socket, or remove it.");
        }

        /// <summary>
        /// True when requests to the endpoint would go through a proxy, <paramref name="via"/>; a proxy that cannot answer
        /// counts as one (via null). The proxy is asked once: on Windows the answer may take a script's evaluation.
        /// </summary>
        internal static bool ProxyApplies(IWebProxy? proxy, Uri endpoint, out Uri? via)
        {
            via = null;
            if (proxy == null) return false;
            try
            {
                if (proxy.IsBypassed(endpoint)) return false;
                via = proxy.GetProxy(endpoint);
                return via != null && Uri.Compare(via, endpoint, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                via = null;
                return true;
            }
        }

        /// <summary>The proxy HttpClientHandler would use: HttpClient.DefaultProxy on .NET (environment variables, system settings), WebRequest's on .NET Framework.</summary>
        private static IWebProxy? SystemProxy()
        {
            var property = typeof(HttpClient).GetProperty("DefaultProxy", BindingFlags.Public | BindingFlags.Static);
            return property != null ? (IWebProxy?)property.GetValue(null) : WebRequest.DefaultWebProxy;
        }
    }
}
