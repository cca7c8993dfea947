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
    /// other's connection. A runspace that closes gives up its sessions' budgets at once (no garbage collection needed).
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<object, Holder> Sessions = new ConditionalWeakTable<object, Holder>();

        public static OrgSession? Current => Key() is { } key && Sessions.TryGetValue(key, out var h) ? h.Session : null;

        public static void Set(OrgSession? session)
        {
            var key = Key() ?? throw new InvalidOperationException("No current runspace.");
            var holder = HolderOf(key);
            lock (holder)
            {
                // The replaced session no longer asks for its -RequestsPerSecond.
                if (holder.Session != null && !ReferenceEquals(holder.Session, session)) holder.Session.Dispose();
                holder.Session = session;
            }
        }

        /// <summary>Disconnect-TcOrg: the Connect-TcOrg session and the implicit one are both forgotten (the next command reads the chain afresh).</summary>
        public static void Forget()
        {
            if (Key() is { } key && Sessions.TryGetValue(key, out var holder)) holder.Release();
        }

        /// <summary>
        /// The explicit session, else the environment chain with the endpoint from TCORG_ENDPOINT. The chain is read on every
        /// command, and the implicit session is kept only while what it was made from (key, secret, token, endpoint) is unchanged,
        /// so a rotated key or refreshed token is used by the next command.
        /// </summary>
        public static OrgSession CurrentOrImplicit(PSCmdlet cmdlet)
        {
            var current = Current;
            if (current != null) return current;
            var holder = Key() is { } key ? HolderOf(key) : new Holder();
            var credential = CredentialResolver.FromProcess().Resolve();
            var options = new OrgClientOptions { Endpoint = OrgEndpoint.Resolve(null, OrgSite.China, Environment.GetEnvironmentVariable) };
            string cacheKey = credential.Fingerprint + "|" + options.Endpoint;
            lock (holder)
            {
                // Reuse the implicit session while nothing changed, so the CIC zone is discovered once.
                if (holder.Implicit != null && holder.ImplicitKey == cacheKey) return holder.Implicit;
                holder.Implicit?.Dispose();
                holder.Implicit = new OrgSession(credential, options, OrgSite.China, isExplicit: false);
                holder.ImplicitKey = cacheKey;
                return holder.Implicit;
            }
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

        /// <summary>The runspace's holder; made on first use, with a hook that releases its sessions when the runspace closes.</summary>
        private static Holder HolderOf(object key)
        {
            if (Sessions.TryGetValue(key, out var existing)) return existing;
            var made = Sessions.GetValue(key, _ => new Holder());
            if (key is Runspace runspace && made.Watch())
            {
                runspace.StateChanged += (_, e) =>
                {
                    var state = e.RunspaceStateInfo.State;
                    if (state == RunspaceState.Closing || state == RunspaceState.Closed || state == RunspaceState.Broken) made.Release();
                };
                // Closed before the hook was in place.
                var now = runspace.RunspaceStateInfo.State;
                if (now == RunspaceState.Closing || now == RunspaceState.Closed || now == RunspaceState.Broken) made.Release();
            }
            return made;
        }

        private sealed class Holder
        {
            public OrgSession? Session;
            public OrgSession? Implicit;
            public string? ImplicitKey;
            private bool _watched;

            /// <summary>True the first time: the caller installs the close hook.</summary>
            public bool Watch()
            {
                lock (this)
                {
                    if (_watched) return false;
                    _watched = true;
                    return true;
                }
            }

            /// <summary>Both sessions end: their budgets are withdrawn now.</summary>
            public void Release()
            {
                lock (this)
                {
                    Session?.Dispose();
                    Implicit?.Dispose();
                    Session = null;
                    Implicit = null;
                    ImplicitKey = null;
                }
            }
        }
    }
}
