/// The file form of a suite (`docs/suites.md`), decoded through checked containers so that
/// lint reports every problem in one pass.
struct SuiteFile: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, client, jobs, scenarios
        case requireCoverage = "require_coverage"
    }

    /// `client:`: the command, its environment and its deadline.
    struct Client: Decodable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case command, env, timeout
        }

        var command: [String]?
        var environment: [String: String]?
        var timeout: HumanDuration?

        init(from decoder: any Decoder) throws {
            let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
            self.command = try container.list(of: String.self, forKey: .command)?.compactMap { $0 }
            if let command, command.isEmpty {
                try decoder.reject("command is the program and its arguments, such as [python3, client.py]", at: CodingKeys.command)
            }
            self.environment = try container.mapping(of: String.self, forKey: .env)?.compactMapValues { $0 }
            self.timeout = try container.optional(HumanDuration.self, forKey: .timeout)
            if let timeout, timeout.milliseconds <= 0 || timeout > HumanDuration(seconds: 604_800) {
                try decoder.reject("timeout must be positive and at most 7d, such as 10m", at: CodingKeys.timeout)
            }
        }
    }

    /// One item of `scenarios:`: a name, a path, a glob or `all`, or a mapping that says what
    /// the run must violate.
    struct EntryItem: Decodable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case scenario, violates
        }

        var selector: String
        var violates: [String]

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self.selector = text
                self.violates = []
                return
            }
            let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
            self.selector = try container.required(String.self, forKey: .scenario) ?? ""
            self.violates = try container.list(of: String.self, forKey: .violates)?.compactMap { $0 } ?? []
            if container.contains(.violates), violates.isEmpty {
                try decoder.reject(
                    "violates lists the clause ids the run must violate; leave it out for a run that must pass",
                    at: CodingKeys.violates
                )
            }
        }
    }

    /// `require_coverage:`: `all`, or a list of clause ids.
    struct CoverageItem: Decodable {
        var coverage: Suite.Coverage

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                guard text == "all" else { throw decoder.invalidValue("require_coverage is all, or a list of clause ids") }
                self.coverage = .all
            } else {
                self.coverage = .clauses(try decoder.singleValueContainer().decode([String].self))
            }
        }
    }

    var name: String?
    var client: Client?
    var jobs: Int?
    var scenarios: [EntryItem?]?
    var coverage: Suite.Coverage?

    init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.name = try container.optional(String.self, forKey: .name)
        _ = try container.optional(String.self, forKey: .description)
        self.client = try container.optional(Client.self, forKey: .client)
        self.jobs = try container.optional(Int.self, forKey: .jobs)
        if let jobs, jobs < 1 { try decoder.reject("jobs is how many scenarios run at a time: 1 or more", at: CodingKeys.jobs) }
        self.scenarios = try container.list(of: EntryItem.self, forKey: .scenarios)
        if scenarios == nil, !container.contains(.scenarios) {
            try decoder.reject("a suite names its scenarios: scenarios: [all], names, paths or globs")
        }
        self.coverage = try container.optional(CoverageItem.self, forKey: .requireCoverage)?.coverage
    }
}
