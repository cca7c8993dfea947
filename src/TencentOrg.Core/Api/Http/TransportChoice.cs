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
            var proxy = SystemProxy();
            return ProxyApplies(proxy, endpoint) ? HttpClientTransport.Through(ProxyOf(proxy!, endpoint)) : SocketTransport.For(endpoint);
        }

        private static Uri? ProxyOf(IWebProxy proxy, Uri endpoint)
        {
            try
            {
                return proxy.GetProxy(endpoint);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return null;
            }
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

        /// <summary>True when requests to the endpoint would go through a proxy; a proxy that cannot answer counts as one.</summary>
        internal static bool ProxyApplies(IWebProxy? proxy, Uri endpoint)
        {
            if (proxy == null) return false;
            try
            {
                if (proxy.IsBypassed(endpoint)) return false;
                Uri? via = proxy.GetProxy(endpoint);
                return via != null && !Uri.Equals(new Uri(via.GetLeftPart(UriPartial.Authority)), new Uri(endpoint.GetLeftPart(UriPartial.Authority)));
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
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
