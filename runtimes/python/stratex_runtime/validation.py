"""Static validation of a Python strategy with `ast`, before any of it runs.

A first filter, not the boundary (the sandbox is): it turns away obviously hostile or oversized
code with CODE_REJECTED and the offending line. Parsing is not running, and it happens in the job's
forked child, so even a parser crash cannot touch the zygote.
"""
import ast
import re

from stratex_runtime.job_error import JobError

MAX_BYTES = 100_000
MAX_NODES = 25_000
MAX_DEPTH = 60

# Importable top-level modules: the numeric stack, the SDK and side-effect-free standard modules.
ALLOWED_MODULES = frozenset(
    "numpy pandas stratex math cmath statistics random decimal fractions numbers datetime "
    "collections itertools functools operator heapq bisect copy dataclasses enum typing abc "
    "re string json".split()
)
# Built-ins that run code, reach the interpreter or the outside world.
BANNED_NAMES = frozenset(
    "eval exec compile open __import__ globals locals vars breakpoint input exit quit help memoryview".split()
)
ATTRIBUTE_FUNCTIONS = frozenset(("getattr", "setattr", "delattr", "hasattr"))
# Attribute (and `from x import` / submodule) names: file and foreign-code doors of numpy and pandas,
# dynamic evaluation, attribute access by computed name, and frame/code objects.
BANNED_ATTRIBUTES = frozenset(
    "ctypeslib ctypes f2py distutils testing fromfile tofile dump memmap open_memmap load save savez "
    "savez_compressed savetxt loadtxt genfromtxt fromregex DataSource show_config show_runtime "
    "to_pickle to_parquet to_feather to_excel to_hdf to_sql to_stata to_orc to_clipboard to_csv to_json "
    "to_xml to_html to_latex to_markdown HDFStore ExcelWriter ExcelFile show_versions io eval query "
    "attrgetter methodcaller get_field gi_frame gi_code gi_yieldfrom cr_frame cr_code cr_await ag_frame "
    "ag_code f_back f_globals f_locals f_builtins f_code tb_frame tb_next co_code".split()
)
ALLOWED_DUNDERS = frozenset(("__init__", "__name__", "__main__"))
_DUNDER = re.compile(r"__\w+__")


def validate(code):
    """The parsed module, or JobError(CODE_REJECTED, line=…). A SyntaxError propagates as it is."""
    if len(code.encode("utf-8")) > MAX_BYTES:
        raise _reject(f"the strategy is larger than {MAX_BYTES // 1000} KB", 1)
    try:
        tree = ast.parse(code, filename="strategy.py")
    except (RecursionError, MemoryError):
        raise _reject("the strategy is nested too deeply to parse", 1) from None
    _walk(tree)
    return tree


def _walk(tree):
    allowed_calls = set()
    stack = [(tree, 0)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise _reject(f"the strategy has more than {MAX_NODES} syntax nodes", _line(node))
        if depth > MAX_DEPTH:
            raise _reject(f"the strategy nests deeper than {MAX_DEPTH} levels", _line(node))
        _check(node, allowed_calls)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def _check(node, allowed_calls):
    if isinstance(node, ast.Import):
        for alias in node.names:
            _check_module(alias.name, node)
    elif isinstance(node, ast.ImportFrom):
        _check_import_from(node)
    elif isinstance(node, ast.Call):
        _check_attribute_function(node, allowed_calls)
    elif isinstance(node, ast.Name):
        _check_name(node, allowed_calls)
    elif isinstance(node, ast.Attribute):
        _check_attribute(node.attr, node)
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        if any(name not in ALLOWED_DUNDERS for name in _DUNDER.findall(node.value)):
            raise _reject("strings naming dunder attributes are not allowed", node.lineno)


def _check_module(name, node):
    parts = name.split(".")
    if parts[0] not in ALLOWED_MODULES:
        raise _reject(f"import of '{parts[0]}' is not allowed", node.lineno)
    for part in parts[1:]:
        if part.startswith("_") or part in BANNED_ATTRIBUTES:
            raise _reject(f"import of '{name}' is not allowed", node.lineno)


def _check_import_from(node):
    if node.level:
        raise _reject("relative imports are not allowed", node.lineno)
    _check_module(node.module, node)
    for alias in node.names:
        if alias.name == "*":
            raise _reject(f"'from {node.module} import *' is not allowed; import names explicitly", node.lineno)
        _check_attribute(alias.name, node)


def _check_attribute_function(node, allowed_calls):
    """getattr & co. only with a literal, allowed attribute name."""
    func = node.func
    if not (isinstance(func, ast.Name) and func.id in ATTRIBUTE_FUNCTIONS):
        return
    name = node.args[1] if len(node.args) > 1 else None
    if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
        raise _reject(f"{func.id}() needs a literal attribute name", node.lineno)
    _check_attribute(name.value, node)
    allowed_calls.add(id(func))


def _check_name(node, allowed_calls):
    name = node.id
    if name in BANNED_NAMES:
        raise _reject(f"'{name}' is not allowed", node.lineno)
    if name in ATTRIBUTE_FUNCTIONS and id(node) not in allowed_calls:
        raise _reject(f"'{name}' may only be called directly with a literal attribute name", node.lineno)
    if _is_dunder(name) and name not in ALLOWED_DUNDERS:
        raise _reject(f"'{name}' is not allowed", node.lineno)


def _check_attribute(attr, node):
    if (_is_dunder(attr) and attr not in ALLOWED_DUNDERS) or attr in BANNED_ATTRIBUTES:
        raise _reject(f"access to '{attr}' is not allowed", node.lineno)
    if attr.startswith("read_"):
        raise _reject(f"'{attr}' reads files, which strategies cannot do; use `data`", node.lineno)


def _is_dunder(name):
    return name.startswith("__") and name.endswith("__")


def _line(node):
    return getattr(node, "lineno", 1)


def _reject(message, line):
    return JobError("CODE_REJECTED", f"{message} (line {line})", line=line)
