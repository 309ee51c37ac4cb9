/* A stand-in for a hostile plugin: loading it appends a line to the file
   named by GRADLINT_TEST_MARK. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((constructor)) static void markLoaded(void) {
  const char *Path = getenv("GRADLINT_TEST_MARK");
  FILE *F = Path ? fopen(Path, "a") : NULL;
  if (F) {
    fputs("loaded\n", F);
    fclose(F);
  }
}
