"""Where each language's data files are found: one lexicon (`nlp/lexicons/<code>.json`) and one file of summary
phrases (`nlp/summaries/phrases/<code>.json`) per language.

A language is added by adding its two files: to the package folders, or to a folder named in the setting
`PALMARES_LANGUAGE_DATA` (folders separated by the system's path separator, each holding `lexicons/` and
`phrases/`). Files there come before the package's own, so a shipped language can also be replaced.
"""

from __future__ import annotations

import os
import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

LANGUAGE_DATA_SETTING = "PALMARES_LANGUAGE_DATA"
_PACKAGE_FOLDERS = {"lexicons": ("nlp.lexicons", ()), "phrases": ("nlp.summaries", ("phrases",))}
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


def data_folders(kind: str) -> list[Traversable]:
    """The folders holding one `<code>.json` per language for `kind` ("lexicons" or "phrases"), first match wins."""
    package, parts = _PACKAGE_FOLDERS[kind]
    extra = [Path(folder) / kind for folder in os.environ.get(LANGUAGE_DATA_SETTING, "").split(os.pathsep) if folder]
    return [*(folder for folder in extra if folder.is_dir()), resources.files(package).joinpath(*parts)]


def language_file(kind: str, language: str) -> Traversable | None:
    """The data file of `kind` for `language`, or None when no folder has one."""
    if not _LANGUAGE_CODE.fullmatch(language):
        return None
    for folder in data_folders(kind):
        candidate = folder.joinpath(f"{language}.json")
        if candidate.is_file():
            return candidate
    return None


def data_languages(kind: str) -> list[str]:
    """Every language code with a data file of `kind`, sorted."""
    codes = {
        entry.name[: -len(".json")]
        for folder in data_folders(kind)
        for entry in folder.iterdir()
        if entry.name.endswith(".json") and _LANGUAGE_CODE.fullmatch(entry.name[: -len(".json")])
    }
    return sorted(codes)
