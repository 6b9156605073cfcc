import Foundation
import Testing

@testable import DossierKit

/// Outlines simplified for the web stay closed, valid polygons.
@Suite("Map outline simplification")
struct SimplificationTests {
    /// The dossier's own GeoJSON, as the build reads it.
    static func realData() throws -> [GeoFeature] {
        let url = TestPaths.packageRoot().appendingPathComponent("Content/maps/sahel.geojson")
        let read = GeoJSONReader.read(try Data(contentsOf: url), file: "Content/maps/sahel.geojson")
        #expect(read.diagnostics.isEmpty)
        return read.features
    }

    static func selfIntersects(_ ring: [MapPoint]) -> Bool {
        func crosses(_ a: MapPoint, _ b: MapPoint, _ c: MapPoint, _ d: MapPoint) -> Bool {
            func side(_ p: MapPoint, _ q: MapPoint, _ r: MapPoint) -> Double { (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) }
            return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0
        }
        let count = ring.count - 1
        for i in 0..<count {
            for j in stride(from: i + 2, to: count, by: 1) where !(i == 0 && j == count - 1) {
                if crosses(ring[i], ring[i + 1], ring[j], ring[j + 1]) { return true }
            }
        }
        return false
    }

    @Test(arguments: [0.7, 1.1, 3.0, 50.0])
    func everyStateStaysClosedAndValid(tolerance: Double) throws {
        let features = try Self.realData().filter { !$0.polygons.isEmpty }
        let frame = MapFrame(fitting: features.flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }, width: 520, margin: 4)
        for feature in features {
            let shape = MapDrawing.shape(feature, frame: frame, tolerance: tolerance)
            #expect(!shape.rings.isEmpty, "\(feature.id) lost its outline")
            for ring in shape.rings {
                #expect(ring.count >= 4, "\(feature.id): \(ring.count) points")
                #expect(ring.first == ring.last, "\(feature.id) is not closed")
                #expect(Set(ring.dropLast()).count == ring.count - 1, "\(feature.id) repeats a point")
                #expect(abs(Simplification.areaAndCentroid(ring).area) > 0, "\(feature.id) has no area")
            }
            if ["MLI", "BFA", "NER"].contains(feature.id), tolerance < 3 {
                #expect(!shape.rings.contains(where: Self.selfIntersects), "\(feature.id) crosses itself")
            }
        }
    }

    @Test func simplifyingKeepsTheShapeWithinTheTolerance() {
        // A circle of 200 points, radius 100.
        var circle = (0..<200).map { i in MapPoint(x: 100 * cos(Double(i) * .pi / 100), y: 100 * sin(Double(i) * .pi / 100)) }
        circle.append(circle[0])
        let simplified = Simplification.ring(circle, tolerance: 1)
        #expect(simplified.count < 40)
        #expect(simplified.first == simplified.last)
        for point in circle {
            let nearest = zip(simplified, simplified.dropFirst()).map { Simplification.segmentDistance(point, $0, $1) }.min()!
            #expect(nearest <= 1.0001)
        }
        // The same input, the same output.
        #expect(Simplification.ring(circle, tolerance: 1) == simplified)
    }

    @Test func aTinyRingStillHasThreeCorners() {
        let square = [
            MapPoint(x: 0, y: 0), MapPoint(x: 1, y: 0), MapPoint(x: 1, y: 1), MapPoint(x: 0.5, y: 1.01), MapPoint(x: 0, y: 1),
            MapPoint(x: 0, y: 0),
        ]
        let simplified = Simplification.ring(square, tolerance: 100)
        #expect(simplified.count == 4)
        #expect(simplified.first == simplified.last)
        #expect(abs(Simplification.areaAndCentroid(simplified).area) > 0)
    }
}
