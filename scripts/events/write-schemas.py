#!/usr/bin/env python3
"""One-off helper: writes JSON Schemas for compact event specs given on stdin as JSON
{ type: { field: "uuid|uuid?|string|string?|date|date?|datetime|number|integer|boolean|enum:A,B|array:uuid", ... } }.
Every property is required (nullable ones accept null); no other properties are allowed."""
import json, sys, os

def prop(spec):
    nullable = spec.endswith('?')
    spec = spec.rstrip('?')
    if spec == 'uuid': s = {"type": "string", "format": "uuid"}
    elif spec == 'string': s = {"type": "string"}
    elif spec == 'date': s = {"type": "string", "format": "date"}
    elif spec == 'datetime': s = {"type": "string", "format": "date-time"}
    elif spec == 'number': s = {"type": "number"}
    elif spec == 'integer': s = {"type": "integer"}
    elif spec == 'boolean': s = {"type": "boolean"}
    elif spec.startswith('enum:'): s = {"type": "string", "enum": spec[5:].split(',')}
    elif spec.startswith('array:'): s = {"type": "array", "items": prop(spec[6:])}
    else: raise SystemExit(f"unknown spec {spec}")
    if nullable:
        if 'enum' in s: s['enum'] = s['enum'] + [None]
        s['type'] = [s['type'], 'null']
    return s

out = os.path.join(os.path.dirname(__file__), '..', '..', 'schemas', 'events')
for type_, fields in json.load(sys.stdin).items():
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"https://schemas.cpb.example/events/{type_}.json",
        "title": type_,
        "type": "object",
        "additionalProperties": False,
        "required": list(fields.keys()),
        "properties": {k: prop(v) for k, v in fields.items()},
    }
    with open(os.path.join(out, f"{type_}.json"), 'w') as f:
        json.dump(schema, f, indent=2, ensure_ascii=False)
        f.write('\n')
    print('wrote', type_)
