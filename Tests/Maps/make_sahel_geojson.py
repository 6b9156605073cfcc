#!/usr/bin/env python3
"""Makes Content/maps/sahel.geojson: Natural Earth 1:110m admin-0 country outlines
and 1:110m populated places, cut to the region the dossier covers.

Natural Earth ships inside the geopandas 0.14.x wheel on PyPI (geopandas/datasets/
naturalearth_lowres and naturalearth_cities, made by geopandas' naturalearth_creation.py
from ne_110m_admin_0_countries and ne_110m_populated_places). This script reads the
shapefiles with the standard library only, so it needs nothing installed:

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    Tests/Maps/make_sahel_geojson.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl > Content/maps/sahel.geojson

Polygons are clipped to the box below (Sutherland-Hodgman against each edge), and
coordinates rounded to 0.01 degree (about 1 km, below what 1:110m resolves). The Swift
build simplifies further for each map it draws.
"""
import io
import json
import struct
import sys
import zipfile

# lon_min, lat_min, lon_max, lat_max: the Sahel states and their neighbours.
BOX = (-18.0, 3.0, 25.0, 27.5)
# The three capitals the maps mark, and The Hague for the Court (a point outside the box).
PLACES = {"Bamako": "MLI", "Ouagadougou": "BFA", "Niamey": "NER", "The Hague": None}
PREFIX = "geopandas/datasets/"


def read_dbf(data, encoding):
    count, header_length, record_length = struct.unpack("<xxxxIHH", data[:12])
    fields, offset = [], 32
    while data[offset] != 0x0D:
        name = data[offset:offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    rows = []
    for index in range(count):
        start = header_length + index * record_length + 1  # after the deletion flag
        row = {}
        for name, length in fields:
            row[name] = data[start:start + length].decode(encoding).strip()
            start += length
        rows.append(row)
    return rows


def read_shp(data):
    shapes, offset = [], 100
    while offset < len(data):
        _, words = struct.unpack(">ii", data[offset:offset + 8])
        content = data[offset + 8:offset + 8 + words * 2]
        offset += 8 + words * 2
        kind = struct.unpack("<i", content[:4])[0]
        if kind == 1:
            shapes.append(("Point", struct.unpack("<dd", content[4:20])))
        elif kind == 5:
            parts_count, points_count = struct.unpack("<ii", content[36:44])
            parts = list(struct.unpack(f"<{parts_count}i", content[44:44 + 4 * parts_count])) + [points_count]
            base = 44 + 4 * parts_count
            points = [struct.unpack("<dd", content[base + 16 * i:base + 16 * i + 16]) for i in range(points_count)]
            shapes.append(("Polygon", [points[parts[i]:parts[i + 1]] for i in range(parts_count)]))
        else:
            shapes.append((None, None))
    return shapes


def clip(ring):
    """The ring cut to BOX, closed; fewer than 4 points when nothing is left."""
    def cut(points, inside, cross):
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
        return out

    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    lon0, lat0, lon1, lat1 = BOX
    points = ring[:-1] if ring[0] == ring[-1] else ring
    for inside, cross in [
        (lambda p: p[0] >= lon0, at_x(lon0)), (lambda p: p[0] <= lon1, at_x(lon1)),
        (lambda p: p[1] >= lat0, at_y(lat0)), (lambda p: p[1] <= lat1, at_y(lat1)),
    ]:
        if not points:
            break
        points = cut(points, inside, cross)
    rounded = []
    for x, y in points:
        point = [round(x, 2), round(y, 2)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) < 3:
        return []
    ring = rounded + [rounded[0]]
    area = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2
    # A country touching the box's edge leaves a line along it: no area, nothing to draw.
    return ring if abs(area) >= 0.01 else []


def main(wheel_path):
    wheel = zipfile.ZipFile(wheel_path)
    read = lambda name: wheel.read(PREFIX + name)
    encoding = lambda name: read(name).decode("ascii").strip()  # the .cpg file names it
    countries = zip(read_dbf(read("naturalearth_lowres/naturalearth_lowres.dbf"), encoding("naturalearth_lowres/naturalearth_lowres.cpg")),
                    read_shp(read("naturalearth_lowres/naturalearth_lowres.shp")))
    features = []
    for row, (kind, rings) in countries:
        if kind != "Polygon":
            continue
        polygons = [clipped for clipped in (clip(ring) for ring in rings) if clipped]
        if not polygons:
            continue
        # Natural Earth writes each part as its own ring, outer rings clockwise; holes
        # do not occur in this region at 1:110m, so each ring is a polygon of its own.
        features.append({
            "type": "Feature", "id": row["iso_a3"],
            "properties": {"name": row["name"], "iso_a3": row["iso_a3"]},
            "geometry": {"type": "MultiPolygon", "coordinates": [[ring] for ring in polygons]},
        })
    features.sort(key=lambda f: f["id"])
    places = zip(read_dbf(read("naturalearth_cities/naturalearth_cities.dbf"), encoding("naturalearth_cities/naturalearth_cities.cpg")),
                 read_shp(read("naturalearth_cities/naturalearth_cities.shp")))
    for row, (kind, point) in places:
        if kind == "Point" and row["name"] in PLACES:
            properties = {"name": row["name"], "kind": "capital" if PLACES[row["name"]] else "city"}
            if PLACES[row["name"]]:
                properties["capital_of"] = PLACES[row["name"]]
            features.append({
                "type": "Feature", "id": row["name"].lower().replace(" ", "-"), "properties": properties,
                "geometry": {"type": "Point", "coordinates": [round(point[0], 3), round(point[1], 3)]},
            })
    collection = {
        "type": "FeatureCollection",
        "attribution": "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.",
        "credit": "Natural Earth",
        "source": "Natural Earth 1:110m Cultural Vectors (admin 0 countries, populated places), version as shipped in "
                  "the geopandas 0.14.4 wheel; clipped to the box by Tests/Maps/make_sahel_geojson.py",
        "bbox": list(BOX),
        "features": features,
    }
    json.dump(collection, sys.stdout, separators=(",", ":"), ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
