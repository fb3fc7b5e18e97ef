"""Property tests (hypothesis): reading and extraction never raise on arbitrary Unicode,
and give the same result for the same input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefings.content import ContentError, cap_for_extraction, parse_article
from briefings.extract import extract_doc, prepare

SPECIAL = [
    "\u200f",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b",
    "\x85",
    "\u2028",
    "\u2029",
    "\r",
    "\t",
    "😀",
    "👩‍👩‍👧",
    "🇬🇧",
    "\u0301",
    "ﷺ",
    "‮",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "«",
    "»",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "&",
    "*",
    "_",
    "`",
    "#",
    "-",
    ":",
    "---",
    "\n",
    "\n\n",
    " ",
]
WORDS = [
    "said",
    "Minister",
    "Jane Smith",
    "the",
    "of",
    "London",
    "BBC",
    "Mr",
    "Dr.",
    "told",
    "U.K.",
    "2026",
    "«Bonjour»",
    "שלום",
    "مرحبا",
    "東京",
    "Ωmega",
]

piece = st.one_of(
    st.sampled_from(SPECIAL),
    st.sampled_from(WORDS),
    st.text(max_size=20),
    st.builds(lambda c, n: c * n, st.sampled_from(["x", "[", "—", "😀", "a.", "\u200f"]), st.integers(50, 3000)),
)
texts = st.lists(piece, max_size=60).map("".join)

front_value = st.one_of(
    texts,
    st.sampled_from(
        [
            "[",
            "{",
            "]",
            "&a",
            "*a",
            "!!python/object:os.system",
            "|",
            ">",
            "2026-02-30",
            "2026-11-02",
            "- x",
            "'",
            '"',
            "%YAML 1.1",
            "null",
            "[1, [2, [3]]]",
            "{a: b}",
            "yes",
            "1e400",
            "-5",
            "…",
        ]
    ),
)
front_key = st.one_of(
    st.sampled_from(["title", "date", "tags", "slug", "draft", "key_points", "url", "author", "source"]),
    st.text(max_size=10),
)
documents = st.builds(
    lambda pairs, body, fence: "---\n" + "".join(f"{k}: {v}\n" for k, v in pairs) + (fence + body),
    st.lists(st.tuples(front_key, front_value), max_size=6),
    texts,
    st.sampled_from(["---\n", "...\n", "", "--\n"]),
)


def read(data: bytes, name: str):
    try:
        article, warnings = parse_article(data, name, name)
    except ContentError as exc:
        return ("error", exc.message, exc.line)
    return (article, warnings)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(documents, texts), st.sampled_from(["a.md", "b.txt"]))
def test_reading_never_raises_and_is_deterministic(text, name):
    data = text.encode("utf-8", "surrogatepass")
    first = read(data, name)
    assert read(data, name) == first
    if not isinstance(first[0], str):
        article, _ = first
        assert "\n" not in article.title and article.slug and "/" not in article.slug


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_reading_arbitrary_bytes_never_raises(data):
    read(data, "a.md")
    read(b"---\ntitle: x\n---\n" + data, "a.md")


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.one_of(documents, texts))
def test_extraction_never_raises_and_is_deterministic(nlp, text):
    """The whole path a build takes: read the file, clean the text, parse, extract."""
    result = read(text.encode("utf-8", "surrogatepass"), "a.md")
    body = result[0].text if not isinstance(result[0], str) else ""
    for source in {body, cap_for_extraction(text, "raw")[0]}:  # as read, and the raw text as the build caps it
        first = extract_doc(nlp(prepare(source)), 3).to_dict()
        assert extract_doc(nlp(prepare(source)), 3).to_dict() == first
        assert len(first["key_points"]) <= 3
