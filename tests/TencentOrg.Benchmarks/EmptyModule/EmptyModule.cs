using System.Management.Automation;

namespace EmptyModule
{
    /// <summary>The one trivial cmdlet of the floor module.</summary>
    [Cmdlet(VerbsCommon.Get, "EmptyThing")]
    [OutputType(typeof(string))]
    public sealed class GetEmptyThingCommand : PSCmdlet
    {
        protected override void ProcessRecord() => WriteObject("empty");
    }
}
