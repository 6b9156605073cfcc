"""The Hugo form: OUT/hugo/ with config.yaml, layouts, static/ and content/."""

import os

from .vocab import KIND_FOLDERS, KIND_TITLES, q
from .writer import Writer, write_file, yaml_value


def hugo_front_matter(w, page, numbers):
    fm = page.fm
    lines = ["---", f"title: {q(page.title)}"]
    if "summary" in fm:
        lines.append(f"summary: {q(fm['summary'])}")
    if page.section == "briefing":
        lines += [f"date: {fm['date']}", f"weight: {fm['order']}", f"tags: {yaml_value(fm['tags'])}", "key_points:"]
        lines += [f"  - {q(w.render(page, kp, numbers))}" for kp in fm["key_points"]]
    elif page.section == "entity":
        lines.append(f"entity_kind: {page.kind}")
        if page.aliases:
            lines.append(f"also: {yaml_value(page.aliases)}")
        lines.append("facts:")
        for fact in fm["facts"]:
            lines.append(f"  - {{label: {q(fact['label'])}, value: {q(w.render(page, fact['value'], numbers))}}}")
        if fm.get("relations"):
            by_title = {e.title: e for e in w.corpus.entities}
            lines.append("relations:")
            for rel in fm["relations"]:
                target = by_title[rel["target"]]
                link = f"[{target.title}]({w.rel_url(page, target)})"
                lines.append(f"  - {{type: {rel['type']}, target: {q(link)}" + (f", from: {q(rel['from'])}" if "from" in rel else "") + "}")
    elif page.section == "event":
        first = fm["date"].lstrip("~").split("/")[0]
        first = first + "-01" * (3 - len(first.split("-")))
        lines += [f"date: {first}", f"when: {q(fm['date'])}", f"status: {fm['status']}", f"event_kind: {fm['kind']}"]
        lines.append(f"entities: {yaml_value(fm['entities'])}")
    elif page.section == "source":
        lines += [f"publisher: {q(fm['publisher'])}", f"source_kind: {fm['kind']}", f"external_url: {q(fm['url'])}"]
        if "date" in fm:
            lines.append(f"when: {q(fm['date'])}")
    if page.cites:
        lines.append(f"cites: {yaml_value(page.cites)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


HUGO_CONFIG = """baseURL: "https://example.org/dossier/"
title: "Synthetic dossier"
languageCode: en
disableKinds: [RSS, sitemap, robotsTXT]
taxonomies:
  tag: tags
timeout: "600s"
params:
  description: "A generated dossier for benchmarking."
  as_of: "2026-11-29"
menu:
  main:
    - {name: Briefings, url: /briefings/, weight: 1}
    - {name: Entities, url: /entities/, weight: 2}
    - {name: Events, url: /events/, weight: 3}
    - {name: Sources, url: /sources/, weight: 4}
    - {name: Tags, url: /tags/, weight: 5}
markup:
  goldmark:
    renderer:
      unsafe: false
    extensions:
      typographer: true
      footnote: true
      table: true
      strikethrough: true
      linkify: true
      taskList: true
  tableOfContents:
    startLevel: 2
    endLevel: 3
"""

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <a class="site-title" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
  <nav aria-label="Main">
    <ul>{{ $current := . }}{{ range site.Menus.main }}<li><a href="{{ .URL | relURL }}"{{ if $current.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>{{ end }}</ul>
  </nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <p>{{ site.Title }} · current to {{ site.Params.as_of }} · <a href="{{ "sources/" | relURL }}">Sources</a></p>
</footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}
<article class="{{ .Section }}">
  <header class="page-header">
    <p class="eyebrow"><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></p>
    <h1>{{ .Title }}</h1>
    {{ with .Params.summary }}<p class="lede">{{ . }}</p>{{ end }}
    <p class="meta">{{ with .Params.when }}<time>{{ . }}</time>{{ else }}{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ end }}{{ end }}{{ with .Params.status }} · {{ . }}{{ end }}{{ with .Params.publisher }} · {{ . }}{{ end }}</p>
    {{ with .Params.also }}<p class="aliases">Also: {{ range . }}<span>{{ . }}</span> {{ end }}</p>{{ end }}
  </header>
  {{ with .Params.key_points }}
  <aside class="key-points" aria-labelledby="key-points-heading">
    <h2 id="key-points-heading">Key points</h2>
    <ul>{{ range . }}<li>{{ . | markdownify }}</li>{{ end }}</ul>
  </aside>
  {{ end }}
  {{ with .Params.facts }}
  <table class="facts">
    <caption>Facts</caption>
    <tbody>{{ range . }}<tr><th scope="row">{{ .label }}</th><td>{{ .value | markdownify }}</td></tr>{{ end }}</tbody>
  </table>
  {{ end }}
  {{ if eq .Section "briefings" }}<nav class="toc" aria-label="Contents"><h2>Contents</h2>{{ .TableOfContents }}</nav>{{ end }}
  <div class="prose">
  {{ .Content }}
  </div>
  {{ with .Params.relations }}
  <section class="relations"><h2>Relations</h2>
    <ul>{{ range . }}<li><strong>{{ $.Title }}</strong> — {{ .type }} — {{ .target | markdownify }}{{ with .from }} <span class="dates">(from {{ . }})</span>{{ end }}</li>{{ end }}</ul>
  </section>
  {{ end }}
  {{ with .Params.tags }}<p class="tags">{{ range . }}<a href="{{ printf "tags/%s/" (. | urlize) | relURL }}">{{ . }}</a> {{ end }}</p>{{ end }}
  {{ with .Params.cites }}
  <section class="references" aria-labelledby="references-heading">
    <h2 id="references-heading">Sources cited</h2>
    <ol>{{ range . }}{{ with site.GetPage (printf "/sources/%s" .) }}
      <li><a href="{{ .RelPermalink }}">{{ .Title }}</a>, {{ .Params.publisher }}{{ with .Params.when }}, {{ . }}{{ end }} <span class="source-kind">({{ .Params.source_kind }})</span>{{ with .Params.external_url }} · <a class="external" href="{{ . }}" rel="noopener">original</a>{{ end }}</li>{{ end }}{{ end }}
    </ol>
  </section>
  {{ end }}
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}
<article class="list-page">
  <h1>{{ .Title }}</h1>
  {{ with .Params.summary }}<p class="lede">{{ . }}</p>{{ end }}
  {{ with .Content }}<div class="prose">{{ . }}</div>{{ end }}
  <ul class="cards-list">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ul>
