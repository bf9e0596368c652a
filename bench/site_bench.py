"""Benchmark ``treaty site build`` on the synthetic repository with history, against a plain
MkDocs-Material site of the same number of pages built in the same run.

For each scale (0.1, and the scale asked for when it is larger: ``--scale 1`` is the
national size, 60 bodies x 10 years), in fresh processes:

- ``public``: ``treaty site build --edition public`` (three languages), and ``both``: the two
  editions, as ``treaty site build`` makes them;
- ``plain``: ``mkdocs build`` of a plain MkDocs-Material site with material's search and as
  many flat Markdown pages (a heading, a paragraph, a 10-row table) as the public edition
  has, kept out of the navigation (``not_in_nav``): the fast way to build such a site with
  MkDocs alone; and at the small scale only, ``plain_in_nav``: the same pages the way MkDocs
  builds them by default, every page in the navigation (quadratic: hours at scale 1);
- for each: seconds, peak memory (of the command and its children added up, sampled every
  0.05 s, or less often where a look takes longer than 1/20 of the time between looks:
  the build runs Pagefind beside itself; as RSS, and as PSS, which counts pages
  shared between processes once), pages, output
  bytes and the largest
  HTML page; for ours, the search data a browser (Chromium) downloads to answer one query in
  each language.

The report's DOCX and PDF downloads are not built here (``--downloads csv json``): one
national period takes pandoc and typst about 40 s and 60 s and 2.6 GB (``bench/report_bench``
measures them), which is the report's cost, not the site's.

    .venv/bin/python bench/site_bench.py            # scale 0.1
    .venv/bin/python bench/site_bench.py --scale 1  # 0.1 and 1
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from measure import SAMPLE, machine, ratio, script_main
from measure import process_tree as _tree
from measure import tree_memory_kb as _memory_kb
from status_bench import as_of_for
from synthetic import bodies_for, build

NAME = "site"
RESULTS = Path(__file__).resolve().parent / "results" / f"{NAME}.json"
TREATY = Path(sys.executable).parent / "treaty"
MKDOCS = Path(sys.executable).parent / "mkdocs"
BASE_SCALE = 0.1
# Reading a process's PSS makes the kernel walk its memory (about 20 ms for 800 MB) and holds
# its page tables meanwhile: a look every 0.05 s at a national build slowed it by 40 %, and a
# plain build (one small process) far less. So the looks take at most 1/LOOKING of the time.
LOOKING = 20
DOWNLOADS = ("csv", "json")
QUERIES = {"": "Келісім", "ru/": "Соглашение", "en/": "Келісім"}  # en shows the kk titles
TARGETS = {"public_seconds": 300, "public_peak_mb": 1536, "both_seconds": 600,
           "per_page_growth": 1.25, "largest_page_kb": 200, "query_kb": 1024}  # fmt: skip


def run_tree(args: list[str], cwd: Path) -> dict[str, Any]:
    """Run ``args``; wall seconds and the peaks of its process tree's memory, added up."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        peak = peak_pss = 0
        while process.poll() is None:
            looked = time.perf_counter()
            rss, pss = _memory_kb(_tree(process.pid))
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            time.sleep(max(SAMPLE, LOOKING * (time.perf_counter() - looked)))
        seconds = time.perf_counter() - start
        if process.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{args[:3]} failed: {err.read().decode()[-2000:]}")
    return {"seconds": round(seconds, 2), "peak_rss_kb": peak, "peak_pss_kb": peak_pss}


def output(folder: Path) -> dict[str, Any]:
    """Pages, bytes and the largest HTML page of a built site."""
    pages = [p for p in folder.rglob("*.html") if p.name != "404.html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return {"pages": len(pages), "output_bytes": total,
            "largest_page_bytes": largest.stat().st_size,
            "largest_page": largest.relative_to(folder).as_posix()}  # fmt: skip


@functools.cache
def _handler() -> type[http.server.SimpleHTTPRequestHandler]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    return Quiet


