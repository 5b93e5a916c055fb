extension APIOperation {
    // The rest of the product API as the public generated SDKs list it (method, path, version and
    // whether `shop_cipher` is needed), plus the older versions clients still call (reference
    // section 7). An operation the simulator does not answer is still a real operation: it gets
    // HTTP 501 naming it, not a path error, and a stub or a cassette can answer it.

    /// Get Global Attributes, version 202309.
    public static let getGlobalAttributes = APIOperation(
        "get_global_attributes",
        "GET",
        "/product/202309/categories/{category_id}/global_attributes",
        shopScoped: false,
        categoryVersion: .query
    )
    /// Get Global Category Rules, version 202309.
    public static let getGlobalCategoryRules = APIOperation(
        "get_global_category_rules",
        "GET",
        "/product/202309/categories/{category_id}/global_rules",
        shopScoped: false,
        categoryVersion: .query
    )
    /// Upload Product File, version 202309.
    public static let uploadProductFile = APIOperation(
        "upload_product_file",
        "POST",
        "/product/202309/files/upload",
        shopScoped: false
    )
    /// Get Global Categories, version 202309.
    public static let getGlobalCategories = APIOperation(
        "get_global_categories",
        "GET",
        "/product/202309/global_categories",
        shopScoped: false,
        categoryVersion: .query
    )
    /// Recommend Global Categories, version 202309.
    public static let recommendGlobalCategories = APIOperation(
        "recommend_global_categories",
        "POST",
        "/product/202309/global_categories/recommend",
        shopScoped: false,
        categoryVersion: .body
    )
    /// Delete Global Products, version 202309.
    public static let deleteGlobalProducts = APIOperation(
        "delete_global_products",
        "DELETE",
        "/product/202309/global_products",
        shopScoped: false,
        simulated: false
    )
    /// Create Global Product, version 202309.
    public static let createGlobalProduct = APIOperation(
        "create_global_product",
        "POST",
        "/product/202309/global_products",
        shopScoped: false,
        simulated: false
    )
    /// Get Global Product, version 202309.
    public static let getGlobalProduct = APIOperation(
        "get_global_product",
        "GET",
        "/product/202309/global_products/{global_product_id}",
        shopScoped: false,
        simulated: false
    )
    /// Edit Global Product, version 202309.
    public static let editGlobalProduct = APIOperation(
        "edit_global_product",
        "PUT",
        "/product/202309/global_products/{global_product_id}",
        shopScoped: false,
        simulated: false
    )
    /// Update Global Inventory, version 202309.
    public static let updateGlobalInventory = APIOperation(
        "update_global_inventory",
        "POST",
        "/product/202309/global_products/{global_product_id}/inventory/update",
        shopScoped: false,
        simulated: false
    )
    /// Publish Global Product, version 202309.
    public static let publishGlobalProduct = APIOperation(
        "publish_global_product",
        "POST",
        "/product/202309/global_products/{global_product_id}/publish",
        shopScoped: false,
        simulated: false
    )
    /// Upload Product Image, version 202309.
    public static let uploadProductImage = APIOperation(
        "upload_product_image",
        "POST",
        "/product/202309/images/upload",
        shopScoped: false
    )
    /// Inventory Search, version 202309.
    public static let inventorySearch = APIOperation(
        "inventory_search",
        "POST",
        "/product/202309/inventory/search",
        shopScoped: true,
        simulated: false
    )
    /// Check Listing Prerequisites, version 202309.
    public static let checkListingPrerequisites202309 = APIOperation(
        "check_listing_prerequisites_202309",
        "GET",
        "/product/202309/prerequisites",
        shopScoped: true
    )
    /// Delete Products, version 202309.
    public static let deleteProducts = APIOperation(
        "delete_products",
        "DELETE",
        "/product/202309/products",
        shopScoped: true
    )
    /// Activate Products, version 202309.
    public static let activateProducts = APIOperation(
        "activate_products",
        "POST",
        "/product/202309/products/activate",
        shopScoped: true
    )
    /// Deactivate Products, version 202309.
    public static let deactivateProducts = APIOperation(
        "deactivate_products",
        "POST",
        "/product/202309/products/deactivate",
        shopScoped: true
    )
    /// Check Product Listing, version 202309.
    public static let checkProductListing = APIOperation(
        "check_product_listing",
        "POST",
        "/product/202309/products/listing_check",
        shopScoped: true,
        categoryVersion: .body
    )
    /// Recover Products, version 202309.
    public static let recoverProducts = APIOperation(
        "recover_products",
        "POST",
        "/product/202309/products/recover",
        shopScoped: true
    )
    /// Search Products, version 202309: `category_version` travels in the query.
    public static let searchProducts202309 = APIOperation(
        "search_products_202309",
        "POST",
        "/product/202309/products/search",
        shopScoped: true,
        categoryVersion: .query,
        searchesEitherTree: true
    )
    /// Update Inventory, version 202309.
    public static let updateInventory = APIOperation(
        "update_inventory",
        "POST",
        "/product/202309/products/{product_id}/inventory/update",
        shopScoped: true
    )
    /// Partial Edit Product, version 202309.
    public static let partialEditProduct202309 = APIOperation(
        "partial_edit_product_202309",
        "POST",
        "/product/202309/products/{product_id}/partial_edit",
        shopScoped: true,
        categoryVersion: .body
    )
    /// Update Price, version 202309.
    public static let updatePrice = APIOperation(
        "update_price",
        "POST",
        "/product/202309/products/{product_id}/prices/update",
        shopScoped: true
    )
    /// Search Global Products, version 202312.
    public static let searchGlobalProducts = APIOperation(
        "search_global_products",
        "POST",
        "/product/202312/global_products/search",
        shopScoped: false,
        simulated: false
    )
    /// Check Listing Prerequisites, version 202312.
    public static let checkListingPrerequisites = APIOperation(
        "check_listing_prerequisites",
        "GET",
        "/product/202312/prerequisites",
        shopScoped: true
    )
    /// Search Products, version 202312.
    public static let searchProducts202312 = APIOperation(
        "search_products_202312",
        "POST",
        "/product/202312/products/search",
        shopScoped: true,
        categoryVersion: .body,
        searchesEitherTree: true
    )
    /// Optimize Images, version 202404.
    public static let optimizeImages = APIOperation(
        "optimize_images",
        "POST",
        "/product/202404/images/optimize",
        shopScoped: true,
        simulated: false
    )
    /// Get Product Diagnoses, version 202405.
    public static let getProductDiagnoses = APIOperation(
        "get_product_diagnoses",
        "GET",
        "/product/202405/products/diagnoses",
        shopScoped: true,
        simulated: false
    )
    /// Get Products SEO Words, version 202405.
    public static let getProductsSEOWords = APIOperation(
        "get_products_seo_words",
        "GET",
        "/product/202405/products/seo_words",
        shopScoped: true,
        simulated: false
    )
    /// Get Recommended Product Title And Description, version 202405.
    public static let getRecommendedProductTitleAndDescription = APIOperation(
        "get_recommended_product_title_and_description",
        "GET",
        "/product/202405/products/suggestions",
        shopScoped: true,
        simulated: false
    )
    /// Search Size Charts, version 202407.
    public static let searchSizeCharts = APIOperation(
        "search_size_charts",
        "POST",
        "/product/202407/sizecharts/search",
        shopScoped: false
    )
    /// Get Listing Schemas, version 202407: the fields a leaf category requires of a new
    /// product (query `category_ids`, `locale`, `category_version`; no `shop_cipher`).
    public static let getListingSchemas = APIOperation(
        "get_listing_schemas",
        "GET",
        "/product/202407/listing_schemas",
        shopScoped: false,
        simulated: false
    )
    /// Create Manufacturer, version 202409.
    public static let createManufacturer = APIOperation(
        "create_manufacturer",
        "POST",
        "/product/202409/compliance/manufacturers",
        shopScoped: false
    )
    /// Partial Edit Manufacturer, version 202409.
    public static let partialEditManufacturer = APIOperation(
        "partial_edit_manufacturer",
        "POST",
        "/product/202409/compliance/manufacturers/{manufacturer_id}/partial_edit",
        shopScoped: false
    )
    /// Create Responsible Person, version 202409.
    public static let createResponsiblePerson = APIOperation(
        "create_responsible_person",
        "POST",
        "/product/202409/compliance/responsible_persons",
        shopScoped: false
    )
    /// Partial Edit Responsible Person, version 202409.
    public static let partialEditResponsiblePerson = APIOperation(
        "partial_edit_responsible_person",
        "POST",
        "/product/202409/compliance/responsible_persons/{responsible_person_id}/partial_edit",
        shopScoped: false
    )
    /// Diagnose And Optimize Product, version 202411.
    public static let diagnoseAndOptimizeProduct = APIOperation(
        "diagnose_and_optimize_product",
        "POST",
        "/product/202411/products/diagnose_optimize",
        shopScoped: true,
        simulated: false
    )
    /// Search Manufacturers, version 202501.
    public static let searchManufacturers = APIOperation(
        "search_manufacturers",
        "POST",
        "/product/202501/compliance/manufacturers/search",
        shopScoped: false
    )
    /// Search Responsible Persons, version 202501.
    public static let searchResponsiblePersons = APIOperation(
        "search_responsible_persons",
        "POST",
        "/product/202501/compliance/responsible_persons/search",
        shopScoped: false
    )
    /// Create Image Translation Tasks, version 202505.
    public static let createImageTranslationTasks = APIOperation(
        "create_image_translation_tasks",
        "POST",
        "/product/202505/images/translation_tasks",
        shopScoped: true,
        simulated: false
    )
    /// Get Image Translation Tasks, version 202506.
    public static let getImageTranslationTasks = APIOperation(
        "get_image_translation_tasks",
        "GET",
        "/product/202506/images/translation_tasks",
        shopScoped: true,
        simulated: false
    )
    /// Get Global Listing Rules, version 202507.
    public static let getGlobalListingRules = APIOperation(
        "get_global_listing_rules",
        "GET",
        "/product/202507/global_listing_rules",
        shopScoped: true,
        simulated: false
    )
    /// Replicate Product, version 202507.
    public static let replicateProduct = APIOperation(
        "replicate_product",
        "POST",
        "/product/202507/products/{product_id}/global_replicate",
        shopScoped: true,
        simulated: false
    )
    /// Get Global Replicated Products, version 202507.
    public static let getGlobalReplicatedProducts = APIOperation(
        "get_global_replicated_products",
        "GET",
        "/product/202507/products/{product_id}/replicated_products",
        shopScoped: true,
        simulated: false
    )
    /// Partial Edit Global Product, version 202509.
    public static let partialEditGlobalProduct = APIOperation(
        "partial_edit_global_product",
        "PUT",
        "/product/202509/global_products/{global_product_id}/partial_edit",
        shopScoped: false,
        simulated: false
    )
    /// Partial Edit Product, version 202509.
    public static let partialEditProduct = APIOperation(
        "partial_edit_product",
        "POST",
        "/product/202509/products/{product_id}/partial_edit",
        shopScoped: true,
        categoryVersion: .body
    )
    /// Search Products For Compliance Auditing, version 202601.
    public static let searchProductsForComplianceAuditing = APIOperation(
        "search_products_for_compliance_auditing",
        "POST",
        "/product/202601/compliance/auditing/research",
        shopScoped: false,
        simulated: false
    )
    /// Get Product Package Recommendations, version 202602.
    public static let getProductPackageRecommendations = APIOperation(
        "get_product_package_recommendations",
        "POST",
        "/product/202602/packages/recommend",
        shopScoped: true,
        simulated: false
    )
    /// Submit Size Chart Appeal, version 202604.
    public static let submitSizeChartAppeal = APIOperation(
        "submit_size_chart_appeal",
        "POST",
        "/product/202604/appeals/submit",
        shopScoped: true,
        simulated: false
    )
    /// List Opportunities, version 202604.
    public static let listOpportunities = APIOperation(
        "list_opportunities",
        "POST",
        "/product/202604/opportunities/query",
        shopScoped: true,
        simulated: false
    )
    /// Get Submission Records, version 202604.
    public static let getSubmissionRecords = APIOperation(
        "get_submission_records",
        "GET",
        "/product/202604/opportunities/submissions",
        shopScoped: true,
        simulated: false
    )
    /// Get Opportunity Detail, version 202604.
    public static let getOpportunityDetail = APIOperation(
        "get_opportunity_detail",
        "GET",
        "/product/202604/opportunities/{opportunity_id}",
        shopScoped: true,
        simulated: false
    )
    /// Submit Product Via Opportunity, version 202604.
    public static let submitProductViaOpportunity = APIOperation(
        "submit_product_via_opportunity",
        "POST",
        "/product/202604/opportunities/{opportunity_id}/submit",
        shopScoped: true,
        simulated: false
    )
    /// Create GPA Upgrade Task, version 202604.
    public static let createGPAUpgradeTask = APIOperation(
        "create_gpa_upgrade_task",
        "POST",
        "/product/202604/products/gpa_upgrade_task",
        shopScoped: false,
        simulated: false
    )
    /// List Product SKPP Statuses, version 202606.
    public static let listProductSKPPStatuses = APIOperation(
        "list_product_skpp_statuses",
        "POST",
        "/product/202606/skpps/search",
        shopScoped: true,
        simulated: false
    )
    /// Get Shop SKPP Summary, version 202606.
    public static let getShopSKPPSummary = APIOperation(
        "get_shop_skpp_summary",
        "GET",
        "/product/202606/skpps/sum",
        shopScoped: true,
        simulated: false
    )
    /// Get Product SKPP Detail, version 202606.
    public static let getProductSKPPDetail = APIOperation(
        "get_product_skpp_detail",
        "GET",
        "/product/202606/skpps/{product_id}",
        shopScoped: true,
        simulated: false
    )
    /// Update Stock Operation Settings, version 202608.
    public static let updateStockOperationSettings = APIOperation(
        "update_stock_operation_settings",
        "POST",
        "/product/202608/inventory/operation/settings",
        shopScoped: true,
        simulated: false
    )
    /// Suggest Brands, version 202609.
    public static let suggestBrands = APIOperation(
        "suggest_brands",
        "POST",
        "/product/202609/brands/suggest",
        shopScoped: true,
        simulated: false
    )
    /// Predict Product Package Dimensions And Weight, version 202609.
    public static let predictProductPackageDimensionsAndWeight = APIOperation(
        "predict_product_package_dimensions_and_weight",
        "POST",
        "/product/202609/products/package/predict",
        shopScoped: true,
        simulated: false
    )
    /// Recommend Required Product Properties, version 202609.
    public static let recommendRequiredProductProperties = APIOperation(
        "recommend_required_product_properties",
        "POST",
        "/product/202609/products/properties/recommend",
        shopScoped: true,
        simulated: false
    )
    /// Submit Strikethrough Price, version 202609.
    public static let submitStrikethroughPrice = APIOperation(
        "submit_strikethrough_price",
        "POST",
        "/product/202609/products/{product_id}/strikethrough_price/submit",
        shopScoped: true,
        simulated: false
    )
    /// Create Size Chart V2, version 202610.
    public static let createSizeChartV2 = APIOperation(
        "create_size_chart_v2",
        "POST",
        "/product/202610/size_charts",
        shopScoped: true,
        simulated: false
    )
    /// Edit Size Chart V2, version 202610.
    public static let editSizeChartV2 = APIOperation(
        "edit_size_chart_v2",
        "POST",
        "/product/202610/size_charts/edit",
        shopScoped: true,
        simulated: false
    )

    /// The product API beyond the listing operations, sorted by path.
    static let productAPI: [APIOperation] = [
        getGlobalAttributes, getGlobalCategoryRules, uploadProductFile, getGlobalCategories, recommendGlobalCategories, deleteGlobalProducts,
        createGlobalProduct, getGlobalProduct, editGlobalProduct, updateGlobalInventory, publishGlobalProduct, uploadProductImage, inventorySearch,
        checkListingPrerequisites202309, deleteProducts, activateProducts, deactivateProducts, checkProductListing, recoverProducts,
        searchProducts202309, updateInventory, partialEditProduct202309, updatePrice, searchGlobalProducts, checkListingPrerequisites,
        searchProducts202312, optimizeImages, getProductDiagnoses, getProductsSEOWords, getRecommendedProductTitleAndDescription, searchSizeCharts,
        getListingSchemas,
        createManufacturer, partialEditManufacturer, createResponsiblePerson, partialEditResponsiblePerson, diagnoseAndOptimizeProduct,
        searchManufacturers, searchResponsiblePersons, createImageTranslationTasks, getImageTranslationTasks, getGlobalListingRules, replicateProduct,
        getGlobalReplicatedProducts, partialEditGlobalProduct, partialEditProduct, searchProductsForComplianceAuditing,
        getProductPackageRecommendations, submitSizeChartAppeal, listOpportunities, getSubmissionRecords, getOpportunityDetail,
        submitProductViaOpportunity, createGPAUpgradeTask, listProductSKPPStatuses, getShopSKPPSummary, getProductSKPPDetail,
        updateStockOperationSettings, suggestBrands, predictProductPackageDimensionsAndWeight, recommendRequiredProductProperties,
        submitStrikethroughPrice, createSizeChartV2, editSizeChartV2,
    ]
}
