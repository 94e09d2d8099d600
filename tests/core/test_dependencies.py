"""Dependencies point one way: apps import the core, the core reaches apps by hooks."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "site" / "tregks"
# The demo builder knows every app by design (docs/engineering.md, "Demo content");
# settings list the apps; migrations are generated.
NOT_CORE = {"demo", "settings", "migrations"}

pytestmark = pytest.mark.any_database  # reads the source, no database


def project_apps():
    """Labels and top-level packages of the project's own apps outside the core."""
    labels, packages = set(), set()
    for config in apps.get_app_configs():
        path = Path(config.path)
        if path.parent == ROOT:
            labels.add(config.label)
            packages.add(config.name.split(".")[0])
    return labels, packages


def core_modules():
    for path in sorted(CORE.rglob("*.py")):
        if NOT_CORE.isdisjoint(path.relative_to(CORE).parts):
            yield path, ast.parse(path.read_text(), str(path))


def test_the_project_apps_are_found():
    labels, packages = project_apps()
    assert {"news", "partners", "podcast"} <= packages
    assert "site_search" in labels
    assert all(name in settings.INSTALLED_APPS for name in packages)


def test_the_core_imports_no_app():
    _labels, packages = project_apps()
    found = []
    for path, tree in core_modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            found += [
                f"{path.relative_to(ROOT)}:{node.lineno} {name}"
                for name in names
                if name.split(".")[0] in packages
            ]
    assert found == []


def test_the_core_looks_up_no_app_model_by_name():
    """No apps.get_model("news", ...): an app's page types come through hooks."""
    labels, _packages = project_apps()
    found = []
    for path, tree in core_modules():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", None))
                == "get_model"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value.split(".")[0] in labels
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def imported_names(path, tree):
    """(line, absolute module name) of every import in a module of the project
    package, relative imports resolved (`from ..demo import pages` in
    tregks/core/topics.py is tregks.demo.pages)."""
    package = ["tregks", *path.relative_to(CORE).parent.parts]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            yield node.lineno, module
            for alias in node.names:  # `from tregks import demo`
                yield node.lineno, f"{module}.{alias.name}"


def test_the_core_does_not_import_the_demo():
    """The demo builds on the core (topics, translations), never the other way round
    (the demo's folder is left out of `core_modules` because it imports every app)."""
    found = [
        f"{path.relative_to(ROOT)}:{line} {name}"
        for path, tree in core_modules()
        for line, name in imported_names(path, tree)
        if name == "tregks.demo" or name.startswith("tregks.demo.")
    ]
    assert found == []


def test_the_import_check_resolves_relative_imports():
    """The check above would see the demo imported in any of the usual spellings."""
    source = (
        "import tregks.demo.pages\n"
        "from tregks.demo.pages import translate\n"
        "from tregks import demo\n"
        "from ..demo import pages\n"
        "from .. import demo\n"
    )
    path = CORE / "core" / "topics.py"
    lines = {
        line
        for line, name in imported_names(path, ast.parse(source))
        if name == "tregks.demo" or name.startswith("tregks.demo.")
    }
    assert lines == {1, 2, 3, 4, 5}


# What is no part of the site: the benchmark tools, the tests and installed packages.
NOT_SITE = {"bench", "tests", ".venv", "node_modules", ".git", ".test-cache"}


def test_the_site_does_not_import_the_benchmark_tools():
    """bench/archive.py bulk-inserts pages through treebeard's private helpers for the
    benchmark only (docs/engineering.md); nothing a real site runs may reach it."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if not NOT_SITE.isdisjoint(relative.parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            found += [
                f"{relative}:{node.lineno} {name}"
                for name in names
                if name.split(".")[0] == "bench"
            ]
    assert found == []
