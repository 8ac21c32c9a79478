import Foundation

/// Why a reader server could not be used, in one line each: the store is left as it was.
public struct ServerProblem: Error, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Equatable, Sendable {
    /// The server refused the login or password.
    case refusedLogin
    /// The API is switched off on the server (Tiny Tiny RSS's API access, Fever's API).
    case apiDisabled
    /// No server answered at the address.
    case unreachable(String)
    /// The TLS handshake failed (certificate, protocol).
    case tls(String)
    /// The server answered with HTML (a login page, a proxy's page), not the API.
    case notTheAPI(String)
    /// The server limits requests (HTTP 429); seconds to wait when it says.
    case rateLimited(retryAfter: String?)
    /// Any other HTTP status.
    case http(Int)
    /// A reply the API does not give (not JSON, missing fields).
    case malformed(String)
    /// The API said no, in its own words.
    case api(String)
    /// The request took too long.
    case timeout
  }

  public var kind: Kind
  /// The server's address.
  public var url: String

  public init(_ kind: Kind, url: String) {
    self.kind = kind
    self.url = url
  }

  public var description: String {
    switch kind {
    case .refusedLogin: return "\(url) refused the login: check login and password in config.toml's [server]"
    case .apiDisabled:
      return "\(url): the API is switched off on the server (enable API access in its preferences)"
    case .unreachable(let reason): return "cannot reach \(url): \(reason)"
    case .tls(let reason): return "\(url): secure connection failed: \(reason)"
    case .notTheAPI(let what):
      return "\(url) answered with \(what), not the API: check the url in config.toml's [server]"
    case .rateLimited(let after):
      return "\(url) limits requests (HTTP 429)" + (after.map { "; try again in \($0) s" } ?? "; try again later")
    case .http(let status): return "\(url) answered HTTP \(status)"
    case .malformed(let what): return "\(url): unexpected reply: \(what)"
    case .api(let message): return "\(url): \(message)"
    case .timeout: return "\(url) did not answer in time"
    }
  }
}
