import Foundation

/// A map ready for a page: the SVG and what its caption says.
struct MapFigure {
    var svg: String
    /// Legend entries: a label and a small SVG swatch drawn with the map's classes.
    var legend: [(label: String, swatch: String)]
    /// The map in words, for readers who do not see it.
    var summary: String
    var credit: String
}

/// Maps drawn as SVG at build time from the content's GeoJSON, like the timeline and the
/// graph: no script, no tiles, the same input giving the same bytes. Colours come from
/// the stylesheet through classes, so they follow the colour scheme and print.
enum MapDrawing {
    enum Style {
        /// The region with the dossier's states coloured by status and labelled.
        case regional
        /// A small map showing where one state is.
        case locator

        var width: Double { self == .regional ? 520 : 300 }
        /// Outline points closer than this (SVG units) to the simplified line are dropped.
        var tolerance: Double { self == .regional ? 0.7 : 1.1 }
        var stateLabelSize: Double { self == .regional ? 15 : 14 }
        var id: String { self == .regional ? "map-regional" : "map-locator" }
    }

    struct Shape {
        var feature: GeoFeature
        var rings: [[MapPoint]]
        /// The centre of the largest ring, where the name goes.
        var centre: MapPoint
        var largestWidth: Double
    }

    /// The regional map with `entities` (those with a shape) highlighted; nil when there
    /// is no geographic data or none of them has a shape.
    static func regional(
        highlighting entities: [Entity], site: LinkedSite, title: String, url: (String) -> String, words: InterfaceWords = .english
    ) -> MapFigure? {
        draw(.regional, highlighted: entities, site: site, title: title, url: url, words: words)
    }

    /// Where `entity` lies, if it has a shape.
    static func locator(for entity: Entity, site: LinkedSite, url: (String) -> String, words: InterfaceWords = .english) -> MapFigure? {
        draw(
            .locator, highlighted: [entity], site: site,
            title: words.phrase("map_where", or: "Where {title} is", ["title": entity.header.title.value]),
            url: url, words: words)
    }

