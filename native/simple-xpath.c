// Simple XPaths for inspect(): the expression shapes the simulator reads request facts with
// (src/simulator/hcim-v3/v3-request-facts.ts), evaluated by walking the tree. libxml2's XPath
// engine spends about 35 µs per request on them (building node-sets, casting, allocating for every
// step), more than parsing the request; walking the children costs a few µs. Anything outside this
// subset is still evaluated by libxml2 (xsd-native.c), and `prepareXPaths(..., { libxml2: true })`
// evaluates everything there: the parity tests compare both on the same documents.
//
// The subset (P is the one prefix bound, to namespace N; spaces allowed only around concat's
// arguments):
//   path    := P:name[1] ( / P:name[1] )*          first child element named `name` in N, per step
//   expr    := path                                  its node (inspect serialises it)
//            | string( path /@name )                 the un-namespaced attribute's value, or ''
//            | count( path )                         0 or 1
//            | count(descendant::*[not(self::P:*)])  descendant elements outside N
//            | concat( arg , arg ( , arg )* )        arg := 'literal' | "literal" | string(...) | count(...)
// `name` is an ASCII NCName. Each value equals what libxml2's XPath gives for the same expression
// with the message element as context node (XPath string values: attribute content via
// xmlNodeGetContent, integers in decimal).
#include "simple-xpath.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char **names;
  size_t count;
} Path;

typedef enum { PART_LITERAL, PART_ATTRIBUTE, PART_COUNT_PATH, PART_COUNT_FOREIGN } PartKind;

typedef struct {
  PartKind kind;
  char *text; // the literal, or the attribute's name
  Path path;  // PART_ATTRIBUTE, PART_COUNT_PATH
} Part;

struct SimpleXPath {
  char *ns;
  int selects_node;
  Path path; // selects_node
  Part *parts;
  size_t nparts;
};

static void path_free(Path *path) {
  for (size_t i = 0; i < path->count; i++) free(path->names[i]);
  free(path->names);
}

void simple_xpath_free(SimpleXPath *x) {
  if (!x) return;
  path_free(&x->path);
  for (size_t i = 0; i < x->nparts; i++) {
    free(x->parts[i].text);
    path_free(&x->parts[i].path);
  }
  free(x->parts);
  free(x->ns);
  free(x);
}

// ---------------------------------------------------------------------------------------------
// Parsing: each function advances *p past what it read and returns 1, or returns 0 (not in the subset).

static int eat(const char **p, const char *literal) {
  size_t n = strlen(literal);
  if (strncmp(*p, literal, n) != 0) return 0;
  *p += n;
  return 1;
}

static void skip_spaces(const char **p) {
  while (**p == ' ') (*p)++;
}

static int is_name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static int is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

static char *parse_name(const char **p) {
  const char *start = *p;
  if (!is_name_start(*start)) return NULL;
  const char *end = start + 1;
  while (is_name_char(*end)) end++;
  *p = end;
  return strndup(start, (size_t)(end - start));
}

static int parse_step(const char **p, const char *prefix, Path *path) {
  const char *at = *p;
  if (!eat(&at, prefix) || !eat(&at, ":")) return 0;
  char *name = parse_name(&at);
  if (!name) return 0;
  char **names = realloc(path->names, (path->count + 1) * sizeof(char *));
  if (!names || !eat(&at, "[1]")) {
    if (names) path->names = names;
    free(name);
    return 0;
  }
  path->names = names;
  path->names[path->count++] = name;
  *p = at;
  return 1;
}

// One step or more; stops before a '/' that does not start another step (such as "/@").
static int parse_path(const char **p, const char *prefix, Path *path) {
  if (!parse_step(p, prefix, path)) return 0;
  for (;;) {
    const char *at = *p;
    if (!eat(&at, "/") || !parse_step(&at, prefix, path)) return 1;
    *p = at;
  }
}

static int parse_literal(const char **p, Part *part) {
  char quote = **p;
  if (quote != '\'' && quote != '"') return 0;
  const char *end = strchr(*p + 1, quote);
  if (!end) return 0;
  part->kind = PART_LITERAL;
  part->text = strndup(*p + 1, (size_t)(end - *p - 1));
  *p = end + 1;
  return part->text != NULL;
}

// string(path/@name), count(path) or the foreign-element count.
static int parse_function(const char **p, const char *prefix, Part *part) {
  const char *at = *p;
  if (eat(&at, "string(")) {
    part->kind = PART_ATTRIBUTE;
    if (!parse_path(&at, prefix, &part->path) || !eat(&at, "/@")) return 0;
    part->text = parse_name(&at);
    if (!part->text || !eat(&at, ")")) return 0;
  } else if (eat(&at, "count(")) {
    const char *foreign = at;
    if (eat(&foreign, "descendant::*[not(self::") && eat(&foreign, prefix) && eat(&foreign, ":*)])")) {
      part->kind = PART_COUNT_FOREIGN;
      at = foreign;
    } else {
      part->kind = PART_COUNT_PATH;
      if (!parse_path(&at, prefix, &part->path) || !eat(&at, ")")) return 0;
    }
  } else {
    return 0;
  }
  *p = at;
  return 1;
}

