using System;
using System.Management.Automation;
using TencentOrg.Api;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Typed failures become ErrorRecords here, at the cmdlet edge: FQID = the Tencent error code.</summary>
    internal static class ErrorMapping
    {
        public static ErrorRecord ToErrorRecord(Exception error, object? target)
        {
            switch (error)
            {
                case OrgApiException api:
                    return new ErrorRecord(api, api.Code, Category(api.Code), target)
                    {
                        ErrorDetails = new ErrorDetails(api.Message)
                        {
                            RecommendedAction = Advice(api.Code),
                        },
                    };
                case OrgTransportException transport:
                    return new ErrorRecord(transport, transport.Code, TransportCategory(transport.Code), target);
                case OrgCredentialNotFoundException missing:
                    return new ErrorRecord(missing, "CredentialNotFound", ErrorCategory.AuthenticationError, target);
                case OrgTaskFailedException failed:
                    return new ErrorRecord(failed, "TaskFailed", ErrorCategory.InvalidResult, target);
                case TimeoutException timeout:
                    return new ErrorRecord(timeout, "TaskTimeout", ErrorCategory.OperationTimeout, target);
                case ArgumentException argument:
                    return new ErrorRecord(argument, "InvalidArgument", ErrorCategory.InvalidArgument, target);
                default:
                    return new ErrorRecord(error, error.GetType().Name, ErrorCategory.NotSpecified, target);
            }
        }

        /// <summary>An answer that came but cannot be used (bad body, too large, endless paging) is InvalidResult, not a lost connection.</summary>
        private static ErrorCategory TransportCategory(string code) =>
            code == "ClientError.Timeout" ? ErrorCategory.OperationTimeout
            : code == "ClientError.ParseJsonError" || code == "ClientError.ResponseTooLarge" || code == "ClientError.EndlessPaging"
                || code == "ClientError.IncompleteListing" || code == "ClientError.InvalidListingRow" ? ErrorCategory.InvalidResult
            : ErrorCategory.ConnectionError;

        public static ErrorCategory Category(string code)
        {
            if (code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal) || code.StartsWith("LimitExceeded", StringComparison.Ordinal)
                || code.Contains("OverLimit") || code.Contains("UpperLimit") || code == "RequestSizeLimitExceeded")
                return ErrorCategory.LimitsExceeded;
            if (code.Contains("AlreadyExist") || code.EndsWith("NameUsed", StringComparison.Ordinal) || code.EndsWith("AlreadyExists", StringComparison.Ordinal))
                return ErrorCategory.ResourceExists;
            if (code.StartsWith("ResourceNotFound", StringComparison.Ordinal) || code.Contains("NotExist") || code.Contains("NotFound"))
                return ErrorCategory.ObjectNotFound;
            if (code == "AuthFailure.UnauthorizedOperation" || code.StartsWith("UnauthorizedOperation", StringComparison.Ordinal)
                || code == "IpInBlacklist" || code == "IpNotInWhitelist")
                return ErrorCategory.PermissionDenied;
            if (code.StartsWith("AuthFailure", StringComparison.Ordinal))
                return ErrorCategory.AuthenticationError;
            if (code.StartsWith("InvalidParameter", StringComparison.Ordinal) || code == "MissingParameter" || code == "UnknownParameter")
                return ErrorCategory.InvalidArgument;
            if (code.Contains("InUse") || code.EndsWith("AuthUsed", StringComparison.Ordinal) || code.Contains("AuthorizationExist"))
                return ErrorCategory.ResourceBusy;
            if (code == "InternalError" || code == "ServiceUnavailable" || code == "ResourceUnavailable")
                return ErrorCategory.ResourceUnavailable;
            if (code == "InvalidAction" || code == "UnsupportedOperation" || code == "NoSuchVersion" || code == "ActionOffline")
                return ErrorCategory.NotImplemented;
            return ErrorCategory.InvalidOperation;
        }

        private static string? Advice(string code)
        {
            if (code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal))
                return "Lower the request rate: Connect-TcOrg -RequestsPerSecond, or retry later.";
            if (code == "AuthFailure.SignatureExpire") return "Synchronize this machine's clock.";
            if (code.StartsWith("AuthFailure", StringComparison.Ordinal)) return "Check the credential: Get-TcOrgContext shows which one is in use.";
            if (code == "FailedOperation.IdentityCenterNotOpen") return "Enable CIC (Identity Center) for the organization first.";
            // CIC users and groups: nothing cascades on delete, and SCIM owns synchronized objects.
            if (code == "InvalidParameter.UserAlreadyExistsGroup") return "Remove the user from its groups first (Remove-TcOrgGroupMember).";
            if (code == "FailedOperation.DeleteGroupNotAllowExistUser") return "Remove the members first: Get-TcOrgGroupMember -GroupId <id> | Remove-TcOrgGroupMember -Force.";
            if (code == "FailedOperation.RoleConfigurationAuthorizationExist") return "Remove the role assignments that name it first (Get-TcRoleAssignment | Remove-TcRoleAssignment).";
            if (code.StartsWith("FailedOperation.Synchronized", StringComparison.Ordinal)) return "The object is owned by SCIM synchronization: change it in the identity provider.";
            return null;
        }
    }
}
