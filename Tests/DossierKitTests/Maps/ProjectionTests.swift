import Foundation
import Testing

@testable import DossierKit

/// Known places land where a reader expects them on the map.
@Suite("Map projection")
struct ProjectionTests {
    static let bamako = GeoPoint(lat: 12.65, lon: -8.0)
    static let ouagadougou = GeoPoint(lat: 12.37, lon: -1.53)
    static let niamey = GeoPoint(lat: 13.52, lon: 2.12)
    static let theHague = GeoPoint(lat: 52.08, lon: 4.27)

    /// A frame over West Africa and Europe, so The Hague is on it too.
    static let frame = MapFrame(
        fitting: [GeoPoint(lat: 3, lon: -18), GeoPoint(lat: 55, lon: -18), GeoPoint(lat: 3, lon: 25), GeoPoint(lat: 55, lon: 25)],
        width: 600, margin: 10)

    @Test func capitalsLieWestToEastAndTheHagueFarNorth() {
        let (b, o, n, h) = (
            Self.frame.point(Self.bamako), Self.frame.point(Self.ouagadougou), Self.frame.point(Self.niamey),
            Self.frame.point(Self.theHague)
        )
        #expect(b.x < o.x && o.x < n.x)
        // SVG y grows downward: north is smaller.
        #expect(h.y < b.y && h.y < o.y && h.y < n.y)
        #expect(n.y < o.y)  // Niamey lies north of Ouagadougou
        #expect(o.y < b.y || abs(o.y - b.y) < 15)  // near the same latitude
        // The Hague lies north of Niamey and a little east of it.
        #expect(h.x > n.x)
    }

    @Test func theFrameHoldsItsRegionWithinItsMargin() {
        for point in [Self.bamako, Self.ouagadougou, Self.niamey, Self.theHague] {
            let p = Self.frame.point(point)
            #expect((10...590).contains(p.x))
            #expect((10...(Self.frame.height - 10)).contains(p.y))
        }
    }

    /// Equal-area: a degree square near the equator and one at 50°N keep the ratio of
    /// their areas on the sphere, cos(latitude).
    @Test func areasKeepTheirProportions() {
        func area(_ lat: Double) -> Double {
            let ring = [
                GeoPoint(lat: lat, lon: 0), GeoPoint(lat: lat, lon: 1), GeoPoint(lat: lat + 1, lon: 1), GeoPoint(lat: lat + 1, lon: 0),
                GeoPoint(lat: lat, lon: 0),
            ]
            return abs(Simplification.areaAndCentroid(ring.map(Self.frame.point)).area)
        }
        let expected = (sin(51.0 * .pi / 180) - sin(50.0 * .pi / 180)) / (sin(11.0 * .pi / 180) - sin(10.0 * .pi / 180))
        #expect(abs(area(50) / area(10) - expected) < 0.001)
    }

    @Test func theScaleIsNearTheEarthsAtTheMiddle() {
        // Bamako to Niamey, about 1,120 km on the sphere.
        let a = Self.frame.point(Self.bamako)
        let b = Self.frame.point(Self.niamey)
        let units = hypot(b.x - a.x, b.y - a.y)
        let km = units * Self.frame.kilometresPerUnit(at: GeoPoint(lat: 13, lon: -3))
        #expect(abs(km - 1120) < 60)
    }
}
