"""No Python module under backend/ is over 500 lines (issue #10, item 8; no R- requirement: a
code-structure rule). Migrations aside: Django writes them. Tests count like any other module."""

from __future__ import annotations

from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2]
MAX_LINES = 500


def oversized_modules(backend: Path = BACKEND, limit: int = MAX_LINES) -> list[str]:
    """``path: lines`` for each module over ``limit`` lines, largest first."""
    rows = []
    for path in backend.rglob("*.py"):
        if "migrations" in path.relative_to(backend).parts:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            rows.append((lines, path.relative_to(backend).as_posix()))
    return [f"{name}: {lines}" for lines, name in sorted(rows, reverse=True)]


def test_no_module_over_500_lines() -> None:
    assert oversized_modules() == [], "split these modules by concern (docs/architecture.md)"


def test_the_check_sees_a_long_module(tmp_path: Path) -> None:
    """The check itself can fail: a 501-line module is reported, a migration of any length is not."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "long.py").write_text("x = 1\n" * 501, encoding="utf-8")
    (tmp_path / "app" / "ok.py").write_text("x = 1\n" * 500, encoding="utf-8")
    (tmp_path / "app" / "migrations").mkdir()
    (tmp_path / "app" / "migrations" / "0001_initial.py").write_text("x = 1\n" * 900, encoding="utf-8")
    assert oversized_modules(tmp_path) == ["app/long.py: 501"]
