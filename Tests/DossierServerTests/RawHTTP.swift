import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a socket, so tests can send paths exactly as written
/// (`/../x`, `%2e%2e`), which URL types would normalise, and read an event stream line
/// by line.
final class RawHTTP {
    struct Failure: Error, CustomStringConvertible { var description: String }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private var socketFD: Int32
    private var buffer = Data()

    /// The read timeout is generous: the other suites' builds share the two cores and the
    /// task pool, and under that load a page has taken over 5 s to be served. A test that
    /// expects no answer passes a short timeout of its own.
    init(port: Int, timeout: TimeInterval = 30) throws {
        socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "socket failed") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1_000_000))
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            // A class whose initializer throws once every property is set still runs
            // `deinit`: closing here as well closed the number twice, and by then it could
            // belong to a file another test had just opened (seen as EBADF in CI).
            close(socketFD)
            socketFD = -1
            throw Failure(description: "cannot connect to port \(port)")
        }
    }

    deinit { if socketFD >= 0 { close(socketFD) } }

    func send(_ method: String = "GET", _ path: String, headers: [String: String] = [:]) throws {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        guard write(socketFD, bytes, bytes.count) == bytes.count else { throw Failure(description: "write failed") }
    }

    /// Reads more bytes; false at the end of the stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = read(socketFD, &chunk, chunk.count)
        if count < 0 { throw Failure(description: errno == EAGAIN ? "timed out waiting for the server" : "read failed") }
        if count == 0 { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    func readLine() throws -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[buffer.startIndex..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self)
            }
            if try !fill() { return nil }
        }
    }

    func readHead() throws -> (status: Int, headers: [String: String]) {
        guard let statusLine = try readLine() else { throw Failure(description: "no response") }
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        while let line = try readLine(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    /// One whole response (by Content-Length or chunked encoding).
    func readReply(method: String = "GET") throws -> Reply {
        let (status, headers) = try readHead()
        var body = Data()
        if method == "HEAD" || status == 304 {
        } else if let length = headers["content-length"].flatMap(Int.init) {
            while buffer.count < length { if try !fill() { break } }
            body = buffer.prefix(length)
            buffer.removeFirst(min(length, buffer.count))
        } else if headers["transfer-encoding"]?.contains("chunked") == true {
            while let sizeLine = try readLine(), let size = Int(sizeLine, radix: 16) {
                if size == 0 {
                    _ = try readLine()
                    break
                }
                while buffer.count < size + 2 { if try !fill() { break } }
                body.append(buffer.prefix(size))
                buffer.removeFirst(min(size + 2, buffer.count))
            }
        }
        return Reply(status: status, headers: headers, body: body)
    }

    static func get(port: Int, _ path: String, method: String = "GET", headers: [String: String] = [:]) throws -> Reply {
        let client = try RawHTTP(port: port)
        try client.send(method, path, headers: headers)
        return try client.readReply(method: method)
    }

    /// Reads a chunked event stream until an event with this name arrives; returns its data.
    func nextEvent(named name: String) throws -> String {
        var current: String?
        while let line = try readLine() {
            if line.hasPrefix("event: ") { current = String(line.dropFirst(7)) }
            if line.hasPrefix("data: "), current == name { return String(line.dropFirst(6)) }
            if line.isEmpty { current = nil }
        }
        throw Failure(description: "the event stream ended before '\(name)'")
    }

    /// True once the server has closed the connection.
    func readUntilClosed() throws -> Bool {
        while try fill() { buffer.removeAll() }
        return true
    }
}
