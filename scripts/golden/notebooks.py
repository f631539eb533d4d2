#!/usr/bin/python3
"""Writes the notebook fixtures for tests/Kiln.Notebooks.Tests with Debian's python3-nbformat.

Run:  /usr/bin/python3 scripts/golden/notebooks.py
Produces under tests/Kiln.Notebooks.Tests/Fixtures/:
  canonical/*.ipynb      written by nbformat.write: Kiln must reproduce them byte for byte
  noncanonical/*.ipynb   other valid layouts (single strings, dotnet-interactive, VS Code, 4.4 without ids)
  dib/*.dib              Polyglot .dib files
  malformed/*            broken files; malformed/expected.json holds the position each error must report,
                         computed here from Python's json module or from the fixture text itself.
"""
import base64
import copy
import json
import os
import struct
import zlib

import nbformat
from nbformat import v4

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "Kiln.Notebooks.Tests", "Fixtures")


def out_path(*parts):
    path = os.path.join(ROOT, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def tiny_png():
    """A valid 2x2 RGBA PNG, built with zlib so the fixture needs no image library."""
    raw = b"".join(b"\x00" + bytes([255, 0, 0, 255, 0, 0, 255, 128]) for _ in range(2))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return base64.b64encode(png).decode("ascii")


def write_canonical(nb, name):
    nbformat.validate(nb)
    nbformat.write(nb, out_path("canonical", name))


def canonical_outputs():
    png = tiny_png()
    nb = v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "C# (Kiln)", "language": "C#", "name": "kiln-csharp"},
        "language_info": {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "C#",
                          "pygments_lexer": "csharp", "version": "14.0"},
        "papermill": {"duration": 5.123456, "start_time": "2024-05-01T10:00:00.000000+00:00",
                      "parameters": {"alpha": 0.6, "big": 1e16, "small": 1e-05, "neg": -0.0, "whole": 3.0,
                                     "count": 42, "huge": 12345678901234567890, "flag": True, "none": None}},
        "zeta_unknown": {"nested": [1, "two", {"three": [3.25, False]}], "Upper": "sorted before lower"},
        "\u00e9t\u00e9": "unicode key",
    }
    md = v4.new_markdown_cell(
        "# Title with <>&' and unicode: caf\u00e9, \u65e5\u672c\u8a9e, emoji \U0001F600\n"
        "Line with a tab\tand a form feed\x0cand a vertical tab\x0bhere.\n"
        "![pic](attachment:pic.png)",
        attachments={"pic.png": {"image/png": png, "text/plain": "a tiny\npicture\n"}},
        metadata={"tags": ["intro"], "jupyter": {"source_hidden": True}})
    code1 = v4.new_code_cell(
        'Console.WriteLine("hello <world> & \'friends\'");\nConsole.Error.WriteLine("oops");\n',
        execution_count=1,
        metadata={"tags": ["parameters"], "execution": {
            "iopub.status.busy": "2024-05-01T10:00:00.101234Z",
            "iopub.execute_input": "2024-05-01T10:00:00.102345Z",
            "shell.execute_reply": "2024-05-01T10:00:01.456789Z",
            "iopub.status.idle": "2024-05-01T10:00:01.457001Z"}},
        outputs=[
            v4.new_output("stream", name="stdout", text="hello <world> & 'friends'\nsecond line\r\nthird\rfourth"),
            v4.new_output("stream", name="stderr", text="oops\n"),
        ])
    code2 = v4.new_code_cell(
        "display(chart);\n42",
        execution_count=2,
        outputs=[
            v4.new_output("display_data", data={
                "text/plain": "Chart(2 traces)\nsecond line",
                "text/html": "<div id=\"c\">&amp; 'quoted' \u2028 sep</div>\n",
                "image/png": png,
                "image/svg+xml": "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n</svg>",
                "application/javascript": "console.log('<js>');\nalert(1);",
                "application/json": {"a": 1, "b": [1.5, 2.0, None, True], "c": {"nested": "\u00fcber"},
                                     "ctrl": "bell\x07 esc\x1b[31m nul\x00"},
                "application/vnd.plotly.v1+json": {"data": [{"type": "bar", "x": [1, 2], "y": [0.1, 0.2]}],
                                                   "layout": {"title": {"text": "T"}}},
            }, metadata={"image/png": {"width": 640, "height": 480}}),
            v4.new_output("execute_result", data={"text/plain": "42"}, metadata={}, execution_count=2),
        ])
    code3 = v4.new_code_cell(
        "1 / zero",
        execution_count=3,
        outputs=[v4.new_output("error", ename="DivideByZeroException", evalue="Attempted to divide by zero.",
                               traceback=["\x1b[31mSystem.DivideByZeroException\x1b[0m: Attempted to divide by zero.",
                                          "   at Submission#3.<Initialize>()\n   at next frame"])])
    empty = v4.new_code_cell("")
    raw = v4.new_raw_cell("raw <b>text</b>\n\nkept as is\n", metadata={"format": "text/html"})
    cells = [md, code1, code2, code3, empty, raw]
    for i, cell in enumerate(cells):
        cell.id = f"cell-{i}"
    nb.cells = cells
    write_canonical(nb, "outputs-all-types.ipynb")
    return nb