</article>
{{ end }}
"""


def write_hugo(corpus, root, css):
    w = Writer(corpus, "hugo")
    write_file(os.path.join(root, "config.yaml"), HUGO_CONFIG)
    write_file(os.path.join(root, "layouts/_default/baseof.html"), HUGO_BASEOF)
    write_file(os.path.join(root, "layouts/_default/single.html"), HUGO_SINGLE)
    write_file(os.path.join(root, "layouts/_default/list.html"), HUGO_LIST)
    write_file(os.path.join(root, "static/assets/style.css"), css)
    content = os.path.join(root, "content")
    sections = {"briefings": "Briefings", "entities": "Entities", "events": "Events", "sources": "Sources"}
    sections.update({f"entities/{folder}": KIND_TITLES[k] for k, folder in KIND_FOLDERS.items()})
    for folder, title in sections.items():
        write_file(os.path.join(content, folder, "_index.md"), f"---\ntitle: {q(title)}\n---\n")
    bodies = {}
    total = 0
    for page in [corpus.home] + corpus.briefings + corpus.entities + corpus.events + corpus.sources:
        numbers = {}
        fm = hugo_front_matter(w, page, numbers)
        body = w.render(page, page.body, numbers)
        bodies[page] = body
        path = "_index.md" if page.section == "home" else page.rel_file
        text = fm + body
        total += len(text.encode())
        write_file(os.path.join(content, path), text)
    return total, bodies
