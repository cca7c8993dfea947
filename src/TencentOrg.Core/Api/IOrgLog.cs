namespace TencentOrg.Api
{
    /// <summary>Where the client reports what it does; the cmdlet edge maps these to PowerShell streams.</summary>
    internal interface IOrgLog
    {
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
    }

    internal sealed class NullOrgLog : IOrgLog
    {
        public static readonly NullOrgLog Instance = new NullOrgLog();
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
    }

    /// <summary>A log that knows whether its debug lines are read (a cmdlet without -Debug drops them).</summary>
    internal interface IOrgDebugSwitch
    {
        /// <summary>False when debug lines would be discarded: text built only for them is not built.</summary>
        bool DebugWanted { get; }
    }

    internal static class OrgLog
    {
        /// <summary>Whether text for the debug stream (HTTP traces) is worth building: never for the null log.</summary>
        public static bool WantsDebug(IOrgLog log) =>
            log is IOrgDebugSwitch debugSwitch ? debugSwitch.DebugWanted : !ReferenceEquals(log, NullOrgLog.Instance);
    }
}
