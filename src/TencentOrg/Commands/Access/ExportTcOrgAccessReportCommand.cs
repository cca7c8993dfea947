using System;
using System.IO;
using System.Management.Automation;
using TencentOrg.Services.Access;

namespace TencentOrg
{
    /// <summary>
    /// Export-TcOrgAccessReport: the access review as one self-contained HTML file (summary, users-by-accounts matrix,
    /// a list that filters as one types, and when and which zone it was read from), written atomically.
    /// </summary>
    [Cmdlet(VerbsData.Export, "TcOrgAccessReport")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportTcOrgAccessReportCommand : AccessCmdlet
    {
        /// <summary>The HTML file to write (replaced when it exists; missing folders are created).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            // Resolved before any request: a path PowerShell cannot map to the file system fails here.
            string file = GetUnresolvedProviderPathFromPSPath(Path);
            var review = Review();
            try
            {
                AccessReport.WriteFile(file, review);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "AccessReportNotWritten", ErrorCategory.WriteError, Path));
            }
            WriteVerbose("Wrote " + review.Paths.Count + " access paths of zone " + review.ZoneId + " to " + file + ".");
            if (PassThru) WriteObject(new FileInfo(file));
        }
    }
}
