"""The site check behind site_check.py, split by concern:

  results         Check and Report: pass/fail, notes, counts, the summary and report.json
  builds          the three dossier builds (Site), serving them (Server), the base URL
  helpers         HTTP GET, BeautifulSoup parsing, ids, the URLs a page points at
  validate        the W3C Nu validator
  links           internal links and #fragments
  publish         feed.xml, sitemap.xml, robots.txt, favicon.svg
  a11y            the publishing contract's pages and static accessibility
  browser         headless Chromium through selenium; browser_js holds its page helpers
  search          the search page and the header search form, in the browser
  focus_contrast  keyboard focus styles and WCAG contrast
  runner          which checks run on which build
  selftest        injected faults that the check must catch
"""
