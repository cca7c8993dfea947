using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;

namespace TencentOrg.Services.Access
{
    /// <summary>The access review of one zone: its paths, and when and where they were read.</summary>
    internal sealed class AccessReview
    {
        public AccessReview(string zoneId, DateTimeOffset takenAt, IReadOnlyList<OrgAccess> paths, string? filters = null)
        {
            ZoneId = zoneId;
            TakenAt = takenAt;
            Paths = paths;
            Filters = filters;
        }

        public string ZoneId { get; }
        /// <summary>The filters the paths were chosen by, in words; null for the whole zone.</summary>
        public string? Filters { get; }
        public DateTimeOffset TakenAt { get; }
        public IReadOnlyList<OrgAccess> Paths { get; }
    }

    /// <summary>Access domain: who can reach which account, through what (Get-TcOrgAccess, Export-TcOrgAccessReport).</summary>
    internal sealed class AccessService
    {
        private readonly OrgSession _session;
        private readonly IOrgLog _log;

        public AccessService(OrgSession session, IOrgLog log)
        {
            _session = session;
            _log = log;
        }

        /// <summary>Reads the zone with listings only and joins it into one object per access path the filter keeps.</summary>
        public async Task<AccessReview> ReviewAsync(Func<Task<string>> zoneId, AccessFilter filter, bool includeMemberIdentities, CancellationToken ct)
        {
            var zone = await new AccessReader(_session, _log).ReadAsync(zoneId, filter, includeMemberIdentities, ct).ConfigureAwait(false);
            var paths = AccessJoin.Join(zone, filter, _log.Warning);
            // A filter that names nothing is most often a typo: an empty answer must not read as "no access".
            foreach (var unmatched in filter.Unmatched(zone))
                _log.Warning("Zone " + zone.ZoneId + " has " + unmatched + ", so no access is listed for it (names match whole, in any case; wildcards are not supported).");
            _log.Verbose("Read " + zone.Users.Count + " users, " + zone.Groups.Count + " groups (" + zone.GroupMembers.Count + " member listings), "
                + zone.Configurations.Count + " configurations, " + zone.Assignments.Count + " assignments and " + zone.Deployments.Count
                + " deployments of zone " + zone.ZoneId + ": " + paths.Count + " access paths.");
            return new AccessReview(zone.ZoneId, zone.TakenAt, paths, filter.Describe());
        }
    }
}
