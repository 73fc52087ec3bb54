// Native XSD validation for hie-conform: a thin N-API binding over the system libxml2 (the library
// xmllint uses). See README.md for why it exists and how src/validate/xsd-engine.ts uses it.
//
//   compileSchema(path, allowedRoots[]) -> { handle?, served[], refused[], errors[{ file, line, message }] }
//   parse(buffer)                       -> { doc?, status: 'ok' | 'fallback', name?, line? }
//   validate(schemaHandle, doc)         -> [{ message, level, line, path? }]
//   freeDoc(doc), freeSchema(handle)
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
#include <libxml/xmlschemas.h>
#include <libxml/xmlversion.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    CHECK(napi_create_external(env, s, schema_finalize, NULL, &handle));
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
  Schema *s = NULL;
  if (argc < 1 || napi_get_value_external(env, argv[0], (void **)&s) != napi_ok || !s) return NULL;
  if (s->schema) xmlSchemaFree(s->schema);
  if (s->doc) xmlFreeDoc(s->doc);
  s->schema = NULL;
  s->doc = NULL;
  return NULL;
}

// ---------------------------------------------------------------------------------------------
// Messages

typedef struct {
  xmlDocPtr doc;
  xmlNodePtr message;
} Doc;

static void doc_finalize(napi_env env, void *data, void *hint) {
  Doc *d = data;
  if (!d) return;
  if (d->doc) xmlFreeDoc(d->doc);
  free(d);
}

#define MESSAGE_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

// parse(buffer): the HL7v3 message element of a well-formed document without a DTD, bare or as the
// first element child of a SOAP 1.1/1.2 Body. Anything else (not (namespace-)well-formed, any parser
// diagnostic, DTD, no Body, empty Body, Fault) is status 'fallback': the caller reports it through the WebAssembly engine, whose
// issues for those cases are the reference.
static napi_value parse(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  void *data = NULL;
  size_t len = 0;
  bool is_buffer = false;
  if (argc < 1 || napi_is_buffer(env, argv[0], &is_buffer) != napi_ok || !is_buffer || napi_get_buffer_info(env, argv[0], &data, &len) != napi_ok || len > INT_MAX) {
    napi_throw_type_error(env, NULL, "parse(buffer)");
    return NULL;
  }
  quiet_thread();
  napi_value result;
  CHECK(napi_create_object(env, &result));
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  xmlDocPtr doc = ctxt ? xmlCtxtReadMemory(ctxt, data, (int)len, NULL, "UTF-8", MESSAGE_PARSE_OPTIONS) : NULL;
  // Any parser diagnostic (a namespace error such as an undeclared prefix leaves a document behind,
  // a warning too) hands the message to the WebAssembly engine, which reports it as the reference.
  int well_formed = ctxt && doc && ctxt->wellFormed && ctxt->nsWellFormed && ctxt->errNo == 0;
  if (ctxt) xmlFreeParserCtxt(ctxt);
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  xmlNodePtr message = NULL;
  if (well_formed && root && doc->intSubset == NULL && doc->extSubset == NULL) {
    const char *soap = is_ns(root, "Envelope", SOAP11) ? SOAP11 : is_ns(root, "Envelope", SOAP12) ? SOAP12 : NULL;
    if (soap == NULL) {
      message = root;
    } else {
      xmlNodePtr body = NULL;
      for (xmlNodePtr c = root->children; c; c = c->next)
        if (is_ns(c, "Body", soap)) {
          body = c;
          break;
        }
      xmlNodePtr first = first_element(body);
      if (first && !is_ns(first, "Fault", soap)) message = first;
    }
  }
  if (message == NULL) {
    if (doc) xmlFreeDoc(doc);
    CHECK(napi_set_named_property(env, result, "status", str(env, "fallback")));
    return result;
  }
  Doc *d = malloc(sizeof(Doc));
  if (!d) {
    xmlFreeDoc(doc);
    napi_throw_error(env, NULL, "xsd-native: out of memory");
    return NULL;
  }
  d->doc = doc;
  d->message = message;
  napi_value handle;
  CHECK(napi_create_external(env, d, doc_finalize, NULL, &handle));
  CHECK(napi_set_named_property(env, result, "status", str(env, "ok")));
  CHECK(napi_set_named_property(env, result, "doc", handle));
  CHECK(napi_set_named_property(env, result, "name", str(env, (const char *)message->name)));
  CHECK(napi_set_named_property(env, result, "line", num(env, (double)xmlGetLineNo(message))));
  return result;
}

