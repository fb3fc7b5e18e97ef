from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"  # the whole corpus and eval sets: on CI, not in a plain clone
CORPUS = REPO / "tests" / "data" / "corpus"  # copies of the few files of ../shared/corpus the tests read
SEED = REPO / "content" / "japan-uk-security-dialogue.md"


@pytest.fixture(scope="session")
def nlp():
    from briefings.config import DEFAULT_MODEL
    from briefings.extract import nlp as nlp_module

    return nlp_module.load(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def parse(nlp):
    """Text → Doc, after boilerplate removal, as the build does it."""
    from briefings.extract import prepare

    return lambda text: nlp(prepare(text))


def write_site(root: Path, articles: dict[str, str], config: str = "") -> Path:
    """A small site: config.yaml plus content/NAME files (text dedented)."""
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "config.yaml").write_text(
        textwrap.dedent(config) or "title: Test site\nbase_url: https://example.org/site/\n", encoding="utf-8"
    )
    for name, text in articles.items():
        (root / "content" / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def article(title: str, date: str | None, body: str, **extra: str) -> str:
    lines = ["---", f"title: {title!r}"] + ([f"date: {date}"] if date else [])
    lines += [f"{k}: {v}" for k, v in extra.items()] + ["---", "", textwrap.dedent(body).strip(), ""]
    return "\n".join(lines)


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    """One extraction cache for the session: each sample article is parsed once, not per test."""
    return tmp_path_factory.mktemp("extraction-cache")


@pytest.fixture
def sample_site(tmp_path: Path, shared_cache: Path) -> Path:
    """A copy of the repo's sample site (content and config; the packaged theme)."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    config = (REPO / "config.yaml").read_text(encoding="utf-8")
    (site / "config.yaml").write_text(config + f"\ncache_dir: {shared_cache}\n", encoding="utf-8")
    return site


@pytest.fixture(scope="session")
def sample_config(shared_cache):
    """The repo's sample site with the session's cache: tests never write into the checkout."""
    from briefings.config import load_config

    return load_config(REPO / "config.yaml").model_copy(update={"cache_dir": str(shared_cache)})


@pytest.fixture(scope="session")
def built_sample(sample_config, tmp_path_factory):
    """The sample site built once for the session: (output folder, BuildResult). Tests only read it."""
    from briefings.build import build

    out = tmp_path_factory.mktemp("sample-output")
    result = build(sample_config, output=out)
    assert not result.errors, "\n".join(map(str, result.errors))
    return out, result
