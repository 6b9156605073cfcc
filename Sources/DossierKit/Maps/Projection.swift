import Foundation

/// A point on a map, in SVG units (x to the right, y down).
struct MapPoint: Equatable, Hashable {
    var x: Double
    var y: Double
}

/// Albers equal-area conic projection on a sphere: areas keep their proportions, which a
/// map comparing states by size needs, and over a region the size of West Africa shapes
/// stay close to what a reader knows. Standard parallels at a sixth of the region's
/// height from its top and bottom (the usual rule of thumb).
struct AlbersProjection {
    static let earthRadiusKm = 6371.0
    let n: Double
    let c: Double
    let rho0: Double
    let lambda0: Double

    init(parallels: (Double, Double), origin: GeoPoint) {
        let phi1 = parallels.0 * .pi / 180
        let phi2 = parallels.1 * .pi / 180
        var n = (sin(phi1) + sin(phi2)) / 2
        // Parallels symmetric about the equator give n = 0: the cone is a cylinder.
        if abs(n) < 1e-6 { n = 1e-6 }
        self.n = n
        c = cos(phi1) * cos(phi1) + 2 * n * sin(phi1)
        rho0 = sqrt(max(0, c - 2 * n * sin(origin.lat * .pi / 180))) / n
        lambda0 = origin.lon * .pi / 180
    }

    /// For a box of longitudes and latitudes.
    init(fitting box: GeoBox) {
        let height = box.north - box.south
        self.init(
            parallels: (box.south + height / 6, box.north - height / 6),
            origin: GeoPoint(lat: (box.south + box.north) / 2, lon: (box.west + box.east) / 2))
    }

    /// In Earth radii, y to the north.
    func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        let rho = sqrt(max(0, c - 2 * n * sin(point.lat * .pi / 180))) / n
        let theta = n * (point.lon * .pi / 180 - lambda0)
        return (rho * sin(theta), rho0 - rho * cos(theta))
    }
}

/// Longitudes and latitudes around a set of points.
struct GeoBox: Equatable {
    var west: Double
    var south: Double
    var east: Double
    var north: Double

    init(west: Double, south: Double, east: Double, north: Double) {
        (self.west, self.south, self.east, self.north) = (west, south, east, north)
    }

    init?(_ points: some Sequence<GeoPoint>) {
        var box: GeoBox?
        for point in points {
            guard var current = box else {
                box = GeoBox(west: point.lon, south: point.lat, east: point.lon, north: point.lat)
                continue
            }
            current.west = min(current.west, point.lon)
            current.east = max(current.east, point.lon)
            current.south = min(current.south, point.lat)
            current.north = max(current.north, point.lat)
            box = current
        }
        guard let box else { return nil }
        self = box
    }
}

/// A projection scaled and moved to fill a width, keeping a margin: what turns degrees
/// into SVG units for one map.
struct MapFrame {
    let projection: AlbersProjection
    let scale: Double
    let offsetX: Double
    let offsetY: Double
    let width: Double
    let height: Double
    let box: GeoBox

    /// Fits `points` (the region drawn) into `width` units, as tall as their shape needs.
    init(fitting points: [GeoPoint], width: Double, margin: Double) {
        let box = GeoBox(points) ?? GeoBox(west: -1, south: -1, east: 1, north: 1)
        self.box = box
        projection = AlbersProjection(fitting: box)
        let projected = points.map(projection.project)
        let minX = projected.map(\.x).min() ?? 0
        let maxX = projected.map(\.x).max() ?? 1
        let minY = projected.map(\.y).min() ?? 0
        let maxY = projected.map(\.y).max() ?? 1
        scale = (width - 2 * margin) / max(maxX - minX, 1e-9)
        offsetX = margin - minX * scale
        offsetY = margin + maxY * scale
        self.width = width
        height = ((maxY - minY) * scale + 2 * margin).rounded()
    }

    /// The latitudes and the middle longitude of the region fitted.
    var latitudeRange: ClosedRange<Double> { box.south...box.north }
    var centreLongitude: Double { (box.west + box.east) / 2 }

    func point(_ geo: GeoPoint) -> MapPoint {
        let (x, y) = projection.project(geo)
        return MapPoint(x: offsetX + x * scale, y: offsetY - y * scale)
    }

    /// Kilometres per SVG unit along the parallel through `point`, measured over a short
    /// step so the projection's scale there is what counts.
    func kilometresPerUnit(at point: GeoPoint) -> Double {
        let step = 0.5
        let a = self.point(GeoPoint(lat: point.lat, lon: point.lon - step / 2))
        let b = self.point(GeoPoint(lat: point.lat, lon: point.lon + step / 2))
        let units = hypot(b.x - a.x, b.y - a.y)
        let km = AlbersProjection.earthRadiusKm * cos(point.lat * .pi / 180) * step * .pi / 180
        return km / units
    }
}
