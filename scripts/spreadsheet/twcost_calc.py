# twcost_calc.py - LibreOffice Calc cell functions backed by libtwcost.
#
# A Python-UNO macro that loads the shared library with ctypes.  It lives
# inside the workbook (Scripts/python/twcost_calc.py) and is called by the
# small Basic functions of the document's Standard.TWC module, so that cells
# read like
#
#     =TWC_NET("jlis-lgwan"; 80; 0.2; 0; 0; "R7"; 0.4)
#
# (LibreOffice Basic's `Declare ... Lib` does not work on Linux; Python and
# ctypes do.)  It can also be copied to the user profile
# (~/.config/libreoffice/4/user/Scripts/python/).
#
# The library: $TWCOST_LIB when set (a full path), else the installed
# libtwcost.so.0 (or twcost.dll on Windows) on the system's library path.
#
# Every function returns a number or a text, never raises: a failure is a
# text "#TWC! reason" in the cell, the reason being the library's own
# message (it names the input and its allowed range).
import ctypes
import ctypes.util
import math
import os

_lib = None
_lib_error = None
_handles = {}  # profile name -> open twc_model handle, reused across cells

_NAN = float("nan")


def _candidates():
    env = os.environ.get("TWCOST_LIB")
    if env:
        return [env]
    if os.name == "nt":
        return ["twcost.dll"]
    names = ["libtwcost.so.0",
             "/usr/local/lib/libtwcost.so.0",
             "/usr/lib/libtwcost.so.0"]
    found = ctypes.util.find_library("twcost")
    if found:
        names.append(found)
    return names


def _declare(lib):
    P = ctypes.c_void_p
    S = ctypes.c_char_p
    D = ctypes.c_double
    I = ctypes.c_int
    protos = {
        "twc_version": (S, []),
        "twc_open_buf": (I, [S, ctypes.POINTER(P), S, I]),
        "twc_close": (None, [P]),
        "twc_reset": (I, [P]),
        "twc_set": (I, [P, S, D]),
        "twc_set_text": (I, [P, S, S]),
        "twc_result": (D, [P, S, S]),
        "twc_text_buf": (I, [P, S, S, S, I]),
        "twc_last_error_buf": (I, [P, S, I]),
        "twc_quick": (D, [S, S, D, D, D, D, S, D]),
    }
    for name, (res, args) in protos.items():
        f = getattr(lib, name)
        f.restype = res
        f.argtypes = args
    return lib


def _library():
    """The loaded library, or None (and _lib_error says why)."""
    global _lib, _lib_error
    if _lib is not None:
        return _lib
    errors = []
    for name in _candidates():
        try:
            if os.name == "nt" and ctypes.sizeof(ctypes.c_void_p) == 4:
                lib = ctypes.WinDLL(name)  # __stdcall on 32-bit Windows
            else:
                lib = ctypes.CDLL(name)
            _lib = _declare(lib)
            _lib_error = None
            return _lib
        except (OSError, AttributeError) as e:
            errors.append("%s: %s" % (name, e))
    _lib_error = "cannot load libtwcost (set TWCOST_LIB): " + "; ".join(errors)
    return None


def _fail(reason):
    return "#TWC! " + reason


def _bytes(s):
    return s.encode("utf-8") if s is not None else None


def _number(v):
    """A cell value as a number; None, "" and missing keep the default."""
    if v is None or (isinstance(v, str) and v.strip() == ""):
        return _NAN
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        return float(v)
    return float(str(v).strip())  # ValueError: the caller reports it


def _text(v):
    """A cell value as text; a whole number 2025 becomes "2025"."""
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v).strip()


def _message(lib, h):
    buf = ctypes.create_string_buffer(512)
    lib.twc_last_error_buf(h, buf, len(buf))
    return buf.value.decode("utf-8", "replace")


