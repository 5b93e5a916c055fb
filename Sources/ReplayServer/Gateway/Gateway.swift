import Foundation
import ReplayJournal
import Scenarios

/// The checks every API request passes before anything answers it: path and method, query
/// encoding, `app_key`, `timestamp`, `sign`, the access token, `shop_cipher`, and the body format.
///
/// Every failed check is reported; the first one the scenario does not relax becomes the answer.
struct Gateway: Sendable {
    /// What the gateway needs to know of a request.
    struct Request {
        var method: String
        var path: String
        var rawQuery: Substring
        var accessToken: String?
        var contentType: String?
        var body: [UInt8]
    }

    /// The gateway's verdict.
    struct Decision {
        /// The operation, when the path and method name one.
        var operation: APIOperation?
        /// The values of the path's placeholders.
        var pathParameters: [String: String] = [:]
        /// The decoded query.
        var query = QueryString(pairs: [])
        /// The shop named by `shop_cipher` (or, when that check is relaxed, the primary shop).
        var shop: Shop?
        /// The JSON body, when the request has one.
        var body: JSONValue?
        /// Every check that failed, relaxed or not.
        var failedChecks: [JournalEntry.FailedCheck] = []
        /// The error to answer with, when a check failed that is not relaxed.
        var rejection: APIError?
        /// The methods the path accepts, when the rejection is a wrong method (the `Allow` header of a 405).
        var allowedMethods: [String] = []
    }

    let scenario: Scenario
    let clock: VirtualClock
    /// The limits on query parameters, path and body nesting (header fields are counted by the responder).
    let limits: ReplayServer.RequestLimits
    /// Whether cassettes answer a route: then it is accepted though no operation of the table has it.
    let isRecorded: @Sendable (_ method: String, _ path: String) -> Bool
    private let router = OperationRouter()
    /// The scenario's app secret, ready to sign with.
    private let signingKey: RequestSignature.Key

    init(
        scenario: Scenario,
        clock: VirtualClock,
        limits: ReplayServer.RequestLimits = .init(),
        isRecorded: @escaping @Sendable (_ method: String, _ path: String) -> Bool = { _, _ in false }
    ) {
        self.scenario = scenario
        self.clock = clock
        self.limits = limits
        self.isRecorded = isRecorded
        self.signingKey = RequestSignature.Key(appSecret: scenario.app.secret)
    }

    /// Checks a request against the wall clock (`now`) and the scenario.
    ///
    /// A request refused for its path, method, version or query still has its credentials
    /// checked (on as much of the query as can be read), so that the contract judges a client
    /// that never signs by what it sent, whatever else was wrong first.
    func check(_ request: Request, now: Date) -> Decision {
        var decision = Decision()
        if let error = pathError(request.path) {
            decision.rejection = error
        } else {
            switch router.match(method: request.method, path: request.path) {
            case .operation(let operation, let parameters):
                decision.operation = operation
                decision.pathParameters = parameters
            case _ where isRecorded(request.method, request.path):
                break
            case .unknownPath:
                decision.rejection = APIError.invalidPath.detailed("No API at \(request.method) \(request.path).")
            case .wrongMethod(let allowed):
                decision.rejection = APIError.invalidMethod.detailed(
                    "\(request.path) accepts \(allowed.joined(separator: ", ")), not \(request.method)."
                )
                decision.allowedMethods = allowed
            case .wrongVersion:
                decision.rejection = APIError.invalidVersion.detailed("No version of this API at \(request.path).")
            }
        }
        do {
            decision.query = try QueryString(raw: request.rawQuery, maximumPairs: limits.queryParameters)
        } catch {
            if decision.rejection == nil {
                switch error {
                case .malformed(let parameter):
                    decision.rejection = APIError.malformedQuery(
                        parameter,
                        reason: "not valid percent-encoded UTF-8",
                        expected: "a percent-encoded UTF-8 value"
                    )
                case .tooManyParameters(let limit):
                    decision.rejection = APIError.malformedQuery(
                        "query",
                        reason: "the query has more than \(limit) parameters",
                        expected: "at most \(limit) parameters"
                    )
                }
            }
            decision.query = QueryString(readingAsFarAsPossible: request.rawQuery, maximumPairs: limits.queryParameters)
        }

        func fail(_ check: GatewayCheck, _ error: APIError) {
            let relaxed = scenario.gateway.relaxed.contains(check)
            decision.failedChecks.append(.init(check: check, code: error.code, message: error.message, relaxed: relaxed))
            if !relaxed && decision.rejection == nil { decision.rejection = error }
        }
        if let error = appKeyError(decision.query) { fail(.appKey, error) }
        if let error = timestampError(decision.query, now: now) { fail(.timestamp, error) }
        if let error = signError(request, query: decision.query) { fail(.sign, error) }
        if let error = accessTokenError(request.accessToken) { fail(.accessToken, error) }
        let (shop, shopError) = shop(for: decision.operation, query: decision.query)
        decision.shop = shop
        if let shopError { fail(.shopCipher, shopError) }
        if decision.rejection == nil {
            do {
                decision.body = try jsonBody(request)
            } catch {
                decision.rejection = error
            }
        }
        return decision
    }

