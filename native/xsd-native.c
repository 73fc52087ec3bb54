// Native XSD validation for hie-conform: a thin N-API binding over the system libxml2 (the library
// xmllint uses). See README.md for why it exists and how src/validate/xsd-engine.ts uses it.
//
//   compileSchema(path, allowedRoots[]) -> { handle?, served[], refused[], errors[{ file, line, message }] }
//   setRootSchema(rootName, handle)     -> messages with this root element are validated by it
//   prepareXPaths(expressions[], opts?) -> handle for inspect's options.xpaths
//   xpathEngines(handle)               -> ['simple' | 'libxml2', ...]: how each expression is evaluated
//   inspect(input | inputs[], options)  -> Promise<{ status, name, ns, line, findings?, values? } | [...]>
//   freeSchema(handle)
//
// Safety: messages are parsed with XML_PARSE_NONET, without entity substitution or DTD loading; the
// external entity loader serves files only while a schema is being compiled, and only files under
// the allowed roots given by the caller (no network, no other files), exactly like the file
// provider of the WebAssembly engine (src/validate/xsd.ts).
#define NAPI_VERSION 8
#include <node_api.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlversion.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "simple-xpath.h"

#if LIBXML_VERSION >= 21200
#define XML_ERR_CONST const
#else
#define XML_ERR_CONST
#endif

#define CHECK(call)                                                                                \
  do {                                                                                             \
    if ((call) != napi_ok) {                                                                       \
      napi_throw_error(env, NULL, "xsd-native: N-API call failed: " #call);                      \
      return NULL;                                                                                 \
    }                                                                                              \
  } while (0)

static const char *SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
static const char *SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

// ---------------------------------------------------------------------------------------------
// Growable string list

typedef struct {
  char **items;
  size_t count, cap;
} StrList;

static void strlist_push(StrList *list, const char *s) {
  if (list->count == list->cap) {
    size_t cap = list->cap ? list->cap * 2 : 8;
    char **items = realloc(list->items, cap * sizeof(char *));
    if (!items) return;
    list->items = items;
    list->cap = cap;
  }
  char *copy = strdup(s ? s : "");
  if (copy) list->items[list->count++] = copy;
}

static void strlist_free(StrList *list) {
  for (size_t i = 0; i < list->count; i++) free(list->items[i]);
  free(list->items);
  list->items = NULL;
  list->count = list->cap = 0;
}

// ---------------------------------------------------------------------------------------------
// External entity loader: files under the allowed roots, during a schema compilation only.

typedef struct {
  StrList roots, served, refused;
} CompileScope;

static __thread CompileScope *compile_scope = NULL;

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Lexically normalises an absolute path in place ("." and ".." segments, repeated slashes), as
// Node's path.resolve does (no symlink resolution).
static void normalise(char *p) {
  char *segs[PATH_MAX / 2];
  size_t n = 0;
  char *save = NULL;
  char buf[PATH_MAX];
  strncpy(buf, p, sizeof buf - 1);
  buf[sizeof buf - 1] = 0;
  for (char *tok = strtok_r(buf, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
    if (strcmp(tok, ".") == 0) continue;
    if (strcmp(tok, "..") == 0) {
      if (n > 0) n--;
      continue;
    }
    if (n < sizeof segs / sizeof segs[0]) segs[n++] = tok;
  }
  char out[PATH_MAX];
  size_t len = 0;
  out[0] = 0;
  for (size_t i = 0; i < n; i++) {
    size_t l = strlen(segs[i]);
    if (len + l + 2 >= sizeof out) break;
    out[len++] = '/';
    memcpy(out + len, segs[i], l);
    len += l;
    out[len] = 0;
  }
  if (len == 0) strcpy(out, "/");
  strcpy(p, out);
}

// A URL or path as libxml2 hands it to the loader -> absolute normalised path; 0 for any other scheme.
static int to_path(const char *url, char *out, size_t size) {
  char tmp[PATH_MAX];
  if (strncmp(url, "file://", 7) == 0) {
    const char *p = url + 7;
    if (strncmp(p, "localhost/", 10) == 0) p += 9;
    if (*p != '/') return 0;
    size_t j = 0;
    for (size_t i = 0; p[i] && j + 1 < sizeof tmp; i++) {
      if (p[i] == '%' && hexval(p[i + 1]) >= 0 && hexval(p[i + 2]) >= 0) {
        tmp[j++] = (char)(hexval(p[i + 1]) * 16 + hexval(p[i + 2]));
        i += 2;
      } else if (p[i] == '?' || p[i] == '#') {
        break;
      } else {
        tmp[j++] = p[i];
      }
    }
    tmp[j] = 0;
  } else {
    const char *c = url;
    if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')) {
      while ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '+' || *c == '.' || *c == '-') c++;
      if (*c == ':') return 0; // http:, ftp:, ... never
    }
    if (url[0] == '/') {
      if (strlen(url) >= sizeof tmp) return 0;
      strcpy(tmp, url);
    } else {
      char cwd[PATH_MAX];
      if (!getcwd(cwd, sizeof cwd)) return 0;
      if (strlen(cwd) + strlen(url) + 2 >= sizeof tmp) return 0;
      strcpy(tmp, cwd);
      strcat(tmp, "/");
      strcat(tmp, url);
    }
  }
  normalise(tmp);
  if (strlen(tmp) >= size) return 0;
  strcpy(out, tmp);
  return 1;
}

static int under_roots(const char *path, const StrList *roots) {
  for (size_t i = 0; i < roots->count; i++) {
    const char *root = roots->items[i];
    size_t l = strlen(root);
    if (strcmp(path, root) == 0) return 1;
    if (strncmp(path, root, l) == 0 && (path[l] == '/' || (l > 0 && root[l - 1] == '/'))) return 1;
  }
  return 0;
}

static xmlParserInputPtr guarded_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  CompileScope *scope = compile_scope;
  char path[PATH_MAX];
  if (url == NULL) return NULL;
  if (scope == NULL) return NULL; // outside a schema compilation nothing is ever loaded
  if (!to_path(url, path, sizeof path) || !under_roots(path, &scope->roots)) {
    strlist_push(&scope->refused, url);
    return NULL;
  }
  if (access(path, R_OK) != 0) return NULL;
  strlist_push(&scope->served, path);
  return xmlNewInputFromFile(ctxt, path);
}