def query_bytes(folder: Path) -> dict[str, int]:
    """Bytes under ``pagefind/`` Chromium downloads to answer one query, per language."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_handler(), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    found: dict[str, int] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--headless", "--no-sandbox"])  # fmt: skip
            for lang, word in QUERIES.items():
                found[lang.rstrip("/") or "kk"] = _one_query(browser, url + lang, word)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return found


def _one_query(browser: Any, url: str, word: str) -> int:
    page = browser.new_page()
    responses: list[Any] = []
    page.on("response", lambda r: responses.append(r) if "/pagefind/" in r.url else None)
    page.goto(url, wait_until="networkidle")
    page.locator("input.md-search__input").fill(word)
    page.locator(".md-search-result__item").first.wait_for(timeout=30000)
    page.wait_for_load_state("networkidle")
    size = sum(len(r.body()) for r in responses if r.ok)
    page.close()
    return size


PLAIN_PAGE = """# Page {n}

A plain page of the comparison site, number {n}, with a table of ten rows.

| code | title | state |
|---|---|---|
{rows}
"""


def plain_site(root: Path, pages: int, in_nav: bool = False) -> Path:
    """A plain MkDocs-Material site with ``pages`` pages and search; the config file.
    ``in_nav``: MkDocs' default, every page in the navigation (no ``nav:``)."""
    docs = root / "docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# Plain\n\nThe comparison site.\n", encoding="utf-8")
    for n in range(pages - 1):
        rows = "\n".join(f"| {n}-{r} | Item {n} {r} | on time |" for r in range(10))
        (docs / "p" / f"{n}.md").write_text(PLAIN_PAGE.format(n=n, rows=rows), encoding="utf-8")
    config = root / "mkdocs.yml"
    text = "site_name: Plain\ntheme:\n  name: material\nplugins:\n  - search\n"
    if not in_nav:
        text += "nav:\n  - index.md\nnot_in_nav: |\n  /p/\n"
    config.write_text(text, encoding="utf-8")
    return config


def _plain(work: Path, pages: int, in_nav: bool) -> dict[str, Any]:
    config = plain_site(work / "plain", pages, in_nav)
    found = run_tree([str(MKDOCS), "build", "-q", "-f", str(config)], work / "plain")
    found.update(output(work / "plain" / "site"))
    shutil.rmtree(work / "plain")
    return found


def _ours(root: Path, out: Path, as_of: str, edition: str | None) -> dict[str, Any]:
    args = [str(TREATY), "site", "build", "--repo", str(root), "--as-of", as_of]
    args += [a for d in DOWNLOADS for a in ("--downloads", d)]
    if edition:
        args += ["--edition", edition, "-o", str(out / edition)]
    return run_tree(args, out)


def at_scale(scale: float, years: tuple[int, ...], work: Path) -> dict[str, Any]:
    """Every measurement at one scale (the folder ``work`` is scratch)."""
    root = work / "repo"
    root.mkdir(parents=True)
    synthetic = build(root, bodies_for(scale), years, history=True)
    as_of = as_of_for(years).isoformat()
    public = _ours(root, work, as_of, "public")
    public.update(output(work / "public"))
    public["query_bytes"] = query_bytes(work / "public")
    shutil.rmtree(work / "public")
    both = _ours(root, work, as_of, None)
    both.update(pages=sum(output(work / "build" / d)["pages"] for d in ("site", "internal")))
    shutil.rmtree(work / "build")
    plain = _plain(work, public["pages"], in_nav=False)
    # MkDocs' default (every page in the navigation) is quadratic: only at the small scale
    nav = _plain(work, public["pages"], in_nav=True) if scale <= BASE_SCALE else None
    return {"scale": scale, "bodies": synthetic.bodies, "files": len(synthetic.written),
            "public": public, "both": both, "plain": plain, "plain_in_nav": nav,
            "ours_vs_plain_in_nav_seconds": ratio(public["seconds"], nav["seconds"]) if nav
            else None,
            "seconds_per_page": ratio(public["seconds"], public["pages"], 6),
            "plain_seconds_per_page": ratio(plain["seconds"], plain["pages"], 6),
            "ours_vs_plain_seconds": ratio(public["seconds"], plain["seconds"])}  # fmt: skip


def load() -> dict[str, Any]:
    """The machine's load when a run starts (the machine is shared)."""
    one, five, fifteen = os.getloadavg()
    return {"loadavg_1_5_15": [round(one, 2), round(five, 2), round(fifteen, 2)]}


