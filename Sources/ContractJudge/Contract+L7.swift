extension Contract {
    /// The L7 category contract: signing and transport, v2 on the listing APIs, the upgrade
    /// task and its 24-hour rule, webhooks, confirmation, failed upgrades and rate limits.
    /// docs/contract.md lists every clause (a test keeps the page and this list in step).
    public static let l7 = Contract(
        name: "l7",
        clauses: [
            .signedAndFresh, .tokenInHeader, .shopCipher,
            .v2OnListing, .v2LeafOnWrite, .noLegacyGlobalProducts,
            .upgradeNotHammered, .upgradeRetriggeredForSkipped, .failedUpgradesHandled,
            .webhooksAcknowledged, .forgedWebhooksRejected, .duplicatesHandledOnce, .confirmedAfterWebhook,
            .confirmedAfterAudit,
            .retryAfterHonoured,
        ]
    )
}