static void silent_generic(void *ctx, const char *msg, ...) {}

static void quiet_thread(void) {
  // Per thread in a threaded libxml2: nothing of ours is printed to stderr.
  xmlSetGenericErrorFunc(NULL, silent_generic);
  xmlSetStructuredErrorFunc(NULL, NULL);
}

// ---------------------------------------------------------------------------------------------
// Helpers

static int get_flag(napi_env env, napi_value object, const char *name) {
  napi_value value;
  bool flag = false;
  if (napi_get_named_property(env, object, name, &value) != napi_ok) return 0;
  if (napi_get_value_bool(env, value, &flag) != napi_ok) return 0;
  return flag;
}

// Handles are externals tagged with their kind, so a schema handle passed where XPaths are expected
// (or any other value) is refused instead of being read as the wrong structure.
static const napi_type_tag SCHEMA_TAG = {0x6869652d636f6e66ULL, 0x736368656d610001ULL};
static const napi_type_tag XPATHS_TAG = {0x6869652d636f6e66ULL, 0x7870617468730001ULL};

static napi_status tagged_external(napi_env env, void *data, napi_finalize finalize, const napi_type_tag *tag, napi_value *out) {
  napi_status status = napi_create_external(env, data, finalize, NULL, out);
  return status == napi_ok ? napi_type_tag_object(env, *out, tag) : status;
}

// The pointer of a handle of this kind; NULL for anything else.
static void *external_of(napi_env env, napi_value value, const napi_type_tag *tag) {
  napi_valuetype type = napi_undefined;
  bool tagged = false;
  void *data = NULL;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_external) return NULL;
  if (napi_check_object_type_tag(env, value, tag, &tagged) != napi_ok || !tagged) return NULL;
  return napi_get_value_external(env, value, &data) == napi_ok ? data : NULL;
}

static char *get_string(napi_env env, napi_value value) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &len) != napi_ok) return NULL;
  char *s = malloc(len + 1);
  if (!s) return NULL;
  if (napi_get_value_string_utf8(env, value, s, len + 1, &len) != napi_ok) {
    free(s);
    return NULL;
  }
  return s;
}

static napi_value str(napi_env env, const char *s) {
  napi_value v;
  if (napi_create_string_utf8(env, s ? s : "", NAPI_AUTO_LENGTH, &v) != napi_ok) return NULL;
  return v;
}

// A UTF-8 string as a JavaScript string; ASCII (names, ids, codes: nearly every value) goes through
// the Latin-1 constructor, which copies the bytes instead of decoding them.
// The length comes from strlen and the ASCII test is a counted loop: both vectorised, where one
// loop testing each byte for the end and the high bit together was not.
static napi_value text_n(napi_env env, const char *s, size_t n) {
  unsigned char high = 0;
  for (size_t i = 0; i < n; i++) high |= (unsigned char)s[i];
  napi_value v;
  napi_status status = high < 0x80 ? napi_create_string_latin1(env, s, n, &v) : napi_create_string_utf8(env, s, n, &v);
  return status == napi_ok ? v : NULL;
}

static napi_value text(napi_env env, const char *s) {
  if (!s) s = "";
  return text_n(env, s, strlen(s));
}

static napi_value num(napi_env env, double d) {
  napi_value v;
  if (napi_create_double(env, d, &v) != napi_ok) return NULL;
  return v;
}

static napi_value strlist_to_array(napi_env env, const StrList *list) {
  napi_value arr;
  if (napi_create_array_with_length(env, list->count, &arr) != napi_ok) return NULL;
  for (size_t i = 0; i < list->count; i++) napi_set_element(env, arr, (uint32_t)i, str(env, list->items[i]));
  return arr;
}

static int is_ns(xmlNodePtr node, const char *name, const char *ns) {
  return node && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name) && node->ns && node->ns->href &&
         xmlStrEqual(node->ns->href, BAD_CAST ns);
}

static xmlNodePtr first_element(xmlNodePtr parent) {
  for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return c;
  return NULL;
}

// ---------------------------------------------------------------------------------------------
// Schemas

typedef struct {
  xmlDocPtr doc;
  xmlSchemaPtr schema;
} Schema;

typedef struct {
  char *file;
  long line;
  char *message;
} CompileError;

typedef struct {
  CompileError *items;
  size_t count, cap;
} CompileErrors;

static void on_compile_error(void *data, XML_ERR_CONST xmlError *err) {
  CompileErrors *errors = data;
  if (!err || err->level < XML_ERR_ERROR) return;
  if (errors->count == errors->cap) {
    size_t cap = errors->cap ? errors->cap * 2 : 8;
    CompileError *items = realloc(errors->items, cap * sizeof(CompileError));
    if (!items) return;
    errors->items = items;
    errors->cap = cap;
  }
  CompileError *e = &errors->items[errors->count++];
  e->file = err->file ? strdup(err->file) : NULL;
  e->line = err->line;
  e->message = strdup(err->message ? err->message : "unknown error");
}

static void forget_schema(napi_env env, Schema *s);

// A registered schema is never finalized: the registry holds a reference to its handle.
static void schema_finalize(napi_env env, void *data, void *hint) {
  Schema *s = data;
  if (!s) return;
  if (s->schema) xmlSchemaFree(s->schema);
  if (s->doc) xmlFreeDoc(s->doc);
  s->schema = NULL;
  s->doc = NULL;
  free(s);
}

