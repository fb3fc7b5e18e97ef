import datetime as dt
from pathlib import Path

import pytest

from briefings.content import ContentError, read_article, slugify
from briefings.reading import find_articles, load_articles

from conftest import article


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_markdown_front_matter(tmp_path):
    path = write(
        tmp_path,
        "My Story.md",
        article(
            "A title",
            "2026-11-18",
            "First para.\n\nSecond *para*.",
            tags="[politics, uk]",
            source="BBC News",
            key_points="2",
        ),
    )
    art, warnings = read_article(path)
    assert warnings == []
    assert (art.title, art.slug, art.date, art.tags) == (
        "A title",
        "my-story",
        dt.date(2026, 11, 18),
        ("politics", "uk"),
    )
    assert art.source_name == "BBC News" and art.key_points == 2
    assert art.text == "First para.\n\nSecond para."
    assert "<em>para</em>" in art.body_html


def test_plain_text_title_from_headline(tmp_path):
    art, _ = read_article(write(tmp_path, "x.txt", "Labour plans maternity pay rise\n\nMaternity pay is to rise.\n"))
    assert art.title == "Labour plans maternity pay rise"
    assert art.text == "Maternity pay is to rise."


def test_plain_text_without_headline_uses_its_first_sentence(tmp_path):
    # issue 15: the first sentence, shortened, rather than the file name
    art, _ = read_article(write(tmp_path, "budget_news.txt", "The budget was announced today. It is big.\n"))
    assert art.title == "The budget was announced today"
    assert art.text.startswith("The budget")


def test_plain_text_without_any_usable_line_uses_file_name(tmp_path):
    art, _ = read_article(write(tmp_path, "budget_news.txt", "* * *\n\n2014 — 2015\n"))
    assert art.title == "Budget news"


def test_plain_text_single_newline_paragraphs(tmp_path):
    art, _ = read_article(write(tmp_path, "x.txt", "Headline here\nFirst paragraph.\nSecond paragraph.\n"))
    assert art.text == "First paragraph.\n\nSecond paragraph."


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("---\ntitle: [oops\n---\nbody\n", 2, "YAML"),
        ("---\n- a list\n---\nbody\n", 2, "mapping"),
        ("---\ntitle: x\nbody without end\n", 1, "never ends"),
        ("---\ntitle: x\ndate: 2026-02-30\n---\nbody\n", 3, "ISO date"),
        ("---\ntitle: x\ndate: next tuesday\n---\nbody\n", 3, "ISO date"),
        ("---\ntitle: x\ntags: {a: 1}\n---\nbody\n", 3, "tags"),
        ("---\ntitle: x\nslug: ../../etc/x\n---\nbody\n", 3, "slug"),
        ("---\ntitle: 5\n---\nbody\n", 2, "title"),
    ],
)
def test_broken_front_matter_names_the_line(tmp_path, text, line, words):
    with pytest.raises(ContentError) as info:
        read_article(write(tmp_path, "a.md", text))
    assert info.value.line == line and words in info.value.message


def test_unknown_key_is_a_warning(tmp_path):
    _, warnings = read_article(write(tmp_path, "a.md", "---\ntitle: x\ncolour: red\n---\nbody\n"))
    assert [(w.severity, w.line) for w in warnings] == [("warning", 3)]
    assert "colour" in warnings[0].message


def test_not_utf8_and_binary_and_empty_are_errors(tmp_path):
    with pytest.raises(ContentError) as info:
        read_article(write(tmp_path, "a.txt", "Title\n\nline two\nCaf\xe9".encode("latin-1")))
    assert info.value.line == 4 and "UTF-8" in info.value.message
    with pytest.raises(ContentError, match="binary"):
        read_article(write(tmp_path, "b.md", b"\x89PNG\r\n\x1a\n\x00\x00"))
    with pytest.raises(ContentError, match="empty"):
        read_article(write(tmp_path, "c.txt", "\n\n"))


def test_real_bbc_file_that_is_not_utf8_is_reported_not_fatal(tmp_path):
    from conftest import CORPUS

    bad = CORPUS / "bbc" / "sport" / "199.txt"
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "bad.txt").write_bytes(bad.read_bytes())
    write(tmp_path / "content", "good.md", article("Good", "2026-11-02", "Fine text."))
    articles, problems = load_articles(tmp_path / "content", tmp_path)
    assert [a.slug for a in articles] == ["good"]
    assert problems[0].path == "content/bad.txt" and "UTF-8" in problems[0].message and problems[0].line


def test_duplicate_slugs_and_ignored_files(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    write(content, "same.md", article("One", None, "a"))
    (content / "sub").mkdir()
    write(content / "sub", "same.txt", "Two\n\nb\n")
    for name in (".hidden.md", "draft.md~", "4913", ".#lock.md", "notes.swp"):
        write(content, name, "x")
    assert [p.name for p in find_articles(content)] == ["same.md", "same.txt"]
    articles, problems = load_articles(content, tmp_path)
    assert len(articles) == 1 and "already used" in problems[0].message


def test_symlink_loop_does_not_hang(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "loop").symlink_to(content)
    write(content, "a.md", article("A", None, "text"))
    assert [p.name for p in find_articles(content)] == ["a.md"]


def test_slugify():
    assert slugify("Côte d'Ivoire: News!") == "cote-d-ivoire-news"
    assert slugify("../../etc/x") == "etc-x"


def test_plain_text_lines_are_paragraphs_even_where_blank_lines_are_missing(tmp_path):
    text = "Headline here\n\nFirst paragraph.\nSecond paragraph, no blank line before it.\n\nThird.\n"
    art, _ = read_article(write(tmp_path, "x.txt", text))
    assert art.text.split("\n\n") == ["First paragraph.", "Second paragraph, no blank line before it.", "Third."]


def test_hard_wrapped_plain_text_is_joined_back(tmp_path):
    para = (
        "The committee met on Tuesday to discuss the proposals for the new\n"
        "budget, which ministers say will be published in the spring after a\n"
        "consultation with the public and with local councils across England."
    )
    art, _ = read_article(write(tmp_path, "x.txt", f"Headline here\n\n{para}\n\n{para}\n"))
    assert art.text == "\n\n".join([" ".join(para.split())] * 2)


def test_a_reused_markdown_converter_forgets_the_previous_article():
    import markdown

    from briefings.content import render_markdown, sanitize_html

    first = "The HTML spec.\n\n*[HTML]: Hyper Text Markup Language\n\nA note[^1].\n\n[^1]: The note.\n\n[ref]: http://x.org\n"
    second = "HTML again, a [ref] and a note[^1].\n\n[^1]: Another."
    alone = markdown.Markdown(
        extensions=["extra", "sane_lists"],
        output_format="html",
        extension_configs={"tables": {"use_align_attribute": True}},
    ).convert(second)
    render_markdown(first)
    assert render_markdown(second) == sanitize_html(alone)  # no <abbr>, no link, footnote 1 only
    assert "<abbr" not in render_markdown(second) and "x.org" not in render_markdown(second)
