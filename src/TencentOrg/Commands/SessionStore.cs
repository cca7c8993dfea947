using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using TencentOrg.Api;
using TencentOrg.Credentials;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Sessions are kept per runspace, so concurrent scripts (thread jobs, runbooks) never see each
    /// other's connection.
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<object, Holder> Sessions = new ConditionalWeakTable<object, Holder>();

        public static OrgSession? Current => Key() is { } key && Sessions.TryGetValue(key, out var h) ? h.Session : null;

        public static void Set(OrgSession? session)
        {
            var key = Key() ?? throw new InvalidOperationException("No current runspace.");
            var holder = Sessions.GetOrCreateValue(key);
            // The replaced session no longer asks for its -RequestsPerSecond.
            if (holder.Session != null && !ReferenceEquals(holder.Session, session)) holder.Session.RateLease.Dispose();
            holder.Session = session;
        }

        /// <summary>The explicit session, else the environment chain with the endpoint from TCORG_ENDPOINT.</summary>
        public static OrgSession CurrentOrImplicit(PSCmdlet cmdlet)
        {
            var current = Current;
            if (current != null) return current;
            var holder = Key() is { } key ? Sessions.GetOrCreateValue(key) : new Holder();
            var credential = CredentialResolver.FromProcess().Resolve();
            var options = new OrgClientOptions { Endpoint = OrgEndpoint.Resolve(null, OrgSite.China, Environment.GetEnvironmentVariable) };
            string cacheKey = credential.SecretId + "|" + credential.HasSessionToken + "|" + options.Endpoint;
            // Reuse the implicit session while nothing changed, so the CIC zone is discovered once.
            if (holder.Implicit != null && holder.ImplicitKey == cacheKey) return holder.Implicit;
            holder.Implicit?.RateLease.Dispose();
            holder.Implicit = new OrgSession(credential, options, OrgSite.China, isExplicit: false);
            holder.ImplicitKey = cacheKey;
            return holder.Implicit;
        }

        /// <summary>Like <see cref="CurrentOrImplicit"/>, but null instead of an error (completers, What-if text).</summary>
        public static OrgSession? TryCurrentOrImplicit(PSCmdlet? cmdlet = null)
        {
            try
            {
                return CurrentOrImplicit(cmdlet!);
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static object? Key() => Runspace.DefaultRunspace;

        private sealed class Holder
        {
            public OrgSession? Session;
            public OrgSession? Implicit;
            public string? ImplicitKey;
        }
    }
}