static napi_value compile_schema(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 2) {
    napi_throw_type_error(env, NULL, "compileSchema(path, allowedRoots)");
    return NULL;
  }
  char *path = get_string(env, argv[0]);
  if (!path) {
    napi_throw_type_error(env, NULL, "compileSchema: path must be a string");
    return NULL;
  }
  CompileScope scope = {0};
  uint32_t nroots = 0;
  napi_get_array_length(env, argv[1], &nroots);
  for (uint32_t i = 0; i < nroots; i++) {
    napi_value item;
    napi_get_element(env, argv[1], i, &item);
    char *root = get_string(env, item);
    if (root) {
      strlist_push(&scope.roots, root);
      free(root);
    }
  }
  quiet_thread();
  CompileErrors errors = {0};
  Schema *s = calloc(1, sizeof(Schema));
  compile_scope = &scope;
  xmlParserCtxtPtr pctxt = xmlNewParserCtxt();
  if (pctxt) {
    s->doc = xmlCtxtReadFile(pctxt, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!s->doc) {
      XML_ERR_CONST xmlError *last = xmlCtxtGetLastError(pctxt);
      on_compile_error(&errors, last);
      if (errors.count == 0) {
        xmlError fake = {0};
        fake.level = XML_ERR_FATAL;
        fake.message = "cannot read the schema document";
        fake.file = path;
        on_compile_error(&errors, &fake);
      }
    }
    xmlFreeParserCtxt(pctxt);
  }
  if (s->doc) {
    xmlSchemaParserCtxtPtr sctxt = xmlSchemaNewDocParserCtxt(s->doc);
    if (sctxt) {
      xmlSchemaSetParserStructuredErrors(sctxt, on_compile_error, &errors);
      s->schema = xmlSchemaParse(sctxt);
      xmlSchemaFreeParserCtxt(sctxt);
    }
  }
  compile_scope = NULL;
  free(path);

  napi_value result, arr;
  CHECK(napi_create_object(env, &result));
  CHECK(napi_set_named_property(env, result, "served", strlist_to_array(env, &scope.served)));
  CHECK(napi_set_named_property(env, result, "refused", strlist_to_array(env, &scope.refused)));
  CHECK(napi_create_array_with_length(env, errors.count, &arr));
  for (size_t i = 0; i < errors.count; i++) {
    napi_value e;
    napi_create_object(env, &e);
    if (errors.items[i].file) napi_set_named_property(env, e, "file", str(env, errors.items[i].file));
    napi_set_named_property(env, e, "line", num(env, (double)errors.items[i].line));
    napi_set_named_property(env, e, "message", str(env, errors.items[i].message));
    napi_set_element(env, arr, (uint32_t)i, e);
    free(errors.items[i].file);
    free(errors.items[i].message);
  }
  free(errors.items);
  CHECK(napi_set_named_property(env, result, "errors", arr));
  strlist_free(&scope.roots);
  strlist_free(&scope.served);
  strlist_free(&scope.refused);
  if (s->schema) {
    napi_value handle;
    CHECK(tagged_external(env, s, schema_finalize, &SCHEMA_TAG, &handle));
    CHECK(napi_set_named_property(env, result, "handle", handle));
  } else {
    schema_finalize(env, s, NULL);
  }
  return result;
}

static napi_value free_schema(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  Schema *s = argc >= 1 ? external_of(env, argv[0], &SCHEMA_TAG) : NULL;
  if (!s) return NULL;
  forget_schema(env, s);
  if (s->schema) xmlSchemaFree(s->schema);
  if (s->doc) xmlFreeDoc(s->doc);
  s->schema = NULL;
  s->doc = NULL;
  return NULL;
}

// ---------------------------------------------------------------------------------------------
// Schemas by message root: which compiled schema validates a message, looked up by the worker
// threads of inspect(). Set from JavaScript (setRootSchema), which owns the root → schema catalogue.

typedef struct RootSchema {
  char *root;
  Schema *schema;
  napi_ref ref; // keeps the schema's handle (and so the Schema) alive while registered
  struct RootSchema *next;
} RootSchema;

// One registry per JavaScript environment (main thread, each worker thread): napi references
// belong to the environment that made them.
typedef struct {
  RootSchema *root_schemas;
  // Readers: inspect() work while it validates; writer: setRootSchema/freeSchema on the JS thread,
  // so a schema is never freed under a running validation.
  pthread_rwlock_t lock;
} Registry;

static Registry *registry_of(napi_env env) {
  Registry *registry = NULL;
  napi_get_instance_data(env, (void **)&registry);
  return registry;
}

static Schema *schema_for_root(Registry *registry, const char *root) {
  for (RootSchema *r = registry->root_schemas; r; r = r->next)
    if (strcmp(r->root, root) == 0) return r->schema;
  return NULL;
}

// Unregisters every root validated by `s` (or all when s is NULL); caller holds the write lock.
static void unregister_schema(napi_env env, Registry *registry, Schema *s) {
  for (RootSchema **link = &registry->root_schemas; *link;) {
    RootSchema *r = *link;
    if (s != NULL && r->schema != s) {
      link = &r->next;
      continue;
    }
    *link = r->next;
    if (env) napi_delete_reference(env, r->ref);
    free(r->root);
    free(r);
  }
}

// setRootSchema(rootName, handle | null): messages whose root element has this local name are
// validated against this schema by inspect({ validate: true }).
static napi_value set_root_schema(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char *root = argc >= 1 ? get_string(env, argv[0]) : NULL;
  if (!root) {
    napi_throw_type_error(env, NULL, "setRootSchema(rootName, handle)");
    return NULL;
  }
  Schema *s = argc >= 2 ? external_of(env, argv[1], &SCHEMA_TAG) : NULL;
  if (s && !s->schema) {
    free(root);
    napi_throw_type_error(env, NULL, "setRootSchema: schema already freed");
    return NULL;
  }
  Registry *registry = registry_of(env);
  pthread_rwlock_wrlock(&registry->lock);
  for (RootSchema **link = &registry->root_schemas; *link; link = &(*link)->next) {
    if (strcmp((*link)->root, root) != 0) continue;
    RootSchema *old = *link;
    *link = old->next;
    napi_delete_reference(env, old->ref);
    free(old->root);
    free(old);
    break;
  }
  if (s) {
    RootSchema *r = calloc(1, sizeof(RootSchema));
    if (r && napi_create_reference(env, argv[1], 1, &r->ref) == napi_ok) {
      r->root = root;
      root = NULL;
      r->schema = s;
      r->next = registry->root_schemas;
      registry->root_schemas = r;
    } else {
      free(r);
    }
  }
  pthread_rwlock_unlock(&registry->lock);
  free(root);
  return NULL;
}

// ---------------------------------------------------------------------------------------------
// Messages

typedef struct {
  char *message;
  int level;
  long line;
  char *path;
} ValidError;

typedef struct {
  xmlNodePtr message;
  ValidError *items;
  size_t count, cap;
} ValidErrors;

