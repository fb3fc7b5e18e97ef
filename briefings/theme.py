"""`briefings theme copy`: the default theme's files copied into a site's templates/, ready to edit.

A site's templates/ overrides the theme file by file (render.template_dirs), so a copied file
renders exactly as the original until it is edited; what is not copied still comes from the
theme, and keeps getting its fixes. docs/theming.md says what each file renders.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from .render import theme_dir


class ThemeError(Exception):
    pass


def theme_files() -> list[str]:
    """Every file of the default theme, as a path relative to it: "article.html", "email/digest.txt"."""
    root = theme_dir()
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )


def chosen(names: Sequence[str]) -> list[str]:
    """The theme files `names` ask for: all of them for none; a folder ("email", "static")
    for what it holds. Unknown names are an error that lists the known ones."""
    files = theme_files()
    if not names:
        return files
    picked: list[str] = []
    for name in names:
        name = name.strip("/")
        matches = [f for f in files if f == name or f.startswith(name + "/")]
        if not matches:
            raise ThemeError(f"the default theme has no {name!r}; its files are: {', '.join(files)}")
        picked += [f for f in matches if f not in picked]
    return picked


def copy_theme(target: Path, names: Sequence[str] = (), *, force: bool = False) -> list[Path]:
    """Copy the chosen theme files into `target` (a site's templates/) and return the copies.
    An existing file is replaced only with `force`; without it nothing at all is copied."""
    files = chosen(names)
    existing = [target / f for f in files if (target / f).exists()]
    if existing and not force:
        listed = ", ".join(str(p) for p in existing)
        raise ThemeError(f"the site already has {listed}; nothing copied (--force replaces them)")
    copies = []
    for name in files:
        copy = target / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(theme_dir() / name, copy)
        copies.append(copy)
    return copies
