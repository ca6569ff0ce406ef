"""Shared fixtures for the content-layer tests."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

# The repository root must be importable (for `bot`) even when pytest is run without
# any project configuration.
REPO_ROOT = Path(__file__).resolve().parents[3]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bot.content import BUILTIN_DIR, Content, load_content  # noqa: E402, RUF100

# The articles live outside the repository; override the folder with this variable.
SOURCES_DIR = Path(os.environ.get("SERVICE_COACH_SOURCES", "/work/shared/source-documents"))


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
