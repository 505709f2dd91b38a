"""The built-ins a strategy's own code runs with: no code evaluation, no files, guarded imports.

Behind the static validation, this catches what only shows at run time (a name built from strings).
Library code keeps its normal built-ins: a frame uses the built-ins of the module that defined its
function, so only the user's frames see these. One exception shapes the import guard: numpy's C code
imports its own private modules lazily (`numpy._core._methods`) through the built-ins of whatever
Python frame is running, which may be the user's; so at run time only the top-level package is
checked (the static validation already refused private submodules in the user's own imports).
"""
import builtins

from stratex_runtime.validation import ALLOWED_MODULES, BANNED_ATTRIBUTES, BANNED_NAMES, _is_dunder


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    parts = name.split(".")
    names = [*parts[1:], *(fromlist or ())]
    if level or parts[0] not in ALLOWED_MODULES or any(n in BANNED_ATTRIBUTES for n in names):
        raise ImportError(f"import of '{name}' is not allowed")
    return builtins.__import__(name, globals, locals, fromlist, level)


def _checked(fn):
    def attribute_function(obj, name, *rest):
        if not isinstance(name, str) or _is_dunder(name) or name in BANNED_ATTRIBUTES:
            raise AttributeError(f"access to {name!r} is not allowed")
        return fn(obj, name, *rest)

    attribute_function.__name__ = fn.__name__
    return attribute_function


def user_builtins():
    """A fresh built-ins dict for one strategy's globals."""
    safe = {k: v for k, v in vars(builtins).items() if k not in BANNED_NAMES}
    safe["__import__"] = _guarded_import
    for name in ("getattr", "setattr", "delattr", "hasattr"):
        safe[name] = _checked(getattr(builtins, name))
    return safe
