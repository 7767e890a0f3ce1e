"""Write ui/*.ui forms exactly as Qt Designer saves them, so a form opened and saved in
Designer comes back byte for byte.

Designer (Qt 6) writes through QXmlStreamWriter with one-space indentation, an element that
holds only text on one line, an empty one as `<x/>`, `"` escaped in text, the elements of a
widget in the order of its DOM (properties, attributes, items, layout, child widgets,
actions), each widget's properties in the order of its class's meta-object (the class's own
properties after those of the classes it derives from, with Designer's invented ones such as
a label's `buddy` or a layout's margins last), enums fully qualified
(`Qt::Orientation::Vertical`), and always a `<resources/>` and a `<connections/>`.

`python tools/designer_format.py` rewrites every form in ui/ in that format (`--check` only
lists the forms that differ).
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtCore import QMetaObject

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "ui"

# The order of children ui4.cpp writes for each element (anything unknown keeps its place
# after these).
CHILD_ORDER: dict[str, list[str]] = {
    "ui": ["author", "comment", "exportmacro", "class", "widget", "layoutdefault",
           "layoutfunction", "pixmapfunction", "customwidgets", "tabstops", "images",
           "includes", "resources", "connections", "designerdata", "slots", "buttongroups"],
    "widget": ["class", "property", "script", "widgetdata", "attribute", "row", "column",
               "item", "layout", "widget", "action", "actiongroup", "addaction", "zorder"],
    "layout": ["property", "attribute", "item"],
    "customwidget": ["class", "extends", "header", "sizehint", "addpagemethod", "container",
                     "sizepolicy", "pixmap", "script", "properties", "slots",
                     "propertyspecifications"],
}
ATTRIBUTE_ORDER: dict[str, list[str]] = {
    "ui": ["version", "language", "displayname", "idbasedtr", "label", "stdsetdef"],
    "widget": ["class", "name", "native"],
    "layout": ["class", "name", "stretch", "rowstretch", "columnstretch",
               "rowminimumheight", "columnminimumwidth"],
    "item": ["row", "column", "rowspan", "colspan", "alignment"],
    "property": ["name", "stdset"],
    "attribute": ["name", "stdset"],
    "string": ["notr", "comment", "extracomment", "id"],
}
# Designer's layout sheet: the layout's meta-properties, then its invented ones.
LAYOUT_PROPERTIES = ["spacing", "sizeConstraint", "leftMargin", "topMargin", "rightMargin",
                     "bottomMargin", "horizontalSpacing", "verticalSpacing",
                     "fieldGrowthPolicy", "rowWrapPolicy", "labelAlignment", "formAlignment"]
SPACER_PROPERTIES = ["orientation", "sizeType", "sizeHint"]
LAYOUT_ENUMS = {"sizeConstraint": "QLayout::SizeConstraint",
                "fieldGrowthPolicy": "QFormLayout::FieldGrowthPolicy",
                "rowWrapPolicy": "QFormLayout::RowWrapPolicy"}
SPACER_ENUMS = {"orientation": "Qt::Orientation", "sizeType": "QSizePolicy::Policy"}
# Properties Designer adds to a class's own (written after the meta-object's).
INVENTED = {"QLabel": ["buddy"]}


def meta_object(class_name: str, extends: dict[str, str]) -> QMetaObject | None:
    seen = class_name
    while seen:
        cls = getattr(QtWidgets, seen, None)
        if cls is not None and hasattr(cls, "staticMetaObject"):
            return cls.staticMetaObject
        seen = extends.get(seen, "")
    return None


def property_order(class_name: str, extends: dict[str, str]) -> list[str]:
    meta = meta_object(class_name, extends)
    if meta is None:
        return []
    names = [str(meta.property(i).name()) for i in range(meta.propertyCount())]
    invented: list[str] = []
    klass: QMetaObject | None = meta
    while klass is not None:
        invented = INVENTED.get(klass.className(), []) + invented
        klass = klass.superClass()
    return names + invented


def qualified(value: str, prefix: str) -> str:
    """`Qt::Vertical` -> `Qt::Orientation::Vertical` (values joined by | one by one)."""
    parts = []
    for part in value.split("|"):
        key = part.split("::")[-1]
        parts.append(f"{prefix}::{key}" if part.count("::") < 2 else part)
    return "|".join(parts)


def enum_prefix(meta: QMetaObject | None, name: str) -> str | None:
    if meta is None:
        return None
    index = meta.indexOfProperty(name)
    if index < 0:
        return None
    prop = meta.property(index)
    if not (prop.isEnumType() or prop.isFlagType()):
        return None
    enumerator = prop.enumerator()
    return f"{enumerator.scope()}::{enumerator.enumName()}"


def qualify_enums(properties: list[ET.Element], prefixes: dict[str, str | None]) -> None:
    for prop in properties:
        prefix = prefixes.get(prop.get("name", ""))
        if not prefix:
            continue
        for value in prop:
            if value.tag in ("enum", "set") and value.text:
                value.text = qualified(value.text, prefix)


def sort_properties(element: ET.Element, order: list[str]) -> list[ET.Element]:
    properties = [child for child in element if child.tag == "property"]
    rank = {name: i for i, name in enumerate(order)}
    # Designer keeps dynamic properties (stdset="0", not in the class) after the others.
    return sorted(properties, key=lambda p: rank.get(p.get("name", ""), len(rank)))


def reorder_children(element: ET.Element, properties: list[ET.Element] | None = None) -> None:
    order = CHILD_ORDER.get(element.tag)
    children = list(element)
    if properties is not None:
        others = iter(properties)
        children = [next(others) if c.tag == "property" else c for c in children]
    if order:
        rank = {tag: i for i, tag in enumerate(order)}
        children.sort(key=lambda c: rank.get(c.tag, len(rank)))
    element[:] = children


def normalise(element: ET.Element, extends: dict[str, str]) -> None:
    """Put one element (and everything in it) in Designer's order and spelling."""
    if element.tag == "widget":
        class_name = element.get("class", "")
        meta = meta_object(class_name, extends)
        properties = sort_properties(element, property_order(class_name, extends))
        qualify_enums(properties, {p.get("name", ""): enum_prefix(meta, p.get("name", ""))
                                   for p in properties})
        reorder_children(element, properties)
    elif element.tag == "layout":
        properties = sort_properties(element, LAYOUT_PROPERTIES)
        qualify_enums(properties, dict(LAYOUT_ENUMS))
        reorder_children(element, properties)
    elif element.tag == "spacer":
        properties = sort_properties(element, SPACER_PROPERTIES)
        qualify_enums(properties, dict(SPACER_ENUMS))
        reorder_children(element, properties)
    else:
        reorder_children(element)
    attribute_order = ATTRIBUTE_ORDER.get(element.tag)
    if attribute_order:
        rank = {name: i for i, name in enumerate(attribute_order)}
        ordered = sorted(element.attrib.items(), key=lambda kv: rank.get(kv[0], len(rank)))
        element.attrib.clear()
        element.attrib.update(ordered)
    for child in element:
        normalise(child, extends)


