#!/usr/bin/env python3
"""Fails when a target imports one of the package's own modules (or a product)
that its Package.swift entry does not declare.

SwiftPM only finds such a module when another target happened to build it first,
so the build passes or fails by scheduling order (CI failed this way once:
ParallaxStoreTests imported ParallaxApp without declaring it).

Usage: Tests/Scripts/check-imports.py   (from the package root)
"""
import json
import os
import re
import subprocess
import sys

IMPORT = re.compile(
    r"^[ \t]*(?:@\w+[ \t]+)*(?:(?:public|internal|package|private|fileprivate)[ \t]+)?import[ \t]+"
    r"(?:(?:struct|class|enum|func|protocol|typealias|var|let)[ \t]+)?([A-Za-z_]\w*)", re.M)
# Modules every target may import: the toolchain's own.
TOOLCHAIN = {"Foundation", "FoundationEssentials", "Dispatch", "Synchronization", "Testing", "XCTest",
             "Glibc", "Darwin", "Musl", "os", "_Concurrency", "Observation"}

package = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True,
                                    capture_output=True, text=True).stdout)
own = {t["name"] for t in package["targets"]}
problems = []
for target in package["targets"]:
    if target["type"] == "system":
        continue
    declared = set()
    for dep in target["dependencies"]:
        kind, value = next(iter(dep.items()))
        declared.add(value[0])
    root = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", target["name"])
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".swift"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            for module in IMPORT.findall(text):
                if module in TOOLCHAIN or module == target["name"] or module in declared:
                    continue
                problems.append(f"{path}: imports {module}, which target {target['name']} does not declare")
for line in sorted(set(problems)):
    print(line, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"imports: every target declares what it imports ({len(package['targets'])} targets)")