def canonical_polyglot():
    nb = v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
        "language_info": {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "C#",
                          "pygments_lexer": "csharp", "version": "13.0"},
        "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [
            {"aliases": [], "name": "csharp"}, {"aliases": [], "languageName": "fsharp", "name": "fsharp"}]}},
    }

    def kernel_meta(name):
        return {"dotnet_interactive": {"language": name}, "polyglot_notebook": {"kernelName": name}}

    nb.cells = [
        v4.new_markdown_cell("# Polyglot"),
        v4.new_code_cell("var x = 1;\nx", metadata=kernel_meta("csharp"), execution_count=1,
                         outputs=[v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=1)]),
        v4.new_code_cell("let y = 2", metadata=kernel_meta("fsharp")),
        v4.new_code_cell("Get-Date", metadata=kernel_meta("pwsh")),
        v4.new_code_cell("#!fsharp\nlet z = 3"),
        v4.new_code_cell("#!time\nThread.Sleep(10);"),
    ]
    for i, cell in enumerate(nb.cells):
        cell.id = f"p{i}"
    write_canonical(nb, "polyglot-csharp.ipynb")


def canonical_empty():
    nb = v4.new_notebook()
    write_canonical(nb, "empty.ipynb")


def noncanonical(nb_outputs):
    # Single-string sources and texts, indent=2, keys unsorted, ASCII escapes, no trailing newline.
    d = json.loads(json.dumps(nb_outputs))
    text = json.dumps(d, indent=2, ensure_ascii=True)
    open(out_path("noncanonical", "single-strings-ascii.ipynb"), "w", encoding="utf-8").write(text)

    # Compact one-line layout, with CRLF inside strings untouched.
    compact = json.dumps(d, separators=(",", ":"), ensure_ascii=False)
    open(out_path("noncanonical", "compact.ipynb"), "w", encoding="utf-8").write(compact)

    # dotnet-interactive (legacy): nbformat 4.4, no ids, every data value split into arrays, legacy metadata.
    legacy = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Legacy\n", "notebook"]},
            {"cell_type": "code", "execution_count": 1,
             "metadata": {"dotnet_interactive": {"language": "csharp"}},
             "outputs": [{"output_type": "execute_result", "execution_count": 1,
                          "data": {"text/html": ["<div>1</div>"], "text/plain": ["1"],
                                   "image/png": [tiny_png()[:20], tiny_png()[20:]],
                                   "application/json": ["{\"a\":", "1}"]},
                          "metadata": {}}],
             "source": ["var a = 1;\n", "a"]},
            {"cell_type": "code", "execution_count": None,
             "metadata": {"dotnet_interactive": {"language": "fsharp"}},
             "outputs": [], "source": ["let b = 2"]},
        ],
        "metadata": {
            "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
            "language_info": {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "C#",
                              "pygments_lexer": "csharp", "version": "9.0"},
        },
        "nbformat": 4,
        "nbformat_minor": 4,
    }
    open(out_path("noncanonical", "dotnet-interactive-legacy.ipynb"), "w", encoding="utf-8").write(
        json.dumps(legacy, indent=2))

    # VS Code-saved Polyglot notebook: language_info polyglot-notebook, vscode languageId, unsorted keys.
    vscode = {
        "cells": [
            {"cell_type": "code", "execution_count": 2,
             "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"},
                          "vscode": {"languageId": "polyglot-notebook"}},
             "outputs": [{"output_type": "display_data", "data": {"text/plain": ["Hello"]}, "metadata": {}},
                         {"output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"]}],
             "source": ["display(\"Hello\");\n", "Console.WriteLine(\"a\\nb\");"],
             "id": "vs1"},
            {"cell_type": "markdown", "metadata": {}, "source": ["Some *markdown*"], "id": "vs2"},
        ],
        "metadata": {
            "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
            "language_info": {"name": "polyglot-notebook"},
            "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [
                {"aliases": [], "languageName": "csharp", "name": "csharp"},
                {"aliases": [], "languageName": "fsharp", "name": "fsharp"},
                {"aliases": [], "languageName": "pwsh", "name": "pwsh"},
                {"aliases": [], "languageName": "javascript", "name": "javascript"}]}},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    open(out_path("noncanonical", "vscode-polyglot.ipynb"), "w", encoding="utf-8").write(
        json.dumps(vscode, indent=1, ensure_ascii=False))

    # nbformat 4.4 as Python nbformat writes it (sorted, indent 1), ids removed; plus a python kernelspec.
    old = copy.deepcopy(nb_outputs)
    old.nbformat_minor = 4
    for cell in old.cells:
        del cell["id"]
    old.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    open(out_path("noncanonical", "nbformat44-no-ids.ipynb"), "w", encoding="utf-8").write(
        nbformat.v4.nbjson.writes(old) + "\n")

    # Future minor-revision content: an unknown cell type, an unknown output type and unknown keys everywhere,
    # duplicate ids and numbers written with non-canonical text. (Not schema-valid as 4.5: semantic round trip only.)
    future = (
        '{"nbformat": 4, "nbformat_minor": 5, "x_top": {"k": 1.50},\n'
        ' "metadata": {"orig_nbformat": 3, "num": 1E2, "neg": -0, "nan": NaN},\n'
        ' "cells": [\n'
        '  {"id": "same", "cell_type": "widget", "metadata": {"trusted": true}, "source": "w", "payload": [1, 2]},\n'
        '  {"id": "same", "cell_type": "code", "metadata": {}, "source": ["x"], "execution_count": null,\n'
        '   "outputs": [{"output_type": "future_output", "text": ["keep", " as list"], "z": {"y": 0.10}},\n'
        '               {"output_type": "stream", "name": "stdout", "text": "t", "x_extra": true}]}\n'
        ' ]\n'
        '}\n')
    open(out_path("noncanonical", "future-types.ipynb"), "w", encoding="utf-8").write(future)


