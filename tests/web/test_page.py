"""The web page in a real browser (Debian chromium driven by Playwright) over a live server.

Each test loads the page from the server the ``live_server`` fixture starts, acts as a reader
would (filter, sort, open an event, click the map and the network) and checks what the page
shows against what the API says. Screenshots land in ``tests/web/artifacts/`` for a person to
look at; every test fails on a console error or an uncaught exception in the page. The
default run keeps the four core journeys (a few seconds each); the further
interactions are marked slow (``pytest -m slow tests/web``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.web.conftest import LiveServer

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ROWS = "#events tbody tr[data-id]"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian chromium is not installed at /usr/bin/chromium")


class Watched:
    """A page plus every console error, page exception and failed request it produced."""

    def __init__(self, page: sync_api.Page) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("console", lambda m: m.type in ("error", "warning") and self.problems.append(
            f"console {m.type}: {m.text}"))
        page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def watched(browser: sync_api.Browser, live_server: LiveServer) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield Watched(page)
    context.close()


def api(server: LiveServer, path: str, **params: object) -> dict:
    response = httpx.get(server.url + path, params=params, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def load(watched: Watched, url: str = "/") -> sync_api.Page:
    """Open the page and wait until the table, map and network have data."""
    page = watched.page
    page.goto(url)
    page.wait_for_selector(ROWS)
    page.wait_for_function("window.tacitus.map.markerCount > 0 && window.tacitus.network.nodeCount > 0")
    return page


def country_cells(page: sync_api.Page) -> list[str]:
    return page.locator(f"{ROWS} td.country").all_inner_texts()


def test_page_loads_with_rows_timeline_map_and_network(watched: Watched, live_server: LiveServer) -> None:
    page = load(watched)
    events = api(live_server, "/api/events", limit=50)
    assert page.locator(ROWS).count() == len(events["events"]) > 0
    assert page.locator(ROWS).first.get_attribute("data-id") == events["events"][0]["id"]
    assert page.locator("#page-info").inner_text() == f"1–{len(events['events'])} of {events['total']}"
    series = api(live_server, "/api/timeline")["series"]
    bars = page.locator("#timeline svg g.bar")
    assert sum(map(int, bars.evaluate_all("gs => gs.map(g => g.dataset.events)"))) == sum(
        p["events"] for p in series) > 0
    points = api(live_server, "/api/map")["points"]
    assert page.evaluate("window.tacitus.map.markerCount") == len(points) > 0
    assert page.locator("#map path.leaflet-interactive, #map canvas").count() > 0
    graph = api(live_server, "/api/actors", limit=150)
    assert page.evaluate("window.tacitus.network.cy.nodes().length") == len(graph["nodes"]) > 0
    assert page.evaluate("window.tacitus.network.cy.edges().length") > 0
    watched.shot("overview")
    tallest = max(bars.all(), key=lambda bar: int(bar.get_attribute("data-events")))
    since, until, count = (tallest.get_attribute(f"data-{name}") for name in ("since", "until", "events"))
    tallest.click()
    page.wait_for_url(re.compile(rf"since={since}&until={until}"))
    total = api(live_server, "/api/events", since=since, until=until, limit=1)["total"]
    assert total == int(count)
    page.wait_for_function(f"document.querySelector('#page-info').textContent.endsWith(' of {total}')")
    assert page.get_by_label("From", exact=True).input_value() == since
    assert watched.problems == []


def test_country_filter_changes_rows_and_url_and_back_restores(watched: Watched,
                                                                live_server: LiveServer) -> None:
    page = load(watched)
    everything = api(live_server, "/api/events", limit=1)["total"]
    country = "IRQ"
    expected = api(live_server, "/api/events", country=country, limit=50)
    assert 0 < expected["total"] < everything
    page.get_by_label("Country", exact=True).fill(country.lower())
    page.get_by_label("Country", exact=True).press("Enter")
    page.wait_for_url(re.compile(rf"country={country}"))
    page.wait_for_function(f"document.querySelector('#page-info').textContent.endsWith('of {expected['total']}')")
    assert set(country_cells(page)) == {country}
    assert page.locator(ROWS).count() == len(expected["events"])
    assert page.evaluate("window.tacitus.map.markerCount") == len(
        api(live_server, "/api/map", country=country)["points"])
    watched.shot("filtered_country")
    page.go_back()
    page.wait_for_function(f"document.querySelector('#page-info').textContent.endsWith('of {everything}')")
    assert "country" not in watched.query()
    assert page.get_by_label("Country", exact=True).input_value() == ""
    page.go_forward()
    page.wait_for_url(re.compile(rf"country={country}"))
    assert page.get_by_label("Country", exact=True).input_value() == country
    assert watched.problems == []


@pytest.mark.slow
@pytest.mark.parametrize("header, sort, key, direction", [
    ("Killed", "-killed", "killed", "descending"),
    ("Conf.", "-confidence", "confidence", "descending"),
    ("Date", "date", "date", "ascending"),  # the default sort is -date: a click flips it
])
def test_header_click_sorts_on_the_server_and_pages(watched: Watched, live_server: LiveServer,
                                                    header: str, sort: str, key: str,
                                                    direction: str) -> None:
    page = load(watched)
    page.get_by_role("button", name=re.compile(rf"^{re.escape(header)}")).click()
    page.wait_for_url(re.compile(rf"sort={re.escape(sort)}"))
    expected = api(live_server, "/api/events", sort=sort, limit=50)
    page.wait_for_function(f"document.querySelector('{ROWS}').dataset.id === {json.dumps(expected['events'][0]['id'])}")
    assert page.locator(ROWS).evaluate_all("rows => rows.map(r => r.dataset.id)") == [
        e["id"] for e in expected["events"]]
    assert page.locator(f"th[data-key={key}]").get_attribute("aria-sort") == direction
    if expected["total"] > 50:
        page.get_by_role("button", name="Next page").click()
        page.wait_for_url(re.compile(r"offset=50"))
        second = api(live_server, "/api/events", sort=sort, limit=50, offset=50)
        page.wait_for_function(f"document.querySelector('{ROWS}').dataset.id === {json.dumps(second['events'][0]['id'])}")
    assert watched.problems == []


def _deepest_evidence(server: LiveServer, ids: list[str]) -> dict:
    """Of these events, the one whose evidence starts furthest into its article (to check
    the article view scrolls to it)."""
    details = [api(server, f"/api/events/{i}") for i in ids]
    return max((d for d in details if d["evidence_spans"]),
               key=lambda d: d["evidence_spans"][0]["start_char"])


def test_opening_an_event_marks_its_evidence_in_the_article(watched: Watched,
                                                             live_server: LiveServer) -> None:
    page = load(watched)
    ids = page.locator(ROWS).evaluate_all("rows => rows.map(r => r.dataset.id)")
    event = _deepest_evidence(live_server, ids[:10])
    page.locator(f"{ROWS}[data-id='{event['id']}']").click()
    page.wait_for_url(re.compile(rf"event={event['id']}"))
    mark = page.locator(f"#article mark.current[data-event='{event['id']}']").first
    mark.wait_for()
    sentence = " ".join(event["evidence_spans"][0]["text"].split())
    marked = [" ".join(t.split()) for t in
              page.locator(f"#article mark[data-event='{event['id']}']").all_inner_texts()]
    assert any(sentence in text for text in marked), (sentence, marked)
    box = page.locator(".article-text").bounding_box()
    mark_box = mark.bounding_box()
    assert box["y"] <= mark_box["y"] <= box["y"] + box["height"], "the evidence is not scrolled into view"
    assert page.locator(f"{ROWS}.selected").get_attribute("data-id") == event["id"]
    article = api(live_server, f"/api/articles/{event['article_id']}")
    marked_ids = set(page.locator("#article mark[data-event]").evaluate_all(
        "marks => marks.map(m => m.dataset.event)"))
    assert marked_ids == {e["id"] for e in article["events"] if e["evidence_spans"]}
    assert page.locator("#article .quote").count() >= (1 if article["quotes"] else 0)
    assert page.locator(".event-detail dd").first.inner_text().startswith(event["type"])
    provenance = page.locator(".provenance th").all_inner_texts()
    assert provenance == list(event["provenance"])
    watched.shot("article")
    # Clicking another event's evidence opens that event; click an innermost mark, as the
    # click goes to the deepest mark under the pointer.
    other = page.evaluate("""(current) => {
        const inner = [...document.querySelectorAll('#article mark[data-event]')]
          .find(m => !m.querySelector('mark') && m.dataset.event !== current);
        return inner ? inner.dataset.event : null; }""", event["id"])
    if other:
        page.locator(f"#article mark[data-event='{other}']:not(:has(mark))").first.click()
        page.wait_for_url(re.compile(rf"event={other}"))
        page.locator(f"#article mark.current[data-event='{other}']").first.wait_for()
        page.go_back()
        page.locator(f"#article mark.current[data-event='{event['id']}']").first.wait_for()
    assert watched.problems == []


@pytest.mark.slow
def test_map_marker_click_opens_its_event(watched: Watched, live_server: LiveServer) -> None:
    page = load(watched)
    point = api(live_server, "/api/map")["points"][0]
    page.locator("#map").scroll_into_view_if_needed()
    xy = page.evaluate(
        """([lat, lon]) => { const p = window.tacitus.map.map.latLngToContainerPoint([lat, lon]);
                             return [p.x, p.y]; }""", [point["lat"], point["lon"]])
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])
    page.wait_for_url(re.compile(r"event="))
    opened = watched.query()["event"][0]
    page.locator(f"#article mark.current[data-event='{opened}']").first.wait_for()
    watched.shot("map_click")
    assert watched.problems == []


@pytest.mark.slow
def test_network_node_click_filters_by_actor(watched: Watched, live_server: LiveServer) -> None:
    page = load(watched)
    page.locator("#network").scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")  # no later render moves the nodes under the click
    name, x, y = page.evaluate("""() => {
        const cy = window.tacitus.network.cy;
        const node = cy.nodes().max(n => n.data('size')).ele;
        cy.center(node);  // in view whatever the random layout did, above no other node's centre
        const p = node.renderedPosition();
        return [node.data('name'), p.x, p.y]; }""")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url(re.compile(r"actor="))
    assert watched.query()["actor"] == [name]
    total = api(live_server, "/api/events", actor=name, limit=1)["total"]
    page.wait_for_function(f"document.querySelector('#page-info').textContent.endsWith('of {total}')")
    assert page.get_by_label("Actor", exact=True).input_value() == name
    watched.shot("network_actor")
    assert watched.problems == []


HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>'


def test_text_from_the_api_is_never_markup(watched: Watched, live_server: LiveServer) -> None:
    """An article whose text, title and parties carry HTML shows it as text, inert."""
    page = watched.page
    event_id = "e" * 64

    def article(route: sync_api.Route) -> None:
        route.fulfill(json={
            "id": "a", "title": HOSTILE, "source": HOSTILE, "published": None, "url": "javascript:alert(1)",
            "text": f"Before. {HOSTILE} was attacked. After.",
            "events": [{"id": event_id, "type": "ASSAULT", "cameo": "190", "actor_name": HOSTILE,
                        "recipient_name": None, "date": None, "status": "occurred",
                        "evidence_spans": [{"start_char": 8, "end_char": 8 + len(HOSTILE) + 14,
                                            "text": f"{HOSTILE} was attacked."}]}],
            "quotes": []})

    def event(route: sync_api.Route) -> None:
        route.fulfill(json={"id": event_id, "article_id": "a", "type": "ASSAULT", "status": "occurred",
                            "actor_name": HOSTILE, "confidence": 0.5, "evidence_spans": [],
                            "provenance": {HOSTILE: HOSTILE}, "context": []})

    page.route("**/api/articles/a", article)
    page.route(f"**/api/events/{event_id}", event)
    load(watched, f"/?event={event_id}")
    mark = page.locator(f"#article mark[data-event='{event_id}']")
    mark.wait_for()
    assert mark.inner_text() == f"{HOSTILE} was attacked."
    assert page.locator("#article img, #article script, #article a[href^=javascript]").count() == 0
    assert page.evaluate("window.pwned") is None
    assert watched.problems == []


@pytest.mark.slow
def test_shared_urls_with_bad_values_recover(watched: Watched) -> None:
    """A URL paged past the end shows the first page; a bad filter shows the API's message
    until the reader fixes it."""
    page = watched.page
    page.goto("/?offset=999999")
    page.wait_for_selector(ROWS)
    assert "offset" not in watched.query()
    page.goto("/?country=IRAQ")
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "country" in alert.inner_text().lower()
    assert page.get_by_label("Country", exact=True).input_value() == "IRAQ"
    page.get_by_label("Country", exact=True).fill("IRQ")
    page.get_by_label("Country", exact=True).press("Enter")
    page.wait_for_selector(ROWS)
    assert alert.is_hidden()
    assert [p for p in watched.problems if "400" not in p] == []
