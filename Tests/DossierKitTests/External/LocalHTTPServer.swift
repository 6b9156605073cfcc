import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP server on 127.0.0.1 for the link checker's tests: `/ok` answers 200,
/// `/missing` 404, `/moved` 301 to `/ok`, and `/silent` accepts the connection and never
/// answers. One thread, one connection at a time; `stop()` closes everything.
final class LocalHTTPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var held: [Int32] = []
    private var stopped = false

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw CocoaError(.fileWriteUnknown)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func stop() {
        lock.lock()
        stopped = true
        let toClose = held
        held = []
        lock.unlock()
        // Only the accept thread closes the listener: closing it here freed its number while
        // that thread could still call accept() on it, and a parallel test's socket given the
        // same number then had its connections taken and dropped by this server.
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in toClose { close(fd) }
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                close(listener)
                return
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(client, &buffer, buffer.count, 0)
            let request = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
            let path = request.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
            let reply: String?
            switch path {
            case "/ok": reply = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
            case "/moved": reply = "HTTP/1.1 301 Moved Permanently\r\nLocation: /ok\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            case "/silent": reply = nil
            default: reply = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            }
            if let reply {
                _ = reply.withCString { send(client, $0, strlen($0), 0) }
                close(client)
            } else {
                lock.lock()
                if stopped { close(client) } else { held.append(client) }
                lock.unlock()
            }
        }
    }
}
