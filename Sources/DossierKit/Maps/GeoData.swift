import Foundation

/// A point on the Earth, in degrees.
public struct GeoPoint: Sendable, Equatable, Hashable {
    public var lat: Double
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    var isInRange: Bool { (-90...90).contains(lat) && (-180...180).contains(lon) }
}

/// One feature of the content's GeoJSON: a country's outline or a named place.
public struct GeoFeature: Sendable {
    public var id: String
    public var name: String
    /// Polygons, each a list of closed rings (the first the outline, the others holes).
    public var polygons: [[[GeoPoint]]]
    public var point: GeoPoint?
    /// For a capital: the id of the feature of its country.
    public var capitalOf: String?
    public var location: SourceLocation
}

/// The geographic data of the content folder: every `.geojson` file's features, by id.
public struct GeoData: Sendable {
    public var features: [GeoFeature] = []
    /// Credit lines, one per file, as the files give them.
    public var attributions: [String] = []
    /// The short credit a map prints on itself (the files' `credit` members).
    public var credit = ""

    public init() {}

    public func feature(_ id: String) -> GeoFeature? { features.first { $0.id == id } }

    public var isEmpty: Bool { features.isEmpty }
}

/// Reads GeoJSON (RFC 7946) FeatureCollections: Polygon, MultiPolygon and Point
/// geometries, each feature with an `id` (or `properties.id`) and `properties.name`.
/// Coordinates are `[longitude, latitude]` as the RFC says.
enum GeoJSONReader {
    static func read(
        _ data: Data, file: String
    ) -> (features: [GeoFeature], attribution: String?, credit: String?, diagnostics: [Diagnostic]) {
        let text = String(decoding: data, as: UTF8.self)
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            return ([], nil, nil, [malformed(error, text: text, file: file)])
        }
        guard let collection = root as? [String: Any], collection["type"] as? String == "FeatureCollection",
            let items = collection["features"] as? [Any]
        else {
            return (
                [], nil, nil,
                [
                    .error(
                        "GeoJSON is not a FeatureCollection", at: SourceLocation(file: file),
                        hint: "write {\"type\": \"FeatureCollection\", \"features\": [...]}")
                ]
            )
        }
        var features: [GeoFeature] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            let object = item as? [String: Any] ?? [:]
            let properties = object["properties"] as? [String: Any] ?? [:]
            let id = (object["id"] as? String) ?? (properties["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue
            let location = locate(id.map { "\"\($0)\"" } ?? "\"Feature\"", occurrence: id == nil ? index : 0, in: text, file: file)
            guard let id, !id.isEmpty else {
                diagnostics.append(
                    .error("feature \(index + 1) has no id", at: location, hint: "give each feature an \"id\", e.g. an ISO 3166 code"))
                continue
            }
            guard seen.insert(id).inserted else {
                diagnostics.append(.error("feature id '\(id)' is used twice", at: location, hint: "ids name features: make them unique"))
                continue
            }
            let name = properties["name"] as? String ?? id
            let geometry = object["geometry"] as? [String: Any] ?? [:]
            var feature = GeoFeature(
                id: id, name: name, polygons: [], point: nil, capitalOf: properties["capital_of"] as? String, location: location)
            do throws(GeometryError) {
                switch geometry["type"] as? String {
                case "Polygon": feature.polygons = [try polygon(geometry["coordinates"])]
                case "MultiPolygon":
                    guard let list = geometry["coordinates"] as? [Any] else {
                        throw .shape("MultiPolygon coordinates must be a list of polygons")
                    }
                    feature.polygons = try list.map(polygon)
                case "Point": feature.point = try point(geometry["coordinates"])
                case let other:
                    throw .shape("geometry type \(other.map { "'\($0)'" } ?? "missing"): only Polygon, MultiPolygon and Point are drawn")
                }
                features.append(feature)
            } catch {
                diagnostics.append(.error("feature '\(id)': \(error.message)", at: location, hint: error.hint))
            }
        }
        return (features, collection["attribution"] as? String, collection["credit"] as? String, diagnostics)
    }

    enum GeometryError: Error {
        case shape(String)
        case outOfRange(Double, Double)

        var message: String {
            switch self {
            case .shape(let message): message
            case .outOfRange(let lon, let lat): "coordinate [\(lon), \(lat)] is out of range"
            }
        }

        var hint: String {
            switch self {
            case .shape: "see RFC 7946: a ring is a list of [longitude, latitude] pairs whose last equals its first"
            case .outOfRange: "GeoJSON puts longitude (-180…180) first, then latitude (-90…90)"
            }
        }
    }

    private static func point(_ value: Any?) throws(GeometryError) -> GeoPoint {
        guard let pair = value as? [Any], pair.count >= 2, let lon = (pair[0] as? NSNumber)?.doubleValue,
            let lat = (pair[1] as? NSNumber)?.doubleValue
        else { throw .shape("a position must be [longitude, latitude]") }
        let point = GeoPoint(lat: lat, lon: lon)
        guard point.isInRange, lon.isFinite, lat.isFinite else { throw .outOfRange(lon, lat) }
        return point
    }

    private static func polygon(_ value: Any?) throws(GeometryError) -> [[GeoPoint]] {
        guard let rings = value as? [Any], !rings.isEmpty else { throw .shape("a polygon must be a list of rings") }
        var result: [[GeoPoint]] = []
        for ring in rings {
            guard let positions = ring as? [Any] else { throw .shape("a ring must be a list of positions") }
            var points: [GeoPoint] = []
            for position in positions { points.append(try point(position)) }
            guard points.count >= 4, points.first == points.last else {
                throw .shape("a ring needs at least four positions, the last equal to the first")
            }
            result.append(points)
        }
        return result
    }

    /// Foundation says where JSON broke as "line L, column C" or as a character offset.
    private static func malformed(_ error: Error, text: String, file: String) -> Diagnostic {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        var location = SourceLocation(file: file)
        let numbers = description.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if description.contains("line"), numbers.count >= 2 {
            location = SourceLocation(file: file, line: numbers[0], column: numbers[1])
        } else if description.contains("character"), let offset = numbers.first {
            location = position(ofCharacter: offset, in: text, file: file)
        }
        return .error(
            "malformed GeoJSON: \(description)", at: location,
            hint: "check commas and brackets near here; `python3 -m json.tool FILE` shows the same place")
    }

    private static func locate(_ needle: String, occurrence: Int, in text: String, file: String) -> SourceLocation {
        var range = text.startIndex..<text.startIndex
        for _ in 0...occurrence {
            guard let found = text.range(of: needle, range: range.upperBound..<text.endIndex) else { return SourceLocation(file: file) }
            range = found
        }
        return position(ofCharacter: text.distance(from: text.startIndex, to: range.lowerBound), in: text, file: file)
    }

    private static func position(ofCharacter offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
