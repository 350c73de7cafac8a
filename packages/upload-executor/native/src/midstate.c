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
  // An updateAsync is running on libuv's thread pool: the context is not to be touched until it completes.
  bool busy;
  union {
    SHA_CTX sha1;
    SHA256_CTX sha256;
  } ctx;
} hasher;

// One updateAsync: the references keep the hasher's object, the bytes and the callback alive until it completes.
typedef struct {
  napi_async_work work;
  napi_ref self;
  napi_ref bytes;
  napi_ref callback;
  hasher *s;
  void *data;
  size_t length;
} update_job;

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

static void hash_bytes(hasher *s, const void *data, size_t length) {
  if (s->sha256) SHA256_Update(&s->ctx.sha256, data, length);
  else SHA1_Update(&s->ctx.sha1, data, length);
}

// The hasher of `this`, or NULL with a JS error thrown when an updateAsync still runs on it.
static hasher *idle_hasher(napi_env env, napi_callback_info info, size_t *argc, napi_value *argv, napi_value *self) {
  hasher *s = NULL;
  napi_value value = this_hasher(env, info, argc, argv, &s);
  if (!value) return NULL;
  if (s->busy) return napi_throw_error(env, NULL, "the hasher is busy with an updateAsync; await it first"), NULL;
  if (self) *self = value;
  return s;
}

static napi_value update(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1] = {NULL};
  void *data = NULL;
  size_t length = 0;
  hasher *s = idle_hasher(env, info, &argc, argv, NULL);
  if (!s) return NULL;
  if (argc < 1) return napi_throw_type_error(env, NULL, "expected a Uint8Array"), NULL;
  if (!typed_array(env, argv[0], napi_uint8_array, &data, &length)) return NULL;
  hash_bytes(s, data, length);
  return NULL;
}

static void update_execute(napi_env env, void *data) {
  (void)env;
  update_job *job = data;
  hash_bytes(job->s, job->data, job->length);
}

static void update_complete(napi_env env, napi_status status, void *data) {
  update_job *job = data;
  job->s->busy = false;
  napi_value callback, global, error = NULL;
  if (napi_get_reference_value(env, job->callback, &callback) == napi_ok && napi_get_global(env, &global) == napi_ok) {
    if (status != napi_ok) {
      napi_value message;
      napi_create_string_utf8(env, "the thread-pool hash did not run", NAPI_AUTO_LENGTH, &message);
      napi_create_error(env, NULL, message, &error);
    }
    napi_call_function(env, global, callback, error ? 1 : 0, error ? &error : NULL, NULL);
  }
  napi_delete_reference(env, job->self);
  napi_delete_reference(env, job->bytes);
  napi_delete_reference(env, job->callback);
  napi_delete_async_work(env, job->work);
  free(job);
}

// updateAsync(bytes, callback): hashes on libuv's thread pool and calls back (with an Error if it could not run).
// The bytes must not change until then; the hasher refuses every other call meanwhile.
static napi_value update_async(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2] = {NULL, NULL}, self, name;
  napi_valuetype type;
  hasher *s = idle_hasher(env, info, &argc, argv, &self);
  if (!s) return NULL;
  if (argc < 2) return napi_throw_type_error(env, NULL, "expected a Uint8Array and a callback"), NULL;
  CALL(env, napi_typeof(env, argv[1], &type));
  if (type != napi_function) return napi_throw_type_error(env, NULL, "expected a callback"), NULL;
  update_job *job = calloc(1, sizeof *job);
  if (!job) return napi_throw_error(env, NULL, "out of memory"), NULL;
  job->s = s;
  if (!typed_array(env, argv[0], napi_uint8_array, &job->data, &job->length) || napi_create_reference(env, self, 1, &job->self) != napi_ok ||
      napi_create_reference(env, argv[0], 1, &job->bytes) != napi_ok || napi_create_reference(env, argv[1], 1, &job->callback) != napi_ok ||
      napi_create_string_utf8(env, "direct-upload:hash", NAPI_AUTO_LENGTH, &name) != napi_ok ||
      napi_create_async_work(env, NULL, name, update_execute, update_complete, job, &job->work) != napi_ok ||
      napi_queue_async_work(env, job->work) != napi_ok) {
    if (job->self) napi_delete_reference(env, job->self);
    if (job->bytes) napi_delete_reference(env, job->bytes);
    if (job->callback) napi_delete_reference(env, job->callback);
    if (job->work) napi_delete_async_work(env, job->work);
    free(job);
    return fail(env);
  }
  s->busy = true;
  return NULL;
}

// The h words now, as numbers; only meaningful at a 64-byte boundary, which the caller checks.
static napi_value words(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  napi_value result, item;
  hasher *s = idle_hasher(env, info, &argc, NULL, NULL);
  if (!s) return NULL;
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
  unsigned char md[SHA256_DIGEST_LENGTH];
  napi_value result;
  hasher *s = idle_hasher(env, info, &argc, NULL, NULL);
  if (!s) return NULL;
  size_t length = s->sha256 ? SHA256_DIGEST_LENGTH : SHA_DIGEST_LENGTH;
  if (s->sha256) SHA256_Final(md, &s->ctx.sha256);
  else SHA1_Final(md, &s->ctx.sha1);
  CALL(env, napi_create_buffer_copy(env, length, md, NULL, &result));
  return result;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor methods[] = {
      {"update", NULL, update, NULL, NULL, NULL, napi_default, NULL},
      {"updateAsync", NULL, update_async, NULL, NULL, NULL, napi_default, NULL},
      {"words", NULL, words, NULL, NULL, NULL, napi_default, NULL},
      {"digest", NULL, digest, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_value cls;
  CALL(env, napi_define_class(env, "Hasher", NAPI_AUTO_LENGTH, construct, NULL, 4, methods, &cls));
  CALL(env, napi_set_named_property(env, exports, "Hasher", cls));
  return exports;
}
