"""Incremental builds give exactly the bytes of a clean build, on random edit sequences."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefings.build import Builder
from briefings.config import load_config
from briefings.stories import memo

from conftest import article, write_site

# Real sentences (BBC politics 001, 175, 349, business 001; the seed article), so extractions are real.
BODIES = [
    "Maternity pay for new mothers is to rise by £1,400, Trade and Industry Secretary Patricia Hewitt said.\n\n"
    '"We have already doubled the length of maternity pay," Ms Hewitt told GMTV.',
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December.",
    "Foreign Minister Fumio Kishida and British Foreign Secretary William Hague agreed Wednesday to deepen "
    "security cooperation.\n\n“We support Japan in undertaking its security review,” Hague said.",
    "The council met on Monday and agreed the budget.",
    # BBC politics 175 and 349: one story in two wordings, merged into one top point
    'Gordon Brown has issued a rallying cry, telling supporters the "stakes are too high" to stay at home or '
    "protest vote in the forthcoming general election.",
    'Gordon Brown has issued a rallying cry to supporters, warning the "stakes are too high" to stay at home or '
    "protest vote in the next general election.",
]
DATES = ["2026-11-02", "2026-11-10", "2026-11-18", None]
TAGS = ["[uk]", "[uk, politics]", "[business]", "[]"]

edits = st.one_of(
    st.tuples(
        st.just("write"),
        st.integers(0, 4),
        st.sampled_from(["Alpha", "Beta & <b>", "Gamma"]),
        st.integers(0, len(BODIES) - 1),
        st.sampled_from(DATES),
        st.sampled_from(TAGS),
    ),
    st.tuples(st.just("delete"), st.integers(0, 4)),
    st.tuples(st.just("template"), st.sampled_from(["", "<p>{{ entry.article.title }}</p>\n"])),
    st.tuples(st.just("config"), st.sampled_from(["Site one", "Site two"])),
    st.tuples(st.just("broken"), st.integers(0, 4)),
)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def apply(site: Path, edit: tuple) -> None:
    kind = edit[0]
    if kind == "write":
        _, n, title, body, date, tags = edit
        text = article(f"{title} {n}", date, BODIES[body], tags=tags)
        (site / "content" / f"a{n}.md").write_text(text, encoding="utf-8")
    elif kind == "delete":
        (site / "content" / f"a{edit[1]}.md").unlink(missing_ok=True)
    elif kind == "broken":
        (site / "content" / f"a{edit[1]}.md").write_text("---\ntitle: [oops\n---\ntext\n", encoding="utf-8")
    elif kind == "template":
        override = site / "templates" / "article.html"
        if edit[1]:
            override.parent.mkdir(exist_ok=True)
            override.write_text(edit[1], encoding="utf-8")
        else:
            override.unlink(missing_ok=True)
    elif kind == "config":
        (site / "config.yaml").write_text(
            f"title: {edit[1]}\nbase_url: https://example.org/\ncache_dir: {site.parent / 'cache'}\n", encoding="utf-8"
        )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(edits, min_size=1, max_size=6))
def test_incremental_equals_clean(tmp_path_factory, shared_cache, sequence):
    root = tmp_path_factory.mktemp("inc")
    site = write_site(
        root / "site",
        {"a0.md": article("Start", "2026-11-02", BODIES[3])},
        f"title: Site one\nbase_url: https://example.org/\ncache_dir: {shared_cache}\n",
    )
    builder = Builder(load_config(site / "config.yaml"))
    builder.build()
    for edit in sequence:
        apply(site, edit)
        config = load_config(site / "config.yaml").model_copy(update={"cache_dir": str(shared_cache)})
        if config != builder.config:  # as serve does: a new builder that keeps what was read
            builder = builder.successor(config)
        incremental = builder.build()
        clean = Builder(config, output=root / "clean", persist=False).build(clean=True)
        assert [str(p) for p in incremental.problems] == [str(p) for p in clean.problems]
        assert tree(config.output_path) == tree(root / "clean"), f"after {edit}"


def test_a_fresh_process_builds_incrementally_from_the_saved_state(tmp_path, shared_cache):
    site = write_site(
        tmp_path,
        {"a.md": article("One", "2026-11-02", BODIES[3]), "b.md": article("Two", "2026-11-10", BODIES[1])},
        f"base_url: https://example.org/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    assert Builder(config).build().full
    again = Builder(config).build()
    assert not again.full and again.written == 0 and again.parsed == 0
    (site / "content" / "b.md").write_text(article("Two, edited", "2026-11-10", BODIES[1]))
    edited = Builder(config).build()
    assert not edited.full and 0 < edited.written < edited.pages
    assert tree(config.output_path) == tree(_clean(config, tmp_path / "clean"))


def test_a_damaged_state_file_means_a_full_build(tmp_path, shared_cache):
    site = write_site(
        tmp_path,
        {"a.md": article("One", "2026-11-02", BODIES[3])},
        f"base_url: https://example.org/\ncache_dir: {shared_cache}/{tmp_path.name}\n",
    )
    config = load_config(site / "config.yaml")
    builder = Builder(config)
    builder.build()
    builder.state.path.write_text('{"version": 1, "files": {', encoding="utf-8")
    (site / "content" / "a.md").write_text(article("One, edited", "2026-11-02", BODIES[3]))
    result = Builder(config).build()
    assert result.full, "a damaged state is never trusted"
    assert tree(config.output_path) == tree(_clean(config, tmp_path / "clean"))


def test_a_page_deleted_by_hand_is_rebuilt(tmp_path, shared_cache):
    site = write_site(
        tmp_path,
        {"a.md": article("One", "2026-11-02", BODIES[3])},
        f"base_url: https://example.org/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    Builder(config).build()
    (config.output_path / "articles" / "a.html").unlink()
    Builder(config).build()
    assert (config.output_path / "articles" / "a.html").is_file()


def _clean(config, out: Path) -> Path:
    memo.forget()  # stories grouped afresh, so what the incremental build remembered is checked
    Builder(config, output=out, persist=False).build(clean=True)
    return out


def test_a_near_duplicate_joining_a_top_point_updates_the_digest(tmp_path, shared_cache):
    # The top point of the week gains a second source: the digest pages must be re-rendered.
    site = write_site(
        tmp_path,
        {"a.md": article("One", "2026-11-16", BODIES[4]), "b.md": article("Two", "2026-11-17", BODIES[3])},
        f"base_url: https://example.org/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    builder = Builder(config)
    builder.build()
    (site / "content" / "c.md").write_text(article("Three", "2026-11-18", BODIES[5]))
    builder.build()
    index = (config.output_path / "index.html").read_text(encoding="utf-8")
    top = index[index.index('class="top-stories"') : index.index("</section>")]
    assert top.count("rallying cry") == 1 and "articles/a.html" in top and "articles/c.html" in top
    assert tree(config.output_path) == tree(_clean(config, tmp_path / "clean"))


def test_edits_moving_articles_in_and_out_of_a_story(tmp_path, shared_cache):
    # A story's page is named after its first article: an article leaving by its date or by
    # its text renames or removes the page, and every page showing the story follows.
    third = BODIES[4].replace("has issued", "issued").replace("forthcoming", "coming")
    site = write_site(
        tmp_path / "site",
        {
            "a.md": article("One", "2026-11-16", BODIES[4]),
            "b.md": article("Two", "2026-11-17", BODIES[5]),
            "c.md": article("Three", "2026-11-18", third),
            "d.md": article("Four", "2026-11-18", BODIES[1]),
            # other weeks' articles (one story each), so that an edit changes few pages
            **{
                f"z{n}.md": article(f"Other {n}", f"2026-{7 + n // 4:02d}-0{1 + n % 4}", BODIES[n % 4])
                for n in range(12)
            },
        },
        f"base_url: https://example.org/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    builder = Builder(config)
    builder.build()
    stories = config.output_path / "stories"
    assert sorted(p.name for p in stories.iterdir()) == ["a.html"]
    steps = [
        ("a.md", article("One", "2026-11-02", BODIES[4]), ["b.html"]),  # out by its date
        ("c.md", article("Three", "2026-11-18", BODIES[0]), []),  # out by its text: b alone is no story
        ("a.md", article("One", "2026-11-16", BODIES[4]), ["a.html"]),  # back in
        ("d.md", article("Four", "2026-11-19", third), ["a.html"]),
    ]  # a new member
    for name, text, pages in steps:
        (site / "content" / name).write_text(text, encoding="utf-8")
        result = builder.build()
        assert not result.full, "an incremental build"
        assert sorted(p.name for p in stories.iterdir()) == pages if stories.is_dir() else pages == [], name
        assert tree(config.output_path) == tree(_clean(config, tmp_path / f"clean-{name}-{len(pages)}")), name
    assert 'href="../articles/d.html"' in (stories / "a.html").read_text(encoding="utf-8")


def test_a_template_added_again_over_the_theme_is_used(tmp_path, shared_cache):
    # Jinja's cache checks the file a template came from, not whether another now hides it.
    site = write_site(
        tmp_path / "site",
        {"a0.md": article("Start", "2026-11-02", BODIES[3])},
        f"base_url: https://example.org/\ncache_dir: {shared_cache}\n",
    )
    builder = Builder(load_config(site / "config.yaml"))
    override = site / "templates" / "article.html"
    for text in ("<p>one {{ entry.article.title }}</p>\n", "", "<p>two {{ entry.article.title }}</p>\n"):
        override.parent.mkdir(exist_ok=True)
        if text:
            override.write_text(text, encoding="utf-8")
        else:
            override.unlink()
        builder.build()
        page = (site / "output" / "articles" / "a0.html").read_text(encoding="utf-8")
        assert page.startswith(text.split("{{")[0]) if text else page.startswith("<!doctype html>")
