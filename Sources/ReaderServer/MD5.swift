import Crypto
import Foundation

/// md5 in hex, which the Fever API needs for its key (md5 is not used for anything secret
/// here: the key is the API's own definition).
enum MD5 {
  static func hex(_ data: Data) -> String {
    Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }
}
