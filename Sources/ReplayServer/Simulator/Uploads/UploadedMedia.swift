import Synchronization

/// The images and files uploaded during a run, by the uri or id the upload answered: what a
/// product may then name. Emptied by a reset.
final class UploadedMedia: Sendable {
    /// What an upload left.
    enum Item: Sendable, Equatable {
        case image(ImageHeader, useCase: String)
        case file(id: String, name: String, format: String)
    }

    private let items = Mutex<[String: Item]>([:])

    /// The item kept under a key, made the first time the key is seen from its sequence number
    /// (1 for the first item of the run): the same upload twice gives the same item.
    func keep(_ key: String, orMake make: (_ sequence: Int) -> Item) -> Item {
        items.withLock { items in
            if let known = items[key] { return known }
            let item = make(items.count + 1)
            items[key] = item
            return item
        }
    }

    /// The item uploaded under a uri or id.
    func item(_ key: String) -> Item? {
        items.withLock { $0[key] }
    }

    func reset() {
        items.withLock { $0 = [:] }
    }
}
