/// A TikTok Shop market, by its upper-case region code.
public enum Region: String, Sendable, Hashable, CaseIterable {
    /// The United Kingdom (the API writes `GB`, prose says UK).
    case gb = "GB"
    /// The United States.
    case us = "US"
    /// Japan.
    case jp = "JP"
    /// Germany.
    case de = "DE"
    /// Spain.
    case es = "ES"
    /// France.
    case fr = "FR"
    /// Ireland.
    case ie = "IE"
    /// Italy.
    case it = "IT"
    /// The Netherlands.
    case nl = "NL"
    /// Belgium.
    case be = "BE"
    /// Poland.
    case pl = "PL"
    /// Czechia.
    case cz = "CZ"
    /// Austria.
    case at = "AT"
    /// Greece.
    case gr = "GR"
    /// Portugal.
    case pt = "PT"
    /// Hungary.
    case hu = "HU"
    /// Indonesia.
    case id = "ID"
    /// Malaysia.
    case my = "MY"
    /// The Philippines.
    case ph = "PH"
    /// Singapore.
    case sg = "SG"
    /// Thailand.
    case th = "TH"
    /// Vietnam.
    case vn = "VN"
    /// Brazil.
    case br = "BR"
    /// Mexico.
    case mx = "MX"
}
