"""Shared fixtures for the content-layer tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.content import BUILTIN_DIR, Content, load_content

REPO_ROOT = Path(__file__).resolve().parents[3]


def _sources_dir() -> Path:
    # The articles live beside the repository, in shared/; SERVICE_COACH_SOURCES overrides.
    if "SERVICE_COACH_SOURCES" in os.environ:
        return Path(os.environ["SERVICE_COACH_SOURCES"])
    for candidate in (REPO_ROOT.parent / "shared", REPO_ROOT.parent.parent / "shared"):
        if (candidate / "source-documents").is_dir():
            return candidate / "source-documents"
    return REPO_ROOT.parent / "shared" / "source-documents"


SOURCES_DIR = _sources_dir()


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="session")
def articles(content: Content) -> dict[str, str]:
    """The source articles by file name (skips if they are not available here)."""
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"source articles not found in {SOURCES_DIR}")
    return {s.file: (SOURCES_DIR / s.file).read_text(encoding="utf-8") for s in content.sources}


@pytest.fixture
def base_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in content folder, to break on purpose."""
    target = tmp_path / "content"
    shutil.copytree(BUILTIN_DIR, target)
    return target
