"""Issue 23: the pages of edited articles go ahead of the rest of a build (`preview`), and
serve reloads the pages open on them first. The result stays a clean build's bytes."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefings.build import Builder
from briefings.config import load_config
from briefings.livereload import LiveReloadServer, page_path

from conftest import article, write_site
from test_incremental import BODIES, apply, edits, tree


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(edits, min_size=1, max_size=6))
def test_builds_with_previews_equal_clean_builds(tmp_path_factory, shared_cache, sequence):
    """What a preview writes is what the build leaves there, and the build equals a clean one."""
    root = tmp_path_factory.mktemp("preview")
    site = write_site(
        root / "site",
        {"a0.md": article("Start", "2026-11-02", BODIES[3])},
        f"title: Site one\nbase_url: https://example.org/\ncache_dir: {shared_cache}\n",
    )
    builder = Builder(load_config(site / "config.yaml"), save_every_build=False)
    builder.build()
    for edit in sequence:
        apply(site, edit)
        config = load_config(site / "config.yaml").model_copy(update={"cache_dir": str(shared_cache)})
        if config != builder.config:
            builder = builder.successor(config)
        ahead: dict[str, bytes] = {}
        result = builder.build(
            preview=lambda urls, ahead=ahead, config=config: ahead.update(
                (u, (config.output_path / u).read_bytes()) for u in urls
            )
        )
        assert sorted(ahead) == sorted(result.previewed)
        clean = Builder(config, output=root / "clean", persist=False).build(clean=True)
        assert [str(p) for p in result.problems] == [str(p) for p in clean.problems]
        final = tree(config.output_path)
        assert final == tree(root / "clean"), f"after {edit}"
        for url, data in ahead.items():
            assert final[url] == data, url


def test_an_edit_previews_its_article_page_before_the_rest(tmp_path, shared_cache):
    site = write_site(
        tmp_path / "site",
        {"a.md": article("One", "2026-11-02", BODIES[0]), "b.md": article("Two", "2026-11-03", BODIES[1])},
        f"base_url: https://example.org/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    builder = Builder(config, save_every_build=False)
    assert builder.build(preview=lambda urls: None).previewed == []  # a first build: everything is new
    (site / "content" / "a.md").write_text(article("One", "2026-11-02", BODIES[0] + "\n\nA sentence added now."))
    seen = {}

    def preview(urls):
        for url in ("articles/a.html", "index.html"):
            seen[url] = (config.output_path / url).read_text(encoding="utf-8")

    result = builder.build(preview=preview)
    assert result.previewed == ["articles/a.html"]
    assert "A sentence added now." in seen["articles/a.html"]
    assert "A sentence added now." not in seen["index.html"]  # the rest comes after
    assert result.timings["preview"] < result.seconds


def test_a_build_that_stops_after_a_preview_puts_the_page_back(tmp_path, shared_cache):
    site = write_site(
        tmp_path / "site",
        {"a.md": article("One", "2026-11-02", BODIES[0])},
        f"base_url: https://example.org/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    builder = Builder(config, save_every_build=False)
    builder.build()
    before = tree(config.output_path)
    (site / "content" / "a.md").write_text(article("One", "2026-11-02", BODIES[0] + "\n\nNot to be seen."))
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates" / "digest.html").write_text(
        "{% extends 'base.html' %}{% block content %}{{ x.y( }}{% endblock %}", encoding="utf-8"
    )
    previewed = []
    result = builder.build(preview=previewed.extend)
    assert result.stopped and previewed == ["articles/a.html"]
    assert tree(config.output_path) == before
    (site / "templates" / "digest.html").unlink()
    assert not builder.build().stopped
    assert "Not to be seen." in (config.output_path / "articles" / "a.html").read_text(encoding="utf-8")


def test_reloads_go_first_to_the_previewed_pages_and_not_twice(tmp_path):
    server = LiveReloadServer(("127.0.0.1", 0), tmp_path)
    try:
        clients = server.clients
        article = clients.add("articles/a.html", 0)
        other = clients.add("index.html", 0)
        blind = clients.add()  # an event stream that names no page
        generation = server.reload_pages(["articles/a.html"])
        assert article.get_nowait() == ("reload", "") and other.empty() and blind.empty()
        clients.remove(article)
        reloaded = clients.add("articles/a.html", generation)  # the page as served after the preview
        stale = clients.add("articles/a.html", generation - 1)  # served between its write and the reload
        server.changed()
        server.reload(None, (["articles/a.html"], generation))
        assert reloaded.empty()
        for q in (stale, other, blind):
            assert q.get_nowait() == ("reload", "")
    finally:
        server.server_close()


def test_page_paths():
    assert page_path("/articles/x.html") == "articles/x.html"
    assert page_path("/") == "index.html"
    assert page_path("/digests/") == "digests/index.html"
    assert page_path("") == ""


def test_serve_reloads_the_page_of_an_edited_article_ahead(tmp_path, shared_cache, monkeypatch):
    import test_serve

    from briefings.livereload import EVENTS_PATH
    from briefings.serve import Server

    site = write_site(
        tmp_path / "site",
        {"a.md": article("One", "2026-11-02", BODIES[0]), "b.md": article("Two", "2026-11-03", BODIES[1])},
        f"base_url: http://localhost/\ncache_dir: {shared_cache}\n",
    )
    server = Server(load_config(site / "config.yaml"), site / "config.yaml", port=0)
    server.start()
    try:
        assert server.wait_for_build(1, test_serve.TIMEOUT)
        ahead: list[list[str]] = []
        real = server._httpd.reload_pages
        monkeypatch.setattr(server._httpd, "reload_pages", lambda pages: ahead.append(pages) or real(pages))
        monkeypatch.setattr(
            test_serve, "EVENTS_PATH", f"{EVENTS_PATH}?generation={server._httpd.generation}&page=/articles/a.html"
        )
        page = test_serve.EventStream(server)
        monkeypatch.setattr(test_serve, "EVENTS_PATH", EVENTS_PATH)
        every = test_serve.EventStream(server)
        try:
            test_serve.atomic_write(
                site / "content" / "a.md", article("One", "2026-11-02", BODIES[0] + "\n\nA sentence added now.")
            )
            page.expect("reload")
            assert "A sentence added now." in test_serve.get(server, "/articles/a.html")[1]
            every.expect("reload")
            assert ahead == [["articles/a.html"]]
            assert "A sentence added now." in test_serve.get(server, "/articles/a.html")[1]
        finally:
            page.close()
            every.close()
    finally:
        server.stop()
