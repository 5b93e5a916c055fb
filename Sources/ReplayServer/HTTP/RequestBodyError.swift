import NIOCore

/// Why the body of the request being answered cannot be read: sent down the connection's
/// pipeline, where ``APIRequestHandler`` answers the API request being read with an envelope
/// (an admin request's body read fails with it).
enum RequestBodyError: Error, Sendable {
    /// The body did not arrive whole within the body timeout.
    case timedOut(after: TimeAmount)
    /// The body is not valid HTTP (a broken chunked encoding), as the parser says.
    case malformed(reason: String)

    /// The answer to the request.
    var apiError: APIError {
        switch self {
        case .timedOut(let limit):
            APIError.bodyTimeout.detailed("\(Double(limit.nanoseconds) / 1e9) s.")
        case .malformed(let reason):
            APIError.malformedRequest.detailed("\(reason).")
        }
    }
}
