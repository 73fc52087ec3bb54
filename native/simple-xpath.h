// Simple XPaths: the few expression shapes the simulator asks inspect() for, evaluated by walking
// the tree instead of by libxml2's XPath engine (see simple-xpath.c for the subset and why).
#ifndef HIE_CONFORM_SIMPLE_XPATH_H
#define HIE_CONFORM_SIMPLE_XPATH_H

#include <libxml/tree.h>

typedef struct SimpleXPath SimpleXPath;

// The expression compiled when it is in the subset (prefix `prefix` bound to `ns`); NULL when it is
// not (or out of memory): the caller then evaluates it with libxml2's XPath engine.
SimpleXPath *simple_xpath_compile(const char *source, const char *prefix, const char *ns);

// 1 when the expression is a location path (its value is a node), 0 when it is a string or number.
int simple_xpath_selects_node(const SimpleXPath *x);

// A location path's first node from `context`, or NULL when it selects none.
xmlNodePtr simple_xpath_node(const SimpleXPath *x, xmlNodePtr context);

// A string or number expression's XPath string value from `context` (malloc'd; NULL when out of memory).
char *simple_xpath_string(const SimpleXPath *x, xmlNodePtr context);

void simple_xpath_free(SimpleXPath *x);

#endif