// Our element path from the message root (`/HCIM_IN_X/controlActProcess/subject[2]`): local names,
// [n] among same-name element siblings when there are several; NULL outside the message element.
// The WebAssembly engine derives the same path from libxml2's xmlGetNodePath (src/validate/xsd.ts).
static char *element_path(xmlNodePtr element, xmlNodePtr message) {
  size_t depth = 0;
  xmlNodePtr n = element;
  while (n && n != message && n->type == XML_ELEMENT_NODE) {
    depth++;
    n = n->parent;
  }
  if (n != message) return NULL;
  xmlNodePtr *chain = malloc((depth + 1) * sizeof(xmlNodePtr));
  if (!chain) return NULL;
  n = element;
  for (size_t k = 0; k < depth; k++, n = n->parent) chain[k] = n;
  size_t cap = 256, len = 0;
  char *out = malloc(cap);
  if (!out) {
    free(chain);
    return NULL;
  }
  out[0] = 0;
  for (size_t k = depth + 1; k-- > 0;) {
    xmlNodePtr node = k == depth ? message : chain[k];
    char step[64] = "";
    if (node != message) {
      int index = 0, total = 0;
      for (xmlNodePtr s = node->parent->children; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || !xmlStrEqual(s->name, node->name)) continue;
        total++;
        if (s == node) index = total;
      }
      if (total > 1) snprintf(step, sizeof step, "[%d]", index);
    }
    size_t need = len + 1 + strlen((const char *)node->name) + strlen(step) + 1;
    if (need > cap) {
      while (cap < need) cap *= 2;
      char *grown = realloc(out, cap);
      if (!grown) {
        free(out);
        free(chain);
        return NULL;
      }
      out = grown;
    }
    len += (size_t)sprintf(out + len, "/%s%s", (const char *)node->name, step);
  }
  free(chain);
  return out;
}

static void on_valid_error(void *data, XML_ERR_CONST xmlError *err) {
  ValidErrors *errors = data;
  if (!err) return;
  if (errors->count == errors->cap) {
    size_t cap = errors->cap ? errors->cap * 2 : 8;
    ValidError *items = realloc(errors->items, cap * sizeof(ValidError));
    if (!items) return;
    errors->items = items;
    errors->cap = cap;
  }
  ValidError *e = &errors->items[errors->count++];
  e->message = strdup(err->message ? err->message : "");
  e->level = err->level;
  e->path = NULL;
  e->line = err->line;
  xmlNodePtr node = err->node;
  // The element the finding is about: an attribute's or text's nearest element ancestor.
  while (node && node->type != XML_ELEMENT_NODE) node = node->parent;
  if (node) {
    if (e->line <= 0) e->line = xmlGetLineNo(node);
    e->path = element_path(node, errors->message);
  }
}


// ---------------------------------------------------------------------------------------------
// inspect(input | inputs[], options) -> Promise<result | results[]>: the whole per-message job on a
// libuv worker thread (read the file, parse, find the message element, XPath values, XSD
// validation), so that messages are processed in parallel and the JavaScript thread only collects
// results. An array of inputs is one job (one wake-up of the JavaScript thread for all of them:
// each wake-up costs tens of microseconds, as much as validating a small message).
//
//   input:   Buffer (the message) | string (a file path, with options.file)
//   options: { file?: boolean, maxBytes: number, xmldomUnwrap?: boolean, validate?: boolean,
//              schema?: handle (overrides the root registry), xpaths?: handle (prepareXPaths) }
//   result:  { status: 'fallback', reason } |
//            { status: 'ok', name, ns, line, findings?: [{ message, level, line, path? }], values?: string[] }
//
// 'fallback' is everything the caller must handle on its reference path (the WebAssembly engine or
// the xmldom reader): unreadable or too large file, not (namespace-)well-formed, any parser
// diagnostic, a DTD, a SOAP envelope without a usable Body or with a Fault. `findings` is present
// when a schema validated the message (options.schema, or the one registered for its root name).
// `values`: each XPath evaluated with the message element as context node and the prefix hl7 bound
// to urn:hl7-org:v3; a node-set gives its first node serialised (as xmlSaveTree without
// formatting), anything else its XPath string value.

#define MESSAGE_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
#define XPATH_CACHE 8

// XPath expressions prepared once (prepareXPaths) and shared by inspect() calls: converting long
// strings from JavaScript on every call would cost more than evaluating them.
// Each expression in the subset of simple-xpath.c is also compiled there (walked instead of
// evaluated by libxml2's XPath engine); `simple[i]` is NULL for the others.
typedef struct {
  char **sources;
  SimpleXPath **simple;
  size_t count;
} XPathSet;

#define HL7V3_NS "urn:hl7-org:v3"


static void xpath_set_finalize(napi_env env, void *data, void *hint) {
  XPathSet *set = data;
  for (size_t i = 0; i < set->count; i++) {
    free(set->sources[i]);
    simple_xpath_free(set->simple[i]);
  }
  free(set->sources);
  free(set->simple);
  free(set);
}

// prepareXPaths(expressions[], { libxml2?: boolean }) -> handle for inspect's options.xpaths.
// libxml2: evaluate every expression with libxml2's XPath engine (the reference of the parity tests).
static napi_value prepare_xpaths(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  bool is_array = false;
  if (argc < 1 || napi_is_array(env, argv[0], &is_array) != napi_ok || !is_array) {
    napi_throw_type_error(env, NULL, "prepareXPaths(expressions, options?)");
    return NULL;
  }
  napi_valuetype options_type = napi_undefined;
  if (argc >= 2) napi_typeof(env, argv[1], &options_type);
  int libxml2_only = options_type == napi_object && get_flag(env, argv[1], "libxml2");
  uint32_t n = 0;
  napi_get_array_length(env, argv[0], &n);
  XPathSet *set = calloc(1, sizeof(XPathSet));
  if (set) {
    set->sources = calloc(n ? n : 1, sizeof(char *));
    set->simple = calloc(n ? n : 1, sizeof(SimpleXPath *));
  }
  if (!set || !set->sources || !set->simple) {
    if (set) xpath_set_finalize(env, set, NULL);
    napi_throw_error(env, NULL, "xsd-native: out of memory");
    return NULL;
  }
  for (uint32_t i = 0; i < n; i++) {
    napi_value item;
    napi_get_element(env, argv[0], i, &item);
    char *source = get_string(env, item);
    if (!source) {
      xpath_set_finalize(env, set, NULL);
      napi_throw_type_error(env, NULL, "prepareXPaths: expressions must be strings");
      return NULL;
    }
    set->simple[set->count] = libxml2_only ? NULL : simple_xpath_compile(source, "hl7", HL7V3_NS);
    set->sources[set->count++] = source;
  }
  napi_value handle;
  if (tagged_external(env, set, xpath_set_finalize, &XPATHS_TAG, &handle) != napi_ok) {
    xpath_set_finalize(env, set, NULL);
    napi_throw_error(env, NULL, "xsd-native: cannot create the XPath handle");
    return NULL;
  }
  return handle;
}