def _handle(lib, profile):
    """An open handle on profile ("" = the bundled default), or a text."""
    key = profile or ""
    h = _handles.get(key)
    if h is not None:
        return h
    out = ctypes.c_void_p()
    err = ctypes.create_string_buffer(512)
    rc = lib.twc_open_buf(_bytes(key) if key else None, ctypes.byref(out),
                          err, len(err))
    if rc != 0:
        return _fail(err.value.decode("utf-8", "replace"))
    _handles[key] = out
    return out


_INPUTS = ("staff", "home", "satellite", "mobile")


def _apply(lib, h, staff, home, satellite, mobile, start, fiscal_index):
    """Put the profile's inputs back, then replace the given ones; a text
    on failure, else None."""
    if lib.twc_reset(h) != 0:
        return _fail(_message(lib, h))
    for key, v in zip(_INPUTS + ("fiscal_index",),
                      (staff, home, satellite, mobile, fiscal_index)):
        try:
            x = _number(v)
        except ValueError:
            return _fail("%s: '%s' is not a number" % (key, v))
        if not math.isnan(x) and lib.twc_set(h, _bytes(key), x) != 0:
            return _fail(_message(lib, h))
    s = _text(start)
    if s and lib.twc_set_text(h, b"start", _bytes(s)) != 0:
        return _fail(_message(lib, h))
    return None


def _read(lib, h, plan, field):
    """A number when the field is a number, a text when it is a text."""
    p = _bytes(_text(plan)) or None
    f = _bytes(_text(field))
    x = lib.twc_result(h, p, f)
    if not math.isnan(x):
        return x
    reason = _message(lib, h)
    need = lib.twc_text_buf(h, p, f, None, 0)
    if need >= 0:
        buf = ctypes.create_string_buffer(need + 1)
        lib.twc_text_buf(h, p, f, buf, need + 1)
        return buf.value.decode("utf-8", "replace")
    return _fail(reason)


def value(profile, plan, field, staff=None, home=None, satellite=None,
          mobile=None, start=None, fiscal_index=None):
    """TWC_PROFILE / TWC_TEXT: any number or text field of a scenario
    profile (a bundled name such as "prefecture-2400" or a file path; ""
    for the bundled default), with the given inputs replaced."""
    try:
        lib = _library()
        if lib is None:
            return _fail(_lib_error)
        h = _handle(lib, _text(profile))
        if isinstance(h, str):
            return h
        why = _apply(lib, h, staff, home, satellite, mobile, start,
                     fiscal_index)
        return why if why is not None else _read(lib, h, plan, field)
    except Exception as e:  # a cell must never take LibreOffice down
        return _fail("%s: %s" % (type(e).__name__, e))


def quick(plan, field, staff=None, home=None, satellite=None, mobile=None,
          start=None, fiscal_index=None):
    """TWC_RESULT / TWC_NET: one twc_quick call (the bundled default
    scenario with these inputs), the same figure as `twcost compare`."""
    try:
        lib = _library()
        if lib is None:
            return _fail(_lib_error)
        try:
            nums = [_number(v) for v in (staff, home, satellite, mobile,
                                         fiscal_index)]
        except ValueError as e:
            return _fail(str(e))
        s = _text(start)
        x = lib.twc_quick(_bytes(_text(plan)), _bytes(_text(field)),
                          nums[0], nums[1], nums[2], nums[3],
                          _bytes(s) if s else None, nums[4])
        if not math.isnan(x):
            return x
        # twc_quick keeps no reason: ask a handle for it.
        why = value("", plan, field, staff, home, satellite, mobile, start,
                    fiscal_index)
        return why if isinstance(why, str) else _fail("no value")
    except Exception as e:
        return _fail("%s: %s" % (type(e).__name__, e))


def version():
    """TWC_VERSION: the library version, or why it cannot be loaded."""
    lib = _library()
    if lib is None:
        return _fail(_lib_error)
    return lib.twc_version().decode("ascii")


g_exportedScripts = (quick, value, version)