def escape(text: str, attribute: bool = False) -> str:
    """QXmlStreamWriter's escaping: &, <, >, " always; whitespace too inside an attribute."""
    text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
    if attribute:
        text = text.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return text


def write(element: ET.Element, depth: int, out: list[str]) -> None:
    indent = " " * depth
    attributes = "".join(f' {k}="{escape(v, True)}"' for k, v in element.attrib.items())
    children = list(element)
    text = element.text if element.text and element.text.strip() or not children else None
    if children:
        out.append(f"{indent}<{element.tag}{attributes}>\n")
        for child in children:
            write(child, depth + 1, out)
        out.append(f"{indent}</{element.tag}>\n")
    elif text:
        out.append(f"{indent}<{element.tag}{attributes}>{escape(text)}</{element.tag}>\n")
    else:
        out.append(f"{indent}<{element.tag}{attributes}/>\n")


def designer_format(source: str) -> str:
    """The form as Designer would save it."""
    root = ET.fromstring(source)
    extends = {(c.findtext("class") or ""): (c.findtext("extends") or "")
               for c in root.iter("customwidget")}
    for required in ("resources", "connections"):
        if root.find(required) is None:
            ET.SubElement(root, required)
    normalise(root, extends)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    write(root, 0, out)
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="list the forms that differ and change none")
    parser.add_argument("forms", nargs="*", type=Path, help="forms (default: every ui/*.ui)")
    args = parser.parse_args(argv)
    differ = 0
    for form in args.forms or sorted(FORMS.glob("*.ui")):
        source = form.read_text(encoding="utf-8")
        formatted = designer_format(source)
        if formatted == source:
            continue
        differ += 1
        if args.check:
            print(f"{form}: not in Designer's format")
        else:
            temporary = form.with_suffix(".ui.tmp")
            temporary.write_text(formatted, encoding="utf-8")
            temporary.replace(form)
            print(f"formatted {form}")
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    sys.exit(main())
