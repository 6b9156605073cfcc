"""The plain form: OUT/plain/, the Hugo bodies alone in one flat folder for floor.c."""

import os

from .writer import write_file


def write_plain(corpus, root, bodies):
    os.makedirs(root, exist_ok=True)
    total = 0
    for page, body in bodies.items():
        name = "index" if page.section == "home" else page.rel_file[:-3].replace("/", "--")
        write_file(os.path.join(root, name + ".md"), body)
        total += len(body.encode())
    return total