static Part *add_part(SimpleXPath *x) {
  Part *parts = realloc(x->parts, (x->nparts + 1) * sizeof(Part));
  if (!parts) return NULL;
  x->parts = parts;
  memset(&parts[x->nparts], 0, sizeof(Part));
  return &parts[x->nparts++];
}

static int parse_expression(const char **p, const char *prefix, SimpleXPath *x) {
  if (eat(p, "concat(")) {
    for (;;) {
      skip_spaces(p);
      Part *part = add_part(x);
      if (!part || !(parse_literal(p, part) || parse_function(p, prefix, part))) return 0;
      skip_spaces(p);
      if (eat(p, ")")) return x->nparts >= 2; // XPath's concat takes two arguments or more
      if (!eat(p, ",")) return 0;
    }
  }
  if (strncmp(*p, "string(", 7) == 0 || strncmp(*p, "count(", 6) == 0) {
    Part *part = add_part(x);
    return part && parse_function(p, prefix, part);
  }
  x->selects_node = 1;
  return parse_path(p, prefix, &x->path);
}

SimpleXPath *simple_xpath_compile(const char *source, const char *prefix, const char *ns) {
  SimpleXPath *x = calloc(1, sizeof(SimpleXPath));
  if (!x) return NULL;
  x->ns = strdup(ns);
  const char *p = source;
  if (!x->ns || !parse_expression(&p, prefix, x) || *p != '\0') {
    simple_xpath_free(x);
    return NULL;
  }
  return x;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

static int in_ns(xmlNodePtr node, const char *ns) {
  return node->ns != NULL && node->ns->href != NULL && strcmp((const char *)node->ns->href, ns) == 0;
}

static xmlNodePtr walk(const Path *path, xmlNodePtr node, const char *ns) {
  for (size_t i = 0; node && i < path->count; i++) {
    xmlNodePtr child = node->children;
    while (child && !(child->type == XML_ELEMENT_NODE && strcmp((const char *)child->name, path->names[i]) == 0 && in_ns(child, ns))) child = child->next;
    node = child;
  }
  return node;
}

// Descendant elements of `node` outside `ns` (iterative: a hostile message may nest deeply).
static unsigned long count_foreign(xmlNodePtr node, const char *ns) {
  unsigned long count = 0;
  xmlNodePtr cur = node->children;
  while (cur && cur != node) {
    if (cur->type == XML_ELEMENT_NODE) {
      if (!in_ns(cur, ns)) count++;
      if (cur->children) {
        cur = cur->children;
        continue;
      }
    }
    while (cur != node && cur->next == NULL) cur = cur->parent;
    if (cur != node) cur = cur->next;
  }
  return count;
}

// The part's string value (malloc'd), or NULL when out of memory.
static char *part_value(const Part *part, xmlNodePtr context, const char *ns) {
  char number[32];
  switch (part->kind) {
  case PART_LITERAL:
    return strdup(part->text);
  case PART_ATTRIBUTE: {
    xmlNodePtr element = walk(&part->path, context, ns);
    for (xmlAttrPtr attr = element ? element->properties : NULL; attr; attr = attr->next) {
      if (attr->ns != NULL || strcmp((const char *)attr->name, part->text) != 0) continue;
      xmlChar *content = xmlNodeGetContent((xmlNodePtr)attr);
      char *value = strdup(content ? (const char *)content : "");
      xmlFree(content);
      return value;
    }
    return strdup("");
  }
  case PART_COUNT_PATH:
    return strdup(walk(&part->path, context, ns) ? "1" : "0");
  case PART_COUNT_FOREIGN:
    snprintf(number, sizeof number, "%lu", count_foreign(context, ns));
    return strdup(number);
  }
  return NULL;
}

int simple_xpath_selects_node(const SimpleXPath *x) {
  return x->selects_node;
}

xmlNodePtr simple_xpath_node(const SimpleXPath *x, xmlNodePtr context) {
  return walk(&x->path, context, x->ns);
}

char *simple_xpath_string(const SimpleXPath *x, xmlNodePtr context) {
  if (x->nparts == 1) return part_value(&x->parts[0], context, x->ns); // no join to do
  char **values = calloc(x->nparts, sizeof(char *));
  if (!values) return NULL;
  size_t length = 0;
  int ok = 1;
  for (size_t i = 0; i < x->nparts && ok; i++) {
    values[i] = part_value(&x->parts[i], context, x->ns);
    ok = values[i] != NULL;
    if (ok) length += strlen(values[i]);
  }
  char *out = ok ? malloc(length + 1) : NULL;
  if (out) {
    char *end = out;
    for (size_t i = 0; i < x->nparts; i++) {
      size_t n = strlen(values[i]);
      memcpy(end, values[i], n);
      end += n;
    }
    *end = '\0';
  }
  for (size_t i = 0; i < x->nparts; i++) free(values[i]);
  free(values);
  return out;
}