    private static func draw(
        _ style: Style, highlighted entities: [Entity], site: LinkedSite, title: String, url: (String) -> String, words: InterfaceWords
    ) -> MapFigure? {
        let geo = site.catalog.geo
        let states = entities.compactMap { entity -> (Entity, GeoFeature)? in
            guard let id = entity.geo?.value, let feature = geo.feature(id), !feature.polygons.isEmpty else { return nil }
            return (entity, feature)
        }
        guard !states.isEmpty else { return nil }
        let outlines = geo.features.filter { !$0.polygons.isEmpty }.sorted { $0.id < $1.id }
        let frame = MapFrame(fitting: region(style, states: states.map(\.1), outlines: outlines), width: style.width, margin: 4)
        let shapes = outlines.map { shape($0, frame: frame, tolerance: style.tolerance) }

        let treaty = TreatyStatus.treaty(for: states.map(\.0.header.path), in: site)
        let asOf = site.catalog.site.asOf?.lastDay
        var statusByFeature: [String: TreatyStatus] = [:]
        var entityByFeature: [String: Entity] = [:]
        for (entity, feature) in states {
            entityByFeature[feature.id] = entity
            if let treaty, let status = TreatyStatus.of(entity.header.path, treaty: treaty.header.path, in: site, asOf: asOf) {
                statusByFeature[feature.id] = status
            }
        }
        let capitals = geo.features.filter { $0.point != nil && $0.capitalOf.map { entityByFeature[$0] != nil } == true }.sorted {
            $0.id < $1.id
        }
        let places: [(Entity, GeoPoint)] =
            style == .regional
            ? site.catalog.entities.compactMap { entity in
                let point = entity.location?.value ?? entity.geo.flatMap { geo.feature($0.value)?.point }
                guard let point else { return nil }
                let p = frame.point(point)
                return (0...frame.width).contains(p.x) && (0...frame.height).contains(p.y) ? (entity, point) : nil
            }.sorted { $0.0.header.path < $1.0.header.path }
            : []

        let prefix = style.id
        var svg =
            "<svg class=\"map \(prefix)\" viewBox=\"0 0 \(fmt(frame.width)) \(fmt(frame.height))\" aria-labelledby=\"\(prefix)-title\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(prefix)-title\">\(HTML.escape(title))</title>"
        svg += patterns(prefix)
        svg += "<rect class=\"map-sea\" width=\"\(fmt(frame.width))\" height=\"\(fmt(frame.height))\"/>"
        svg += "<g class=\"map-countries\">"
        for shape in shapes where entityByFeature[shape.feature.id] == nil {
            svg += "<path class=\"map-country\" d=\"\(path(shape.rings))\"><title>\(HTML.escape(shape.feature.name))</title></path>"
        }
        svg += "</g><g class=\"map-states\">"
        for shape in shapes {
            guard let entity = entityByFeature[shape.feature.id] else { continue }
            let status = statusByFeature[shape.feature.id]
            let statusClass = status.map { " status-\($0.rawValue)" } ?? ""
            let d = path(shape.rings)
            let tooltip = entity.header.title.value + (status.map { ": \($0.label(words).lowercased())" } ?? "")
            svg +=
                "<a href=\"\(HTML.escape(url(entity.header.path)))\"><path class=\"map-state\(statusClass)\" d=\"\(d)\"><title>\(HTML.escape(tooltip))</title></path>"
            if let status, status != .member {
                svg += "<path class=\"map-hatch\" fill=\"url(#\(prefix)-hatch-\(status.rawValue))\" d=\"\(d)\"/>"
            }
            svg += "</a>"
        }
        svg += "</g>"

        var labels = MapLabels(width: frame.width, height: frame.height)
        let scale = scaleBar(frame, style: style)
        labels.block(scale.box)
        let credit = geo.credit
        let creditSize = 9.0
        let creditWidth = MapLabels.textWidth(credit, size: creditSize)
        let creditBox = MapLabels.Box(
            x: frame.width - creditWidth - 6, y: frame.height - creditSize - 6, width: creditWidth + 4, height: creditSize + 4)
        if !credit.isEmpty { labels.block(creditBox) }

        svg += "<g class=\"map-capitals\">"
        let capitalSize = style == .regional ? 12.0 : 11.0
        let capitalWord = words.word("map_capital", or: "Capital").lowercased()
        for capital in capitals {
            let p = frame.point(capital.point!)
            svg +=
                "<circle class=\"map-capital\" cx=\"\(fmt(p.x))\" cy=\"\(fmt(p.y))\" r=\"3.5\"><title>\(HTML.escape(capital.name)), \(HTML.escape(capitalWord))</title></circle>"
            labels.block(MapLabels.Box(x: p.x - 4.5, y: p.y - 4.5, width: 9, height: 9))
        }
        for (entity, point) in places {
            let p = frame.point(point)
            svg +=
                "<a href=\"\(HTML.escape(url(entity.header.path)))\"><rect class=\"map-place\" x=\"\(fmt(p.x - 3.5))\" y=\"\(fmt(p.y - 3.5))\" width=\"7\" height=\"7\" transform=\"rotate(45 \(fmt(p.x)) \(fmt(p.y)))\"><title>\(HTML.escape(entity.header.title.value))</title></rect></a>"
            labels.block(MapLabels.Box(x: p.x - 5.5, y: p.y - 5.5, width: 11, height: 11))
        }
        svg += "</g>"

        // Names of the highlighted states first, then capitals and places, then the
        // neighbours where room is left.
        for shape in shapes where entityByFeature[shape.feature.id] != nil {
            let name = entityByFeature[shape.feature.id]!.header.title.value
            labels.place(
                name, size: style.stateLabelSize, cssClass: "map-label-state",
                candidates: MapLabels.near(shape.centre, size: style.stateLabelSize),
                required: true, within: { MapLabels.contains(shape.rings, $0) })
        }
        for capital in capitals {
            let p = frame.point(capital.point!)
            let width = MapLabels.textWidth(capital.name, size: capitalSize)
            labels.place(
                capital.name, size: capitalSize, cssClass: "map-label-capital",
                candidates: MapLabels.around(p, textWidth: width, size: capitalSize, gap: 6), required: true)
        }
        for (entity, point) in places {
            let p = frame.point(point)
            let name = entity.header.title.value
            let width = MapLabels.textWidth(name, size: capitalSize)
            labels.place(
                name, size: capitalSize, cssClass: "map-label-place",
                candidates: MapLabels.around(p, textWidth: width, size: capitalSize, gap: 7), required: false)
        }
        if style == .regional {
            let neighbourSize = 10.0
            for shape in shapes.sorted(by: { $0.largestWidth > $1.largestWidth }) where entityByFeature[shape.feature.id] == nil {
                let name = shape.feature.name
                guard MapLabels.textWidth(name, size: neighbourSize) < shape.largestWidth * 0.8 else { continue }
                labels.place(
                    name, size: neighbourSize, cssClass: "map-label-country", candidates: MapLabels.near(shape.centre, size: neighbourSize),
                    required: false)
            }
        }
        svg += "<g class=\"map-labels\" aria-hidden=\"true\">"
        for label in labels.placed {
            svg +=
                "<text class=\"\(label.cssClass)\" x=\"\(fmt(label.x))\" y=\"\(fmt(label.y))\" text-anchor=\"middle\">\(HTML.escape(label.text))</text>"
        }
        svg += "</g>" + scale.svg
        if !credit.isEmpty {
            svg +=
                "<text class=\"map-credit\" x=\"\(fmt(frame.width - 6))\" y=\"\(fmt(frame.height - 6))\" text-anchor=\"end\">\(HTML.escape(credit))</text>"
        }
        svg += "</svg>"

        return MapFigure(
            svg: svg,
            legend: legend(style, statuses: Set(statusByFeature.values), hasCapitals: !capitals.isEmpty, prefix: prefix, words: words),
            summary: summary(
                style, states: states.map(\.0), statusByFeature: statusByFeature, entityByFeature: entityByFeature, capitals: capitals,
                treaty: treaty,
                words: words),
            credit: geo.attributions.joined(separator: " "))
    }

