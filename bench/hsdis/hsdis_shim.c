/*
 * An adapter between HotSpot's disassembler interface and Debian's libhsdis0-fcml.
 *
 * JDK 17 and later look up `decode_instructions_virtual` in hsdis-amd64.so; the FCML-based
 * library that Debian ships exports only the older `decode_instructions`, so HotSpot prints raw
 * hex. The compiled code lies in the code cache at the address it is printed for, so the newer
 * call maps onto the older one by decoding the buffer in place. Built and installed by
 * bench/jit-asm.
 */
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

typedef void *(*decode_fn)(void *start, void *end, void *event_callback, void *event_stream,
                           void *printf_callback, void *printf_stream, const char *options);

static decode_fn fcml_decode(void) {
  static decode_fn decode;
  if (decode == NULL) {
    void *library = dlopen(FCML_HSDIS, RTLD_NOW | RTLD_LOCAL);
    if (library != NULL) {
      decode = (decode_fn) dlsym(library, "decode_instructions");
    }
  }
  return decode;
}

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer,
                                  uintptr_t length, void *event_callback, void *event_stream,
                                  void *printf_callback, void *printf_stream, const char *options,
                                  int newline) {
  (void) start_va;
  (void) end_va;
  (void) newline;
  decode_fn decode = fcml_decode();
  if (decode == NULL) {
    return NULL;
  }
  return decode(buffer, buffer + length, event_callback, event_stream, printf_callback,
                printf_stream, options);
}
