"""The synthetic corpus behind generate.py, split by concern:

  vocab         word lists, shares and sizes; name folding, slugs, YAML quoting, dates
  model         Page and Corpus: names, pages, citations, relations, front matter
  text          the Markdown bodies (Corpus inherits it)
  writer        pieces to Markdown per form, YAML values, file writing
  dossier_form  OUT/dossier/Content/
  hugo_form     OUT/hugo/ (config, layouts, content)
  plain_form    OUT/plain/ (bodies only, for floor.c)
"""
