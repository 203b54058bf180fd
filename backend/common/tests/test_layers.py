"""The layers of docs/architecture.md hold (issue #10, item 5; no R- requirement: a code-structure rule).

1. import-linter's contracts (``[tool.importlinter]`` in pyproject.toml) are kept: every app imports only
   the apps below it.
2. No import of another project app hides inside a function (``AppConfig.ready`` aside, where Django wants
   the cross-app wiring; tests and migrations aside) — an upward call goes through a declared hook or a
   Django signal instead (docs/architecture.md, "Cross-app hooks").
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2]
ROOT = BACKEND.parent


def function_local_cross_app_imports(backend: Path = BACKEND) -> list[str]:
    """``path:line module`` for each import of another app inside a function (the before-stop check's rules)."""
    apps = {p.parent.name for p in backend.glob("*/apps.py")}
    rows = []
    for path in sorted(backend.glob("*/**/*.py")):
        parts = path.relative_to(backend).parts
        if "migrations" in parts or "tests" in parts or path.name == "apps.py":
            continue
        own = parts[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                module = None
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    module = node.module
                elif isinstance(node, ast.Import):
                    module = node.names[0].name
                if module and module.split(".")[0] in apps and module.split(".")[0] != own:
                    rows.append(f"{path.relative_to(backend.parent)}:{node.lineno} {module}")
    return sorted(set(rows))


def test_no_function_local_import_of_another_app() -> None:
    hidden = function_local_cross_app_imports()
    assert hidden == [], "imports of another app inside functions (move downward ones to the top, use a hook):\n" + (
        "\n".join(hidden)
    )


def test_the_counter_sees_an_import_hidden_in_a_function(tmp_path: Path) -> None:
    """The check above can fail: a hidden upward import in a throwaway app tree is found."""
    for app in ("low", "high"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "apps.py").write_text("")
    (tmp_path / "low" / "services.py").write_text("def f():\n    from high.models import Thing\n    return Thing\n")
    (tmp_path / "low" / "tests").mkdir()
    (tmp_path / "low" / "tests" / "test_x.py").write_text("def t():\n    from high.models import Thing\n")
    rows = function_local_cross_app_imports(tmp_path)
    assert len(rows) == 1 and rows[0].endswith("services.py:2 high.models")


def test_import_linter_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(BACKEND)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
