"""Search in the browser: the search page, ?q=, diacritics, result links, and the
header search form."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from .helpers import http_get


def search_checks(site, browser, check, label, By, Keys, WebDriverWait) -> int:
    driver = browser.d
    done = 0
    fields = driver.find_elements(By.CSS_SELECTOR, "#search-input")
    if not fields:
        check.fail(f"{label}: no #search-input on the search page")
        return 0
    field = fields[0]
    if field.get_attribute("type") != "search":
        check.fail(f"{label}: #search-input is type={field.get_attribute('type')}, not search")
    field.clear()
    field.send_keys("Mali")
    results = "#search-results li"
    try:
        WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, results))
    except Exception:
        field = driver.find_element(By.CSS_SELECTOR, "#search-input")
        field.send_keys(Keys.ENTER)
        try:
            WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, results))
            check.note(f"{label}: results for 'Mali' appear only after Enter")
        except Exception:
            check.fail(f"{label}: typing 'Mali' into #search-input gave no '#search-results li'")
            return 1
    done += 1
    verify_result_links(site, driver, check, label, By)
    # ?q= in the URL
    search_page = "search/index.html" if site.portable else "search/"
    browser.load(site.site_url + search_page + "?q=Mali", label + " ?q=Mali")
    try:
        WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, results))
        value = driver.find_element(By.CSS_SELECTOR, "#search-input").get_attribute("value")
        if value != "Mali":
            check.note(f"{label}: with ?q=Mali the search field shows {value!r}")
    except Exception:
        check.fail(f"{label}: search/?q=Mali shows no '#search-results li'")
    done += 1
    verify_result_links(site, driver, check, label + " ?q=Mali", By)
    # Without the diacritic: "Goita" must find Assimi Goïta's page, and rank it first.
    browser.load(site.site_url + search_page + "?q=Goita", label + " ?q=Goita")
    try:
        WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, results))
        first = driver.find_element(By.CSS_SELECTOR, "#search-results li a").text
        if first != "Assimi Goïta":
            check.fail(f"{label}: the first result for 'Goita' is {first!r}, not 'Assimi Goïta'")
        marks = driver.execute_script("return [...document.querySelectorAll('#search-results mark')].map(m => m.textContent)")
        if "Goïta" not in marks:
            check.fail(f"{label}: 'Goita' results do not highlight 'Goïta' ({marks[:5]})")
        # Keyboard: ArrowDown from the field reaches the first result, then the second;
        # ArrowUp goes back; Escape returns to the field.
        field = driver.find_element(By.CSS_SELECTOR, "#search-input")
        field.click()
        field.send_keys(Keys.ARROW_DOWN)
        focused = lambda: driver.execute_script(
            "const a = document.activeElement; const all = [...document.querySelectorAll('#search-results a')];"
            "return a.id === 'search-input' ? 'input' : all.indexOf(a);")
        steps = [focused()]
        driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        steps.append(focused())
        driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
        steps.append(focused())
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        steps.append(focused())
        expected = [0, 1, 0, "input"] if len(driver.find_elements(By.CSS_SELECTOR, results)) > 1 else [0, 0, "input", "input"]
        if steps != expected:
            check.fail(f"{label}: arrow keys in the search results moved focus {steps}, expected {expected}")
    except Exception as error:
        check.fail(f"{label}: search/?q=Goita shows no '#search-results li' ({error})")
    done += 1
    return done


def verify_result_links(site, driver, check, label, By) -> None:
    hrefs = driver.execute_script(
        "return [...document.querySelectorAll('#search-results li a[href]')].slice(0, 10).map(a => a.href)")
    if not hrefs:
        check.fail(f"{label}: search results have no links")
    for href in hrefs:
        target = href.split("#")[0].split("?")[0]
        if target.startswith("file:"):
            path = Path(unquote(urlsplit(target).path))
            if not path.is_file():
                check.fail(f"{label}: search result link {href} is not a file on disk"
                           + (" (a folder: file:// does not open its index.html)" if path.is_dir() else ""))
            continue
        status = http_get(target)[0]
        if status != 200:
            check.fail(f"{label}: search result link {href} answers HTTP {status}")


def header_search(site, browser, check, label, By, Keys, WebDriverWait) -> None:
    driver = browser.d
    fields = driver.find_elements(By.CSS_SELECTOR, "body > header form input[type=search], "
                                                   "[role=banner] form input[type=search]")
    if not fields:
        check.fail(f"{label}: no search field in the page header")
        return
    if not fields[0].is_displayed():
        check.fail(f"{label}: the header search field is not visible")
        return
    fields[0].send_keys("Mali", Keys.ENTER)
    try:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    except Exception:
        check.fail(f"{label}: searching 'Mali' from the header search form leads to {driver.current_url} "
                   f"with no '#search-results li'")
        return
    if not driver.current_url.startswith(site.site_url):
        check.fail(f"{label}: the header search form leaves the site: {driver.current_url}")