    // MARK: - The checks

    /// A path over the limits is refused before it is split or routed.
    private func pathError(_ path: String) -> APIError? {
        if path.utf8.count > limits.pathBytes { return APIError.pathTooLong.detailed("\(limits.pathBytes) bytes.") }
        if Self.segmentCount(path, upTo: limits.pathSegments + 1) > limits.pathSegments {
            return APIError.pathTooLong.detailed("\(limits.pathSegments) segments.")
        }
        return nil
    }

    /// How many pieces `path.utf8.split(separator: "/", maxSplits: limit - 1)` makes, empty
    /// pieces omitted, counted without making them: the same count, no array per request.
    static func segmentCount(_ path: String, upTo limit: Int) -> Int {
        guard limit > 1 else { return path.isEmpty ? 0 : 1 }
        var count = 0
        var pieceStart = true
        var index = path.utf8.startIndex
        let end = path.utf8.endIndex
        while index != end {
            if path.utf8[index] == UInt8(ascii: "/") {
                if !pieceStart {
                    count += 1
                    if count == limit - 1 {
                        // The split stops here: the rest, if any, is the last piece.
                        path.utf8.formIndex(after: &index)
                        return index == end ? count : count + 1
                    }
                }
                pieceStart = true
            } else {
                pieceStart = false
            }
            path.utf8.formIndex(after: &index)
        }
        return pieceStart ? count : count + 1
    }

    private func appKeyError(_ query: QueryString) -> APIError? {
        guard let key = query[RequestParameter.appKey] else { return .missingAppKey }
        return key == scenario.app.key ? nil : .invalidAppKey
    }

    private func timestampError(_ query: QueryString, now: Date) -> APIError? {
        guard let text = query[RequestParameter.timestamp] else { return .missingTimestamp }
        guard let timestamp = Int64(text) else {
            return APIError.malformedQuery(RequestParameter.timestamp, reason: "'\(text.prefix(32))' is not a time", expected: "Unix seconds")
        }
        let wall = Int64(now.timeIntervalSince1970.rounded(.down))
        if timestamp < 0 { return .timestampNegative }
        if timestamp < wall - 300 { return .timestampTooOld }
        if timestamp > wall + 30 { return .timestampInFuture }
        return nil
    }

    /// The sign must match. Clients differ on repeated query names (PHP skips them, Ruby
    /// comma-joins them), so each of those readings is accepted too.
    private func signError(_ request: Request, query: QueryString) -> APIError? {
        guard let sign = query[RequestParameter.sign] else { return .missingSign }
        let isMultipart = request.contentType?.lowercased().hasPrefix("multipart/form-data") ?? false
        func isSigned(_ pairs: [(name: String, value: String)]) -> Bool {
            RequestSignature.isSign(sign, path: request.path, pairs: pairs, body: request.body, isMultipart: isMultipart, key: signingKey)
        }
        // The usual query, a few distinct names, has one reading: checked without a list of them.
        if Self.hasOneReading(query.pairs) { return isSigned(query.pairs) ? nil : .invalidSign }
        for pairs in Self.signatureReadings(of: query.pairs) where isSigned(pairs) { return nil }
        return .invalidSign
    }