DIB_CANONICAL = (
    "#!meta\n\n"
    '{"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"languageName":"csharp","name":"csharp"}]}}\n\n'
    "#!markdown\n\n# Verify execution count.\n\n#!csharp\n\n1+1\n")

DIB_MIXED = (
    "#!meta\r\n\r\n"
    '{"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":["cs"],"name":"csharp"},'
    '{"aliases":[],"languageName":"fsharp","name":"fsharp"},{"aliases":["powershell"],"name":"pwsh"}]}}\r\n\r\n'
    "#!md\r\n\r\n\r\nIntro with <>&' caf\u00e9\r\n\r\n"
    "#!csharp\r\n\r\n#!time\r\nvar x = 1;\r\n\r\n\r\n#!set --name y --value 2\r\nx\r\n\r\n"
    "#!fsharp\r\nlet y = 2\r\n"
    "#!csharp\r\n\r\n\r\n"
    "#!pwsh\r\nGet-Date\r\n"
    "#!cs\r\nConsole.WriteLine(1);\r\n"
    "#!javascript\r\nconsole.log(1)\r\n")

DIB_NO_META = "Console.WriteLine(\"before any separator\");\n\n#!markdown\n\n## Notes\n    #!csharp stays inside (indented)\n"


def dib_files():
    for name, text in [("canonical.dib", DIB_CANONICAL), ("mixed-crlf.dib", DIB_MIXED), ("no-meta.dib", DIB_NO_META)]:
        open(out_path("dib", name), "w", encoding="utf-8", newline="").write(text)


