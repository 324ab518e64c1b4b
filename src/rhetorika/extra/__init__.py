"""Optional integrations with pandas, pyarrow, scikit-learn and Dask.

Each module here imports its library lazily, only when called, so
``import rhetorika`` stays fast and needs none of them. A missing library
raises [`MissingExtraError`][rhetorika.exceptions.MissingExtraError] naming the extra
that installs it:

* `rhetorika.extra.pandas`: ``pip install 'rhetorika[pandas]'``
* [`rhetorika.extra.arrow`][rhetorika.extra.arrow]: ``pip install 'rhetorika[arrow]'``
* `rhetorika.extra.sklearn`: ``pip install 'rhetorika[sklearn]'``
* [`rhetorika.extra.dask`][rhetorika.extra.dask]: ``pip install 'rhetorika[dask]'``
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any, NoReturn

from rhetorika.exceptions import MissingExtraError

__all__ = ["missing_extra", "require"]


def require(module: str, *, extra: str) -> ModuleType:
    """Import ``module``, or say which extra installs it.

    Raises:
        MissingExtraError: ``module`` cannot be imported.

    Added in version 0.1.0.
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError(
            f"this needs {module.partition('.')[0]}, which is not installed; "
            f"install it with: pip install 'rhetorika[{extra}]'"
        ) from error


def missing_extra(name: str, error: MissingExtraError) -> type:
    """A stand-in for ``name`` whose extra is missing: inspectable, unusable.

    ``help(rhetorika)`` and tab completion look up every public name, so a
    lazy name must resolve even without its extra; calling the stand-in (or
    instantiating it) raises ``error``, which names the ``pip install`` line.

    Added in version 0.1.0.
    """

    def unavailable(*args: Any, **kwargs: Any) -> NoReturn:
        raise error

    doc = f"Unavailable: {error}"
    return type(name, (), {"__new__": unavailable, "__doc__": doc, "__module__": "rhetorika"})
