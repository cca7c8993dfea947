namespace TencentOrg.Api
{
    /// <summary>Where the client reports what it does; the cmdlet edge maps these to PowerShell streams.</summary>
    public interface IOrgLog
    {
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
    }

    public sealed class NullOrgLog : IOrgLog
    {
        public static readonly NullOrgLog Instance = new NullOrgLog();
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
    }
}