// xpathEngines(handle) -> per prepared expression 'simple' (walked, simple-xpath.c) or 'libxml2'.
static napi_value xpath_engines(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  XPathSet *set = argc >= 1 ? external_of(env, argv[0], &XPATHS_TAG) : NULL;
  if (!set) {
    napi_throw_type_error(env, NULL, "xpathEngines(handle from prepareXPaths)");
    return NULL;
  }
  napi_value engines;
  CHECK(napi_create_array_with_length(env, set->count, &engines));
  for (size_t i = 0; i < set->count; i++) napi_set_element(env, engines, (uint32_t)i, str(env, set->simple[i] ? "simple" : "libxml2"));
  return engines;
}

// One message: its input and what inspecting it found.
typedef struct {
  char *path;
  char *data;
  size_t len;
  const char *fallback;
  char *name, *ns;
  long line;
  int validated, vret;
  ValidErrors errors;
  char **values;
} Item;

// One inspect() call: the options (copied on the JavaScript thread) and its messages.
typedef struct {
  size_t max_bytes;
  int xmldom_unwrap;
  int do_validate;
  Schema *schema;
  napi_ref schema_ref;
  XPathSet *xpaths; // kept alive by xpaths_ref
  size_t nxpaths;
  napi_ref xpaths_ref;
  Registry *registry;
  Item *items;
  size_t nitems;
  int is_array;
  napi_deferred deferred;
  napi_async_work work;
} Inspection;

// Compiled XPath expressions of this worker thread (the pool's threads live as long as the process).
static __thread struct {
  char *source;
  xmlXPathCompExprPtr comp;
} xpath_cache[XPATH_CACHE];

static xmlXPathCompExprPtr compiled_xpath(const char *source, int *cached) {
  *cached = 1;
  for (int i = 0; i < XPATH_CACHE; i++)
    if (xpath_cache[i].source && strcmp(xpath_cache[i].source, source) == 0) return xpath_cache[i].comp;
  xmlXPathCompExprPtr comp = xmlXPathCompile(BAD_CAST source);
  if (!comp) return NULL;
  for (int i = 0; i < XPATH_CACHE; i++)
    if (!xpath_cache[i].source) {
      xpath_cache[i].source = strdup(source);
      xpath_cache[i].comp = comp;
      return comp;
    }
  *cached = 0; // cache full: the caller frees it
  return comp;
}

static char *serialise(xmlNodePtr node) {
  xmlBufferPtr buffer = xmlBufferCreate();
  if (!buffer) return NULL;
  xmlSaveCtxtPtr save = xmlSaveToBuffer(buffer, "utf-8", 0);
  char *out = NULL;
  if (save) {
    xmlSaveTree(save, node);
    xmlSaveClose(save);
    out = strndup((const char *)xmlBufferContent(buffer), (size_t)xmlBufferLength(buffer));
  }
  xmlBufferFree(buffer);
  return out;
}

// Each prepared expression's value with the message element as context node: simple ones walked
// (simple-xpath.c), the others evaluated by libxml2 (one XPath context, made only when needed).
static char **xpath_values(const XPathSet *set, xmlDocPtr doc, xmlNodePtr message) {
  char **values = calloc(set->count, sizeof(char *));
  if (!values) return NULL;
  xmlXPathContextPtr xp = NULL;
  for (size_t i = 0; i < set->count; i++) {
    SimpleXPath *simple = set->simple[i];
    if (simple && simple_xpath_selects_node(simple)) {
      xmlNodePtr node = simple_xpath_node(simple, message);
      values[i] = node ? serialise(node) : strdup("");
      continue;
    }
    if (simple) {
      values[i] = simple_xpath_string(simple, message);
      continue;
    }
    if (!xp && (xp = xmlXPathNewContext(doc)) != NULL) xmlXPathRegisterNs(xp, BAD_CAST "hl7", BAD_CAST HL7V3_NS);
    if (!xp) break;
    int cached = 1;
    xmlXPathCompExprPtr comp = compiled_xpath(set->sources[i], &cached);
    xp->node = message;
    xmlXPathObjectPtr result = comp ? xmlXPathCompiledEval(comp, xp) : NULL;
    if (result && result->type == XPATH_NODESET) {
      xmlNodeSetPtr nodes = result->nodesetval;
      values[i] = nodes && nodes->nodeNr > 0 ? serialise(nodes->nodeTab[0]) : strdup("");
    } else if (result) {
      values[i] = (char *)xmlXPathCastToString(result);
    }
    if (result) xmlXPathFreeObject(result);
    if (comp && !cached) xmlXPathFreeCompExpr(comp);
  }
  if (xp) xmlXPathFreeContext(xp);
  return values;
}

// The message element: the root, or the first element child of a SOAP 1.1/1.2 Body. With
// xmldom_unwrap, also NULL wherever the xmldom reader (src/simulator/hcim-v3/v3-request.ts) would
// pick another element: it unwraps any root named Envelope at its first child named Body.
static xmlNodePtr message_element(xmlNodePtr root, int xmldom_unwrap) {
  const char *soap = is_ns(root, "Envelope", SOAP11) ? SOAP11 : is_ns(root, "Envelope", SOAP12) ? SOAP12 : NULL;
  if (soap == NULL) return xmldom_unwrap && xmlStrEqual(root->name, BAD_CAST "Envelope") ? NULL : root;
  xmlNodePtr body = NULL;
  for (xmlNodePtr c = root->children; c; c = c->next) {
    if (xmldom_unwrap && c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "Body") && !is_ns(c, "Body", soap)) return NULL;
    if (is_ns(c, "Body", soap)) {
      body = c;
      break;
    }
  }
  xmlNodePtr first = first_element(body);
  return first && !is_ns(first, "Fault", soap) ? first : NULL;
}

