using System;

namespace TencentOrg.Services
{
    /// <summary>How far one service error reaches in a batch.</summary>
    internal static class ErrorScope
    {
        /// <summary>Errors no split of a batch can fix: the credential, the organization, throttling, the server itself.</summary>
        public static bool AffectsEveryItem(string code) =>
            code.StartsWith("AuthFailure", StringComparison.Ordinal) || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal)
            || code.StartsWith("UnauthorizedOperation", StringComparison.Ordinal) || code == "ResourceNotFound.OrganizationNotExist"
            || code == "InternalError" || code == "InvalidAction" || code == "FailedOperation.IdentityCenterNotOpen"
            || code == "FailedOperation.ZoneIdNotExist";
    }
}
