namespace TencentOrg.Models
{
    /// <summary>Every answer is {"Response": {...}}.</summary>
    internal sealed class ResponseEnvelope<T>
    {
        public T? Response { get; set; }
    }

    /// <summary>Fields present in every Response object: RequestId, and Error on failure.</summary>
    internal class ApiResponse
    {
        public ApiError? Error { get; set; }
        public string? RequestId { get; set; }
    }

    internal sealed class ApiError
    {
        public string? Code { get; set; }
        public string? Message { get; set; }
    }

    /// <summary>A request of the NextToken/MaxResults paging style (spec §5).</summary>
    internal interface ITokenPagedRequest
    {
        string? NextToken { get; set; }
        long? MaxResults { get; set; }
    }

    /// <summary>A response page of the NextToken/MaxResults paging style.</summary>
    internal interface ITokenPage
    {
        bool? IsTruncated { get; }
        string? NextToken { get; }
        /// <summary>Rows matching the request across all pages; the listing is checked against it.</summary>
        long? TotalCounts { get; }
    }
}
