using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;

namespace TencentOrg.Services.Configuration
{
    /// <summary>A plan and what resolving the file's names had to say about it.</summary>
    internal sealed class ConfigurationComparison
    {
        public ConfigurationComparison(List<ConfigurationPlanItem> plan, IReadOnlyList<string> warnings, int outsideScope = 0)
        {
            Plan = plan;
            Warnings = warnings;
            OutsideScope = outsideScope;
        }

        public List<ConfigurationPlanItem> Plan { get; }
        public IReadOnlyList<string> Warnings { get; }
        /// <summary>Removals left out of the plan because they are outside the file's PruneScope.</summary>
        public int OutsideScope { get; }
    }

    /// <summary>Export, Compare and Sync of a desired-state configuration, over the domain services' listings and batched writes.</summary>
    internal sealed class ConfigurationService
    {
        private readonly OrgSession _session;
        private readonly IOrgLog _log;
        private readonly ConfigurationReader _reader;

        public ConfigurationService(OrgSession session, IOrgLog log)
        {
            _session = session;
            _log = log;
            _reader = new ConfigurationReader(session, log);
        }

        public static readonly ConfigurationSection[] AllSections =
            { ConfigurationSection.Identities, ConfigurationSection.MemberAuthIdentities, ConfigurationSection.RoleAssignments,
              ConfigurationSection.Users, ConfigurationSection.Groups, ConfigurationSection.RoleConfigurations };

        /// <summary>
        /// The live configuration of the given sections, with readable names beside every ID, and the PruneScope it
        /// owns: "All", or (filter given) only the role assignments the filter selects.
        /// </summary>
        public async Task<OrgConfiguration> ExportAsync(ICollection<ConfigurationSection> sections, Func<Task<string>> zoneId, CancellationToken ct,
            ConfigurationPruneScope? filter = null)
        {
            var zone = new OrgSnapshot();
            var zoneTask = new ZoneReader(_session, _log).ReadAsync(zone, sections, false, zoneId, ct);
            var snapshotTask = _reader.ReadAsync(sections, zoneId, ct);
            await Task.WhenAll(zoneTask, snapshotTask).ConfigureAwait(false);
            var snapshot = snapshotTask.Result;
            snapshot.TakeZone(zone);
            // The grant listing may leave MemberName out; one member listing then names them all.
            if (snapshot.MemberAuthIdentities != null && snapshot.MemberAuthIdentities.Any(g => g.Member == null))
            {
                List<NamedId>? members = null;
                await _reader.ListMembersAsync(list => members = list, ct).ConfigureAwait(false);
                var names = members!.Where(m => m.Name != null).GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
                foreach (var grant in snapshot.MemberAuthIdentities.Where(g => g.Member == null))
                    if (names.TryGetValue(grant.MemberUin.GetValueOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture), out var name)) grant.Member = name;
            }
            var configuration = snapshot.ToConfiguration(sections);
            configuration.PruneScope = filter ?? ConfigurationPruneScope.Everything;
            if (filter != null && configuration.RoleAssignments != null)
            {
                bool Has(List<string>? list, string? id) => list == null || (id != null && list.Contains(id));
                configuration.RoleAssignments = configuration.RoleAssignments.Where(a => Has(filter.Principals, a.PrincipalId)
                    && Has(filter.Targets, a.TargetUin?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    && Has(filter.RoleConfigurations, a.RoleConfigurationId)).ToList();
            }
            return configuration;
        }

        /// <summary>Reads what the desired configuration manages, resolves its names, and plans. Sends no write.</summary>
        public async Task<ConfigurationComparison> CompareAsync(OrgConfiguration desired, Func<Task<string>> zoneId, CancellationToken ct)
        {
            var sections = AllSections.Where(desired.Has).ToList();
            var needs = DirectoryNeeds.Of(desired);
            // The state and the directories are different actions with separate budgets: read them side by side.
            // A kind the zone sections list anyway is not listed a second time for names (CIC spec §10: fewest listings).
            if (sections.Contains(ConfigurationSection.Users) || sections.Contains(ConfigurationSection.Groups)) needs.Users = false;
            if (sections.Contains(ConfigurationSection.Groups)) needs.Groups = false;
            if (sections.Contains(ConfigurationSection.RoleConfigurations)) needs.RoleConfigurations = false;
            var zone = new OrgSnapshot();
            var zoneTask = new ZoneReader(_session, _log).ReadAsync(zone, sections, true, zoneId, ct);
            var snapshotTask = _reader.ReadAsync(sections, zoneId, ct);
            var directoryTask = _reader.ReadDirectoryAsync(needs, new OrgSnapshot(), zoneId, ct);
            await Task.WhenAll(zoneTask, snapshotTask, directoryTask).ConfigureAwait(false);
            var snapshot = snapshotTask.Result;
            snapshot.TakeZone(zone);
            var directory = directoryTask.Result;
            zone.FillDirectory(directory);
            directory.Identities = snapshot.Identities?.Select(i => new NamedId(i.Name,
                i.IdentityId.GetValueOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var resolved = ConfigurationResolver.Resolve(desired, directory, snapshot, out var resolveWarnings, out var scope);
            var warnings = resolveWarnings.ToList();
            var plan = ConfigurationApplier.InSendOrder(ConfigurationPlanner.Plan(resolved, snapshot, warnings));
            // A file owns only its PruneScope: removals outside it are not the file's business (kubectl's --prune selector).
            int outside = scope == null ? 0 : plan.RemoveAll(i => i.Action == ConfigurationAction.Remove && !scope.Contains(i));
            return new ConfigurationComparison(plan, warnings, outside);
        }

        /// <summary>Applies the approved plan items; report is called once per item with its final outcome. gate: the command's (-ErrorAction Stop).</summary>
        public Task ApplyAsync(IReadOnlyList<ConfigurationPlanItem> items, bool wait, TimeSpan timeout, Func<Task<string>> zoneId,
            Action<ConfigurationPlanItem, Exception?> report, CancellationToken ct, SendGate? gate = null) =>
            new ConfigurationApplier(_session, _log, zoneId, report, gate).ApplyAsync(items, wait, timeout, ct);
    }
}
