import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Finds a port to listen on before the server starts, so the build can use the
/// preview's own address and a port in use can be reported by number.
enum PortFinder {
    enum Failure: Error, CustomStringConvertible {
        case inUse(host: String, port: Int)
        case invalidHost(String)

        var description: String {
            switch self {
            case .inUse(let host, let port): "port \(port) on \(host) is in use, and so are the next ten"
            case .invalidHost(let host): "cannot listen on '\(host)': use an IPv4 address such as 127.0.0.1"
            }
        }
    }

    /// The preferred port if free, else the next free one of the ten after it; port 0
    /// asks the system for any free port.
    static func available(host: String, preferred: Int) throws -> Int {
        for candidate in preferred == 0 ? [0] : Array(preferred...(preferred + 10)) {
            if let port = try bind(host: host, port: candidate) { return port }
        }
        throw Failure.inUse(host: host, port: preferred)
    }

    /// The port bound (and released at once), or nil if it is in use.
    private static func bind(host: String, port: Int) throws -> Int? {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return nil }
        defer { close(socketFD) }
        var reuse: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else {
            throw Failure.invalidHost(host)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { return nil }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        return Int(UInt16(bigEndian: actual.sin_port))
    }
}