static napi_value free_doc(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  Doc *d = NULL;
  if (argc < 1 || napi_get_value_external(env, argv[0], (void **)&d) != napi_ok || !d) return NULL;
  if (d->doc) xmlFreeDoc(d->doc);
  d->doc = NULL;
  d->message = NULL;
  return NULL;
}

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

static napi_value validate(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  Schema *s = NULL;
  Doc *d = NULL;
  if (argc < 2 || napi_get_value_external(env, argv[0], (void **)&s) != napi_ok || napi_get_value_external(env, argv[1], (void **)&d) != napi_ok || !s ||
      !s->schema || !d || !d->doc) {
    napi_throw_type_error(env, NULL, "validate(schemaHandle, doc): schema or document already freed");
    return NULL;
  }
  quiet_thread();
  ValidErrors errors = {d->message, NULL, 0, 0};
  int ret = -1;
  xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(s->schema);
  if (vctxt) {
    xmlSchemaSetValidStructuredErrors(vctxt, on_valid_error, &errors);
    ret = xmlSchemaValidateOneElement(vctxt, d->message);
    xmlSchemaFreeValidCtxt(vctxt);
  }
  napi_value arr;
  CHECK(napi_create_array_with_length(env, errors.count, &arr));
  for (size_t i = 0; i < errors.count; i++) {
    napi_value e;
    napi_create_object(env, &e);
    napi_set_named_property(env, e, "message", str(env, errors.items[i].message));
    napi_set_named_property(env, e, "level", num(env, errors.items[i].level));
    napi_set_named_property(env, e, "line", num(env, (double)errors.items[i].line));
    if (errors.items[i].path) napi_set_named_property(env, e, "path", str(env, errors.items[i].path));
    napi_set_element(env, arr, (uint32_t)i, e);
    free(errors.items[i].message);
    free(errors.items[i].path);
  }
  free(errors.items);
  if (ret != 0 && errors.count == 0) {
    // xmlSchemaValidateOneElement < 0: libxml2 could not validate (internal error): still a finding.
    napi_value e;
    napi_create_object(env, &e);
    napi_set_named_property(env, e, "message", str(env, "libxml2 could not validate the message (internal error)"));
    napi_set_named_property(env, e, "level", num(env, 3));
    napi_set_named_property(env, e, "line", num(env, 0));
    napi_set_element(env, arr, 0, e);
  }
  return arr;
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
  napi_value fn;
  napi_create_function(env, "compileSchema", NAPI_AUTO_LENGTH, compile_schema, NULL, &fn);
  napi_set_named_property(env, exports, "compileSchema", fn);
  napi_create_function(env, "freeSchema", NAPI_AUTO_LENGTH, free_schema, NULL, &fn);
  napi_set_named_property(env, exports, "freeSchema", fn);
  napi_create_function(env, "parse", NAPI_AUTO_LENGTH, parse, NULL, &fn);
  napi_set_named_property(env, exports, "parse", fn);
  napi_create_function(env, "validate", NAPI_AUTO_LENGTH, validate, NULL, &fn);
  napi_set_named_property(env, exports, "validate", fn);
  napi_create_function(env, "freeDoc", NAPI_AUTO_LENGTH, free_doc, NULL, &fn);
  napi_set_named_property(env, exports, "freeDoc", fn);
  napi_set_named_property(env, exports, "libxml2Version", version(env));
  return exports;
}