static int read_file(Item *item, size_t max_bytes) {
  FILE *f = fopen(item->path, "rb");
  if (!f) return 0;
  struct stat st;
  int ok = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= max_bytes;
  if (ok) {
    item->data = malloc((size_t)st.st_size + 1);
    item->len = item->data ? fread(item->data, 1, (size_t)st.st_size, f) : 0;
    ok = item->data != NULL && item->len == (size_t)st.st_size;
  }
  fclose(f);
  return ok;
}

static void inspect_item(Inspection *job, Item *item) {
  if (item->path && !read_file(item, job->max_bytes)) {
    item->fallback = "file unreadable or larger than maxBytes";
    return;
  }
  if (item->len > job->max_bytes || item->len > INT_MAX) {
    item->fallback = "message larger than maxBytes";
    return;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  xmlDocPtr doc = ctxt ? xmlCtxtReadMemory(ctxt, item->data ? item->data : "", (int)item->len, NULL, "UTF-8", MESSAGE_PARSE_OPTIONS) : NULL;
  // Any parser diagnostic (a namespace error such as an undeclared prefix leaves a document behind,
  // a warning too) goes to the reference path, which reports it.
  int well_formed = ctxt && doc && ctxt->wellFormed && ctxt->nsWellFormed && ctxt->errNo == 0;
  if (ctxt) xmlFreeParserCtxt(ctxt);
  free(item->data); // the document no longer needs its bytes
  item->data = NULL;
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  xmlNodePtr message = well_formed && root && doc->intSubset == NULL && doc->extSubset == NULL ? message_element(root, job->xmldom_unwrap) : NULL;
  if (message == NULL) {
    if (doc) xmlFreeDoc(doc);
    item->fallback = "not a well-formed message element the native path handles";
    return;
  }
  item->name = strdup((const char *)message->name);
  item->ns = message->ns && message->ns->href ? strdup((const char *)message->ns->href) : NULL;
  item->line = xmlGetLineNo(message);

  if (job->nxpaths > 0) item->values = xpath_values(job->xpaths, doc, message);

  if (job->do_validate) {
    pthread_rwlock_rdlock(&job->registry->lock);
    Schema *s = job->schema ? job->schema : schema_for_root(job->registry, item->name);
    if (s && s->schema) {
      item->validated = 1;
      item->errors.message = message;
      item->vret = -1;
      xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(s->schema);
      if (vctxt) {
        xmlSchemaSetValidStructuredErrors(vctxt, on_valid_error, &item->errors);
        item->vret = xmlSchemaValidateOneElement(vctxt, message);
        xmlSchemaFreeValidCtxt(vctxt);
      }
    }
    pthread_rwlock_unlock(&job->registry->lock);
  }
  xmlFreeDoc(doc);
}

static void inspect_execute(napi_env env, void *data) {
  Inspection *job = data;
  quiet_thread();
  for (size_t i = 0; i < job->nitems; i++) inspect_item(job, &job->items[i]);
}

static void inspection_free(napi_env env, Inspection *job) {
  for (size_t k = 0; k < job->nitems; k++) {
    Item *item = &job->items[k];
    free(item->path);
    free(item->data);
    for (size_t i = 0; item->values && i < job->nxpaths; i++) free(item->values[i]);
    free(item->values);
    free(item->name);
    free(item->ns);
    for (size_t i = 0; i < item->errors.count; i++) {
      free(item->errors.items[i].message);
      free(item->errors.items[i].path);
    }
    free(item->errors.items);
  }
  free(job->items);
  if (job->xpaths_ref) napi_delete_reference(env, job->xpaths_ref);
  if (job->schema_ref) napi_delete_reference(env, job->schema_ref);
  if (job->work) napi_delete_async_work(env, job->work);
  free(job);
}

// Property names of the results, made once per completed job rather than once per property set.
typedef struct {
  napi_value status, reason, name, ns, line, findings, values, message, level, path, ok, fallback;
} ResultKeys;

static void result_keys(napi_env env, ResultKeys *k) {
  k->status = str(env, "status");
  k->reason = str(env, "reason");
  k->name = str(env, "name");
  k->ns = str(env, "ns");
  k->line = str(env, "line");
  k->findings = str(env, "findings");
  k->values = str(env, "values");
  k->message = str(env, "message");
  k->level = str(env, "level");
  k->path = str(env, "path");
  k->ok = str(env, "ok");
  k->fallback = str(env, "fallback");
}

static napi_value finding(napi_env env, const ResultKeys *k, const char *message, int level, long line, const char *path) {
  napi_value e;
  if (napi_create_object(env, &e) != napi_ok) return NULL;
  napi_set_property(env, e, k->message, text(env, message));
  napi_set_property(env, e, k->level, num(env, level));
  napi_set_property(env, e, k->line, num(env, (double)line));
  if (path) napi_set_property(env, e, k->path, text(env, path));
  return e;
}

// The usual result (parsed, no findings) as one string instead of an object: one N-API call
// instead of some twenty. Each napi_set_property or napi_set_element costs about a thousand
// instructions on the JavaScript thread, which is the simulator's bottleneck under load; V8 splits
// the string and builds the object faster (src/validate/native-inspection.ts decodes it).
// Fields, separated by RECORD_SEPARATOR: name, namespace ("" when none), line, flags ('v'
// validated, 'x' values follow), then one field per XPath value (RECORD_NULL for a null value).
// NULL (the caller builds the object) when a field holds either control character: XML 1.0 allows
// neither in a document, so only a broken value could, and it then keeps the object form.
#define RECORD_SEPARATOR '\x01'
#define RECORD_NULL '\x02'
#define RECORD_CONTROLS "\x01\x02"
#define FIELD_UNSAFE ((size_t)-1)

// A field's length, or FIELD_UNSAFE when it holds a control character: strcspn finds both in one
// vectorised pass (the payload value is most of a request's bytes).
static size_t field_length(const char *s) {
  if (!s) return 0;
  size_t n = strcspn(s, RECORD_CONTROLS);
  return s[n] ? FIELD_UNSAFE : n;
}

static char *append(char *at, const char *s, size_t n) {
  memcpy(at, s, n);
  return at + n;
}

// A line number in decimal into `out` (24 bytes hold any long); returns its length. snprintf's
// format machinery cost more instructions than all the rest of the record.
static size_t decimal(char *out, long value) {
  char digits[24];
  size_t n = 0;
  unsigned long magnitude = value < 0 ? 0UL - (unsigned long)value : (unsigned long)value;
  do digits[n++] = (char)('0' + magnitude % 10); while ((magnitude /= 10) > 0);
  size_t len = 0;
  if (value < 0) out[len++] = '-';
  while (n > 0) out[len++] = digits[--n];
  return len;
}

static napi_value compact_result(napi_env env, Inspection *job, Item *item) {
  if (item->fallback || (item->validated && (item->vret != 0 || item->errors.count > 0))) return NULL;
  size_t name_len = field_length(item->name), ns_len = field_length(item->ns);
  if (name_len == FIELD_UNSAFE || ns_len == FIELD_UNSAFE) return NULL;
  char line[24];
  size_t line_len = decimal(line, item->line);
  size_t values_len = 0, nvalues = item->values ? job->nxpaths : 0;
  for (size_t i = 0; i < nvalues; i++) {
    size_t n = item->values[i] ? field_length(item->values[i]) : 1;
    if (n == FIELD_UNSAFE) return NULL;
    values_len += 1 + n;
  }
  // name, ns and line each followed by a separator, up to two flags, the values (each after a separator).
  char *record = malloc(name_len + ns_len + line_len + 5 + values_len);
  if (!record) return NULL;
  char *at = record;
  at = append(at, item->name, name_len);
  *at++ = RECORD_SEPARATOR;
  at = append(at, item->ns ? item->ns : "", ns_len);
  *at++ = RECORD_SEPARATOR;
  at = append(at, line, line_len);
  *at++ = RECORD_SEPARATOR;
  if (item->validated) *at++ = 'v';
  if (item->values) *at++ = 'x';
  for (size_t i = 0; i < nvalues; i++) {
    *at++ = RECORD_SEPARATOR;
    if (item->values[i] == NULL) *at++ = RECORD_NULL;
    else at = append(at, item->values[i], strlen(item->values[i]));
  }
  napi_value result = text_n(env, record, (size_t)(at - record));
  free(record);
  return result;
}

static napi_value item_result(napi_env env, const ResultKeys *k, Inspection *job, Item *item) {
  napi_value compact = compact_result(env, job, item);
  if (compact) return compact;
  napi_value result;
  if (napi_create_object(env, &result) != napi_ok) return NULL;
  if (item->fallback) {
    napi_set_property(env, result, k->status, k->fallback);
    napi_set_property(env, result, k->reason, text(env, item->fallback));
    return result;
  }
  napi_set_property(env, result, k->status, k->ok);
  napi_set_property(env, result, k->name, text(env, item->name));
  if (item->ns) napi_set_property(env, result, k->ns, text(env, item->ns));
  napi_set_property(env, result, k->line, num(env, (double)item->line));
  if (item->validated) {
    size_t extra = item->vret != 0 && item->errors.count == 0 ? 1 : 0;
    napi_value arr;
    napi_create_array_with_length(env, item->errors.count + extra, &arr);
    for (size_t i = 0; i < item->errors.count; i++) {
      const ValidError *e = &item->errors.items[i];
      napi_set_element(env, arr, (uint32_t)i, finding(env, k, e->message, e->level, e->line, e->path));
    }
    // xmlSchemaValidateOneElement < 0: libxml2 could not validate (internal error): still a finding.
    if (extra) napi_set_element(env, arr, 0, finding(env, k, "libxml2 could not validate the message (internal error)", 3, 0, NULL));
    napi_set_property(env, result, k->findings, arr);
  }
  if (item->values) {
    napi_value arr;
    napi_create_array_with_length(env, job->nxpaths, &arr);
    for (size_t i = 0; i < job->nxpaths; i++) {
      napi_value v;
      if (item->values[i]) v = text(env, item->values[i]);
      else napi_get_null(env, &v);
      napi_set_element(env, arr, (uint32_t)i, v);
    }
    napi_set_property(env, result, k->values, arr);
  }
  return result;
}

static napi_value inspection_result(napi_env env, Inspection *job) {
  ResultKeys keys;
  result_keys(env, &keys);
  if (!job->is_array) return item_result(env, &keys, job, &job->items[0]);
  napi_value arr;
  if (napi_create_array_with_length(env, job->nitems, &arr) != napi_ok) return NULL;
  for (size_t i = 0; i < job->nitems; i++) {
    napi_value result = item_result(env, &keys, job, &job->items[i]);
    if (!result) return NULL;
    napi_set_element(env, arr, (uint32_t)i, result);
  }
  return arr;
}

static void inspect_complete(napi_env env, napi_status status, void *data) {
  Inspection *job = data;
  napi_value result = status == napi_ok ? inspection_result(env, job) : NULL;
  if (result) {
    napi_resolve_deferred(env, job->deferred, result);
  } else {
    napi_value message, error;
    napi_create_string_utf8(env, "xsd-native: inspect failed", NAPI_AUTO_LENGTH, &message);
    napi_create_error(env, NULL, message, &error);
    napi_reject_deferred(env, job->deferred, error);
  }
  inspection_free(env, job);
}

// Copies one input into an item: a path (with options.file) or a Buffer's bytes (the worker thread
// must not read JavaScript-owned memory). 0 with a TypeError thrown when the input is unusable.
static int take_input(napi_env env, napi_value input, int file, Item *item) {
  if (file) {
    item->path = get_string(env, input);
    if (item->path) return 1;
    napi_throw_type_error(env, NULL, "inspect: with options.file the inputs must be paths");
    return 0;
  }
  bool is_buffer = false;
  void *bytes = NULL;
  if (napi_is_buffer(env, input, &is_buffer) != napi_ok || !is_buffer || napi_get_buffer_info(env, input, &bytes, &item->len) != napi_ok) {
    napi_throw_type_error(env, NULL, "inspect: inputs must be Buffers (or paths with options.file)");
    return 0;
  }
  item->data = malloc(item->len + 1);
  if (!item->data) {
    napi_throw_error(env, NULL, "xsd-native: out of memory");
    return 0;
  }
  memcpy(item->data, bytes, item->len);
  return 1;
}

static napi_value inspect(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  napi_valuetype options_type = napi_undefined;
  if (argc >= 2) napi_typeof(env, argv[1], &options_type);
  if (argc < 2 || options_type != napi_object) {
    napi_throw_type_error(env, NULL, "inspect(input | inputs, options)");
    return NULL;
  }
  Inspection *job = calloc(1, sizeof(Inspection));
  if (!job) {
    napi_throw_error(env, NULL, "xsd-native: out of memory");
    return NULL;
  }
  job->registry = registry_of(env);
  napi_value options = argv[1], value;
  double max_bytes = 0;
  if (napi_get_named_property(env, options, "maxBytes", &value) != napi_ok || napi_get_value_double(env, value, &max_bytes) != napi_ok || max_bytes < 0) {
    inspection_free(env, job);
    napi_throw_type_error(env, NULL, "inspect: options.maxBytes must be a number");
    return NULL;
  }
  job->max_bytes = max_bytes > (double)INT_MAX ? (size_t)INT_MAX : (size_t)max_bytes;
  job->xmldom_unwrap = get_flag(env, options, "xmldomUnwrap");
  job->do_validate = get_flag(env, options, "validate");
  int file = get_flag(env, options, "file");
  bool is_array = false;
  napi_is_array(env, argv[0], &is_array);
  uint32_t n = 1;
  if (is_array) napi_get_array_length(env, argv[0], &n);
  job->is_array = is_array;
  job->items = calloc(n ? n : 1, sizeof(Item));
  if (!job->items) {
    inspection_free(env, job);
    napi_throw_error(env, NULL, "xsd-native: out of memory");
    return NULL;
  }
  for (uint32_t i = 0; i < n; i++) {
    napi_value input = argv[0];
    if (is_array) napi_get_element(env, argv[0], i, &input);
    if (!take_input(env, input, file, &job->items[i])) {
      job->nitems = i + 1;
      inspection_free(env, job);
      return NULL;
    }
  }
  job->nitems = n;
  napi_valuetype type = napi_undefined;
  if (napi_get_named_property(env, options, "schema", &value) == napi_ok && napi_typeof(env, value, &type) == napi_ok && type == napi_external) {
    job->schema = external_of(env, value, &SCHEMA_TAG);
    if (!job->schema || !job->schema->schema) {
      inspection_free(env, job);
      napi_throw_type_error(env, NULL, "inspect: options.schema already freed");
      return NULL;
    }
    napi_create_reference(env, value, 1, &job->schema_ref);
  }
  if (napi_get_named_property(env, options, "xpaths", &value) == napi_ok && napi_typeof(env, value, &type) == napi_ok && type != napi_undefined) {
    XPathSet *set = external_of(env, value, &XPATHS_TAG);
    if (!set) {
      inspection_free(env, job);
      napi_throw_type_error(env, NULL, "inspect: options.xpaths must be a handle from prepareXPaths");
      return NULL;
    }
    napi_create_reference(env, value, 1, &job->xpaths_ref);
    job->xpaths = set;
    job->nxpaths = set->count;
  }
  napi_value promise, name;
  CHECK(napi_create_promise(env, &job->deferred, &promise));
  CHECK(napi_create_string_utf8(env, "hie-conform:inspect", NAPI_AUTO_LENGTH, &name));
  CHECK(napi_create_async_work(env, NULL, name, inspect_execute, inspect_complete, job, &job->work));
  CHECK(napi_queue_async_work(env, job->work));
  return promise;
}

// Called for a schema about to be freed (freeSchema, GC finalizer): out of the registry first,
// waiting for validations that use it.
static void forget_schema(napi_env env, Schema *s) {
  Registry *registry = env ? registry_of(env) : NULL;
  if (!registry) return;
  pthread_rwlock_wrlock(&registry->lock);
  unregister_schema(env, registry, s);
  pthread_rwlock_unlock(&registry->lock);
}

static void registry_finalize(napi_env env, void *data, void *hint) {
  Registry *registry = data;
  unregister_schema(NULL, registry, NULL);
  pthread_rwlock_destroy(&registry->lock);
  free(registry);
}

static napi_value version(napi_env env) {
  return str(env, LIBXML_DOTTED_VERSION);
}

static void init_once(void) {
  xmlInitParser();
  xmlSetExternalEntityLoader(guarded_loader);
}

NAPI_MODULE_INIT() {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, init_once);
  Registry *registry = calloc(1, sizeof(Registry));
  if (!registry || pthread_rwlock_init(&registry->lock, NULL) != 0 || napi_set_instance_data(env, registry, registry_finalize, NULL) != napi_ok) {
    napi_throw_error(env, NULL, "xsd-native: cannot initialise");
    return NULL;
  }
  napi_value fn;
  napi_create_function(env, "compileSchema", NAPI_AUTO_LENGTH, compile_schema, NULL, &fn);
  napi_set_named_property(env, exports, "compileSchema", fn);
  napi_create_function(env, "freeSchema", NAPI_AUTO_LENGTH, free_schema, NULL, &fn);
  napi_set_named_property(env, exports, "freeSchema", fn);
  napi_create_function(env, "setRootSchema", NAPI_AUTO_LENGTH, set_root_schema, NULL, &fn);
  napi_set_named_property(env, exports, "setRootSchema", fn);
  napi_create_function(env, "prepareXPaths", NAPI_AUTO_LENGTH, prepare_xpaths, NULL, &fn);
  napi_set_named_property(env, exports, "prepareXPaths", fn);
  napi_create_function(env, "xpathEngines", NAPI_AUTO_LENGTH, xpath_engines, NULL, &fn);
  napi_set_named_property(env, exports, "xpathEngines", fn);
  napi_create_function(env, "inspect", NAPI_AUTO_LENGTH, inspect, NULL, &fn);
  napi_set_named_property(env, exports, "inspect", fn);
  napi_set_named_property(env, exports, "libxml2Version", version(env));
  return exports;
}
