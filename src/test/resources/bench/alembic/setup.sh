#!/bin/sh
# Sets up Alembic for Retort's benchmark (mvn -Pbench -Dbench.alembic=DEST), from source checkouts,
# with no package index: alembic 1.19.1, SQLAlchemy 2.0.x (pure Python; its C extensions are
# optional and not built) and typing_extensions 4.15.0, run by a Python that has Mako and psycopg2
# (on Debian: apt-get install python3-mako python3-psycopg2, then /usr/bin/python3).
#
#   setup.sh DEST [ALEMBIC SQLALCHEMY TYPING_EXTENSIONS]
#
# Each source is a git URL or a local git directory (a clone or a bare mirror); by default the
# GitHub repositories. Only this script needs the network (or the mirrors); the benchmark runs
# offline from DEST, which then holds:
#   DEST/alembic, DEST/sqlalchemy, DEST/typing_extensions  the sources at their tags (no bytecode)
#   DEST/python                                            the interpreter with PYTHONPATH set
#   DEST/versions.txt                                      what the benchmark prints
# Tags can be overridden: ALEMBIC_TAG, SQLALCHEMY_TAG, TYPING_EXTENSIONS_TAG, and the interpreter
# with PYTHON.
set -eu

if [ $# -ne 1 ] && [ $# -ne 4 ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 2
fi
DEST=$1
ALEMBIC_SRC=${2:-https://github.com/sqlalchemy/alembic.git}
SQLALCHEMY_SRC=${3:-https://github.com/sqlalchemy/sqlalchemy.git}
TYPING_EXTENSIONS_SRC=${4:-https://github.com/python/typing_extensions.git}
ALEMBIC_TAG=${ALEMBIC_TAG:-rel_1_19_1}
SQLALCHEMY_TAG=${SQLALCHEMY_TAG:-}
TYPING_EXTENSIONS_TAG=${TYPING_EXTENSIONS_TAG:-4.15.0}

mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)

# The newest rel_2_0_* tag of a source, unless SQLALCHEMY_TAG names one.
newest_2_0() {
  if [ -d "$1" ]; then
    git --git-dir="$(git -C "$1" rev-parse --absolute-git-dir)" tag -l 'rel_2_0_*'
  else
    git ls-remote --tags --refs "$1" 'rel_2_0_*' | sed 's|.*refs/tags/||'
  fi | sort -t_ -k4,4n | tail -n 1
}

# checkout NAME SOURCE TAG: the files of SOURCE at TAG into DEST/NAME.
checkout() {
  rm -rf "${DEST:?}/$1"
  mkdir -p "$DEST/$1"
  if [ -d "$2" ]; then
    git --git-dir="$(git -C "$2" rev-parse --absolute-git-dir)" archive "$3" | tar -x -C "$DEST/$1"
  else
    tmp=$(mktemp -d)
    git clone -q --depth 1 --branch "$3" "$2" "$tmp/src"
    git -C "$tmp/src" archive "$3" | tar -x -C "$DEST/$1"
    rm -rf "$tmp"
  fi
  echo "$1 $3"
}

[ -n "$SQLALCHEMY_TAG" ] || SQLALCHEMY_TAG=$(newest_2_0 "$SQLALCHEMY_SRC")
[ -n "$SQLALCHEMY_TAG" ] || { echo "no rel_2_0_* tag in $SQLALCHEMY_SRC" >&2; exit 1; }
checkout alembic "$ALEMBIC_SRC" "$ALEMBIC_TAG"
checkout sqlalchemy "$SQLALCHEMY_SRC" "$SQLALCHEMY_TAG"
checkout typing_extensions "$TYPING_EXTENSIONS_SRC" "$TYPING_EXTENSIONS_TAG"

# A Python with Mako and psycopg2: Debian's, not a pyenv or venv one whose site-packages lack them.
if [ -z "${PYTHON:-}" ]; then
  for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
    if [ -x "$candidate" ] && "$candidate" -c 'import mako, psycopg2' 2>/dev/null; then
      PYTHON=$candidate
      break
    fi
  done
fi
if [ -z "${PYTHON:-}" ]; then
  echo "no python3 with mako and psycopg2 (Debian: apt-get install python3-mako python3-psycopg2)" >&2
  exit 1
fi

PYPATH="$DEST/sqlalchemy/lib:$DEST/alembic:$DEST/typing_extensions/src"
cat > "$DEST/python" <<WRAPPER
#!/bin/sh
# Python with the checkouts of $ALEMBIC_TAG, $SQLALCHEMY_TAG and typing_extensions $TYPING_EXTENSIONS_TAG.
PYTHONPATH="$PYPATH\${PYTHONPATH:+:\$PYTHONPATH}" exec "$PYTHON" "\$@"
WRAPPER
chmod +x "$DEST/python"

# No bytecode in the checkouts: the benchmark's cold rows need none, its warm rows keep theirs
# under a PYTHONPYCACHEPREFIX of their own.
find "$DEST/alembic" "$DEST/sqlalchemy" "$DEST/typing_extensions" -name __pycache__ -prune -exec rm -rf {} +

PYTHONDONTWRITEBYTECODE=1 "$DEST/python" - > "$DEST/versions.txt" <<'PY'
import platform, alembic, sqlalchemy, typing_extensions, mako, psycopg2
from sqlalchemy.util import has_compiled_ext
print("alembic", alembic.__version__)
print("sqlalchemy", sqlalchemy.__version__, "(C extensions)" if has_compiled_ext() else "(pure Python)")
print("python", platform.python_version())
print("mako", mako.__version__)
print("psycopg2", psycopg2.__version__.split()[0])
PY
cat "$DEST/versions.txt"
echo "ready: mvn -Pbench -Dbench.alembic=$DEST ..."
