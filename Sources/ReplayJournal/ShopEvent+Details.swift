extension ShopEvent {
    /// The `details` key of a category change that holds the category before it.
    public static let previousCategoryIDKey = "previous_category_id"
    /// The `details` key of a category change that holds the category after it.
    public static let currentCategoryIDKey = "current_category_id"
    /// The `details` key of a category change that holds the tree of the category after it
    /// (`v1` or `v2`; journals before it was kept lack it).
    public static let currentCategoryVersionKey = "current_category_version"
    /// The `details` key of a status change or an audit's end that holds the product's status
    /// after it (`ACTIVATE`, `FAILED`, ...).
    public static let currentStatusKey = "current_status"
}
