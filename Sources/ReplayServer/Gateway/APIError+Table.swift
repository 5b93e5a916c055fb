extension APIError {
    /// Every error of the table, for the test that holds their texts against the documented
    /// ones (`docs/error-messages.json`). A new error of the table belongs here too.
    static let table: [APIError] = [
        .invalidSign, .missingSign, .invalidAppKey, .missingAppKey, .missingTimestamp, .timestampNegative, .timestampTooOld, .timestampInFuture,
        .invalidAccessToken, .missingAccessToken, .expiredAccessToken, .missingShopCipher, .unexpectedShopCipher, .invalidShopCipher, .invalidPath,
        .invalidMethod, .invalidVersion, .invalidBodyFormat, .bodyTooLarge, .headersTooLarge, .malformedRequest, .bodyTimeout, .serverBusy,
        .pathTooLong, .tooManyRequests, .notSimulated, .noRecordedAnswer, .parameterRejected,
        .invalidProductInput, .incorrectCategoryFormat, .categoryNotFound, .categoryNotLeaf, .v2Required, .categoryVersionMismatch,
        .categoryProhibited, .categoryRestricted, .categoryNotMain, .propertyRequired, .qualificationMissing, .brandNotFound, .brandNotAuthorized,
        .mainImageRequired, .mainImagesTooMany, .descriptionRequired, .titleTooLong, .tooManySKUs, .productNotInShop, .productNotFound,
        .productStatusForbids, .productNameEmpty, .inventoryOutOfRange, .currencyUnavailable, .productIDUnknown, .conditionalPropertyRequired,
        .manufacturerRequired, .manufacturerNotFound, .responsiblePersonRequired, .responsiblePersonNotFound, .sizeChartRequired, .sizeChartNotFound,
        .crossBorderLocalProduct, .invalidInput, .noRecommendation, .tooManySellerSKUs, .tooManySKUIDs, .invalidCreateTime, .invalidUpdateTime,
        .tooManyResults, .invalidPageSize, .invalidPageToken, .checkFailed, .warehouseNotFound, .upgradeTaskRunning,
    ]
}
