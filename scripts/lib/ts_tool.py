#!/usr/bin/env python3
"""Small helpers around Qt Linguist .ts files for scripts/update-translations.

  ts_tool.py list  FILE.ts            untranslated messages: context <TAB> source (newlines as \\n)
  ts_tool.py apply FILE.ts TSV        fill translations from context <TAB> source <TAB> translation lines;
                                      plural forms separated by " || "; existing translations are replaced
  ts_tool.py stats FILE.ts...         messages, finished, unfinished per file; exit 1 if any is unfinished
"""
import sys
import xml.etree.ElementTree as ET


def esc(text):
    return (text or "").replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def unesc(text):
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def messages(root):
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def unfinished(message):
    t = message.find("translation")
    if t is None or t.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    forms = t.findall("numerusform")
    if message.get("numerus") == "yes":
        return not forms or any(not (f.text or "").strip() for f in forms)
    return not (t.text or "").strip()


def write(tree, path):
    # Keep lupdate's header and layout close enough that its next run makes a small diff.
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")


def cmd_list(path):
    for name, message in messages(ET.parse(path).getroot()):
        if unfinished(message):
            print(f"{name}\t{esc(message.findtext('source'))}")


def cmd_apply(path, tsv):
    table = {}
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            context, source, translation = line.split("\t")
            table[(context, unesc(source))] = unesc(translation)
    tree = ET.parse(path)
    used = set()
    for name, message in messages(tree.getroot()):
        key = (name, message.findtext("source"))
        if key not in table:
            continue
        used.add(key)
        t = message.find("translation")
        if t is None:
            t = ET.SubElement(message, "translation")
        t.attrib.pop("type", None)
        for child in list(t):
            t.remove(child)
        if message.get("numerus") == "yes":
            t.text = None
            for form in table[key].split(" || "):
                ET.SubElement(t, "numerusform").text = form
        else:
            t.text = table[key]
    write(tree, path)
    for key in sorted(set(table) - used):
        print(f"not in {path} (changed or removed in the code?): {key[0]}\t{esc(key[1])}", file=sys.stderr)


def cmd_stats(paths):
    bad = 0
    for path in paths:
        total = todo = 0
        for _, message in messages(ET.parse(path).getroot()):
            total += 1
            todo += unfinished(message)
        print(f"{path}: {total} messages, {total - todo} translated, {todo} to translate")
        bad += todo
    if bad:
        print("Translate them in Qt Linguist (/usr/lib/qt6/bin/linguist FILE.ts), or list them with "
              "--list, write the German into a TSV and run --apply.")
    return 1 if bad else 0


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    if cmd == "list":
        cmd_list(args[0])
    elif cmd == "apply":
        cmd_apply(args[0], args[1])
    elif cmd == "stats":
        sys.exit(cmd_stats(args))
    else:
        sys.exit(__doc__)
