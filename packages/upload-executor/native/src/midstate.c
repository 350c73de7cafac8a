// Chained SHA-1 and SHA-256 for Node, on the OpenSSL that Node itself exports (it picks SHA-NI where the CPU has it).
// SHA_CTX / SHA256_CTX are OpenSSL's only digest API whose state is public, so h[] and the bit count are read and
// written here directly. They are deprecated in OpenSSL 3 but still exported by Node; the library is linked with
// -z now, so a Node without them fails to load it (the loader then uses hash-wasm) instead of crashing mid-hash.
#define NAPI_VERSION 8
#define OPENSSL_SUPPRESS_DEPRECATED
#include <node_api.h>
#include <openssl/sha.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  bool sha256;
  union {
    SHA_CTX sha1;
    SHA256_CTX sha256;
  } ctx;
} hasher;

// Throws the last N-API error unless a JS exception is already pending; callers then return NULL.
static napi_value fail(napi_env env) {
  const napi_extended_error_info *info = NULL;
  napi_get_last_error_info(env, &info);
  const char *message = info && info->error_message ? info->error_message : "N-API call failed";
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw_error(env, NULL, message);
  return NULL;
}

#define CALL(env, call) \
  if ((call) != napi_ok) return fail(env)

static size_t word_count(const hasher *s) { return s->sha256 ? 8 : 5; }

static SHA_LONG *word(hasher *s, size_t i) {
  if (s->sha256) return &s->ctx.sha256.h[i];
  SHA_LONG *h[5] = {&s->ctx.sha1.h0, &s->ctx.sha1.h1, &s->ctx.sha1.h2, &s->ctx.sha1.h3, &s->ctx.sha1.h4};
  return h[i];
}

static void finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  free(data);
}

static napi_value this_hasher(napi_env env, napi_callback_info info, size_t *argc, napi_value *argv, hasher **s) {
  napi_value self;
  CALL(env, napi_get_cb_info(env, info, argc, argv, &self, NULL));
  CALL(env, napi_unwrap(env, self, (void **)s));
  return self;
}

static napi_value typed_array(napi_env env, napi_value value, napi_typedarray_type type, void **data, size_t *length) {
  napi_typedarray_type actual;
  CALL(env, napi_get_typedarray_info(env, value, &actual, length, data, NULL, NULL));
  if (actual != type) {
    napi_throw_type_error(env, NULL, type == napi_uint8_array ? "expected a Uint8Array" : "expected a Uint32Array");
    return NULL;
  }
  return value;
}

// new Hasher("sha1" | "sha256", words?: Uint32Array, offset?: number): resumes at a 64-byte boundary when given words.
static napi_value construct(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3], self;
  CALL(env, napi_get_cb_info(env, info, &argc, argv, &self, NULL));
  char name[8] = {0};
  size_t name_length = 0;
  if (argc < 1) return napi_throw_type_error(env, NULL, "expected an algorithm"), NULL;
  CALL(env, napi_get_value_string_utf8(env, argv[0], name, sizeof name, &name_length));
  hasher *s = calloc(1, sizeof *s);
  if (!s) return napi_throw_error(env, NULL, "out of memory"), NULL;
  if (strcmp(name, "sha256") == 0) {
    s->sha256 = true;
    SHA256_Init(&s->ctx.sha256);
  } else if (strcmp(name, "sha1") == 0) {
    SHA1_Init(&s->ctx.sha1);
  } else {
    free(s);
    return napi_throw_range_error(env, NULL, "expected \"sha1\" or \"sha256\""), NULL;
  }
  if (argc >= 3) {
    uint32_t *words = NULL;
    size_t length = 0;
    int64_t offset = 0;
    if (!typed_array(env, argv[1], napi_uint32_array, (void **)&words, &length) ||
        napi_get_value_int64(env, argv[2], &offset) != napi_ok || length != word_count(s) || offset < 0) {
      free(s);
      bool pending = false;
      napi_is_exception_pending(env, &pending);
      if (!pending) napi_throw_range_error(env, NULL, "expected the state's words and a non-negative offset");
      return NULL;
    }
    for (size_t i = 0; i < length; i++) *word(s, i) = words[i];
    // Both contexts count bits in two 32-bit halves; the block buffer stays empty (num = 0).
    uint64_t bits = (uint64_t)offset << 3;
    SHA_LONG *nl = s->sha256 ? &s->ctx.sha256.Nl : &s->ctx.sha1.Nl;
    SHA_LONG *nh = s->sha256 ? &s->ctx.sha256.Nh : &s->ctx.sha1.Nh;
    *nl = (SHA_LONG)bits;
    *nh = (SHA_LONG)(bits >> 32);
  }
  if (napi_wrap(env, self, s, finalize, NULL, NULL) != napi_ok) {
    free(s);
    return fail(env);
  }
  return self;
}

static napi_value update(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1] = {NULL};
  hasher *s = NULL;
  void *data = NULL;
  size_t length = 0;
  if (!this_hasher(env, info, &argc, argv, &s)) return NULL;
  if (argc < 1) return napi_throw_type_error(env, NULL, "expected a Uint8Array"), NULL;
  if (!typed_array(env, argv[0], napi_uint8_array, &data, &length)) return NULL;
  if (s->sha256) SHA256_Update(&s->ctx.sha256, data, length);
  else SHA1_Update(&s->ctx.sha1, data, length);
  return NULL;
}

// The h words now, as numbers; only meaningful at a 64-byte boundary, which the caller checks.
static napi_value words(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  hasher *s = NULL;
  napi_value result, item;
  if (!this_hasher(env, info, &argc, NULL, &s)) return NULL;
  CALL(env, napi_create_array_with_length(env, word_count(s), &result));
  for (size_t i = 0; i < word_count(s); i++) {
    CALL(env, napi_create_uint32(env, *word(s, i), &item));
    CALL(env, napi_set_element(env, result, (uint32_t)i, item));
  }
  return result;
}

// Pads, finishes and returns the digest as a Buffer; the context is spent afterwards.
static napi_value digest(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  hasher *s = NULL;
  unsigned char md[SHA256_DIGEST_LENGTH];
  napi_value result;
  if (!this_hasher(env, info, &argc, NULL, &s)) return NULL;
  size_t length = s->sha256 ? SHA256_DIGEST_LENGTH : SHA_DIGEST_LENGTH;
  if (s->sha256) SHA256_Final(md, &s->ctx.sha256);
  else SHA1_Final(md, &s->ctx.sha1);
  CALL(env, napi_create_buffer_copy(env, length, md, NULL, &result));
  return result;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor methods[] = {
      {"update", NULL, update, NULL, NULL, NULL, napi_default, NULL},
      {"words", NULL, words, NULL, NULL, NULL, napi_default, NULL},
      {"digest", NULL, digest, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_value cls;
  CALL(env, napi_define_class(env, "Hasher", NAPI_AUTO_LENGTH, construct, NULL, 3, methods, &cls));
  CALL(env, napi_set_named_property(env, exports, "Hasher", cls));
  return exports;
}
