import Foundation

/// Which API a server speaks.
public enum ServerKind: String, Sendable, CaseIterable {
  case fever
  case ttrss
}

/// One reader server account, its password already read (``ServerPassword``).
public struct ServerAccount: Sendable, Equatable {
  public var kind: ServerKind
  public var url: String
  public var login: String
  public var password: String

  public init(kind: ServerKind, url: String, login: String, password: String) {
    (self.kind, self.url, self.login, self.password) = (kind, url, login, password)
  }

  /// What a store remembers its server by: another kind, address or login is another
  /// server, whose item ids mean other items.
  public var identity: String { "\(kind.rawValue) \(url) \(login)" }

  /// The API client over `transport`.
  public func server(transport: any ServerTransport) -> any ReaderServer {
    switch kind {
    case .fever: return FeverServer(url: url, login: login, password: password, transport: transport)
    case .ttrss: return TinyTinyRSSServer(url: url, login: login, password: password, transport: transport)
    }
  }
}
