"""Every file location the program uses, as functions (nothing is created on import).

The annotation database is ``--db PATH``, else ``$READER_DB``, else ``reader.json`` in the user data
folder that platformdirs gives for the app name ``reader``. The library index is ``--index PATH``,
else ``$READER_INDEX``, else ``index.sqlite3`` in the user cache folder. The settings are
``--config PATH``, else ``$READER_CONFIG``, else ``config.toml`` in the user config folder.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reader"
DB_ENV = "READER_DB"
DB_FILENAME = "reader.json"
INDEX_ENV = "READER_INDEX"
INDEX_FILENAME = "index.sqlite3"
CONFIG_ENV = "READER_CONFIG"
CONFIG_FILENAME = "config.toml"


def package_dir() -> Path:
    return Path(__file__).resolve().parent


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def _chosen(explicit: str | os.PathLike[str] | None, env_name: str) -> Path | None:
    """The path given on the command line, else in ``$env_name``; None: use the default."""
    chosen = explicit or os.environ.get(env_name)
    return Path(chosen).expanduser() if chosen else None


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The annotation database: the explicit path, else ``$READER_DB``, else the default."""
    return _chosen(explicit, DB_ENV) or user_data_dir() / DB_FILENAME


def user_cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def index_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library index (derived data, deleted at will): the explicit path, else
    ``$READER_INDEX``, else ``index.sqlite3`` in the user cache folder."""
    return _chosen(explicit, INDEX_ENV) or user_cache_dir() / INDEX_FILENAME


def user_config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The settings file: the explicit path, else ``$READER_CONFIG``, else ``config.toml`` in
    the user config folder. It may not exist: then every setting has its default."""
    return _chosen(explicit, CONFIG_ENV) or user_config_dir() / CONFIG_FILENAME


def samples_dir() -> Path:
    """The bundled sample articles that plain ``reader`` opens."""
    return package_dir() / "samples"


def styles_dir() -> Path:
    """The Textual CSS: inside the package in a wheel, beside it in a source checkout."""
    inside = package_dir() / "styles"
    if inside.is_dir():
        return inside
    return package_dir().parent / "styles"