def position_of(text, needle, offset_in_needle=0):
    """1-based (line, column) of needle's occurrence plus an offset, from the fixture text itself."""
    index = text.index(needle) + offset_in_needle
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return [line, column]


def malformed():
    expected = {}

    def bad_json(name, text):
        open(out_path("malformed", name), "w", encoding="utf-8").write(text)
        try:
            json.loads(text)
            raise SystemExit(f"{name} unexpectedly parsed")
        except json.JSONDecodeError as e:
            expected[name] = {"line": e.lineno, "column": e.colno, "contains": "invalid JSON"}

    bad_json("trailing-comma.ipynb", '{\n "cells": [],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5,\n}\n')
    bad_json("missing-colon.ipynb", '{\n "cells": [],\n "metadata" {}\n}\n')
    bad_json("unterminated-string.ipynb", '{\n "cells": [\n  {"cell_type": "code", "source": "abc\n')
    bad_json("missing-comma.ipynb", '{"cells": [] "metadata": {}}')

    def bad_shape(name, text, needle, offset, contains):
        open(out_path("malformed", name), "w", encoding="utf-8").write(text)
        json.loads(text)
        expected[name] = {"line": position_of(text, needle, offset)[0], "column": position_of(text, needle, offset)[1],
                          "contains": contains}

    good = '{\n "cells": [],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n'
    bad_shape("cells-not-array.ipynb", good.replace('"cells": []', '"cells": {"a": 1}'),
              '{"a": 1}', 0, 'expected "cells" to be an array')
    bad_shape("nbformat3.ipynb", good.replace('"nbformat": 4', '"nbformat": 3'),
              '3,', 0, "nbformat 3 is not supported")
    bad_shape("nbformat-string.ipynb", good.replace('"nbformat": 4', '"nbformat": "4"'),
              '"4"', 0, 'expected "nbformat" to be an integer')
    source_wrong = ('{\n "cells": [\n  {\n   "cell_type": "markdown",\n   "id": "a",\n   "metadata": {},\n'
                    '   "source": 12\n  }\n ],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n')
    bad_shape("source-number.ipynb", source_wrong, "12\n", 0, 'expected "source" to be a string or an array of strings')
    traceback_wrong = ('{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": "", "execution_count": null,\n'
                       '  "outputs": [{"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["ok", 7]}]}],\n'
                       ' "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n')
    bad_shape("traceback-number.ipynb", traceback_wrong, "7]", 0, 'expected every element of "traceback" to be a string')
    missing_type = ('{"cells": [\n {"id": "a", "metadata": {}, "source": "x"}\n], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n')
    bad_shape("missing-cell-type.ipynb", missing_type, '{"id"', 0, 'missing required string "cell_type"')
    bad_meta = "#!meta\n\n{\"kernelInfo\": [1,}\n\n#!csharp\n\n1\n"
    open(out_path("malformed", "bad-meta.dib"), "w", encoding="utf-8").write(bad_meta)
    meta_json = bad_meta.split("#!meta\n")[1].split("#!csharp")[0]
    try:
        json.loads(meta_json)
    except json.JSONDecodeError as e:
        # The block starts on line 2 of the file.
        expected["bad-meta.dib"] = {"line": e.lineno + 1, "column": e.colno, "contains": "invalid JSON"}

    with open(out_path("malformed", "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


def floats():
    """Python's JSON text for doubles, keyed by their IEEE-754 bits, for numbers Kiln creates in code."""
    import math
    values = [0.1, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0, 123456789012345680.0, 1e-05, 0.0001, 0.00012345,
              5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, -0.0, 0.0, 2.5, -100.0, 1e22, 1.5e-07,
              0.30000000000000004, 12345.678, math.pi, math.e * 1e20, 5.123456, 0.6, 3.0, float("nan"),
              float("inf"), float("-inf")]
    rows = [{"bits": struct.unpack("<q", struct.pack("<d", v))[0], "json": json.dumps(v)} for v in values]
    with open(out_path("json", "floats.json"), "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=1)
        f.write("\n")


def main():
    floats()
    nb = canonical_outputs()
    canonical_polyglot()
    canonical_empty()
    noncanonical(nb)
    dib_files()
    malformed()
    print("notebook fixtures written under", os.path.normpath(ROOT))


if __name__ == "__main__":
    main()