def _targets(runs: list[dict[str, Any]]) -> dict[str, Any]:
    big, small = runs[-1], runs[0]
    growth = ratio(big["seconds_per_page"], small["seconds_per_page"])
    queries = max(big["public"]["query_bytes"].values())
    # "Peak memory does not grow with the number of bodies beyond what one page needs":
    # the peak at the large scale is at most the small scale's plus the largest page.
    grown_kb = big["public"]["peak_pss_kb"] - small["public"]["peak_pss_kb"]
    more_bodies = big["bodies"] - small["bodies"]
    memory = {
        "peak_growth_mb": round(grown_kb / 1024, 1),
        "peak_growth_per_body_mb": round(grown_kb / 1024 / more_bodies, 2) if more_bodies else None,
        "plain_peak_growth_mb": round(
            (big["plain"]["peak_pss_kb"] - small["plain"]["peak_pss_kb"]) / 1024, 1
        ),
    }
    met = {
        "public_seconds": big["public"]["seconds"] <= TARGETS["public_seconds"],
        "public_peak_mb": big["public"]["peak_pss_kb"] / 1024 <= TARGETS["public_peak_mb"],
        "both_seconds": big["both"]["seconds"] <= TARGETS["both_seconds"],
        "per_page_growth": growth is None or growth <= TARGETS["per_page_growth"],
        "largest_page_kb": big["public"]["largest_page_bytes"] / 1024 <= TARGETS["largest_page_kb"],
        "query_kb": queries / 1024 <= TARGETS["query_kb"],
        "peak_memory_flat": more_bodies == 0
        or grown_kb * 1024 <= big["public"]["largest_page_bytes"],
        "faster_than_plain_not_in_nav": big["public"]["seconds"] < big["plain"]["seconds"],
        "faster_than_plain_in_nav_small": small["public"]["seconds"]
        < small["plain_in_nav"]["seconds"],
    }
    return {"scale": big["scale"], "limits": TARGETS, "per_page_growth": growth,
            "largest_query_bytes": queries, "memory": memory, "met": met}  # fmt: skip


def run(scale: float, years: tuple[int, ...]) -> dict[str, Any]:
    scales = sorted({min(BASE_SCALE, scale), scale})
    runs = []
    for each in scales:
        with tempfile.TemporaryDirectory(prefix="site-bench-") as tmp:
            found = at_scale(each, years, Path(tmp))
            found["load_before"] = load()
            runs.append(found)
            print(f"site at {each}: {found['public']['seconds']} s, "
                  f"plain {found['plain']['seconds']} s", flush=True)  # fmt: skip
    big = runs[-1]
    targets = _targets(runs)
    return {
        **machine(),
        "scale": scale,
        "bodies": big["bodies"],
        "years": len(years),
        "downloads": list(DOWNLOADS),
        "runs": runs,
        "targets": targets,
        "load_after": load(),
        "ratios": {
            "seconds_per_page": big["seconds_per_page"],
            "ours_vs_plain_seconds": big["ours_vs_plain_seconds"],
            "ours_vs_plain_in_nav_seconds_small": runs[0]["ours_vs_plain_in_nav_seconds"],
            "per_page_growth": targets["per_page_growth"],
        },
    }


def headline(found: dict[str, Any]) -> dict[str, str]:
    big = found["runs"][-1]
    public = big["public"]
    return {
        "measured": "`treaty site build --edition public` (3 languages) vs plain MkDocs-Material",
        "work": f"{public['pages']} pages; largest {public['largest_page_bytes'] // 1024} KB",
        "seconds": f"{public['seconds']:.1f}",
        "peak MB": f"{public['peak_pss_kb'] / 1024:.0f} (PSS)",
        "ratios": f"ours/plain (not_in_nav) {big['ours_vs_plain_seconds']}, ours/plain (in nav, "
        f"0.1) {found['runs'][0]['ours_vs_plain_in_nav_seconds']}; both editions "
        f"{big['both']['seconds']:.0f} s; per-page growth {found['ratios']['per_page_growth']}",
    }


def main(argv: list[str] | None = None) -> int:
    return script_main(__doc__ or "", RESULTS, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
