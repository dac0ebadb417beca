"""The shape of the code base (issue 12): one routing table, pure cores, product code only in app/.

These read the source (AST) and the live app, so a new router that is not listed, a pure module that
reaches for the database, or an app module importing the synthetic generators fails here by name."""
from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

from fastapi import APIRouter
from fastapi.routing import APIRoute

import app
from app.api import routes as routing_table
from app.main import create_app

APP_DIR = Path(app.__file__).resolve().parent
ROUTING_TABLE = APP_DIR / "api" / "routes.py"

# Modules with no database, no HTTP and no services: tested and benchmarked on their own.
PURE_CORES = ("app/matching", "app/fairs/solver", "app/screening", "app/triage/workdays.py",
              "app/triage/vocabulary.py")
PURE_MAY_IMPORT = ("app.matching", "app.fairs.solver", "app.screening", "app.domain", "app.core.errors",
                   "app.core.validation", "app.triage.workdays", "app.triage.vocabulary")
NOT_IN_PURE = ("sqlalchemy", "fastapi", "starlette")


def _python_files(*roots: str) -> list[Path]:
    repo = APP_DIR.parent
    files: list[Path] = []
    for root in roots:
        path = repo / root
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def _imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _all_app_routers() -> dict[str, APIRouter]:
    found: dict[str, APIRouter] = {}
    for info in pkgutil.walk_packages([str(APP_DIR)], prefix="app."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, APIRouter) and all(value is not seen for seen in found.values()):
                found[f"{info.name}.{name}"] = value
    return found


def test_every_router_is_listed_in_the_routing_table() -> None:
    listed = {id(r) for r in (*routing_table.OPERATIONS_ROUTERS, *routing_table.API_ROUTERS,
                              *routing_table.CONSOLE_ROUTERS)}
    routers = _all_app_routers()
    assert len(routers) >= len(listed)  # the walk found the listed routers themselves
    assert [name for name, router in routers.items() if id(router) not in listed] == []


def test_only_the_routing_table_includes_routers() -> None:
    offenders = [str(path.relative_to(APP_DIR.parent)) for path in _python_files("app")
                 if path != ROUTING_TABLE and ("include_router(" in path.read_text(encoding="utf-8")
                                               or ".mount(" in path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_openapi_document_is_exactly_the_listed_operations() -> None:
    listed = {(route.path, method.lower()) for router in (*routing_table.OPERATIONS_ROUTERS, *routing_table.API_ROUTERS)
              for route in router.routes if isinstance(route, APIRoute) and route.include_in_schema
              for method in route.methods}
    served = {(path, method) for path, item in create_app().openapi()["paths"].items() for method in item}
    assert len(served) > 40
    assert served == listed


def test_pure_cores_import_no_database_http_or_services() -> None:
    problems: list[str] = []
    for path in _python_files(*PURE_CORES):
        for module in _imported_modules(path):
            top = module.split(".")[0]
            if top in NOT_IN_PURE or (top == "app" and not module.startswith(PURE_MAY_IMPORT)):
                problems.append(f"{path.relative_to(APP_DIR.parent)} imports {module}")
    assert sorted(set(problems)) == []


def test_product_code_does_not_import_the_synthetic_generators() -> None:
    offenders = [f"{path.relative_to(APP_DIR.parent)} imports {module}" for path in _python_files("app")
                 for module in _imported_modules(path) if module.split(".")[0] == "synthetic"]
    assert offenders == []
    assert not list(APP_DIR.glob("demo/*.py"))  # an empty leftover folder of an old checkout is harmless


def test_china_time_is_defined_once_in_the_domain() -> None:
    definitions = [str(path.relative_to(APP_DIR.parent)) for path in _python_files("app", "synthetic")
                   if "CHINA_TZ = " in path.read_text(encoding="utf-8")]
    assert definitions == ["app/domain/timezone.py"]