    /// What a map shows: its states and a margin around them, so they are large enough
    /// to read on a phone; a locator map's margin is wider (a small state is seen among
    /// its neighbours), and neither goes past the data.
    static func region(_ style: Style, states: [GeoFeature], outlines: [GeoFeature]) -> [GeoPoint] {
        let all = outlines.flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }
        guard let box = GeoBox(states.flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }), let data = GeoBox(all) else { return all }
        let span = max(box.east - box.west, box.north - box.south)
        let margin = style == .regional ? 0.12 * span : max(7, 0.6 * span)
        let west = max(data.west, box.west - margin)
        let east = min(data.east, box.east + margin)
        let south = max(data.south, box.south - margin)
        let north = min(data.north, box.north + margin)
        let middle = (west + east) / 2
        return [
            GeoPoint(lat: south, lon: west), GeoPoint(lat: south, lon: middle), GeoPoint(lat: south, lon: east),
            GeoPoint(lat: north, lon: west), GeoPoint(lat: north, lon: middle), GeoPoint(lat: north, lon: east),
        ]
    }

    static func shape(_ feature: GeoFeature, frame: MapFrame, tolerance: Double) -> Shape {
        var rings: [[MapPoint]] = []
        var best = (area: -1.0, centre: MapPoint(x: 0, y: 0), width: 0.0)
        for polygon in feature.polygons {
            for (index, ring) in polygon.enumerated() {
                let simplified = Simplification.ring(ring.map(frame.point), tolerance: tolerance)
                let (area, centre) = Simplification.areaAndCentroid(simplified)
                // Slivers left by clipping the region, smaller than a pixel, are not drawn.
                guard abs(area) >= 0.5 || (feature.polygons.count == 1 && area != 0) else { continue }
                rings.append(simplified)
                if index == 0, abs(area) > best.area {
                    let xs = simplified.map(\.x)
                    best = (abs(area), centre, (xs.max() ?? 0) - (xs.min() ?? 0))
                }
            }
        }
        return Shape(feature: feature, rings: rings, centre: best.centre, largestWidth: best.width)
    }

    /// `M x y L … Z` per ring, one decimal: small, and the same every build.
    static func path(_ rings: [[MapPoint]]) -> String {
        rings.map { ring in
            let points = ring.dropLast()  // Z closes it
            return "M" + points.map { "\(fmt($0.x)) \(fmt($0.y))" }.joined(separator: "L") + "Z"
        }.joined()
    }

    private static func patterns(_ prefix: String) -> String {
        // Hatching shows status without colour: lines one way for an announcement, both
        // ways for a notice, dense for a withdrawal in effect.
        func pattern(_ status: TreatyStatus, spacing: Int, cross: Bool) -> String {
            var lines = "<line class=\"map-hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"\(spacing)\"/>"
            if cross { lines += "<line class=\"map-hatch-line\" x1=\"0\" y1=\"0\" x2=\"\(spacing)\" y2=\"0\"/>" }
            return
                "<pattern id=\"\(prefix)-hatch-\(status.rawValue)\" patternUnits=\"userSpaceOnUse\" width=\"\(spacing)\" height=\"\(spacing)\" patternTransform=\"rotate(45)\">\(lines)</pattern>"
        }
        return "<defs>" + pattern(.announced, spacing: 6, cross: false) + pattern(.notified, spacing: 6, cross: true)
            + pattern(.withdrawn, spacing: 4, cross: true) + "</defs>"
    }

    /// A bar of a round number of kilometres, about a fifth of the map's width, measured
    /// at the map's middle latitude (an equal-area map's scale varies a little across it).
    private static func scaleBar(_ frame: MapFrame, style: Style) -> (svg: String, box: MapLabels.Box) {
        let centreLat = (frame.latitudeRange.lowerBound + frame.latitudeRange.upperBound) / 2
        let kmPerUnit = frame.kilometresPerUnit(at: GeoPoint(lat: centreLat, lon: frame.centreLongitude))
        let target = frame.width * 0.2 * kmPerUnit
        let nice = [50.0, 100, 200, 250, 500, 1000, 2000].min { abs($0 - target) < abs($1 - target) }!
        let length = nice / kmPerUnit
        let x = 10.0
        let y = frame.height - 12
        let size = 10.0
        var svg = "<g class=\"map-scale\">"
        svg += "<path d=\"M\(fmt(x)) \(fmt(y - 4))V\(fmt(y))H\(fmt(x + length))V\(fmt(y - 4))\"/>"
        svg += "<text x=\"\(fmt(x + length / 2))\" y=\"\(fmt(y - 6))\" text-anchor=\"middle\">\(Int(nice)) km</text></g>"
        return (svg, MapLabels.Box(x: x - 2, y: y - 6 - size, width: length + 4, height: size + 10))
    }

    private static func legend(
        _ style: Style, statuses: Set<TreatyStatus>, hasCapitals: Bool, prefix: String, words: InterfaceWords
    ) -> [(label: String, swatch: String)] {
        func swatch(_ inner: String) -> String {
            "<svg class=\"map-swatch\" viewBox=\"0 0 24 16\" width=\"24\" height=\"16\" aria-hidden=\"true\">\(inner)</svg>"
        }
        var entries: [(label: String, swatch: String)] = []
        for status in statuses.sorted() {
            var inner = "<rect class=\"map-state status-\(status.rawValue)\" x=\"1\" y=\"1\" width=\"22\" height=\"14\"/>"
            if status != .member {
                inner +=
                    "<rect class=\"map-hatch\" fill=\"url(#\(prefix)-hatch-\(status.rawValue))\" x=\"1\" y=\"1\" width=\"22\" height=\"14\"/>"
            }
            entries.append((status.label(words), swatch(inner)))
        }
        if hasCapitals {
            entries.append(
                (words.word("map_capital", or: "Capital"), swatch("<circle class=\"map-capital\" cx=\"12\" cy=\"8\" r=\"3.5\"/>")))
        }
        entries.append(
            (
                words.word("map_other_states", or: "Other states"),
                swatch("<rect class=\"map-country\" x=\"1\" y=\"1\" width=\"22\" height=\"14\"/>")
            ))
        return entries
    }

    private static func summary(
        _ style: Style, states: [Entity], statusByFeature: [String: TreatyStatus], entityByFeature: [String: Entity],
        capitals: [GeoFeature],
        treaty: Entity?, words: InterfaceWords
    ) -> String {
        let list = words.list
        var sentences: [String] = []
        if style == .locator, let state = states.first {
            sentences.append(
                words.phrase(
                    "map_shown_one", or: "{name} is shown in colour among its neighbours in grey.", ["name": state.header.title.value]))
        } else {
            sentences.append(
                words.phrase(
                    "map_shown_many", or: "{names} are shown in colour among their neighbours in grey.",
                    ["names": list(states.map(\.header.title.value))]))
        }
        if let treaty {
            var byStatus: [TreatyStatus: [String]] = [:]
            for (feature, status) in statusByFeature { byStatus[status, default: []].append(entityByFeature[feature]!.header.title.value) }
            for status in byStatus.keys.sorted() {
                sentences.append(
                    words.phrase(
                        "map_status_sentence", or: "{treaty}: {status} for {names}.",
                        [
                            "treaty": treaty.header.title.value, "status": status.label(words).lowercased(),
                            "names": list(byStatus[status]!.sorted()),
                        ]))
            }
        }
        if !capitals.isEmpty {
            sentences.append(words.phrase("map_capitals", or: "Capitals marked: {names}.", ["names": list(capitals.map(\.name))]))
        }
        return sentences.joined(separator: " ")
    }
}