    /// The readings of a query a sign may have been computed on: the pairs as sent and, when a
    /// name repeats, its values comma-joined in order, and the pairs without it. Linear in the
    /// number of pairs (each name is counted once in a dictionary), so that thousands of
    /// repeated names cost no more than thousands of distinct ones.
    static func signatureReadings(of pairs: [(name: String, value: String)]) -> [[(name: String, value: String)]] {
        if hasOneReading(pairs) { return [pairs] }
        var valuesByName: [String: [String]] = [:]
        valuesByName.reserveCapacity(pairs.count)
        for pair in pairs {
            valuesByName[pair.name, default: []].append(pair.value)
        }
        guard valuesByName.count < pairs.count else { return [pairs] }
        let joined = valuesByName.map { (name: $0.key, value: $0.value.joined(separator: ",")) }
        let unrepeated = pairs.filter { valuesByName[$0.name]?.count == 1 }
        return [pairs, joined, unrepeated]
    }

    /// Whether a query has one reading for sure: a few pairs, no name twice (the usual query,
    /// told apart without a dictionary).
    private static func hasOneReading(_ pairs: [(name: String, value: String)]) -> Bool {
        pairs.count <= 16 && !repeatsAName(pairs)
    }

    /// Whether a name comes twice, comparing each pair with those after it (for a few pairs).
    private static func repeatsAName(_ pairs: [(name: String, value: String)]) -> Bool {
        for first in pairs.indices {
            for second in pairs.indices where second > first && pairs[first].name == pairs[second].name { return true }
        }
        return false
    }

    private func accessTokenError(_ token: String?) -> APIError? {
        guard let token, !token.isEmpty else { return .missingAccessToken }
        guard let known = scenario.accessTokens.first(where: { $0.value == token }) else { return .invalidAccessToken }
        let expiry = scenario.clockStart.addingTimeInterval(TimeInterval(known.expiresIn.milliseconds) / 1000)
        return clock.now >= expiry ? .expiredAccessToken : nil
    }

    /// The shop of a shop-scoped operation. A recorded route outside the operation table may name one or not.
    private func shop(for operation: APIOperation?, query: QueryString) -> (Shop?, APIError?) {
        let cipher = query[RequestParameter.shopCipher]
        guard let operation else {
            guard let cipher else { return (nil, nil) }
            guard let shop = scenario.shops.first(where: { $0.cipher == cipher }) else { return (scenario.primaryShop, .invalidShopCipher) }
            return (shop, nil)
        }
        guard operation.isShopScoped else {
            return (nil, cipher == nil ? nil : .unexpectedShopCipher)
        }
        guard let cipher else { return (scenario.primaryShop, .missingShopCipher) }
        guard let shop = scenario.shops.first(where: { $0.cipher == cipher }) else { return (scenario.primaryShop, .invalidShopCipher) }
        return (shop, nil)
    }

    /// The body as JSON; nil when there is none, on a GET, or multipart (not parsed).
    private func jsonBody(_ request: Request) throws(APIError) -> JSONValue? {
        guard request.method != "GET", !request.body.isEmpty else { return nil }
        if request.contentType?.lowercased().hasPrefix("multipart/form-data") == true { return nil }
        if JSONNesting.exceeds(limits.jsonDepth, in: request.body) {
            throw APIError.invalidBodyFormat.detailed("It nests deeper than \(limits.jsonDepth) levels.")
        }
        guard let body = try? JSONDecoder().decode(JSONValue.self, from: Data(request.body)), body.object != nil else {
            throw .invalidBodyFormat
        }
        return body
    }
}
